/** The goal registry (composed from the core's and each service's goals) and the checker. Params are validated with each goal's zod schema; nothing is evaluated as code. */
import type { World } from '../model/types.ts';
import type { GoalSpec, Scenario } from '../scenarios/schema.ts';
import type { z } from 'zod';
import type { GoalContext, GoalDefinition, GoalOutcome, GoalResult } from './goal.ts';
import type { GoalName } from './registry-names.ts';
import { costBelow } from './cost.ts';
import { tasksStartedAfterPush } from './pushed-image.ts';
import {
  launchTypeIs,
  runningAtLeast,
  runningAtMost,
  spreadOverAzs,
  workloadsUp,
} from './running.ts';
import { own } from '../model/record.ts';
import { dockerGoals } from '../services/docker/goals.ts';
import { ecsGoals } from '../services/ecs/goals.ts';
import { elbGoals } from '../services/elb/goals.ts';

/** A goal with its params type sealed inside: it parses its own params, then checks. */
interface RegisteredGoal {
  params: z.ZodType;
  evaluate(
    params: unknown,
    ctx: GoalContext,
  ): { ok: true; description: string; outcome: GoalOutcome } | { ok: false; message: string };
}

/**
 * A goal definition with its params type erased, as a service's static part hands it in:
 * `describe` and `check` accept exactly what its own `params` schema parses to.
 */
export interface ErasedGoalDefinition {
  name: string;
  params: z.ZodType;
  describe: (params: never) => string;
  check: (params: never, ctx: GoalContext) => GoalOutcome;
}

function register(def: ErasedGoalDefinition): RegisteredGoal {
  return {
    params: def.params,
    evaluate(params, ctx) {
      const parsed = def.params.safeParse(params);
      if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '' };
      // What the goal's own params schema parsed is what its describe and check take.
      const data = parsed.data as never;
      return {
        ok: true,
        description: def.describe(data),
        outcome: def.check(data, ctx),
      };
    },
  };
}

/** Registers a service's goals (a record of definitions, keyed by name). */
function registerAll<D>(defs: { [K in keyof D]: GoalDefinition<D[K]> }): Record<
  keyof D,
  RegisteredGoal
> {
  const out = {} as Record<keyof D, RegisteredGoal>;
  for (const name in defs) out[name] = register(defs[name]);
  return out;
}

/**
 * Every goal by name: the core's, Docker's, ECS's and ELB's; each service that loads on demand
 * (EKS, ECR, the pipeline) adds its own with its static part (`registerGoals`).
 */
const GOALS: Partial<Record<GoalName, RegisteredGoal>> = {
  runningAtLeast: register(runningAtLeast),
  runningAtMost: register(runningAtMost),
  workloadsUp: register(workloadsUp),
  costBelow: register(costBelow),
  tasksStartedAfterPush: register(tasksStartedAfterPush),
  spreadOverAzs: register(spreadOverAzs),
  launchTypeIs: register(launchTypeIs),
  ...registerAll(dockerGoals),
  ...registerAll(ecsGoals),
  ...registerAll(elbGoals),
};

/** Adds a service's goals (its static part, loaded on demand), keyed by the names it declares. */
export function registerGoals(
  names: readonly GoalName[],
  defs: Readonly<Record<string, ErasedGoalDefinition>>,
): void {
  for (const name of names) {
    const def = own(defs, name);
    if (!def) throw new Error(`goal ${name} is declared but not defined`);
    GOALS[name] = register(def);
  }
}

/** The registered goal of this name; a goal of a service not loaded yet is an error to name. */
function goalOf(name: GoalName): RegisteredGoal {
  const goal = own(GOALS, name);
  if (!goal)
    throw new Error(
      `The sandbox has not loaded the service of the ${name} goal: await loadServices or loadServicesFor(scenario) first.`,
    );
  return goal;
}

/** Validates a goal's params; returns the problems as `params.<field>: message`. */
export function validateGoalParams(spec: GoalSpec): { path: string; message: string }[] {
  const def = goalOf(spec.goal);
  const parsed = def.params.safeParse(spec.params);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      const keys = i.keys;
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
    const evaluated = goalOf(spec.goal).evaluate(spec.params, { world, scenario, final });
    if (!evaluated.ok) {
      return {
        id: spec.id,
        goal: spec.goal,
        description: spec.description ?? spec.goal,
        status: 'fail',
        explanation: `invalid params: ${evaluated.message}`,
      };
    }
    return {
      id: spec.id,
      goal: spec.goal,
      description: spec.description ?? evaluated.description,
      ...evaluated.outcome,
    };
  });
}
