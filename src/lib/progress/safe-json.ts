import type { DataProblem } from './shape.ts';

/** Keys that could pollute prototypes when data is merged into other objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ScanLimits {
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_LIMITS: ScanLimits = { maxDepth: 16, maxNodes: 100_000 };

/**
 * Walks parsed JSON before it is validated or merged: refuses prototype-pollution keys,
 * absurd nesting and absurd sizes, and names where the problem is.
 */
export function scanHostile(
  value: unknown,
  limits: ScanLimits = DEFAULT_LIMITS,
): DataProblem | null {
  let nodes = 0;
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const item = stack.pop()!;
    nodes++;
    if (nodes > limits.maxNodes)
      return { path: item.path || '(top level)', message: `more than ${limits.maxNodes} values` };
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= limits.maxDepth)
      return { path: item.path, message: `nested deeper than ${limits.maxDepth} levels` };
    if (Array.isArray(item.value)) {
      item.value.forEach((v, i) =>
        stack.push({ value: v, path: `${item.path}[${i}]`, depth: item.depth + 1 }),
      );
      continue;
    }
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { path, message: `the key "${key}" is not allowed` };
      stack.push({
        value: (item.value as Record<string, unknown>)[key],
        path,
        depth: item.depth + 1,
      });
    }
  }
  return null;
}

/** JSON.parse that reports a failure as a value instead of throwing. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
