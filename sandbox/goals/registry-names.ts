/**
 * The names scenarios may use in `goals[].goal`: the core goals (goals/running.ts, cost.ts) and
 * each service's (services/<svc>/goals.ts), as plain lists. Kept apart from the registry
 * (check.ts) so the scenario schema can name them without a type cycle
 * (Scenario → goal names → goal definitions → Scenario).
 *
 * Docker's, ECS's and ELB's names are always here; a service that loads on demand (EKS, ECR,
 * the pipeline) brings its names with its static part (services/<svc>/static.ts, registered
 * by `loadServices`), so the type names every goal while the core chunk carries only its own.
 */
import type { ModuleName } from '../model/types.ts';
import { DOCKER_GOAL_NAMES } from '../services/docker/goals.ts';
import { ECS_GOAL_NAMES } from '../services/ecs/goals.ts';
import type { EKS_GOAL_NAMES } from '../services/eks/goals.ts';
import { ELB_GOAL_NAMES } from '../services/elb/goals.ts';
import type { ECR_GOAL_NAMES } from '../services/ecr/goals.ts';
import type { PIPELINE_GOAL_NAMES } from '../services/pipeline/goals.ts';

/** Goals over the metrics samples and the bill, which every service contributes to. */
export const CORE_GOAL_NAMES = [
  'runningAtLeast',
  'runningAtMost',
  'workloadsUp',
  'costBelow',
  'spreadOverAzs',
  'launchTypeIs',
  'tasksStartedAfterPush',
] as const;

export type GoalName =
  | (typeof CORE_GOAL_NAMES)[number]
  | (typeof DOCKER_GOAL_NAMES)[number]
  | (typeof ECS_GOAL_NAMES)[number]
  | (typeof ELB_GOAL_NAMES)[number]
  | (typeof EKS_GOAL_NAMES)[number]
  | (typeof ECR_GOAL_NAMES)[number]
  | (typeof PIPELINE_GOAL_NAMES)[number];

/** Whose names the list holds, in the order it lists them. */
const ORDER: readonly (ModuleName | 'core')[] = [
  'core',
  'docker',
  'ecs',
  'elb',
  'eks',
  'ecr',
  'pipeline',
];
const lists = new Map<ModuleName | 'core', readonly GoalName[]>([
  ['core', CORE_GOAL_NAMES],
  ['docker', DOCKER_GOAL_NAMES],
  ['ecs', ECS_GOAL_NAMES],
  ['elb', ELB_GOAL_NAMES],
]);

/** Adds a service's goal names (its static part, loaded on demand). */
export function registerGoalNames(name: ModuleName, names: readonly GoalName[]): void {
  lists.set(name, names);
}

/** Every goal name registered so far, in composition order. */
export function goalNames(): GoalName[] {
  return ORDER.flatMap((name) => lists.get(name) ?? []);
}
