/**
 * Kubernetes resource quantities (`500m`, `0.5`, `256Mi`, `1G`, `1e3`), as the API server
 * parses them: binary suffixes Ki…Ei, decimal n u m k M G T P E, or an exponent.
 * CPU is kept in millicores and memory in bytes, both rounded up as `MilliValue()` and
 * `Value()` round.
 */

/** The API server's own error text for a malformed quantity. */
export const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** The quantity as a plain number of units, or null if it is not a valid quantity. */
export function parseQuantity(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (input.length > 64) return null;
  const m = QUANTITY.exec(input);
  if (!m) return null;
  const digits = m[1] ?? '';
  const suffix = m[2] ?? '';
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) return null;
  const base = Number(digits);
  let factor: number | undefined;
  if (Object.hasOwn(SUFFIX, suffix)) factor = SUFFIX[suffix];
  else if (/^[eE][-+]?\d+$/.test(suffix)) factor = 10 ** Number(suffix.slice(1));
  if (factor === undefined || !Number.isFinite(base * factor)) return null;
  return base * factor;
}

/** CPU millicores (rounded up), or null. `0.15` → 150, `"500m"` → 500, `"2"` → 2000. */
export function parseCpuMilli(input: string | number): number | null {
  const v = parseQuantity(input);
  return v === null ? null : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** Memory in bytes (rounded up), or null. `"256Mi"` → 268435456, `"1G"` → 1e9. */
export function parseMemoryBytes(input: string | number): number | null {
  const v = parseQuantity(input);
  return v === null ? null : Math.ceil(Math.round(v * 1e3) / 1e3);
}

export const MI = 2 ** 20;
export const GI = 2 ** 30;

/** Memory the way `kubectl describe node` prints it: `3936Mi`, or `Ki` when not a whole Mi. */
export function formatMemory(bytes: number): string {
  if (bytes % MI === 0) return `${bytes / MI}Mi`;
  if (bytes % 1024 === 0) return `${bytes / 1024}Ki`;
  return String(bytes);
}

/** CPU as kubectl prints it: `2`, `1930m`. */
export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
