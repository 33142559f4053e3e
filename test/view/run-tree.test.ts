/**
 * The run view's tree: which items show, and what each key does (the WAI-ARIA tree view
 * pattern: Up/Down, Right opens or enters, Left closes or goes to the parent, Home/End,
 * Enter/Space select).
 */
import { describe, expect, it } from 'vitest';
import {
  jobKey,
  runKey,
  stepKey,
  treeKey,
  treeRunOf,
  visibleItems,
} from '@components/sandbox/pipeline/run-tree.ts';

const steps = (n: number) => Array.from({ length: n }, () => ({}));
const RUNS = [
  { number: 1, jobs: [{ id: 'build', steps: steps(2) }] },
  {
    number: 2,
    jobs: [
      { id: 'build', steps: steps(3) },
      { id: 'deploy', steps: steps(1) },
    ],
  },
] as never;

const openAll = () => true;
const onlyRun2 = (key: string) => treeRunOf(key) === 2;

describe('visibleItems', () => {
  it('lists runs newest first, then each open run’s jobs and each open job’s steps, depth first', () => {
    expect(visibleItems(RUNS, onlyRun2).map((i) => [i.key, i.level, i.expanded])).toEqual([
      ['run:2', 1, true],
      ['job:2:build', 2, true],
      ['step:2:build:0', 3, false],
      ['step:2:build:1', 3, false],
      ['step:2:build:2', 3, false],
      ['job:2:deploy', 2, true],
      ['step:2:deploy:0', 3, false],
      ['run:1', 1, false],
    ]);
  });

  it('hides a closed job’s steps and a closed run’s jobs', () => {
    const closed = new Set([jobKey(2, 'build'), runKey(1)]);
    expect(visibleItems(RUNS, (k) => !closed.has(k)).map((i) => i.key)).toEqual([
      'run:2',
      'job:2:build',
      'job:2:deploy',
      'step:2:deploy:0',
      'run:1',
    ]);
  });

  it('names each item’s parent', () => {
    const items = visibleItems(RUNS, openAll);
    expect(items.find((i) => i.key === stepKey(1, 'build', 1))?.parent).toBe('job:1:build');
    expect(items.find((i) => i.key === 'job:1:build')?.parent).toBe('run:1');
    expect(items.find((i) => i.key === 'run:1')?.parent).toBeNull();
  });
});

describe('treeKey', () => {
  const items = visibleItems(RUNS, onlyRun2);

  it.each([
    ['run:2', 'ArrowDown', { kind: 'focus', key: 'job:2:build' }],
    ['step:2:build:2', 'ArrowDown', { kind: 'focus', key: 'job:2:deploy' }],
    ['run:1', 'ArrowDown', { kind: 'none' }],
    ['job:2:deploy', 'ArrowUp', { kind: 'focus', key: 'step:2:build:2' }],
    ['run:2', 'ArrowUp', { kind: 'none' }],
    ['step:2:build:1', 'Home', { kind: 'focus', key: 'run:2' }],
    ['run:2', 'End', { kind: 'focus', key: 'run:1' }],
    // Right: opens a closed item, enters an open one, does nothing on a step.
    ['run:1', 'ArrowRight', { kind: 'expand', key: 'run:1' }],
    ['run:2', 'ArrowRight', { kind: 'focus', key: 'job:2:build' }],
    ['job:2:deploy', 'ArrowRight', { kind: 'focus', key: 'step:2:deploy:0' }],
    ['step:2:build:0', 'ArrowRight', { kind: 'none' }],
    // Left: closes an open item, goes to the parent of a closed item or a step, stays on a closed run.
    ['job:2:build', 'ArrowLeft', { kind: 'collapse', key: 'job:2:build' }],
    ['step:2:build:1', 'ArrowLeft', { kind: 'focus', key: 'job:2:build' }],
    ['run:1', 'ArrowLeft', { kind: 'none' }],
    ['step:2:deploy:0', 'Enter', { kind: 'select', key: 'step:2:deploy:0' }],
    ['run:1', ' ', { kind: 'select', key: 'run:1' }],
  ])('on %s, %j does %j', (focused, key, move) => {
    expect(treeKey(items, focused, key)).toEqual(move);
  });

  it('leaves other keys, and an item not shown, to the browser', () => {
    expect(treeKey(items, 'run:2', 'Tab')).toBeNull();
    expect(treeKey(items, 'a', 'ArrowDown')).toBeNull();
    expect(treeKey(items, 'step:1:build:0', 'ArrowDown')).toBeNull();
  });

  it('goes from a closed job to its run with Left', () => {
    const closed = visibleItems(RUNS, (k) => onlyRun2(k) && k !== jobKey(2, 'deploy'));
    expect(treeKey(closed, 'job:2:deploy', 'ArrowLeft')).toEqual({ kind: 'focus', key: 'run:2' });
  });
});
