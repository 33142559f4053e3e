/**
 * Formatting of sim times, money and resource units for the sandbox view.
 * Pure and locale-independent so that tests and screen-reader text are stable.
 */

/** Sim seconds as `mm:ss` (minutes keep counting past 59: `75:00`). */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** Sim seconds spoken as words, for screen readers: `2 minutes 5 seconds`. */
export function formatClockWords(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * US dollars. Small sums keep four decimals because a sandbox run costs fractions of a
 * cent per minute (`$0.0079`); from $1 on, cents (`$12.40`, `$1,204.00`).
 */
export function formatUsd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const decimals = abs < 1 ? 4 : 2;
  const [int = '0', frac = ''] = abs.toFixed(decimals).split('.');
  return `${sign}$${groupThousands(int)}.${frac}`;
}

/** A price per hour: `$0.1248/h`. */
export function formatPerHour(amount: number): string {
  return `${formatUsd(amount)}/h`;
}

function trimNumber(value: number, maxDecimals: number): string {
  return String(Number(value.toFixed(maxDecimals)));
}

/** ECS CPU units as vCPU: 512 → `0.5 vCPU`, 2048 → `2 vCPU`. */
export function formatVcpu(units: number): string {
  return `${trimNumber(units / 1024, 2)} vCPU`;
}

/** MiB below 1 GiB, GiB (up to one decimal) from there: `512 MiB`, `3.8 GiB`. */
export function formatMemory(mib: number): string {
  if (Math.abs(mib) < 1024) return `${Math.round(mib)} MiB`;
  return `${trimNumber(mib / 1024, 1)} GiB`;
}

/** A whole percentage, clamped to 0…999: `42%`. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '0%';
  return `${Math.min(999, Math.max(0, Math.round(value)))}%`;
}

/** The first 8 characters of a long hex id (ECS task ids are 32). Instance ids stay whole. */
export function shortId(id: string): string {
  if (id.startsWith('i-')) return id;
  return id.length > 8 ? id.slice(0, 8) : id;
}

/** Used / total in the total's unit: `1.5 / 2 vCPU`, `0.8 / 3.8 GiB`, `256 / 512 MiB`. */
export function formatUsage(kind: 'cpu' | 'memory', used: number, total: number): string {
  if (kind === 'cpu') return `${trimNumber(used / 1024, 2)} / ${formatVcpu(total)}`;
  if (Math.abs(total) < 1024) return `${formatMemory(used)} / ${formatMemory(total)}`;
  return `${trimNumber(used / 1024, 1)} / ${formatMemory(total)}`;
}

/** Share of a total as a 0…100 number, safe for a total of 0. */
export function ratioPercent(used: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, (used / total) * 100));
}
