/** Appending to the event log. */
import { LIMITS } from '../model/constants.ts';
import type { EventLevel, EventSource, World } from '../model/types.ts';

export function emit(
  world: World,
  source: EventSource,
  level: EventLevel,
  message: string,
  extra: { command?: string; subject?: string } = {},
): void {
  const event = { id: world.nextEventId++, time: world.time, source, level, message, ...extra };
  world.events.push(event);
  // The log is bounded so a week-long run cannot exhaust memory; the oldest go first.
  if (world.events.length > LIMITS.eventsKept)
    world.events.splice(0, world.events.length - LIMITS.eventsKept);
}

/** `00:07:30` style sim time, used in goal explanations and the runner. */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
