/**
 * The comparison table as data: one row per question, one cell per model, each with a number
 * (for ranking) and the text the table shows (always with its unit). The island renders it
 * live; CompareSummary.astro renders the final one at build time.
 */
import type { Comparison, Lane } from './comparison.ts';
import { MODELS, TIMELINE, type ModelId } from './models.ts';
import { recoverySeconds } from './tracker.ts';

export const ROW_IDS = [
  'placements',
  'spike',
  'outage',
  'deploy',
  'manual',
  'failed',
  'missing',
  'bill',
] as const;
export type RowId = (typeof ROW_IDS)[number];

export interface Cell {
  model: ModelId;
  /** The number the row ranks by (lower is better), or null (no number yet, or a text row). */
  value: number | null;
  text: string;
}

export interface Row {
  id: RowId;
  /** The row header. */
  label: string;
  cells: Cell[];
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
});

export function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

function recoveryCell(
  lane: Lane,
  now: number,
  window: { start: number; end: number },
  lastBroken: number | null,
  ongoing: boolean,
): Cell {
  const model = lane.model.id;
  if (now < window.start) return { model, value: null, text: 'not yet' };
  const s = recoverySeconds(lastBroken, ongoing, window.start);
  if (s === null)
    return { model, value: null, text: `recovering (${formatSeconds(now - window.start)} so far)` };
  if (s === 0)
    return now < window.end
      ? { model, value: null, text: 'nothing lost so far' }
      : { model, value: 0, text: '0 s (nothing was lost)' };
  return { model, value: s, text: formatSeconds(s) };
}

function placementText(lane: Lane): string {
  const r = lane.tracker.last;
  if (!r) return '';
  const kind = lane.model.hostKind;
  return r.placements
    .map((p) => {
      const zone = p.az;
      if (p.hosts === 0 && p.replicas === 0)
        return `${zone}: ${p.down ? 'down, nothing runs' : 'nothing runs'}`;
      const hosts = kind === 'micro-VM' ? '' : `${p.hosts} ${kind}${p.hosts === 1 ? '' : 's'}, `;
      return `${zone}: ${hosts}${p.replicas} ${kind === 'micro-VM' ? `micro-VM${p.replicas === 1 ? '' : 's'}` : `replica${p.replicas === 1 ? '' : 's'}`}`;
    })
    .join('; ');
}

const numberCell = (lane: Lane, value: number, text: string): Cell => ({
  model: lane.model.id,
  value,
  text,
});

export function buildRows(c: Comparison): Row[] {
  const lanes = c.lanes;
  const now = c.time;
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return [
    {
      id: 'placements',
      label: 'Where the replicas run now (per AZ)',
      cells: lanes.map((l) => ({ model: l.model.id, value: null, text: placementText(l) })),
    },
    {
      id: 'spike',
      label: 'Traffic spike: requests failing for',
      cells: lanes.map((l) =>
        recoveryCell(
          l,
          now,
          { start: TIMELINE.spikeAt, end: TIMELINE.outageAt },
          l.tracker.lastFailingSpike,
          l.tracker.spikeOngoing,
        ),
      ),
    },
    {
      id: 'outage',
      label: 'AZ outage: back to the desired count after',
      cells: lanes.map((l) =>
        recoveryCell(
          l,
          now,
          { start: TIMELINE.outageAt, end: TIMELINE.badDeployAt },
          l.tracker.lastShortOutage,
          l.tracker.outageOngoing,
        ),
      ),
    },
    {
      id: 'deploy',
      label: 'Bad deploy: api healthy and the bad version gone after',
      cells: lanes.map((l) =>
        recoveryCell(
          l,
          now,
          { start: TIMELINE.badDeployAt, end: TIMELINE.end },
          l.tracker.lastBadDeploy,
          l.tracker.deployOngoing,
        ),
      ),
    },
    {
      id: 'manual',
      label: 'Manual actions by the operator',
      cells: lanes.map((l) => {
        const n = l.tracker.last?.manualActions ?? 0;
        return numberCell(l, n, `${n} action${n === 1 ? '' : 's'}`);
      }),
    },
    {
      id: 'failed',
      label: 'What broke: failed requests to web',
      cells: lanes.map((l) => {
        const n = Math.round(sum(l.tracker.failed));
        return numberCell(l, n, `${count.format(n)} request${n === 1 ? '' : 's'}`);
      }),
    },
    {
      id: 'missing',
      label: 'What broke: replicas missing (replica-seconds below desired)',
      cells: lanes.map((l) => {
        const n = sum(l.tracker.missing);
        return numberCell(l, n, `${count.format(n)} replica-second${n === 1 ? '' : 's'}`);
      }),
    },
    {
      id: 'bill',
      label: 'Bill so far',
      cells: lanes.map((l) => {
        const r = l.tracker.last;
        const total = r?.cost ?? 0;
        const rounded = Math.round(total * 10000) / 10000;
        return numberCell(
          l,
          rounded,
          `${dollars.format(total)} (now ${dollars.format(r?.costPerHour ?? 0)}/h)`,
        );
      }),
    },
  ];
}

/** The models with the lowest number in a row (ties share the win); empty while any cell has none. */
export function winners(row: Row): ModelId[] {
  if (row.cells.some((c) => c.value === null)) return [];
  const best = Math.min(...row.cells.map((c) => c.value!));
  return row.cells.filter((c) => c.value === best).map((c) => c.model);
}

export function labelOf(id: ModelId): string {
  return MODELS.find((m) => m.id === id)?.label ?? id;
}
