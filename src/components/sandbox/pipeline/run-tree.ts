/**
 * The run view's tree (runs → jobs → steps) as data, and what a key does in it, following the
 * WAI-ARIA Authoring Practices tree view pattern (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
 * Up and Down move through the visible items, Right expands a closed item or enters an open one,
 * Left collapses an open item or goes to the parent, Home and End go to the first and last
 * visible items, Enter and Space select. Pure, so the keys are tested without a browser.
 */
import type { PipelineRun } from '@sandbox';

export interface TreeItem {
  key: string;
  /** 1 for a run, 2 for a job, 3 for a step (aria-level). */
  level: 1 | 2 | 3;
  /** The item's parent, or null for a run. */
  parent: string | null;
  /** Whether the item has children (a run with jobs, a job with steps). */
  expandable: boolean;
  expanded: boolean;
  run: number;
  job: string | null;
  step: number | null;
}

export const runKey = (run: number) => `run:${run}`;
export const jobKey = (run: number, job: string) => `job:${run}:${job}`;
export const stepKey = (run: number, job: string, step: number) => `step:${run}:${job}:${step}`;
/** The run number an item's key belongs to. */
export const treeRunOf = (key: string) => Number(key.split(':')[1]);

/**
 * The visible items, depth first, runs newest first: a job shows when its run is expanded, a
 * step when its job is expanded too.
 */
export function visibleItems(
  runs: readonly Pick<PipelineRun, 'number' | 'jobs'>[],
  isExpanded: (key: string) => boolean,
): TreeItem[] {
  const items: TreeItem[] = [];
  for (const run of [...runs].reverse()) {
    const rk = runKey(run.number);
    const runOpen = run.jobs.length > 0 && isExpanded(rk);
    items.push({
      key: rk,
      level: 1,
      parent: null,
      expandable: run.jobs.length > 0,
      expanded: runOpen,
      run: run.number,
      job: null,
      step: null,
    });
    if (!runOpen) continue;
    for (const job of run.jobs) {
      const jk = jobKey(run.number, job.id);
      const jobOpen = job.steps.length > 0 && isExpanded(jk);
      items.push({
        key: jk,
        level: 2,
        parent: rk,
        expandable: job.steps.length > 0,
        expanded: jobOpen,
        run: run.number,
        job: job.id,
        step: null,
      });
      if (!jobOpen) continue;
      job.steps.forEach((_, i) => {
        items.push({
          key: stepKey(run.number, job.id, i),
          level: 3,
          parent: jk,
          expandable: false,
          expanded: false,
          run: run.number,
          job: job.id,
          step: i,
        });
      });
    }
  }
  return items;
}

/** What a key asks of the tree; null when the key is not the tree's (it then does its default). */
export type TreeMove =
  | { kind: 'focus'; key: string }
  | { kind: 'expand'; key: string }
  | { kind: 'collapse'; key: string }
  | { kind: 'select'; key: string }
  | { kind: 'none' };

/** The tree's answer to `key` (a KeyboardEvent.key) pressed on the item `focused`. */
export function treeKey(items: readonly TreeItem[], focused: string, key: string): TreeMove | null {
  const at = items.findIndex((i) => i.key === focused);
  const item = items[at];
  if (!item) return null;
  const focus = (other: TreeItem | undefined): TreeMove =>
    other ? { kind: 'focus', key: other.key } : { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
      return focus(items[at + 1]);
    case 'ArrowUp':
      return focus(items[at - 1]);
    case 'Home':
      return focus(items[0]);
    case 'End':
      return focus(items[items.length - 1]);
    case 'ArrowRight':
      if (!item.expandable) return { kind: 'none' };
      return item.expanded ? focus(items[at + 1]) : { kind: 'expand', key: item.key };
    case 'ArrowLeft':
      if (item.expanded) return { kind: 'collapse', key: item.key };
      return item.parent === null ? { kind: 'none' } : { kind: 'focus', key: item.parent };
    case 'Enter':
    case ' ':
      return { kind: 'select', key: item.key };
    default:
      return null;
  }
}
