import * as z from 'zod/mini';
import {
  ID_MESSAGE,
  ID_PATTERN,
  PROGRESS_VERSION,
  UTC_TIME_MESSAGE,
  UTC_TIME_PATTERN,
  formatPath,
  type DataProblem,
} from './shape.ts';

/**
 * The learner's progress as stored in localStorage and exported to JSON: the contract, in
 * zod/mini. Importing progress checks it with this schema; the store's reads on every page use
 * shape.ts, which gives the same answers without loading zod. Bump `PROGRESS_VERSION` (in
 * shape.ts) and add a migration in `migrate.ts` whenever the shape changes, in both files.
 */
export { emptyProgress, formatPath, ID_PATTERN, PROGRESS_VERSION } from './shape.ts';
export type { DataProblem } from './shape.ts';

const id = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));
const isoTime = z.string().check(z.regex(UTC_TIME_PATTERN, UTC_TIME_MESSAGE));
const count = z.number().check(z.int(), z.minimum(0), z.maximum(100_000));
const points = z.number().check(z.minimum(0), z.maximum(1000));
const percent = z.number().check(z.minimum(0), z.maximum(100));

const storedAnswer = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), choice: id }),
  z.strictObject({ type: z.literal('multiple'), choices: z.array(id).check(z.maxLength(20)) }),
  z.strictObject({
    type: z.literal('numeric'),
    value: z.number().check(z.minimum(-1e12), z.maximum(1e12)),
  }),
  z.strictObject({ type: z.literal('ordering'), order: z.array(id).check(z.maxLength(20)) }),
  z.strictObject({ type: z.literal('matching'), matches: z.record(id, id) }),
  z.strictObject({
    type: z.literal('predict'),
    choice: id,
    observed: z.number().check(z.minimum(-1e12), z.maximum(1e12)),
  }),
]);

export const questionRecord = z.strictObject({
  attempts: count,
  points,
  maxPoints: points,
  correct: z.boolean(),
  answer: z.optional(storedAnswer),
  at: isoTime,
});

export const quizRecord = z.strictObject({
  quizId: id,
  points,
  maxPoints: points,
  passPercent: percent,
  bestPercent: percent,
  passed: z.boolean(),
  passedAt: z.optional(isoTime),
  updatedAt: isoTime,
  questions: z.record(id, questionRecord),
});

export const goalRecord = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  status: z.enum(['pass', 'fail', 'pending']),
  description: z.optional(z.string().check(z.maxLength(500))),
});

export const challengeRecord = z.strictObject({
  attempts: count,
  passed: z.boolean(),
  passedAt: z.optional(isoTime),
  lastAt: isoTime,
  goals: z.array(goalRecord).check(z.maxLength(50)),
});

export const lessonRecord = z.strictObject({
  firstVisitedAt: z.optional(isoTime),
  lastVisitedAt: z.optional(isoTime),
  quiz: z.optional(quizRecord),
  challenges: z.record(id, challengeRecord),
});

export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(id, lessonRecord),
});

export type StoredAnswer = z.infer<typeof storedAnswer>;
export type QuestionRecord = z.infer<typeof questionRecord>;
export type QuizRecord = z.infer<typeof quizRecord>;
export type GoalRecord = z.infer<typeof goalRecord>;
export type ChallengeRecord = z.infer<typeof challengeRecord>;
export type LessonRecord = z.infer<typeof lessonRecord>;
export type Progress = z.infer<typeof progressSchema>;

type Issue = {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  keys?: string[];
  values?: unknown[];
  message?: string;
};

/** Turns zod issues into short messages; zod/mini ships without English messages. */
export function describeIssues(issues: readonly Issue[], prefix = ''): DataProblem[] {
  return issues.map((issue) => {
    const path = formatPath(prefix, issue.path) || '(top level)';
    switch (issue.code) {
      case 'invalid_type':
        return { path, message: `expected ${String(issue.expected)}` };
      case 'too_big':
        return { path, message: `must be at most ${String(issue.maximum)}` };
      case 'too_small':
        return { path, message: `must be at least ${String(issue.minimum)}` };
      case 'invalid_format':
        return { path, message: issue.message ?? 'has the wrong format' };
      case 'invalid_key':
        return { path, message: 'has a key that is not a valid id' };
      case 'unrecognized_keys':
        return {
          path,
          message: `unknown field ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}`,
        };
      case 'invalid_value':
        return {
          path,
          message: `must be ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`,
        };
      case 'invalid_union':
        return { path, message: 'has an unknown shape' };
      default:
        return { path, message: 'is invalid' };
    }
  });
}

/** Validates unknown data as current-version progress. */
export function checkProgress(
  data: unknown,
  prefix = '',
): { ok: true; value: Progress } | { ok: false; problems: DataProblem[] } {
  const result = progressSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: describeIssues(result.error.issues as Issue[], prefix) };
}
