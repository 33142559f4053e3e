/**
 * "Why?": the chain of causes behind any event, walked back to its root — a learner action,
 * a fault, a timer, a control loop's own decision, or the scenario's starting state — in words,
 * each step with the moment it happened so the timeline can jump there.
 */
import type { Cause, SimEvent, World } from '@sandbox';
import { formatTimelineClock } from './marks.ts';

export interface CauseStep {
  /** What happened, in words a learner reads in a few seconds. */
  text: string;
  /** When (sim seconds), for the timeline; null when the moment is not known. */
  time: number | null;
  /** The event this step is, when it is one (the view can show it in the log). */
  eventId: number | null;
  /** Whether this is where the chain starts (nothing caused it but the step itself). */
  root: boolean;
}

/** How far back a chain goes at most; a longer one says so instead of looping. */
const MAX_STEPS = 12;

const BY: Record<string, string> = {
  learner: 'you',
  instructor: 'the instructor',
  scenario: 'the scenario',
};

function eventById(world: World, id: number): SimEvent | undefined {
  // Ids grow with the log, so a binary search finds one among 50,000 at once.
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

const sameCause = (a: Cause, b: Cause) =>
  a.kind === b.kind &&
  (a.kind !== 'action' && a.kind !== 'fault'
    ? true
    : b.kind === a.kind && a.logIndex === b.logIndex);

function actionStep(world: World, cause: Extract<Cause, { kind: 'action' | 'fault' }>): CauseStep {
  const entry = world.log[cause.logIndex];
  if (!entry || entry.action.type !== cause.actionType)
    return {
      text: `${cause.actionType} in the scenario's starting state`,
      time: 0,
      eventId: null,
      root: true,
    };
  const when = ` at ${formatTimelineClock(entry.at)}`;
  const logged = world.events.find(
    (e) => e.time === entry.at && e.source === cause.by && sameCause(e.cause, cause),
  );
  const what = logged?.message ?? cause.actionType;
  const who = BY[cause.by] ?? cause.by;
  const how =
    cause.kind === 'fault'
      ? cause.by === 'scenario'
        ? `fault scripted by the scenario${when}`
        : cause.by === 'learner'
          ? `fault you fired${when}`
          : `fault fired by ${who}${when}`
      : cause.by === 'learner'
        ? `your action${when}`
        : `action by ${who}${when}`;
  return { text: `${what} (${how})`, time: entry.at, eventId: logged?.id ?? null, root: true };
}

/** How many events back the step that started a timer is looked for. */
const TIMER_LOOKBACK = 5000;

/**
 * The step that started `subject`'s timer which `fired` reports: the newest earlier event
 * about the subject from the same service (its previous state change), else the newest
 * earlier event naming it (the action or report that put it on its way: "Container web in
 * task … exited", "has stopped 2 running tasks: (task …)", "Launching i-…").
 */
function timerStart(world: World, subject: string, fired: SimEvent): SimEvent | undefined {
  const events = world.events;
  let i = events.length - 1;
  while (i >= 0 && events[i]!.id >= fired.id) i--;
  const stop = Math.max(0, i - TIMER_LOOKBACK);
  let named: SimEvent | undefined;
  for (; i >= stop; i--) {
    const event = events[i]!;
    if (event.subject === subject && event.source === fired.source) return event;
    if (!named && event.message.includes(subject)) named = event;
  }
  return named;
}

/** The chain behind event `eventId`, the event itself first and its root last. */
export function causeChain(world: World, eventId: number): CauseStep[] {
  const first = eventById(world, eventId);
  if (!first) return [];
  const steps: CauseStep[] = [];
  const seen = new Set<number>();
  let event: SimEvent | undefined = first;
  let cause: Cause | undefined;
  while (event && steps.length < MAX_STEPS) {
    seen.add(event.id);
    cause = event.cause;
    if ((cause.kind === 'action' || cause.kind === 'fault') && event.source === cause.by) {
      // The event is the action's own log line: the action is the root.
      steps.push({ ...actionStep(world, cause), eventId: event.id });
      return steps;
    }
    steps.push({ text: event.message, time: event.time, eventId: event.id, root: false });
    const current: SimEvent = event;
    let next: Cause | undefined = cause;
    event = undefined;
    while (next && steps.length < MAX_STEPS) {
      if (next.kind === 'event') {
        if (seen.has(next.eventId)) break;
        event = eventById(world, next.eventId);
        if (!event)
          steps.push({
            text: 'an earlier event no longer kept in the log',
            time: null,
            eventId: null,
            root: true,
          });
        break;
      }
      if (next.kind === 'action' || next.kind === 'fault') {
        steps.push(actionStep(world, next));
        return steps;
      }
      if (next.kind === 'timer') {
        const started = timerStart(world, next.subject, current);
        steps.push({
          text: `${next.subject}'s ${next.timer} timer ran out (a delay the simulation models)`,
          time: null,
          eventId: null,
          root: !started || seen.has(started.id),
        });
        if (!started || seen.has(started.id)) return steps;
        event = started;
        break;
      }
      if (next.kind === 'scenario') {
        steps.push({
          text: "the scenario's starting state",
          time: 0,
          eventId: null,
          root: true,
        });
        return steps;
      }
      // A control loop's own decision, perhaps after something that changed what it watches.
      steps.push({
        text: `the ${next.controller} control loop acted${next.subject ? ` on ${next.subject}` : ''}`,
        time: null,
        eventId: null,
        root: next.after === undefined,
      });
      next = next.after;
    }
  }
  if (steps.length >= MAX_STEPS)
    steps.push({ text: '… and earlier causes', time: null, eventId: null, root: true });
  return steps;
}

/** The newest event about an entity (task id, instance id, service name…) at or before `time`. */
export function latestEventAbout(
  world: World,
  subject: string,
  time = world.time,
): SimEvent | null {
  for (let i = world.events.length - 1; i >= 0; i--) {
    const event = world.events[i]!;
    if (event.time <= time && event.subject === subject) return event;
  }
  return null;
}

/** One line: "task 3f2c… stopped ← instance i-0ab… terminated ← AZ outage (fault …)". */
export function chainText(steps: readonly CauseStep[]): string {
  return steps.map((s) => s.text).join(' ← ');
}
