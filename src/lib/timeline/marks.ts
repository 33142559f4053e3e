/**
 * The moments a timeline marks: learner actions, faults, scripted events, scaling activity
 * and goal changes. Each kind has a shape and a word as well as a colour, so no mark relies
 * on colour alone.
 */
import type { SimEvent, TimedAction, World } from '@sandbox';
import type { Checkpoint } from './rewind.ts';

export type MarkKind = 'action' | 'fault' | 'scripted' | 'scaling' | 'goal';

export interface Mark {
  time: number;
  kind: MarkKind;
  /** One line a learner reads: what happened, in words. */
  text: string;
}

/** Shape (shown) and word (read) of each kind, in the order the legend lists them. */
export const MARK_KINDS: Record<MarkKind, { glyph: string; word: string }> = {
  action: { glyph: '◆', word: 'Your action' },
  fault: { glyph: '⚡', word: 'Fault' },
  scripted: { glyph: '■', word: 'Scripted event' },
  scaling: { glyph: '▲', word: 'Scaling' },
  goal: { glyph: '●', word: 'Goal change' },
};

/** When two marks share a second, the more telling kind is drawn on top. */
const PRIORITY: Record<MarkKind, number> = {
  fault: 5,
  goal: 4,
  action: 3,
  scripted: 2,
  scaling: 1,
};

const isFault = (entry: TimedAction) => entry.action.type.startsWith('fault.');

const WHO: Record<TimedAction['by'], string> = {
  learner: 'You',
  instructor: 'The instructor',
  scenario: 'The scenario',
};

/**
 * Each applied action logs one event from its actor (learner, instructor or scenario) at the
 * same second, in the same order: the n-th action of an actor in a second is its n-th event.
 */
function actionMessages(world: World): string[] {
  const events = new Map<string, SimEvent[]>();
  for (const event of world.events) {
    if (event.source !== 'learner' && event.source !== 'instructor' && event.source !== 'scenario')
      continue;
    const key = `${event.time}|${event.source}`;
    const list = events.get(key);
    if (list) list.push(event);
    else events.set(key, [event]);
  }
  const used = new Map<string, number>();
  return world.log.map((entry) => {
    const key = `${entry.at}|${entry.by}`;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return events.get(key)?.[n]?.message ?? entry.action.type;
  });
}

const GOAL_WORD = { pass: 'met', fail: 'failed', pending: 'not yet met' } as const;

/** Every mark of a world's history so far, oldest first. */
export function marksOf(world: World, checkpoints: readonly Checkpoint[] = []): Mark[] {
  const marks: Mark[] = [];
  const messages = actionMessages(world);
  world.log.forEach((entry, i) => {
    const kind: MarkKind =
      entry.by === 'scenario' ? 'scripted' : isFault(entry) ? 'fault' : 'action';
    marks.push({ time: entry.at, kind, text: `${WHO[entry.by]}: ${messages[i]}` });
  });
  for (const event of world.events)
    if (event.source === 'autoscaling')
      marks.push({ time: event.time, kind: 'scaling', text: event.message });
  for (let i = 1; i < checkpoints.length; i++) {
    const before = checkpoints[i - 1]!;
    const now = checkpoints[i]!;
    for (const [id, goal] of Object.entries(now.goals)) {
      const was = before.goals[id]?.status;
      if (was !== undefined && was !== goal.status)
        marks.push({
          time: now.time,
          kind: 'goal',
          text: `Goal “${goal.description}”: ${GOAL_WORD[was]} → ${GOAL_WORD[goal.status]} (by ${formatTimelineClock(now.time)})`,
        });
    }
  }
  return marks.sort((a, b) => a.time - b.time || PRIORITY[b.kind] - PRIORITY[a.kind]);
}

export interface MarkBucket {
  /** Start of the bucket, sim seconds. */
  time: number;
  kind: MarkKind;
  count: number;
}

/**
 * Marks grouped into at most `buckets` slots across `duration`, each drawn as its most
 * telling kind with a count, so a day of events stays a readable strip.
 */
export function bucketMarks(
  marks: readonly Mark[],
  duration: number,
  buckets: number,
): MarkBucket[] {
  const width = Math.max(1, duration / Math.max(1, buckets));
  const out = new Map<number, MarkBucket>();
  for (const mark of marks) {
    const slot = Math.min(buckets - 1, Math.floor(mark.time / width));
    const current = out.get(slot);
    if (!current) out.set(slot, { time: mark.time, kind: mark.kind, count: 1 });
    else {
      current.count++;
      if (PRIORITY[mark.kind] > PRIORITY[current.kind]) {
        current.kind = mark.kind;
        current.time = mark.time;
      }
    }
  }
  return [...out.values()].sort((a, b) => a.time - b.time);
}

/** hh:mm:ss, as the timeline shows a position in scenarios of any length. */
export function formatTimelineClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** The slider's spoken value: "00:12:34 of 01:00:00, 3 events". */
export function sliderText(time: number, duration: number, marks: readonly Mark[]): string {
  const here = marks.filter((m) => m.time === time).length;
  const suffix = here === 0 ? '' : here === 1 ? ', 1 event' : `, ${here} events`;
  return `${formatTimelineClock(time)} of ${formatTimelineClock(duration)}${suffix}`;
}
