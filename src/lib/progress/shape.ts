/**
 * The stored progress checked without zod, for the pages' first load: every lesson page reads
 * progress at once (sidebar marks, lesson status), and zod would add 16 KB gzip to each. The
 * contract is still `progressSchema` in schema.ts; this gives the same answers, the same
 * problems in the same order and the same value (a fresh copy, fields in the schema's order)
 * for any parsed JSON without prototype keys (what the store passes on, after `scanHostile`).
 * test/progress/shape.test.ts proves it against the zod schema over random and corrupt data.
 */
import type { Progress } from './schema.ts';

export const PROGRESS_VERSION = 1;

/** Lesson, quiz, question and scenario ids: lowercase, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ID_MESSAGE = 'expected an id of lowercase letters, digits and dashes';
export const UTC_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const UTC_TIME_MESSAGE = 'expected a UTC time';

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

/** A validation problem, located by a dotted path such as `lessons.ecs.quiz.points`. */
export interface DataProblem {
  path: string;
  message: string;
}

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    prefix,
  );
}

/** Validates unknown data as current-version progress. */
export function checkProgressShape(
  data: unknown,
  prefix = '',
): { ok: true; value: Progress } | { ok: false; problems: DataProblem[] } {
  const problems: Found[] = [];
  const value = progress(data, [], problems);
  if (problems.length === 0) return { ok: true, value: value as Progress };
  return {
    ok: false,
    problems: problems.map((p) => ({
      path: formatPath(prefix, p.path) || '(top level)',
      message: p.message,
    })),
  };
}

type Path = readonly (string | number)[];
type Found = { path: Path; message: string };
/** Checks `value` found at `path`: returns its copy, or records problems (the return is then unused). */
type Shape = (value: unknown, path: Path, problems: Found[]) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (!isObject(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A string, optionally in a format and of `min`–`max` characters (code points). As in zod,
 * the length bounds also apply to a wrong-typed value that has a `length` (a list, say).
 */
function string(format: { pattern: RegExp; message: string } | null, bounds: Bounds = {}): Shape {
  return (value, path, problems) => {
    if (typeof value !== 'string') problems.push({ path, message: 'expected string' });
    else if (format && !format.pattern.test(value))
      problems.push({ path, message: format.message });
    checkLength(value, bounds, path, problems);
    return value;
  };
}

interface Bounds {
  min?: number;
  max?: number;
}

/** zod's length checks: on anything not null or undefined whose `length` is defined. */
function checkLength(value: unknown, { min, max }: Bounds, path: Path, problems: Found[]): void {
  if (value === null || value === undefined) return;
  const units = (value as { length?: unknown }).length;
  if (units === undefined) return;
  // Compared as zod compares them, coercion included, so an odd `length` is judged alike.
  const length = (typeof value === 'string' ? [...value].length : units) as number;
  if (min !== undefined && !(length >= min))
    problems.push({ path, message: `must be at least ${min}` });
  if (max !== undefined && !(length <= max))
    problems.push({ path, message: `must be at most ${max}` });
}

/** A finite number from `min` to `max`; `integer` adds zod's int check (safe integers). */
function number(min: number, max: number, integer = false): Shape {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ path, message: 'expected number' });
      return value;
    }
    if (integer) {
      if (!Number.isInteger(value)) {
        problems.push({ path, message: 'expected int' });
        return value;
      }
      if (value > Number.MAX_SAFE_INTEGER)
        problems.push({ path, message: `must be at most ${Number.MAX_SAFE_INTEGER}` });
      if (value < Number.MIN_SAFE_INTEGER)
        problems.push({ path, message: `must be at least ${Number.MIN_SAFE_INTEGER}` });
    }
    if (value < min) problems.push({ path, message: `must be at least ${min}` });
    if (value > max) problems.push({ path, message: `must be at most ${max}` });
    return value;
  };
}

const boolean: Shape = (value, path, problems) => {
  if (typeof value !== 'boolean') problems.push({ path, message: 'expected boolean' });
  return value;
};

function oneOf(...values: readonly (string | number)[]): Shape {
  const message = `must be ${values.map((v) => JSON.stringify(v)).join(' or ')}`;
  return (value, path, problems) => {
    if (!values.includes(value as string | number)) problems.push({ path, message });
    return value;
  };
}

/** A list of at most `max` items; a longer list is reported once, its items unread. */
function array(item: Shape, max: number): Shape {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ path, message: 'expected array' });
      checkLength(value, { max }, path, problems);
      return value;
    }
    if (value.length > max) {
      problems.push({ path, message: `must be at most ${max}` });
      return value;
    }
    return value.map((v, i) => item(v, [...path, i], problems));
  };
}

/** Fields in this order; a field marked optional may be missing. Any other key is a problem. */
function strictObject(fields: Record<string, Shape>, optional: readonly string[] = []): Shape {
  const names = Object.keys(fields);
  return (value, path, problems) => {
    if (!isObject(value)) {
      problems.push({ path, message: 'expected object' });
      return value;
    }
    const copy: Record<string, unknown> = {};
    for (const name of names) {
      if (optional.includes(name) && value[name] === undefined) {
        if (Object.hasOwn(value, name)) copy[name] = undefined;
        continue;
      }
      copy[name] = fields[name]!(value[name], [...path, name], problems);
    }
    const unknown = Object.keys(value).filter((key) => !Object.hasOwn(fields, key));
    if (unknown.length > 0)
      problems.push({
        path,
        message: `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`,
      });
    return copy;
  };
}

/** Id keys to values of one shape; a value under a bad key is not read. */
function record(item: Shape): Shape {
  return (value, path, problems) => {
    if (!isPlainObject(value)) {
      problems.push({ path, message: 'expected record' });
      return value;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!ID_PATTERN.test(key))
        problems.push({ path: [...path, key], message: 'has a key that is not a valid id' });
      else copy[key] = item(value[key], [...path, key], problems);
    }
    return copy;
  };
}

/** One of several objects, told apart by their `type` field. */
function byType(options: Record<string, Shape>): Shape {
  return (value, path, problems) => {
    if (!isObject(value)) {
      problems.push({ path, message: 'expected object' });
      return value;
    }
    const type = value['type'];
    const option = typeof type === 'string' && Object.hasOwn(options, type) ? options[type] : null;
    if (!option) {
      problems.push({ path: [...path, 'type'], message: 'has an unknown shape' });
      return value;
    }
    return option(value, path, problems);
  };
}

const id = string({ pattern: ID_PATTERN, message: ID_MESSAGE });
const isoTime = string({ pattern: UTC_TIME_PATTERN, message: UTC_TIME_MESSAGE });
const count = number(0, 100_000, true);
const points = number(0, 1000);
const percent = number(0, 100);
const answerNumber = number(-1e12, 1e12);

const storedAnswer = byType({
  single: strictObject({ type: oneOf('single'), choice: id }),
  multiple: strictObject({ type: oneOf('multiple'), choices: array(id, 20) }),
  numeric: strictObject({ type: oneOf('numeric'), value: answerNumber }),
  ordering: strictObject({ type: oneOf('ordering'), order: array(id, 20) }),
  matching: strictObject({ type: oneOf('matching'), matches: record(id) }),
  predict: strictObject({ type: oneOf('predict'), choice: id, observed: answerNumber }),
});

const questionRecord = strictObject(
  {
    attempts: count,
    points,
    maxPoints: points,
    correct: boolean,
    answer: storedAnswer,
    at: isoTime,
  },
  ['answer'],
);

const quizRecord = strictObject(
  {
    quizId: id,
    points,
    maxPoints: points,
    passPercent: percent,
    bestPercent: percent,
    passed: boolean,
    passedAt: isoTime,
    updatedAt: isoTime,
    questions: record(questionRecord),
  },
  ['passedAt'],
);

const goalRecord = strictObject(
  {
    id: string(null, { min: 1, max: 200 }),
    status: oneOf('pass', 'fail', 'pending'),
    description: string(null, { max: 500 }),
  },
  ['description'],
);

const challengeRecord = strictObject(
  {
    attempts: count,
    passed: boolean,
    passedAt: isoTime,
    lastAt: isoTime,
    goals: array(goalRecord, 50),
  },
  ['passedAt'],
);

const lessonRecord = strictObject(
  {
    firstVisitedAt: isoTime,
    lastVisitedAt: isoTime,
    quiz: quizRecord,
    challenges: record(challengeRecord),
  },
  ['firstVisitedAt', 'lastVisitedAt', 'quiz'],
);

const progress = strictObject({
  version: oneOf(PROGRESS_VERSION),
  lessons: record(lessonRecord),
});
