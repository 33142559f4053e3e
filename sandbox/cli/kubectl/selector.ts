/**
 * `-l` / `--selector` label queries as the API machinery parses them: `k=v`, `k==v`, `k!=v`,
 * `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, joined by commas.
 */
import type { LabelSelector, Labels } from '../../services/eks/types.ts';
import { matchesSelector } from '../../services/eks/labels.ts';

export type SelectorResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

/** Splits on commas outside parentheses. */
function requirements(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.map((r) => r.trim());
}

const KEY = /^([A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?)$/;
const VALUE = /^(([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$/;

export function parseSelector(text: string): SelectorResult {
  const selector: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  if (text.trim() === '') return { ok: true, selector };
  for (const req of requirements(text)) {
    const bad = (why: string): SelectorResult => ({
      ok: false,
      error: `error: unable to parse requirement: ${why}`,
    });
    if (req === '') return bad("found '', expected: identifier");
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(req);
    if (set) {
      const values = (set[3] as string)
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (!KEY.test(set[1] as string)) return bad(`invalid label key "${set[1]}"`);
      selector.matchExpressions.push({
        key: set[1] as string,
        operator: set[2] === 'in' ? 'In' : 'NotIn',
        values,
      });
      continue;
    }
    const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(req);
    if (eq) {
      const [, key, op, value] = eq as unknown as [string, string, string, string];
      if (!KEY.test(key)) return bad(`invalid label key "${key}"`);
      if (!VALUE.test(value) || value.length > 63)
        return bad(`invalid label value: "${value}": at key: "${key}"`);
      if (op === '!=') selector.matchExpressions.push({ key, operator: 'NotIn', values: [value] });
      else selector.matchLabels[key] = value;
      continue;
    }
    const neg = /^!\s*(\S+)$/.exec(req);
    if (neg) {
      if (!KEY.test(neg[1] as string)) return bad(`invalid label key "${neg[1]}"`);
      selector.matchExpressions.push({
        key: neg[1] as string,
        operator: 'DoesNotExist',
        values: [],
      });
      continue;
    }
    if (KEY.test(req)) {
      selector.matchExpressions.push({ key: req, operator: 'Exists', values: [] });
      continue;
    }
    return bad(`found '${req}', expected: identifier`);
  }
  return { ok: true, selector };
}

export function selects(selector: LabelSelector | null, labels: Labels): boolean {
  return selector === null || matchesSelector(selector, labels);
}
