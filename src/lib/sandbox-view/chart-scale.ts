/**
 * Scales and SVG paths for the lean inline charts, plus their text summaries.
 */
import type { MetricSample } from '@sandbox';
import { formatClock, formatPercent, formatUsd } from './format.ts';

export interface Point {
  x: number;
  y: number;
}

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => r0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** A round upper bound ≥ value: 1, 2, 5 × 10^n (0 → 1). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  for (const step of [1, 2, 5, 10]) {
    const candidate = step * base;
    if (candidate >= value - 1e-12) return Number(candidate.toPrecision(12));
  }
  return 10 * base;
}

/** An SVG path (`M x y L x y …`) through points, rounded to 0.1 px. */
export function linePath(points: readonly Point[], x: Scale, y: Scale): string {
  let d = '';
  for (const [i, point] of points.entries()) {
    d += `${i === 0 ? 'M' : 'L'}${x(point.x).toFixed(1)} ${y(point.y).toFixed(1)}`;
  }
  return d;
}

/** At most `max` points, evenly picked, always keeping the first and last. */
export function downsample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max || max < 2) return [...items];
  const out: T[] = [];
  const stride = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) {
    const item = items[Math.round(i * stride)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

export interface Series {
  id: string;
  label: string;
  points: Point[];
}

export interface ChartData {
  title: string;
  unit: 'count' | 'percent' | 'usd';
  series: Series[];
  yMax: number;
}

function sumServices(sample: MetricSample, key: 'desired' | 'running'): number {
  let total = 0;
  for (const service of Object.values(sample.services)) total += service[key];
  return total;
}

/** Running vs desired tasks (services), or containers still waiting for a host (no services). */
export function runningChart(metrics: readonly MetricSample[], hasServices: boolean): ChartData {
  const running = metrics.map((s) => ({ x: s.time, y: sumServices(s, 'running') }));
  const desired = metrics.map((s) => ({ x: s.time, y: sumServices(s, 'desired') }));
  const pending = metrics.map((s) => ({ x: s.time, y: s.pendingTasks }));
  const series: Series[] = hasServices
    ? [
        { id: 'running', label: 'Running tasks', points: running },
        { id: 'desired', label: 'Desired tasks', points: desired },
      ]
    : [{ id: 'pending', label: 'Waiting for a host', points: pending }];
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const title = hasServices ? 'Running vs desired' : 'Containers waiting for a host';
  return { title, unit: 'count', series, yMax: niceMax(max) };
}

/** Average CPU over instances, percent. */
export function cpuChart(metrics: readonly MetricSample[]): ChartData {
  const points = metrics.map((s) => {
    const values = Object.values(s.instances);
    const avg = values.length ? values.reduce((n, v) => n + v.cpu, 0) / values.length : 0;
    return { x: s.time, y: avg };
  });
  return {
    title: 'CPU utilisation',
    unit: 'percent',
    series: [{ id: 'cpu', label: 'Average instance CPU', points }],
    yMax: 100,
  };
}

export function costChart(metrics: readonly MetricSample[]): ChartData {
  const points = metrics.map((s) => ({ x: s.time, y: s.costTotal }));
  const max = Math.max(0, ...points.map((p) => p.y));
  return {
    title: 'Cost so far',
    unit: 'usd',
    series: [{ id: 'cost', label: 'Total cost', points }],
    yMax: niceMax(max),
  };
}

export function formatValue(unit: ChartData['unit'], value: number): string {
  if (unit === 'percent') return formatPercent(value);
  if (unit === 'usd') return formatUsd(value);
  return String(Math.round(value));
}

/** One sentence per series: latest value, minimum and maximum, and the time range. */
export function summariseChart(chart: ChartData): string {
  const first = chart.series[0]?.points[0];
  if (!first) return `${chart.title}: no data yet.`;
  const parts = chart.series.map((series) => {
    const ys = series.points.map((p) => p.y);
    const last = ys[ys.length - 1] ?? 0;
    return `${series.label} now ${formatValue(chart.unit, last)} (min ${formatValue(chart.unit, Math.min(...ys))}, max ${formatValue(chart.unit, Math.max(...ys))})`;
  });
  const lastX = chart.series[0]?.points.at(-1)?.x ?? first.x;
  return `${chart.title} from ${formatClock(first.x)} to ${formatClock(lastX)}: ${parts.join('; ')}.`;
}
