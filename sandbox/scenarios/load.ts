/** Actions files: a YAML or JSON list of `{ at, action }` (runner `--actions`, the CLI's command files). No Node APIs. */
import { nestingProblem } from '../model/nesting.ts';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { timedActionSchema } from './action-schema.ts';
import type { Action } from '../model/actions.ts';
import type { Result, TimedAction } from '../model/types.ts';
import type { ScenarioError } from './schema.ts';

/** A list of `{ at, action }` (built on use: the action types are those registered then). */
const actionsFileSchema = () => z.array(timedActionSchema()).max(10000, 'at most 10000 actions');

/** Parses a YAML or JSON list of `{at, action}`; errors name the entry, field, line and column. */
export function parseActionsFile(text: string): Result<TimedAction[], ScenarioError[]> {
  if (text.length > 5_000_000)
    return { ok: false, error: [{ path: '', message: 'actions file is larger than 5 MB' }] };
  // JSON is YAML too, but the YAML parser takes seconds on a few MB: valid JSON takes JSON.parse,
  // and only a file with mistakes goes through the YAML parser, for its line and column.
  const deep = nestingProblem(text);
  if (deep) return { ok: false, error: [{ path: '', message: `actions file ${deep}` }] };
  const fast = jsonFastPath(text);
  if (fast) return fast;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      error: doc.errors.slice(0, 20).map((e) => ({
        path: '',
        ...pos(lc, e.pos[0]),
        message: `YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { ok: false, error: [{ path: '', message: (error as Error).message }] };
  }
  const parsed = actionsFileSchema().safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.slice(0, 50).map((i) => {
        const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        let node: unknown = null;
        for (let n = path.length; n >= 0 && !node; n--)
          node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        const range = (node as { range?: [number, number, number] } | null)?.range;
        return {
          path: path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
            .join('')
            .replace(/^\./, ''),
          ...(range ? pos(lc, range[0]) : {}),
          message: i.message,
        };
      }),
    };
  }
  return { ok: true, value: toTimedActions(parsed.data) };
}

function toTimedActions(entries: z.infer<ReturnType<typeof actionsFileSchema>>): TimedAction[] {
  const out: TimedAction[] = entries.map((e) => ({
    at: e.at,
    by: 'learner' as const,
    action: e.action as Action,
  }));
  out.sort((a, b) => a.at - b.at);
  return out;
}

/** A JSON actions file that parses and validates; null sends the text to the YAML path. */
function jsonFastPath(text: string): Result<TimedAction[], ScenarioError[]> | null {
  if (!/^\s*[[{]/.test(text)) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = actionsFileSchema().safeParse(data);
  return parsed.success ? { ok: true, value: toTimedActions(parsed.data) } : null;
}

function pos(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}
