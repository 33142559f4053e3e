/** Appending to the event log, each event with its cause. */
import { LIMITS } from '../model/constants.ts';
import type { Cause, EventLevel, EventSource, World } from '../model/types.ts';

const SCENARIO: Cause = { kind: 'scenario' };
/** The cause in force for a draft world while a handler or controller runs on it. */
const scopes = new WeakMap<World, Cause[]>();

export function withCause<T>(world: World, cause: Cause, fn: () => T): T {
  let stack = scopes.get(world);
  if (!stack) scopes.set(world, (stack = []));
  stack.push(cause);
  try {
    return fn();
  } finally {
    stack.pop();
  }
}

export function currentCause(world: World): Cause {
  const stack = scopes.get(world);
  return (stack && stack[stack.length - 1]) ?? SCENARIO;
}

/** Appends a learner-visible event; returns its id. */
export function emit(
  world: World,
  source: EventSource,
  level: EventLevel,
  message: string,
  extra: { command?: string; subject?: string; cause?: Cause } = {},
): number {
  const { cause, ...rest } = extra;
  const id = world.nextEventId++;
  world.events.push({
    id,
    time: world.time,
    source,
    level,
    message,
    ...rest,
    cause: cause ?? currentCause(world),
  });
  // The log is bounded so a week-long run cannot exhaust memory; the oldest go first.
  if (world.events.length > LIMITS.eventsKept)
    world.events.splice(0, world.events.length - LIMITS.eventsKept);
  return id;
}

/** `00:07:30` style sim time, used in goal explanations and the runner. */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
