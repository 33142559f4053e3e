/**
 * Event log filtering and the throttle that decides what the aria-live region announces.
 */
import type { EventLevel, EventSource, SimEvent } from '@sandbox';

export const EVENT_SOURCES: readonly EventSource[] = [
  'learner',
  'instructor',
  'scenario',
  'ec2',
  'ecs',
  'fargate',
  'docker',
  'autoscaling',
  'elb',
  'cloudwatch',
];
export const EVENT_LEVELS: readonly EventLevel[] = ['info', 'warning', 'error'];

export interface EventFilter {
  /** Empty = every source. */
  sources: readonly EventSource[];
  /** Empty = every level. */
  levels: readonly EventLevel[];
}

export const allEvents: EventFilter = { sources: [], levels: [] };

/** Newest first, at most `limit` entries that pass the filter. */
export function filterEvents(
  events: readonly SimEvent[],
  filter: EventFilter,
  limit = 200,
): SimEvent[] {
  const out: SimEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const event = events[i];
    if (!event) continue;
    if (filter.sources.length > 0 && !filter.sources.includes(event.source)) continue;
    if (filter.levels.length > 0 && !filter.levels.includes(event.level)) continue;
    out.push(event);
  }
  return out;
}

/** Sources that occur in the events, in EVENT_SOURCES order (for the filter menu). */
export function presentSources(events: readonly SimEvent[]): EventSource[] {
  const seen = new Set(events.map((e) => e.source));
  return EVENT_SOURCES.filter((s) => seen.has(s));
}

/** Warnings, errors and scripted events are worth interrupting a screen-reader user for. */
export function isImportant(event: SimEvent): boolean {
  return event.level !== 'info' || event.source === 'scenario';
}

export interface AnnounceState {
  /** Id of the newest event already considered. */
  lastSeenId: number;
  /** Wall time (ms) of the last announcement. */
  lastAt: number;
  /** Important events seen but not announced yet (count and newest). */
  queued: number;
  newest: SimEvent | null;
}

export const initialAnnounceState = (lastSeenId = -1): AnnounceState => ({
  lastSeenId,
  lastAt: Number.NEGATIVE_INFINITY,
  queued: 0,
  newest: null,
});

/** Minimum wall milliseconds between two announcements. */
export const ANNOUNCE_INTERVAL_MS = 4000;

/**
 * Takes the events (oldest first) and the wall clock; returns what to announce now (or
 * null) and the new state. Bursts are folded into one sentence: "3 new alerts. Latest: …".
 */
export function nextAnnouncement(
  state: AnnounceState,
  events: readonly SimEvent[],
  nowMs: number,
  intervalMs = ANNOUNCE_INTERVAL_MS,
  /** Events told otherwise (a finished run, announced in its own words): seen, not announced. */
  toldElsewhere: (event: SimEvent) => boolean = () => false,
): { message: string | null; state: AnnounceState } {
  let { queued, newest, lastSeenId } = state;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!event || event.id <= state.lastSeenId) break;
    if (isImportant(event) && !toldElsewhere(event)) {
      queued++;
      if (!newest || event.id > newest.id) newest = event;
    }
  }
  const last = events[events.length - 1];
  if (last && last.id > lastSeenId) lastSeenId = last.id;
  if (queued === 0 || !newest || nowMs - state.lastAt < intervalMs) {
    return { message: null, state: { ...state, queued, newest, lastSeenId } };
  }
  const label = newest.level === 'info' ? 'Event' : newest.level === 'error' ? 'Error' : 'Warning';
  const message =
    queued === 1
      ? `${label}: ${newest.message}`
      : `${queued} new alerts. Latest, ${label.toLowerCase()}: ${newest.message}`;
  return { message, state: { lastSeenId, lastAt: nowMs, queued: 0, newest: null } };
}
