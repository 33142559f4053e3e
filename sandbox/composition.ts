/**
 * The composition: the one list of service modules. The engine derives the tick order,
 * the action table, billing, metrics and snapshot checks from it. Nothing it composes
 * imports this file. Adding a service = one folder under services/ and one line here
 * (plus its types in scenarios/action-schema.ts, scenarios/schema.ts and
 * goals/registry-names.ts; its schemas and goals come with its static part,
 * services/<svc>/static.ts, which `loadServices` registers: scenarios/statics.ts).
 *
 * Each module listed here is its light part; its behaviour loads on demand (`load()`, a
 * dynamic import: a chunk of its own in the browser). Every entry point awaits
 * `loadServicesFor(scenario)` (or `loadServices()` for all) before it builds or steps a world.
 */
import { createEngine } from './engine/engine.ts';
import { actionSchema } from './scenarios/action-schema.ts';
import { registerStatic } from './scenarios/statics.ts';
import { docker } from './services/docker/index.ts';
import { ec2 } from './services/ec2/index.ts';
import { ecs } from './services/ecs/index.ts';
import { elb } from './services/elb/index.ts';
import { eks } from './services/eks/index.ts';
import { ecr } from './services/ecr/index.ts';
import { pipelineModule } from './services/pipeline/index.ts';

/** The pipeline's runner types into the terminal (loaded with the pipeline's behaviour). */
const pipeline = pipelineModule(() => import('./cli/pipeline-shell.ts').then((m) => m.stepShell));

/** Composition order: builds, billing, metrics and domain-event answers run in this order. */
export const engine = createEngine(
  [ec2, docker, ecs, elb, ecr, eks, pipeline],
  actionSchema,
  registerStatic,
);

export const {
  loadServices,
  loadServicesFor,
  servicesFor,
  servicesLoaded,
  emptyWorld,
  buildWorld,
  createWorld,
  validateAction,
  applyAction,
  applyActionInPlace,
  commandFor,
  advance,
  stepInPlace,
  advanceInPlaceTo,
  replay,
  ratePerHour,
  sampleMetrics,
  deserializeWorld,
} = engine;

/** Every controller, in the order one simulated second runs them (derived at load). */
export const CONTROLLER_ORDER: readonly string[] = engine.tickOrder;
