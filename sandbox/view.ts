/**
 * The read-only helpers the view draws with, as a public entry point of their own. It imports
 * no composition, no engine and no schema, so a page that draws a world (the build-time world
 * before the learner's first interaction) loads none of them: importing a value from
 * `@sandbox` (sandbox/index.ts) runs the composition, and with it every service's schemas.
 * sandbox/index.ts exports the same names.
 */
import type { ScenarioLike, ServiceModule } from './engine/module.ts';
import type { ModuleName, Orchestrator } from './model/types.ts';
import { dockerActiveFor } from './services/docker/active.ts';
import { ec2ActiveFor } from './services/ec2/active.ts';
import { ecrActiveFor } from './services/ecr/active.ts';
import { ecsActiveFor } from './services/ecs/active.ts';
import { eksActiveFor } from './services/eks/active.ts';
import { elbActiveFor } from './services/elb/active.ts';
import { pipelineActiveFor } from './services/pipeline/active.ts';

export {
  instanceUsage,
  serviceSummary,
  unplacedContainers,
  hostRunningCount,
  containerInstanceOf,
} from './engine/queries.ts';
export { INSTANCE_TYPES, FARGATE_CPU_MEMORY, REGIONS } from './model/aws-data.ts';
export {
  SECURITY_GROUP_ID,
  VPC_ID,
  instanceProfileOf,
  serviceNetworkConfiguration,
  subnetIdFor,
} from './model/vpc.ts';
export { podRequest, verdictsOf } from './services/eks/scheduler.ts';
export { podStatus } from './services/eks/kubectl-format.ts';
export { nodeStatusText } from './services/eks/node-health.ts';
export { controlPlaneHealth, controlPlanePricePerHour } from './services/eks/control-plane.ts';

const ACTIVE_FOR: Record<ModuleName, ServiceModule['activeFor']> = {
  ec2: ec2ActiveFor,
  elb: elbActiveFor,
  docker: dockerActiveFor,
  ecs: ecsActiveFor,
  eks: eksActiveFor,
  ecr: ecrActiveFor,
  pipeline: pipelineActiveFor,
};

/**
 * Whether a service runs in a scenario's world: the same rule its module's `activeFor` applies
 * (each service's active.ts), for a view that offers a panel only where its service runs.
 */
export function serviceActiveFor(
  id: ModuleName,
  scenario: { orchestrator: Orchestrator } & ScenarioLike,
): boolean {
  return ACTIVE_FOR[id](scenario.orchestrator, scenario);
}

/**
 * `kubectl apply -f`'s pure parser (YAML with the sandbox's limits, then each document judged in
 * kubectl's words), for the manifest editor. Loaded on demand, so the YAML parser stays out of
 * the pages and chunks that do not need it.
 */
export function loadManifestParser() {
  return import('./services/eks/manifest-editor.ts');
}
export type ManifestParser = Awaited<ReturnType<typeof loadManifestParser>>;
/** The workflow parser, its catalogue of actions and keys, and the equivalent buildspec and Jenkinsfile (on demand). */
export function loadWorkflowTools() {
  return import('./services/pipeline/workflow-tools.ts');
}
export type WorkflowTools = Awaited<ReturnType<typeof loadWorkflowTools>>;
/**
 * Why an ECS task was placed where it was, or why it still waits (placement-explain.ts), on
 * demand: the placement code it reuses stays out of the pages that only draw a world.
 */
export function loadPlacementExplain() {
  return import('./services/ecs/placement-explain.ts');
}
export type PlacementExplain = Awaited<ReturnType<typeof loadPlacementExplain>>;
