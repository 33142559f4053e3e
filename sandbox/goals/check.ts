/** Goal registry and checker. Params are validated with each goal's zod schema; nothing is evaluated as code. */
import type { World } from '../model/types.ts';
import type { GoalSpec, Scenario } from '../scenarios/schema.ts';
import type { GoalDefinition, GoalResult } from './goal.ts';
import type { GoalName } from './registry-names.ts';
import {
  activeContainerInstancesAtLeast,
  costBelow,
  failedRequestsAtMost,
  noTaskPendingLongerThan,
  toilAtMost,
} from './operations.ts';
import {
  launchTypeIs,
  runningAtLeast,
  runningAtMost,
  spreadOverAzs,
  workloadsUp,
} from './running.ts';

export const GOALS: Record<GoalName, GoalDefinition<never>> = {
  runningAtLeast,
  runningAtMost,
  workloadsUp,
  noTaskPendingLongerThan,
  costBelow,
  toilAtMost,
  spreadOverAzs,
  launchTypeIs,
  failedRequestsAtMost,
  activeContainerInstancesAtLeast,
} as unknown as Record<GoalName, GoalDefinition<never>>;

/** Validates a goal's params; returns the problems as `params.<field>: message`. */
export function validateGoalParams(spec: GoalSpec): { path: string; message: string }[] {
  const def = GOALS[spec.goal];
  const parsed = def.params.safeParse(spec.params);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      const keys = (i as unknown as { keys: string[] }).keys;
      return {
        path: ['params', ...i.path.map(String), keys[0] ?? ''].join('.'),
        message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k.slice(0, 64)}'`).join(', ')}`,
      };
    }
    return { path: ['params', ...i.path.map(String)].join('.'), message: i.message };
  });
}

/** Checks every goal. Before the scenario's end, goals not yet decided are 'pending'. */
export function checkGoals(
  world: World,
  scenario: Scenario,
  options: { final?: boolean } = {},
): GoalResult[] {
  const final = options.final ?? world.time >= scenario.duration;
  return scenario.goals.map((spec) => {
    const def = GOALS[spec.goal] as unknown as GoalDefinition<unknown>;
    const parsed = def.params.safeParse(spec.params);
    if (!parsed.success) {
      return {
        id: spec.id,
        goal: spec.goal,
        description: spec.description ?? spec.goal,
        status: 'fail',
        explanation: `invalid params: ${parsed.error.issues[0]?.message ?? ''}`,
      };
    }
    const outcome = def.check(parsed.data, { world, scenario, final });
    return {
      id: spec.id,
      goal: spec.goal,
      description: spec.description ?? def.describe(parsed.data),
      ...outcome,
    };
  });
}
