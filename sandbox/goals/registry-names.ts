/**
 * The names scenarios may use in `goals[].goal`: the core goals (goals/running.ts, cost.ts) and
 * each service's (services/<svc>/goals.ts), as plain lists. Kept apart from the registry
 * (check.ts) so the scenario schema can name them without a type cycle
 * (Scenario → goal names → goal definitions → Scenario).
 */
import { DOCKER_GOAL_NAMES } from '../services/docker/goals.ts';
import { ECS_GOAL_NAMES } from '../services/ecs/goals.ts';
import { EKS_GOAL_NAMES } from '../services/eks/goals.ts';
import { ELB_GOAL_NAMES } from '../services/elb/goals.ts';
import { ECR_GOAL_NAMES } from '../services/ecr/goals.ts';
import { PIPELINE_GOAL_NAMES } from '../services/pipeline/goals.ts';

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

export const GOAL_NAMES = [
  ...CORE_GOAL_NAMES,
  ...DOCKER_GOAL_NAMES,
  ...ECS_GOAL_NAMES,
  ...ELB_GOAL_NAMES,
  ...EKS_GOAL_NAMES,
  ...ECR_GOAL_NAMES,
  ...PIPELINE_GOAL_NAMES,
] as const;
export type GoalName = (typeof GOAL_NAMES)[number];
