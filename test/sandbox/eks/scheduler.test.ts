import { describe, expect, it } from 'vitest';
import {
  buildSchedulerState,
  explainDecision,
  KEPT_SCORES,
  numFeasibleNodesToFind,
  podRequest,
  schedulePod,
  verdictsOf,
} from '../../../sandbox/services/eks/scheduler.ts';
import type { Node, Toleration } from '../../../sandbox/services/eks/types.ts';
import { MI, bound, node, pod } from './helpers.ts';

const ZONE = 'topology.kubernetes.io/zone';
const taint = (n: Node, key: string, value: string, effect: 'NoSchedule' | 'NoExecute'): Node => ({
  ...n,
  taints: [...n.taints, { key, value, effect, timeAdded: null }],
});

describe('kube-scheduler scoring', () => {
  // a: 2000m / 4096Mi with a 1000m / 1024Mi pod bound; b: the same, empty. New pod 500m / 512Mi.
  const nodes = [node('a', 2000, 4096), node('b', 2000, 4096)];
  const existing = [bound(pod('old', 1000, 1024), 'a')];

  it('LeastAllocated spreads: a scores (25 + 62) / 2 = 43, b (75 + 87) / 2 = 81', () => {
    const d = schedulePod(pod('new', 500, 512), buildSchedulerState(nodes, existing));
    expect(d.node).toBe('b');
    expect(verdictsOf(d)).toEqual([
      { node: 'b', filter: null, reasons: [], score: 81 },
      { node: 'a', filter: null, reasons: [], score: 43 },
    ]);
  });

  it('MostAllocated packs: a scores (75 + 37) / 2 = 56, b (25 + 12) / 2 = 18', () => {
    const d = schedulePod(pod('new', 500, 512), buildSchedulerState(nodes, existing), {
      scoring: 'MostAllocated',
      percentageOfNodesToScore: 0,
    });
    expect(d.node).toBe('a');
    expect(d.scored).toEqual([
      { node: 'a', score: 56 },
      { node: 'b', score: 18 },
    ]);
  });

  it('scores a pod without requests as 100m / 200Mi', () => {
    expect(podRequest(pod('p', 0, 0).spec)).toEqual({
      cpu: 0,
      memory: 0,
      nonZeroCpu: 100,
      nonZeroMemory: 200 * MI,
      hostPorts: [],
    });
    // (2000 − 100) × 100 / 2000 = 95; (4096 − 200) × 100 / 4096 = 95.1 → 95
    expect(
      schedulePod(pod('p', 0, 0), buildSchedulerState([node('a', 2000, 4096)], [])).scored,
    ).toEqual([{ node: 'a', score: 95 }]);
  });

  it('counts an init container as the max with the app containers', () => {
    const p = pod('p', 200, 100);
    p.spec.initContainers = [
      { ...p.spec.containers[0]!, name: 'init', requests: { cpuMilli: 500, memoryBytes: 50 * MI } },
    ];
    expect(podRequest(p.spec)).toMatchObject({ cpu: 500, memory: 100 * MI });
  });

  it('breaks a tie with the first node evaluated, or with a PRNG draw', () => {
    const twins = [node('x', 1000, 1024), node('y', 1000, 1024)];
    expect(schedulePod(pod('p', 100, 100), buildSchedulerState(twins, [])).node).toBe('x');
    // Reservoir sampling: the second tied node wins when the draw is 0 (0.0 × 2 → 0).
    expect(
      schedulePod(pod('p', 100, 100), buildSchedulerState(twins, []), undefined, () => 0).node,
    ).toBe('y');
    expect(
      schedulePod(pod('p', 100, 100), buildSchedulerState(twins, []), undefined, () => 0.5).node,
    ).toBe('x');
  });

  it('lists nodes zone by zone, interleaved', () => {
    const state = buildSchedulerState(
      [
        node('a1', 1, 1, 1, { [ZONE]: 'a' }),
        node('a2', 1, 1, 1, { [ZONE]: 'a' }),
        node('b1', 1, 1, 1, { [ZONE]: 'b' }),
      ],
      [],
    );
    expect(state.names).toEqual(['a1', 'b1', 'a2']);
  });
});

describe('kube-scheduler: how many nodes it looks at', () => {
  it('computes numFeasibleNodesToFind with the adaptive percentage', () => {
    expect(numFeasibleNodesToFind(50, 0)).toBe(50);
    expect(numFeasibleNodesToFind(150, 0)).toBe(100); // 150 × 49 % = 73 → at least 100
    expect(numFeasibleNodesToFind(1000, 0)).toBe(420); // 50 − 1000/125 = 42 %
    expect(numFeasibleNodesToFind(5000, 0)).toBe(500); // 10 %
    expect(numFeasibleNodesToFind(10000, 0)).toBe(500); // floor of 5 %
    expect(numFeasibleNodesToFind(1000, 100)).toBe(1000);
  });

  it('scores each pod for its own size and for the pods already counted on a node', () => {
    // a: 1,000m / 1,024Mi; b: 2,000m / 2,048Mi. A asks 100m / 100Mi, B 500m / 500Mi.
    const state = buildSchedulerState([node('a', 1000, 1024), node('b', 2000, 2048)], []);
    const scored = (name: string, cpu: number, mem: number) =>
      schedulePod(pod(name, cpu, mem), state).scored.map((v) => `${v.node} ${v.score}`);
    // A: a (900 → 90, 924 → 90) 90; b (1,900 → 95, 1,948 → 95) 95.
    expect(scored('a1', 100, 100)).toEqual(['b 95', 'a 90']);
    // A again, before anything else: b holds A now (1,800 → 90, 1,848 → 90); the tie goes to
    // a, evaluated first.
    expect(scored('a2', 100, 100)).toEqual(['a 90', 'b 90']);
    // B: each node holds one A: a (400 → 40, 424 → 41) 40; b (1,400 → 70, 1,448 → 70) 70.
    expect(scored('b1', 500, 500)).toEqual(['b 70', 'a 40']);
    // A: a holds A (800 → 80, 824 → 80) 80; b holds A and B (1,300 → 65, 1,348 → 65) 65.
    expect(scored('a3', 100, 100)).toEqual(['a 80', 'b 65']);
  });

  it('keeps the chosen node and the best others: higher scores first, ties in evaluation order', () => {
    // 30 nodes with 4,096Mi; every third has 2,000m, the others 1,000m; node k already runs a
    // pod of k × 10m and no memory request (counted as 100m / 200Mi when k = 0 / always).
    // The new pod asks 100m / 100Mi: memory scores trunc(3796 × 100 / 4096) = 92 everywhere;
    // cpu trunc((C − used − 100) × 100 / C); the node's score is the mean, truncated.
    const nodes = Array.from({ length: 30 }, (_, k) =>
      node(`n${String(k).padStart(2, '0')}`, k % 3 === 0 ? 2000 : 1000, 4096),
    );
    const existing = nodes.map((n, k) => bound(pod(`old-${k}`, 10 * k, 0), n.name));
    // n03 and n06 tie at 92; a draw of 0 gives the tie to the later one, n06.
    const d = schedulePod(
      pod('new', 100, 100),
      buildSchedulerState(nodes, existing),
      undefined,
      () => 0,
    );
    expect(d.node).toBe('n06');
    expect(d.feasible).toBe(30);
    expect(d.evaluated).toBe(30);
    expect(d.scored.map((v) => `${v.node} ${v.score}`)).toEqual([
      'n06 92',
      'n03 92',
      'n00 91',
      'n09 91',
      'n01 90',
      'n02 90',
      'n12 90',
      'n04 89',
      'n15 89',
      'n18 89',
      'n05 88',
      'n21 88',
      'n07 87',
      'n08 87',
      'n24 87',
      'n10 86',
      'n27 86',
      'n11 85',
      'n13 84',
      'n14 84',
    ]);
    expect(verdictsOf(d).map((v) => v.node)).toEqual(d.scored.map((v) => v.node));
    expect(explainDecision(d).at(-1)).toBe(
      '  10 other feasible node(s) scored no higher than these',
    );
  });

  it('stops after 100 feasible nodes out of 150 and starts the next search where it ended', () => {
    const names = Array.from({ length: 150 }, (_, i) => `n${String(i).padStart(3, '0')}`);
    const state = buildSchedulerState(
      names.map((n) => node(n, 1000, 1024)),
      [],
    );
    const first = schedulePod(pod('p1', 100, 100), state);
    expect(first.node).toBe('n000');
    expect(first.evaluated).toBe(100);
    expect(first.feasible).toBe(100);
    // All 100 tie at the same score: the chosen node and the next 19 evaluated are kept.
    expect(first.scored.map((v) => v.node)).toEqual(names.slice(0, KEPT_SCORES));
    expect(state.nextStartNodeIndex).toBe(100);
    const second = schedulePod(pod('p2', 100, 100), state);
    expect(second.start).toBe(100);
    expect(second.node).toBe('n100');
    expect(state.nextStartNodeIndex).toBe(50);
    expect(explainDecision(second).at(-1)).toBe(
      '  50 other node(s) not evaluated: the scheduler had already found enough feasible nodes',
    );
  });
});

describe('kube-scheduler filters and the FailedScheduling message', () => {
  it('counts each reason, sorts them as strings and adds the preemption clause', () => {
    const nodes = [
      taint(node('cp', 4000, 8192), 'node-role.kubernetes.io/control-plane', '', 'NoSchedule'),
      node('w1', 500, 8192),
      node('w2', 500, 8192),
    ];
    const d = schedulePod(pod('big', 1000, 512), buildSchedulerState(nodes, []));
    expect(d.node).toBeNull();
    expect(d.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(d.filtered).toEqual([
      {
        node: 'cp',
        filter: 'TaintToleration',
        reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
      },
      { node: 'w1', filter: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
      { node: 'w2', filter: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
    ]);
  });

  it('sorts "10 …" before "2 …", as the scheduler does', () => {
    const nodes = [
      ...Array.from({ length: 10 }, (_, i) => ({
        ...node(`c${i}`, 4000, 8192),
        unschedulable: true,
      })),
      node('s1', 4000, 256),
      node('s2', 4000, 256),
    ];
    expect(schedulePod(pod('p', 100, 512), buildSchedulerState(nodes, [])).message).toBe(
      '0/12 nodes are available: 10 node(s) were unschedulable, 2 Insufficient memory. preemption: 0/12 nodes are available: 10 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('reports Too many pods, and both cpu and memory on one node', () => {
    const full = buildSchedulerState([node('t', 4000, 4096, 1)], [bound(pod('x', 0, 0), 't')]);
    expect(schedulePod(pod('p', 100, 100), full).message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    const small = buildSchedulerState([node('s', 500, 256)], []);
    expect(schedulePod(pod('p', 1000, 512), small).message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('fits requests against allocatable minus what is already requested', () => {
    const state = buildSchedulerState([node('n', 1000, 1024)], [bound(pod('x', 600, 512), 'n')]);
    expect(schedulePod(pod('fits', 400, 512), state).node).toBe('n');
    expect(schedulePod(pod('one-more', 1, 0), state).filtered[0]!.reasons).toEqual([
      'Insufficient cpu',
    ]);
  });

  it('honours tolerations: Exists, Equal with the right value, an empty key, and NoExecute', () => {
    const tainted = [taint(node('gpu', 4000, 8192), 'dedicated', 'gpu', 'NoExecute')];
    const tol = (t: Partial<Toleration>) =>
      pod('p', 100, 100, {
        tolerations: [
          {
            key: 'dedicated',
            operator: 'Equal',
            value: '',
            effect: null,
            tolerationSeconds: null,
            ...t,
          },
        ],
      });
    const run = (p: ReturnType<typeof pod>) =>
      schedulePod(p, buildSchedulerState(tainted, [])).node;
    expect(run(tol({ value: 'gpu' }))).toBe('gpu');
    expect(run(tol({ operator: 'Exists' }))).toBe('gpu');
    expect(run(tol({ key: '', operator: 'Exists' }))).toBe('gpu');
    expect(run(tol({ value: 'cpu' }))).toBeNull();
    expect(run(tol({ value: 'gpu', effect: 'NoSchedule' }))).toBeNull();
    expect(run(pod('p', 100, 100))).toBeNull();
  });

  it('keeps cordoned nodes out unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const cordoned = [{ ...node('n', 4000, 8192), unschedulable: true }];
    expect(schedulePod(pod('p', 100, 100), buildSchedulerState(cordoned, [])).message).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
    const daemon = pod('d', 100, 100, {
      tolerations: [
        {
          key: 'node.kubernetes.io/unschedulable',
          operator: 'Exists',
          value: '',
          effect: 'NoSchedule',
          tolerationSeconds: null,
        },
      ],
    });
    expect(schedulePod(daemon, buildSchedulerState(cordoned, [])).node).toBe('n');
  });

  it('matches nodeSelector and required node affinity', () => {
    const nodes = [
      node('spot', 4000, 8192, 110, {
        'eks.amazonaws.com/capacityType': 'SPOT',
        'node.kubernetes.io/instance-type': 'm5.large',
      }),
      node('od', 4000, 8192, 110, {
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'node.kubernetes.io/instance-type': 'm5.xlarge',
      }),
    ];
    const state = () => buildSchedulerState(nodes, []);
    expect(
      schedulePod(
        pod('p', 100, 100, { nodeSelector: { 'eks.amazonaws.com/capacityType': 'ON_DEMAND' } }),
        state(),
      ).node,
    ).toBe('od');
    const affinity = (operator: 'In' | 'NotIn', values: string[]) =>
      pod('p', 100, 100, {
        nodeAffinity: {
          required: [
            { matchExpressions: [{ key: 'node.kubernetes.io/instance-type', operator, values }] },
          ],
          preferred: [],
        },
      });
    expect(schedulePod(affinity('In', ['m5.large']), state()).node).toBe('spot');
    expect(schedulePod(affinity('NotIn', ['m5.large', 'm5.xlarge']), state()).message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it('refuses a host port already taken on the node', () => {
    const withPort = () => {
      const p = pod('p', 100, 100);
      p.spec.containers[0]!.ports = [
        { containerPort: 80, hostPort: 8080, protocol: 'TCP', name: null },
      ];
      return p;
    };
    const state = buildSchedulerState([node('n', 4000, 8192)], [bound(withPort(), 'n')]);
    expect(schedulePod(withPort(), state).message).toBe(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });

  it('enforces topology spread with DoNotSchedule (maxSkew 1 over zones)', () => {
    const nodes = ['a', 'b', 'c'].map((z) => node(z, 4000, 8192, 110, { [ZONE]: z }));
    const web = (name: string) =>
      pod(
        name,
        100,
        100,
        {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: ZONE,
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: { app: 'web' }, matchExpressions: [] },
            },
          ],
        },
        { app: 'web' },
      );
    // Zone counts a 2, b 1, c 0 → skew if placed: a 3, b 2, c 1 → only c.
    const existing = [bound(web('w1'), 'a'), bound(web('w2'), 'a'), bound(web('w3'), 'b')];
    expect(schedulePod(web('w4'), buildSchedulerState(nodes, existing)).node).toBe('c');
    // A cordoned c still counts as a zone with 0 pods, so a and b stay too skewed.
    const cordoned = nodes.map((n) => (n.name === 'c' ? { ...n, unschedulable: true } : n));
    expect(schedulePod(web('w4'), buildSchedulerState(cordoned, existing)).message).toBe(
      "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
    const unlabelled = [node('x', 4000, 8192)];
    expect(schedulePod(web('w5'), buildSchedulerState(unlabelled, [])).message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });

  it('says when there are no nodes at all', () => {
    expect(schedulePod(pod('p', 100, 100), buildSchedulerState([], [])).message).toBe(
      'no nodes available to schedule pods',
    );
  });

  it('explains a Pending pod node by node', () => {
    const d = schedulePod(
      pod('p', 1000, 100),
      buildSchedulerState(
        [node('a', 500, 1024), { ...node('b', 4000, 1024), unschedulable: true }],
        [],
      ),
    );
    expect(explainDecision(d)).toEqual([
      'default/p is Pending: 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
      '  a: rejected by NodeResourcesFit (Insufficient cpu)',
      '  b: rejected by NodeUnschedulable (node(s) were unschedulable)',
    ]);
  });
});
