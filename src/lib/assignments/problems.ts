import type { z } from 'zod';

/** A problem with untrusted input: where (a field path) and what, in words a person can act on. */
export interface InputProblem {
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** zod issues as `{ path: 'challenges[0].faults[1].at', message }`, at most `limit` of them. */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[], limit = 5): InputProblem[] {
  return issues.slice(0, limit).map((issue) => ({
    path:
      issue.path.reduce<string>(
        (acc, key) =>
          typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
        '',
      ) || '(top level)',
    message: issue.message,
  }));
}

/** Paths that name the whole input rather than a field in it: not repeated in messages. */
const WHOLE = new Set(['file', 'link', 'signature', 'v', 'kind', '(top level)']);

/** "challenges[0].seed: expected a number; learner.name: must not be empty" */
export function problemsToText(problems: readonly InputProblem[]): string {
  return problems
    .map((p) => (WHOLE.has(p.path) ? p.message : `${p.path}: ${p.message}`))
    .join('; ');
}
