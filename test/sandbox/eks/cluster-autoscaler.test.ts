import { describe, expect, it } from 'vitest';
import {
  nodeUtilization,
  scaleDown,
  scaleUp,
  type NodeGroupInfo,
  type ScaleDownCandidate,
  type ScaleDownState,
} from '../../../sandbox/services/eks/cluster-autoscaler.ts';
import { MI, node, pod } from './helpers.ts';

const group = (
  name: string,
  cpu: number,
  desired: number,
  max: number,
  labels = {},
): NodeGroupInfo => ({
  name,
  asgName: `eks-${name}-12c6a6b1-9f0e-2a4b-8d0c-3f5e7a9b1c2d`,
  minSize: 1,
  maxSize: max,
  desiredSize: desired,
  template: node(`${name}-template`, cpu, 4096, 17, labels),
});

describe('Cluster Autoscaler scale-up', () => {
  it('grows the group the pending pods fit in, within its max', () => {
    const pending = [pod('a', 1000, 256), pod('b', 1000, 256), pod('c', 1000, 256)];
    // small: 1930m per node, one 1000m pod each, room for 1 more node; big is at its max.
    const d = scaleUp(pending, [group('small', 1930, 2, 3), group('big', 3920, 1, 1)], 'most-pods');
    expect(d.scaleUp).toEqual({ nodeGroup: 'small', from: 2, to: 3 });
    expect(d.triggered).toEqual([
      {
        pod: 'default/a',
        message:
          'pod triggered scale-up: [{eks-small-12c6a6b1-9f0e-2a4b-8d0c-3f5e7a9b1c2d 2->3 (max: 3)}]',
      },
    ]);
    expect(d.notTriggered).toEqual([]);
  });

  it('packs several pods per new node', () => {
    const pending = Array.from({ length: 5 }, (_, i) => pod(`p${i}`, 900, 256));
    // 3920m holds four 900m pods: 5 pods need 2 nodes.
    const d = scaleUp(pending, [group('big', 3920, 1, 10)]);
    expect(d.scaleUp).toEqual({ nodeGroup: 'big', from: 1, to: 3 });
    expect(d.triggered.map((t) => t.pod)).toEqual([
      'default/p0',
      'default/p1',
      'default/p2',
      'default/p3',
      'default/p4',
    ]);
  });

  it('picks by expander: least-waste, random from the PRNG', () => {
    const pending = [pod('p', 1800, 256)];
    const groups = [group('big', 3920, 1, 5), group('small', 1930, 1, 5)];
    expect(scaleUp(pending, groups, 'least-waste').scaleUp?.nodeGroup).toBe('small');
    expect(scaleUp(pending, groups, 'random', () => 0).scaleUp?.nodeGroup).toBe('big');
    expect(scaleUp(pending, groups, 'random', () => 0.7).scaleUp?.nodeGroup).toBe('small');
  });

  it('says why a pod did not trigger a scale-up, counted per node group', () => {
    const gpu = pod('gpu', 100, 100, { nodeSelector: { 'nvidia.com/gpu': 'true' } });
    const d = scaleUp([gpu], [group('small', 1930, 2, 3), group('big', 3920, 1, 1)]);
    expect(d.scaleUp).toBeNull();
    expect(d.notTriggered).toEqual([
      {
        pod: 'default/gpu',
        message:
          "pod didn't trigger scale-up: 1 max node group size reached, 1 node(s) didn't match Pod's node affinity/selector",
      },
    ]);
    const huge = scaleUp(
      [pod('huge', 8000, 100)],
      [group('small', 1930, 1, 3), group('big', 3920, 1, 3)],
    );
    expect(huge.notTriggered[0]!.message).toBe("pod didn't trigger scale-up: 2 Insufficient cpu");
  });
});

describe('Cluster Autoscaler scale-down', () => {
  const n = node('n', 2000, 4096);
  it('measures utilization as the larger of requested cpu and memory', () => {
    expect(nodeUtilization(n, 600, 2048 * MI)).toBe(0.5);
    expect(nodeUtilization(n, 200, 1024 * MI)).toBe(0.25);
  });

  const cand = (
    node: string,
    utilization: number,
    pods = 1,
    blockedBy: string | null = null,
  ): ScaleDownCandidate => ({
    node,
    nodeGroup: 'ng',
    utilization,
    pods,
    blockedBy,
  });

  it('removes a node under 50 % after 10 minutes unneeded, one non-empty node at a time', () => {
    const groups = [{ name: 'ng', minSize: 1, desiredSize: 4 }];
    const nodes = [
      cand('a', 0.3),
      cand('b', 0.49),
      cand('c', 0.5),
      cand('d', 0.1, 1, 'pod default/bare is not replicated'),
    ];
    let state: ScaleDownState = { unneededSince: {}, lastScaleUp: null };
    let r = scaleDown(nodes, groups, 0, state);
    expect(r.state.unneededSince).toEqual({ a: 0, b: 0 });
    r = scaleDown(nodes, groups, 599, r.state);
    expect(r.remove).toEqual([]);
    r = scaleDown(nodes, groups, 600, r.state);
    expect(r.remove).toEqual(['a']);
    state = r.state;
    expect(state.unneededSince).toEqual({ b: 0 });
  });

  it('respects min size, the delay after a scale-up, and bulk-deletes empty nodes up to 10', () => {
    expect(
      scaleDown([cand('a', 0.1)], [{ name: 'ng', minSize: 1, desiredSize: 1 }], 900, {
        unneededSince: { a: 0 },
        lastScaleUp: null,
      }).remove,
    ).toEqual([]);
    expect(
      scaleDown([cand('a', 0.1)], [{ name: 'ng', minSize: 0, desiredSize: 1 }], 900, {
        unneededSince: { a: 0 },
        lastScaleUp: 400,
      }).remove,
    ).toEqual([]);
    const empty = Array.from({ length: 12 }, (_, i) => cand(`e${i}`, 0, 0));
    const r = scaleDown(empty, [{ name: 'ng', minSize: 0, desiredSize: 12 }], 600, {
      unneededSince: Object.fromEntries(empty.map((c) => [c.node, 0])),
      lastScaleUp: null,
    });
    expect(r.remove).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
  });
});
