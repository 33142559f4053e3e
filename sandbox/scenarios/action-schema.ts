/**
 * The composed action schema: every service's action schemas (services/<svc>/actions.ts) and
 * the core faults, as one discriminated union on `type`. It is the shape check every action
 * goes through, whether it comes from the UI, the terminal, a scenario script, a solution or
 * an actions file; the `Action` type (model/actions.ts) is inferred from it. Semantic checks
 * (does the service exist, does the task fit) happen in the handlers.
 *
 * EC2's, Docker's and ECS's schemas are always here; a service that loads on demand (EKS, ECR,
 * the pipeline) brings its own with its static part (services/<svc>/static.ts), registered by
 * `loadServices` / `loadServicesFor` before any world of that service exists. Its types are
 * composed here at compile time all the same, so `Action` names every action.
 *
 * A new service adds its list here, in composition order, before the faults.
 */
import { z } from 'zod';
import { LIMITS } from '../model/constants.ts';
import type { ActionType } from '../model/actions.ts';
import type { ModuleName } from '../model/types.ts';
import { faultActionSchemas } from '../model/fault-actions.ts';
import { dockerActionSchemas } from '../services/docker/actions.ts';
import { ec2ActionSchemas } from '../services/ec2/actions.ts';
import { ecsActionSchemas } from '../services/ecs/actions.ts';
import type { eksActionSchemas, k8sActionSchemas } from '../services/eks/actions.ts';
import type { ecrActionSchemas } from '../services/ecr/actions.ts';
import type { pipelineActionSchemas } from '../services/pipeline/actions.ts';

/** Every action schema of every service, as types (composition order, faults last). */
type AllActionSchemas = [
  ...typeof ec2ActionSchemas,
  ...typeof dockerActionSchemas,
  ...typeof ecsActionSchemas,
  ...typeof eksActionSchemas,
  ...typeof k8sActionSchemas,
  ...typeof ecrActionSchemas,
  ...typeof pipelineActionSchemas,
  ...typeof faultActionSchemas,
];
/** One action's schema: a strict object whose `type` is a literal. */
export type ActionObjectSchema = AllActionSchemas[number];
/** The action union, inferred from the schemas (model/actions.ts re-exports it as `Action`). */
export type ComposedAction = z.infer<ActionObjectSchema>;

/** Whose lists the union holds, in the order it lists them. */
const ORDER: readonly (ModuleName | 'fault')[] = [
  'ec2',
  'docker',
  'ecs',
  'eks',
  'ecr',
  'pipeline',
  'fault',
];
const lists = new Map<ModuleName | 'fault', readonly ActionObjectSchema[]>([
  ['docker', dockerActionSchemas],
  ['ecs', ecsActionSchemas],
  ['fault', faultActionSchemas],
]);

type Options = [ActionObjectSchema, ...ActionObjectSchema[]];
let union: z.ZodDiscriminatedUnion<Options, 'type'> | null = null;

function options(): Options {
  // EC2's list is always registered, so the union is never empty.
  return [
    ...ec2ActionSchemas,
    ...ORDER.flatMap((name) => (name === 'ec2' ? [] : (lists.get(name) ?? []))),
  ];
}

function composed(): z.ZodDiscriminatedUnion<Options, 'type'> {
  union ??= z.discriminatedUnion('type', options());
  return union;
}

/** Adds a service's action schemas (its static part, loaded on demand). Idempotent. */
export function registerActionSchemas(
  name: ModuleName,
  schemas: readonly ActionObjectSchema[],
): void {
  if (lists.get(name) === schemas) return;
  lists.set(name, schemas);
  union = null;
  timed = null;
}

/** The composed schema: every registered action type, parsed as one discriminated union. */
export const actionSchema = {
  /** The action schemas registered so far, in composition order. */
  get options(): readonly { readonly shape: { readonly type: { readonly value: ActionType } } }[] {
    return options();
  },
  safeParse(input: unknown): z.ZodSafeParseResult<ComposedAction> {
    return composed().safeParse(input);
  },
};

function buildTimedActionSchema(action: z.ZodDiscriminatedUnion<Options, 'type'>) {
  return z.strictObject({
    at: z
      .number()
      .int('must be a whole number of seconds')
      .min(0, 'must not be negative')
      .max(LIMITS.durationSeconds, `must be at most ${LIMITS.durationSeconds} s (7 days)`),
    action,
  });
}
let timed: ReturnType<typeof buildTimedActionSchema> | null = null;

/** `{ at, action }`, with every action type registered so far (rebuilt when a service registers). */
export function timedActionSchema(): ReturnType<typeof buildTimedActionSchema> {
  timed ??= buildTimedActionSchema(composed());
  return timed;
}
