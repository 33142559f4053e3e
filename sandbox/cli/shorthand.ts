/**
 * The AWS CLI's shorthand syntax for structure parameters: `Key=Value,Key2=Value2`,
 * with `Key=[a,b]` for lists. JSON (`{…}` / `[…]`) is accepted wherever shorthand is.
 */
import { nestingProblem } from '../model/nesting.ts';

export type ShorthandValue = string | string[];
export type ShorthandResult =
  { ok: true; value: Record<string, ShorthandValue> } | { ok: false; error: string };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === '[' || ch === '{') depth += 1;
    if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** `"a, b"` or `'a'` → the text inside, as the AWS CLI reads quoted shorthand values. */
function unquote(raw: string): string {
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0])
    return raw.slice(1, -1);
  return raw;
}

export function parseShorthand(text: string): ShorthandResult {
  const value: Record<string, ShorthandValue> = {};
  const parts = splitTopLevel(text);
  let lastKey: string | null = null;
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      // `Key=a,b` (a comma inside a value without brackets) continues the previous value,
      // as the AWS CLI does for the last key of a structure.
      if (lastKey !== null && part !== '') {
        const prev = value[lastKey];
        value[lastKey] = Array.isArray(prev) ? [...prev, part] : [prev ?? '', part];
        continue;
      }
      return {
        ok: false,
        error: `Expected: '=', received: '${part === '' ? ',' : part.slice(-1)}' for input: ${text}`,
      };
    }
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1);
    if (key === '' || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(key)) {
      return { ok: false, error: `Expected a key name before '=' for input: ${text}` };
    }
    if (raw.startsWith('[')) {
      if (!raw.endsWith(']')) return { ok: false, error: `Expected: ']' for input: ${text}` };
      const inner = raw.slice(1, -1);
      value[key] = inner === '' ? [] : inner.split(',');
    } else {
      value[key] = unquote(raw);
    }
    lastKey = key;
  }
  return { ok: true, value };
}

/** JSON if it looks like JSON, shorthand otherwise. */
export function parseStructure(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const deep = nestingProblem(trimmed);
    if (deep) return { ok: false, error: `Invalid JSON: ${deep}` };
    try {
      return { ok: true, value: JSON.parse(trimmed) as unknown };
    } catch (e) {
      return { ok: false, error: `Invalid JSON: ${(e as Error).message}` };
    }
  }
  return parseShorthand(text);
}
