/** Goals are typed predicates over the world that explain themselves. */
import type { z } from 'zod';
import type { MetricSample, World } from '../model/types.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { clock } from '../engine/events.ts';

export interface GoalResult {
  id: string;
  goal: string;
  description: string;
  status: 'pass' | 'fail' | 'pending';
  /** Why, with numbers and sim times. */
  explanation: string;
}

export type GoalOutcome = { status: 'pass' | 'fail' | 'pending'; explanation: string };

export interface GoalContext {
  world: World;
  scenario: Scenario;
  /** The scenario is over: a goal that is not met yet has failed. */
  final: boolean;
}

export interface GoalDefinition<P> {
  name: string;
  params: z.ZodType<P>;
  describe: (params: P) => string;
  check: (params: P, ctx: GoalContext) => GoalOutcome;
}

export const pass = (explanation: string): GoalOutcome => ({ status: 'pass', explanation });
export const fail = (explanation: string): GoalOutcome => ({ status: 'fail', explanation });
export const pending = (explanation: string): GoalOutcome => ({ status: 'pending', explanation });

export function samplesBetween(world: World, from: number, until: number): MetricSample[] {
  return world.metrics.filter((m) => m.time >= from && m.time <= until);
}

export { clock };

export function defineGoal<P>(definition: GoalDefinition<P>): GoalDefinition<P> {
  return definition;
}
