/**
 * shape.ts, the zod-free check the store runs on every page, answers exactly as the zod
 * schema (schema.ts) does: the same verdict, the same problems in the same order, and the same
 * value, byte for byte once serialised. Inputs are parsed JSON, as the store's are: progress
 * that is valid, progress corrupted at any depth (wrong types, edge numbers, bad ids and times,
 * missing and unknown fields, overlong lists), and arbitrary JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The browser's zod runs without its compiled parsers (astro.config.mjs); so does this test's.
import '../../src/security/zod-jitless.ts';
import { checkProgress } from '../../src/lib/progress/schema.ts';
import { checkProgressShape } from '../../src/lib/progress/shape.ts';

type Arb = fc.Arbitrary<unknown>;

const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.5,
    -1.5,
    20,
    50,
    100,
    100.5,
    1000,
    1000.5,
    1001,
    100_000,
    100_001,
    1e12,
    1e12 + 1,
    -1e12,
    -1e12 - 1,
    2 ** 53,
    -(2 ** 53),
    1e20,
    -1e20,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const validId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
const edgeString = fc.oneof(
  validId,
  fc.constantFrom(
    '',
    'A',
    '-a',
    'a_b',
    'a b',
    'a'.repeat(64),
    'a'.repeat(65),
    '2026-11-26T10:00:00Z',
    '2026-11-26T10:00:00.5Z',
    '2026-11-26 10:00:00',
    '2026-11-26T10:00:00.1234Z',
    'x'.repeat(200),
    'x'.repeat(201),
    'x'.repeat(500),
    'x'.repeat(501),
    '😀'.repeat(200),
    '😀'.repeat(201),
    `${'x'.repeat(199)}😀`,
    '\ud800'.repeat(3),
    'pass',
    'single',
  ),
  fc.string({ maxLength: 12 }),
);
/** Anything at all where a field's value goes. */
const junk: Arb = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  edgeNumber,
  edgeString,
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
  // zod measures anything with a `length`, whatever its type.
  fc.record({ length: fc.oneof(edgeNumber, edgeString, fc.constant(null), fc.boolean()) }),
);
/** Mostly `arb`, sometimes junk. */
const corrupt = (arb: Arb): Arb =>
  fc.oneof({ arbitrary: arb, weight: 12 }, { arbitrary: junk, weight: 1 });

const MISSING = Symbol('missing');
const unknownKey = fc.constantFrom('extra', 'zz', 'type', 'version', 'lessons', 'id', 'Points');

/**
 * An object with these fields: required ones are rarely left out, optional ones often; now and
 * then a key the schema does not know, before or after the others.
 */
function object(required: Record<string, Arb>, optional: Record<string, Arb> = {}): Arb {
  const fields: Record<string, Arb> = {};
  for (const [key, arb] of Object.entries(required))
    fields[key] = fc.option(corrupt(arb), { nil: MISSING, freq: 30 });
  for (const [key, arb] of Object.entries(optional))
    fields[key] = fc.option(corrupt(arb), { nil: MISSING, freq: 2 });
  return fc
    .tuple(
      fc.record(fields),
      fc.oneof(
        { arbitrary: fc.constant({}), weight: 15 },
        { arbitrary: fc.dictionary(unknownKey, junk, { minKeys: 1, maxKeys: 2 }), weight: 1 },
      ),
      fc.boolean(),
    )
    .map(([known, extra, extraFirst]) => {
      const present = Object.fromEntries(Object.entries(known).filter(([, v]) => v !== MISSING));
      return extraFirst ? { ...extra, ...present } : { ...present, ...extra };
    });
}

/** Id keys (now and then a bad one) to values. */
const record = (value: Arb): Arb =>
  fc.dictionary(
    fc.oneof({ arbitrary: validId, weight: 10 }, { arbitrary: edgeString, weight: 1 }),
    corrupt(value),
    { maxKeys: 3 },
  );

/** Short lists, now and then one around `max` items. */
const list = (item: Arb, max: number): Arb =>
  fc.oneof(
    { arbitrary: fc.array(corrupt(item), { maxLength: 3 }), weight: 10 },
    { arbitrary: fc.array(item, { minLength: max - 1, maxLength: max + 1 }), weight: 1 },
  );

const time = fc.oneof(
  { arbitrary: fc.constantFrom('2026-11-26T10:00:00Z', '2026-11-26T10:00:00.123Z'), weight: 8 },
  { arbitrary: edgeString, weight: 1 },
);
const count = fc.oneof({ arbitrary: fc.nat(100), weight: 8 }, { arbitrary: edgeNumber, weight: 1 });
const points = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }), weight: 8 },
  { arbitrary: edgeNumber, weight: 1 },
);
const percent = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 8 },
  { arbitrary: edgeNumber, weight: 1 },
);
const id = fc.oneof({ arbitrary: validId, weight: 8 }, { arbitrary: edgeString, weight: 1 });
const answerNumber = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), edgeNumber);
const answerType = (type: string) =>
  fc.oneof({ arbitrary: fc.constant(type), weight: 12 }, { arbitrary: junk, weight: 1 });

const answer = fc.oneof(
  object({ type: answerType('single'), choice: id }),
  object({ type: answerType('multiple'), choices: list(id, 20) }),
  object({ type: answerType('numeric'), value: answerNumber }),
  object({ type: answerType('ordering'), order: list(id, 20) }),
  object({ type: answerType('matching'), matches: record(id) }),
  object({ type: answerType('predict'), choice: id, observed: answerNumber }),
);
const question = object(
  { attempts: count, points, maxPoints: points, correct: fc.boolean(), at: time },
  { answer },
);
const quiz = object(
  {
    quizId: id,
    points,
    maxPoints: points,
    passPercent: percent,
    bestPercent: percent,
    passed: fc.boolean(),
    updatedAt: time,
    questions: record(question),
  },
  { passedAt: time },
);
const goal = object(
  {
    id: fc.oneof({ arbitrary: validId, weight: 8 }, { arbitrary: edgeString, weight: 1 }),
    status: fc.oneof(
      { arbitrary: fc.constantFrom('pass', 'fail', 'pending'), weight: 8 },
      { arbitrary: edgeString, weight: 1 },
    ),
  },
  { description: edgeString },
);
const challenge = object(
  { attempts: count, passed: fc.boolean(), lastAt: time, goals: list(goal, 50) },
  { passedAt: time },
);
const lesson = object(
  { challenges: record(challenge) },
  { firstVisitedAt: time, lastVisitedAt: time, quiz },
);
const progress = object({
  version: fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, { arbitrary: edgeNumber, weight: 1 }),
  lessons: record(lesson),
});

/** What the store hands the check: parsed JSON (no undefined, no -0, plain objects). */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const FORBIDDEN = /"(__proto__|constructor|prototype)":/;
/** The store refuses prototype keys (scanHostile) before it checks the shape. */
const stored = (arb: Arb) =>
  arb.map(asStored).filter((value) => !FORBIDDEN.test(JSON.stringify(value)));

function expectSameAnswer(value: unknown, prefix: string): void {
  const zod = checkProgress(value, prefix);
  const shape = checkProgressShape(value, prefix);
  expect(shape).toStrictEqual(zod);
  expect(JSON.stringify(shape)).toBe(JSON.stringify(zod));
}

describe('the stored progress check without zod', () => {
  it('answers as the zod schema does for valid and corrupted progress', () => {
    fc.assert(fc.property(stored(progress), fc.constantFrom('', 'progress'), expectSameAnswer), {
      numRuns: 2000,
      seed: 20261202,
    });
  }, 60_000);

  it('answers as the zod schema does for arbitrary JSON', () => {
    fc.assert(
      fc.property(stored(fc.jsonValue({ maxDepth: 4 })), fc.constant(''), expectSameAnswer),
      { numRuns: 1000, seed: 20261202 },
    );
  }, 60_000);

  it('is shown valid and invalid progress alike, and problems from every level', () => {
    const samples = fc.sample(stored(progress), { numRuns: 2000, seed: 20261202 });
    const results = samples.map((s) => checkProgressShape(s));
    const valid = results.filter((r) => r.ok).length;
    const problems = results.flatMap((r) => (r.ok ? [] : r.problems));
    expect(valid).toBeGreaterThan(200);
    expect(valid).toBeLessThan(1800);
    for (const where of [
      /^\(top level\)$/,
      /^lessons\.[^.]+\.challenges\.[^.]+\.goals\[\d+\]\.status$/,
      /^lessons\.[^.]+\.quiz\.questions\.[^.]+\.answer\.type$/,
      /^lessons\.[^.]+\.quiz\.questions\.[^.]+\.answer\.(choices|order)\[\d+\]$/,
      /^lessons\.[^.]+\.quiz\.questions\.[^.]+\.answer\.matches\.[^.]+$/,
    ])
      expect(
        problems.some((p) => where.test(p.path)),
        String(where),
      ).toBe(true);
    for (const message of [
      'expected int',
      'must be at most 50',
      'must be at most 20',
      'has a key that is not a valid id',
      'expected a UTC time',
      'must be at most 9007199254740991',
    ])
      expect(
        problems.some((p) => p.message === message),
        message,
      ).toBe(true);
    expect(problems.some((p) => p.message.startsWith('unknown field "'))).toBe(true);
  }, 60_000);

  it('names each problem where it is, in the order the schema reads the fields', () => {
    const result = checkProgressShape(
      {
        zz: 1,
        version: 1,
        lessons: {
          ecs: {
            firstVisitedAt: 'yesterday',
            challenges: {
              'Keep Six': { attempts: 1, passed: true, lastAt: '2026-11-26T10:00:00Z', goals: [] },
              'ecs-keep-six': {
                attempts: 2.5,
                passed: 'yes',
                lastAt: '2026-11-26T10:00:00Z',
                goals: [{ id: '', status: 'won' }],
              },
            },
          },
        },
      },
      'progress',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'progress.lessons.ecs.firstVisitedAt', message: 'expected a UTC time' },
        {
          path: 'progress.lessons.ecs.challenges.Keep Six',
          message: 'has a key that is not a valid id',
        },
        { path: 'progress.lessons.ecs.challenges.ecs-keep-six.attempts', message: 'expected int' },
        {
          path: 'progress.lessons.ecs.challenges.ecs-keep-six.passed',
          message: 'expected boolean',
        },
        {
          path: 'progress.lessons.ecs.challenges.ecs-keep-six.goals[0].id',
          message: 'must be at least 1',
        },
        {
          path: 'progress.lessons.ecs.challenges.ecs-keep-six.goals[0].status',
          message: 'must be "pass" or "fail" or "pending"',
        },
        { path: 'progress', message: 'unknown field "zz"' },
      ],
    });
  });
});
