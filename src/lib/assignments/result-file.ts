/**
 * What a learner hands in: for each challenge the scenario, seed, action log and sim time;
 * for each quiz the answers — plus the signed assignment it answers. Nothing in it is trusted:
 * the gradebook replays every log and grades every answer itself. `passed` and `hash` are what
 * the learner's page saw; the gradebook compares them with its own replay to spot edits.
 *
 * As a file it is JSON; as a "result code" the same JSON deflated and base64url'd after
 * `RESULT_CODE_PREFIX`, for pasting into a chat or a form.
 */
import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { describeZodIssues, type Checked } from './problems.ts';

export const RESULT_KIND = 'shipyard-assignment-result';
export const RESULT_VERSION = 1;
export const RESULT_CODE_PREFIX = 'SHIPYARD-RESULT-1.';
/** Larger files are refused unread: a day of clicking is well under a megabyte. */
export const MAX_RESULT_BYTES = 5_000_000;
export const MAX_LOG_ENTRIES = 10_000;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a course id');

const logEntrySchema = z.strictObject({
  at: z.number().int().min(0).max(604_800),
  by: z.enum(['learner', 'instructor']),
  action: z.record(z.string(), z.unknown()),
});

export const challengeWorkSchema = z.strictObject({
  scenario: id,
  seed: z.number().int().min(0).max(0xffffffff),
  time: z.number().int().min(0).max(604_800),
  log: z.array(logEntrySchema).max(MAX_LOG_ENTRIES, `at most ${MAX_LOG_ENTRIES} actions`),
  hash: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits'),
  passed: z.boolean(),
});

export const quizWorkSchema = z.strictObject({
  quiz: id,
  answers: z.record(id, z.record(z.string(), z.unknown())),
});

export const resultSchema = z.strictObject({
  kind: z.literal(RESULT_KIND),
  v: z.literal(RESULT_VERSION),
  assignment: z.string().min(1).max(32_000),
  learner: z.strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: z.string().trim().max(320),
    sisLogin: z.string().trim().max(200),
  }),
  submittedAt: z.iso.datetime(),
  challenges: z.array(challengeWorkSchema).max(20),
  quizzes: z.array(quizWorkSchema).max(20),
});

export type ResultFile = z.infer<typeof resultSchema>;
export type ChallengeWork = z.infer<typeof challengeWorkSchema>;
export type QuizWork = z.infer<typeof quizWorkSchema>;
export type LogEntry = z.infer<typeof logEntrySchema>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses prototype-pollution keys and absurd nesting before zod sees the data. */
function hostileKey(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value, path: '', depth: 0 },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (++nodes > 2_000_000) return `(top level): more than 2,000,000 values`;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth > 24) return `${item.path}: nested deeper than 24 levels`;
    for (const key of Object.keys(item.value)) {
      const path = Array.isArray(item.value)
        ? `${item.path}[${key}]`
        : item.path
          ? `${item.path}.${key}`
          : key;
      if (FORBIDDEN_KEYS.has(key)) return `${path}: the key "${key}" is not allowed`;
      stack.push({
        value: (item.value as Record<string, unknown>)[key],
        path,
        depth: item.depth + 1,
      });
    }
  }
  return null;
}

/** Reads a result file's text or a result code. Never throws. */
export function readResult(text: string): Checked<ResultFile> {
  const refuse = (message: string, path = 'file'): Checked<ResultFile> => ({
    ok: false,
    problems: [{ path, message }],
  });
  if (text.length > MAX_RESULT_BYTES)
    return refuse(
      `is ${(text.length / 1e6).toFixed(1)} MB; a result file is at most ${MAX_RESULT_BYTES / 1e6} MB`,
    );
  let json = text.trim();
  if (json.startsWith(RESULT_CODE_PREFIX)) {
    const bytes = base64urlToBytes(json.slice(RESULT_CODE_PREFIX.length));
    if (!bytes) return refuse('is a damaged result code: it is not base64url (was it cut short?)');
    try {
      const inflated = inflateSync(bytes);
      if (inflated.length > MAX_RESULT_BYTES)
        return refuse('is a result code that expands beyond 5 MB');
      json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    } catch {
      return refuse('is a damaged result code: it does not decompress (was it cut short?)');
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return refuse('is not a Shipyard result file: it is not JSON');
  }
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind !== RESULT_KIND)
    return refuse(
      'is not a Shipyard result file (no "kind": "shipyard-assignment-result")',
      'kind',
    );
  const version = (data as { v?: unknown }).v;
  if (typeof version === 'number' && version > RESULT_VERSION)
    return refuse(
      `was made by a newer version of Shipyard (result format ${version}; this site reads format ${RESULT_VERSION})`,
      'v',
    );
  if (version !== RESULT_VERSION)
    return refuse(`has an unknown format version (${JSON.stringify(version) ?? 'none'})`, 'v');
  const hostile = hostileKey(data);
  if (hostile) {
    const [path, ...rest] = hostile.split(': ');
    return refuse(rest.join(': '), path);
  }
  const parsed = resultSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: describeZodIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data };
}

export const resultFileText = (result: ResultFile) => `${JSON.stringify(result, null, 1)}\n`;

export function resultCode(result: ResultFile): string {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(result)), { level: 9 });
  return RESULT_CODE_PREFIX + bytesToBase64url(bytes);
}

/** `ada-lovelace-ecs-lab.json` */
export function resultFileName(learnerName: string, title: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40) || 'result';
  return `${slug(learnerName)}-${slug(title)}.json`;
}
