/** Appending to the event log, each event with its cause. */
import { LIMITS } from '../model/constants.ts';
import type { Action } from '../model/actions.ts';
import type { Cause, EventLevel, EventSource, SimEvent, World } from '../model/types.ts';

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

/** How many events back a control loop looks for the change it answers. */
const ANSWER_LOOKBACK = 2000;

/**
 * The cause of a control loop's event about `subject`: the loop (the cause in force), and
 * `after` it the newest earlier event that `answers` accepts — the change the loop is
 * answering (a learner action, a fault, a traffic change, a task that stopped…). An event
 * that is an action's own log line stands for the action itself. Outside a control loop (an
 * action handler, the scenario's start) the cause in force is kept as it is.
 */
export function answeringCause(
  world: World,
  subject: string,
  answers: (event: SimEvent) => boolean,
): Cause {
  const cause = currentCause(world);
  if (cause.kind !== 'controller') return cause;
  const events = world.events;
  const stop = Math.max(0, events.length - ANSWER_LOOKBACK);
  for (let i = events.length - 1; i >= stop; i--) {
    const event = events[i]!;
    // What the loop did itself, or set off at once, is not what it answers.
    if (byLoop(world, event.cause, cause.controller)) continue;
    if (!answers(event)) continue;
    const c = event.cause;
    const after: Cause =
      (c.kind === 'action' || c.kind === 'fault') && event.source === c.by
        ? c
        : { kind: 'event', eventId: event.id };
    return { kind: 'controller', controller: cause.controller, subject, after };
  }
  return { kind: 'controller', controller: cause.controller, subject };
}

/** The logged action an event is the log line of, or null. */
export function actionOfEvent(world: World, event: SimEvent): Action | null {
  const c = event.cause;
  if ((c.kind !== 'action' && c.kind !== 'fault') || event.source !== c.by) return null;
  const entry = world.log[c.logIndex];
  return entry && entry.action.type === c.actionType ? entry.action : null;
}

/** Whether `cause` is controller `name`'s, directly or through the event it points at. */
function byLoop(world: World, cause: Cause, name: string): boolean {
  if (cause.kind === 'controller') return cause.controller === name;
  if (cause.kind !== 'event') return false;
  const origin = eventById(world, cause.eventId)?.cause;
  return origin?.kind === 'controller' && origin.controller === name;
}

/** The event with id `id`, by binary search (ids grow with the log). */
function eventById(world: World, id: number): SimEvent | undefined {
  const events = world.events;
  let low = 0;
  let high = events.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const event = events[mid]!;
    if (event.id === id) return event;
    if (event.id < id) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
