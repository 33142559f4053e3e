/**
 * A learner's work on one assignment, kept in this browser's localStorage until they hand it
 * in: their name, each challenge's action log and sim time, each quiz's first answers.
 * Read back through a schema; a damaged record is set aside and work starts fresh.
 */
import { z } from 'zod';

const KEY_PREFIX = 'shipyard.assignment.';
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

const workSchema = z.strictObject({
  v: z.literal(1),
  learner: z.strictObject({
    name: z.string().max(200),
    email: z.string().max(320),
    sisLogin: z.string().max(200),
  }),
  challenges: z.record(
    id,
    z.strictObject({
      time: z.number().int().min(0).max(604_800),
      log: z
        .array(
          z.strictObject({
            at: z.number().int().min(0).max(604_800),
            by: z.enum(['learner', 'instructor']),
            action: z.record(z.string(), z.unknown()),
          }),
        )
        .max(10_000),
    }),
  ),
  quizzes: z.record(id, z.record(id, z.record(z.string(), z.unknown()))),
});

export type Work = z.infer<typeof workSchema>;

export const emptyWork = (): Work => ({
  v: 1,
  learner: { name: '', email: '', sisLogin: '' },
  challenges: {},
  quizzes: {},
});

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface LoadedWork {
  work: Work;
  /** set when saved work could not be read and was set aside */
  notice: string | null;
}

export function loadWork(assignmentId: string): LoadedWork {
  const store = storage();
  const text = store?.getItem(KEY_PREFIX + assignmentId);
  if (!text) return { work: emptyWork(), notice: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = workSchema.safeParse(data);
  if (parsed.success) return { work: parsed.data, notice: null };
  try {
    store?.setItem(`${KEY_PREFIX}${assignmentId}.set-aside`, text);
  } catch {
    // The damaged copy cannot be kept aside; the fresh start below still happens.
  }
  return {
    work: emptyWork(),
    notice:
      'The work saved for this assignment in this browser was damaged, so it was set aside and you start fresh.',
  };
}

/** False when the browser refuses to save (private mode, full storage). */
export function saveWork(assignmentId: string, work: Work): boolean {
  try {
    storage()?.setItem(KEY_PREFIX + assignmentId, JSON.stringify(work));
    return storage() !== null;
  } catch {
    return false;
  }
}
