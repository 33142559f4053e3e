/** Label selectors (`matchLabels` and `matchExpressions`), as the API machinery matches them. */
import type { LabelSelector, Labels } from './types.ts';

/** True when every requirement holds. An empty selector matches everything. */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, k) || labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions) {
    const present = Object.hasOwn(labels, e.key);
    const value = present ? labels[e.key]! : '';
    switch (e.operator) {
      case 'In':
        if (!present || !e.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (present && e.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
    }
  }
  return true;
}

/** `app=web,tier=frontend` — the way kubectl prints a selector (keys sorted). */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.keys(selector.matchLabels)
    .sort()
    .map((k) => `${k}=${selector.matchLabels[k]}`);
  for (const e of selector.matchExpressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${e.values.join(',')})`);
  }
  return parts.join(',');
}
