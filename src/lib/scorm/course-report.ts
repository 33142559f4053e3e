/**
 * What the course reports to an LMS through the SCORM launcher: a score out of 100 (the quiz
 * points earned across the course's quizzes), a SCORM 1.2 lesson status, and a compact resume
 * record that always fits `cmi.suspend_data` (4,096 characters).
 *
 * The LMS keeps that record between launches. A learner who opens the course on another
 * device (or after clearing the browser) starts with empty local progress; the record read
 * back from the LMS keeps the report from going down: each lesson counts its best points,
 * challenges and done state from either side.
 */
import { z } from 'zod';
import { lessonStatus, type Progress } from '@lib/progress/index.ts';

export const SUSPEND_DATA_LIMIT = 4096;

export interface CourseLesson {
  id: string;
  /** total points of the lesson's quiz; 0 when it has none */
  quizPoints: number;
}

export interface CourseReport {
  scoreRaw: number;
  status: 'incomplete' | 'passed';
  suspendData: string;
}

/** Per lesson: quiz points, passed challenges, done (1) or not (0). */
export type ResumeRecord = Record<string, { points: number; challenges: number; done: boolean }>;

const count = z.number().int().min(0).max(100_000);
/** v1 (before resume was read back) had no done flag. */
const suspendSchema = z.union([
  z.strictObject({
    v: z.literal(1),
    l: z.record(z.string().max(64), z.tuple([count, count])),
  }),
  z.strictObject({
    v: z.literal(2),
    l: z.record(z.string().max(64), z.tuple([count, count, z.union([z.literal(0), z.literal(1)])])),
  }),
]);

/**
 * Reads the record an LMS gives back. Anything else (empty, not JSON, another shape, too long)
 * is no record: the LMS's copy is only ever a floor, so ignoring a damaged one loses nothing
 * the learner's browser does not have.
 */
export function readSuspendData(text: string): ResumeRecord {
  if (text.length === 0 || text.length > SUSPEND_DATA_LIMIT) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = suspendSchema.safeParse(value);
  if (!parsed.success) return {};
  const record: ResumeRecord = {};
  for (const [id, entry] of Object.entries(parsed.data.l)) {
    record[id] = { points: entry[0], challenges: entry[1], done: entry[2] === 1 };
  }
  return record;
}

export function courseReport(
  progress: Progress,
  lessons: readonly CourseLesson[],
  resumed: ResumeRecord = {},
): CourseReport {
  let earned = 0;
  let possible = 0;
  let done = true;
  const resume: Record<string, [number, number, 0 | 1]> = {};
  for (const lesson of lessons) {
    const record = Object.hasOwn(progress.lessons, lesson.id)
      ? progress.lessons[lesson.id]
      : undefined;
    const before = Object.hasOwn(resumed, lesson.id) ? resumed[lesson.id] : undefined;
    const points = Math.min(
      lesson.quizPoints,
      Math.max(record?.quiz?.points ?? 0, before?.points ?? 0),
    );
    const challenges = Math.max(
      Object.values(record?.challenges ?? {}).filter((c) => c.passed).length,
      before?.challenges ?? 0,
    );
    const lessonDone =
      lessonStatus(progress, lesson.id, { hasQuiz: lesson.quizPoints > 0 }) === 'done' ||
      before?.done === true;
    earned += points;
    possible += lesson.quizPoints;
    done &&= lessonDone;
    if (record || before) resume[lesson.id] = [points, challenges, lessonDone ? 1 : 0];
  }
  let suspendData = JSON.stringify({ v: 2, l: resume });
  // Lesson ids are at most 64 characters, so this only matters for a course of many dozens of lessons.
  if (suspendData.length > SUSPEND_DATA_LIMIT) suspendData = JSON.stringify({ v: 2, l: {} });
  return {
    scoreRaw: possible > 0 ? Math.round((earned / possible) * 10000) / 100 : 0,
    status: done ? 'passed' : 'incomplete',
    suspendData,
  };
}
