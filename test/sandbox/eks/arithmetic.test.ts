import { describe, expect, it } from 'vitest';
import { fargatePodSize, fargateUnsupported } from '../../../sandbox/services/eks/fargate.ts';
import {
  hpaProposal,
  hpaStep,
  utilizationPercent,
  type HpaHistory,
  type HpaInput,
} from '../../../sandbox/services/eks/hpa.ts';
import {
  DEFAULT_SCALE_DOWN,
  DEFAULT_SCALE_UP,
} from '../../../sandbox/services/eks/manifest-build.ts';
import {
  fnv32a,
  generateName,
  nodeNameFor,
  podTemplateHash,
  safeEncode,
} from '../../../sandbox/services/eks/names.ts';
import {
  ec2NodeResources,
  kubeReservedCpuMilli,
} from '../../../sandbox/services/eks/node-capacity.ts';
import {
  defaultTolerations,
  evictionTime,
  nodeStatusText,
  observeNode,
} from '../../../sandbox/services/eks/node-health.ts';
import {
  progressDeadlineMessage,
  rollingFenceposts,
  rolloutStatusText,
  rolloutStep,
} from '../../../sandbox/services/eks/rollout.ts';
import { fargateNode } from '../../../sandbox/services/eks/objects.ts';
import { MI, node, pod } from './helpers.ts';

describe('rolling update arithmetic', () => {
  it('rounds surge up and unavailable down, and never allows both 0', () => {
    expect(rollingFenceposts('25%', '25%', 4)).toEqual({ surge: 1, unavailable: 1 });
    expect(rollingFenceposts('25%', '25%', 1)).toEqual({ surge: 1, unavailable: 0 });
    expect(rollingFenceposts('30%', '30%', 10)).toEqual({ surge: 3, unavailable: 3 });
    expect(rollingFenceposts('50%', 2, 3)).toEqual({ surge: 2, unavailable: 2 });
    expect(rollingFenceposts(0, '10%', 3)).toEqual({ surge: 0, unavailable: 1 });
  });

  it('steps 4 replicas with 25 %/25 %: 1/3, then 2/3, then 2/1', () => {
    const strategy = { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' } as const;
    expect(
      rolloutStep(strategy, {
        desired: 4,
        newReplicas: 0,
        newAvailable: 0,
        oldReplicas: 4,
        oldAvailable: 4,
      }),
    ).toEqual({ newReplicas: 1, oldReplicas: 3, done: false });
    expect(
      rolloutStep(strategy, {
        desired: 4,
        newReplicas: 1,
        newAvailable: 0,
        oldReplicas: 3,
        oldAvailable: 3,
      }),
    ).toEqual({ newReplicas: 2, oldReplicas: 3, done: false });
    expect(
      rolloutStep(strategy, {
        desired: 4,
        newReplicas: 2,
        newAvailable: 2,
        oldReplicas: 3,
        oldAvailable: 3,
      }),
    ).toEqual({ newReplicas: 2, oldReplicas: 1, done: false });
    expect(
      rolloutStep(strategy, {
        desired: 4,
        newReplicas: 4,
        newAvailable: 4,
        oldReplicas: 0,
        oldAvailable: 0,
      }),
    ).toEqual({ newReplicas: 4, oldReplicas: 0, done: true });
  });

  it('with maxSurge 0 takes an old pod down first', () => {
    const strategy = { type: 'RollingUpdate', maxSurge: 0, maxUnavailable: 1 } as const;
    expect(
      rolloutStep(strategy, {
        desired: 3,
        newReplicas: 0,
        newAvailable: 0,
        oldReplicas: 3,
        oldAvailable: 3,
      }),
    ).toEqual({ newReplicas: 0, oldReplicas: 2, done: false });
  });

  it('removes unavailable old pods at once', () => {
    const strategy = { type: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0 } as const;
    expect(
      rolloutStep(strategy, {
        desired: 3,
        newReplicas: 1,
        newAvailable: 0,
        oldReplicas: 3,
        oldAvailable: 1,
      }),
    ).toEqual({ newReplicas: 1, oldReplicas: 1, done: false });
  });

  it('Recreate stops every old pod before starting new ones', () => {
    expect(
      rolloutStep(
        { type: 'Recreate' },
        { desired: 4, newReplicas: 0, newAvailable: 0, oldReplicas: 4, oldAvailable: 4 },
      ),
    ).toEqual({ newReplicas: 0, oldReplicas: 0, done: false });
    expect(
      rolloutStep(
        { type: 'Recreate' },
        { desired: 4, newReplicas: 0, newAvailable: 0, oldReplicas: 0, oldAvailable: 0 },
      ),
    ).toEqual({ newReplicas: 4, oldReplicas: 0, done: false });
  });
});

describe('HorizontalPodAutoscaler arithmetic', () => {
  it('computes ceil(current × metric / target) outside the 0.1 tolerance', () => {
    expect(hpaProposal(4, 85, 50)).toBe(7); // 4 × 1.7 = 6.8
    expect(hpaProposal(3, 52, 50)).toBe(3); // ratio 1.04: within tolerance
    expect(hpaProposal(3, 56, 50)).toBe(4); // 3 × 1.12 = 3.36
    expect(hpaProposal(10, 20, 50)).toBe(4);
    expect(hpaProposal(10, 46, 50)).toBe(10); // 0.92
    // Exactly 10 % above target is outside: in float64 |1 − 1.1| is 0.10000000000000009.
    expect(hpaProposal(10, 55, 50)).toBe(11);
  });

  it('averages utilization over requests', () => {
    expect(
      utilizationPercent([
        { usage: 150, request: 200 },
        { usage: 250, request: 200 },
      ]),
    ).toBe(100);
    expect(utilizationPercent([{ usage: 100, request: 0 }])).toBeNull();
  });

  const base = (over: Partial<HpaInput>): HpaInput => ({
    now: 0,
    current: 2,
    metric: 50,
    target: 50,
    minReplicas: 1,
    maxReplicas: 20,
    scaleUp: DEFAULT_SCALE_UP,
    scaleDown: DEFAULT_SCALE_DOWN,
    ...over,
  });
  const empty: HpaHistory = { recommendations: [], events: [] };

  it('limits a scale-up to max(+4 pods, +100 %) per 15 s', () => {
    const first = hpaStep(base({ current: 2, metric: 250 }), empty); // proposal 10
    expect(first).toMatchObject({ proposal: 10, desired: 6, limitedBy: 'rate-limit' });
    const next = hpaStep(
      base({ now: 15, current: 6, metric: 250 * (2 / 6) * (10 / 10) }),
      first.history,
    );
    // 6 × (83.33 / 50) = 10 → within max(6 + 4, 12)
    expect(next).toMatchObject({ proposal: 10, desired: 10, limitedBy: null });
  });

  it('waits out the 300 s scale-down stabilization window', () => {
    let history = hpaStep(base({ current: 10 }), empty).history;
    let desired = 10;
    const seen: [number, number][] = [];
    for (let now = 15; now <= 315; now += 15) {
      const r = hpaStep(base({ now, current: desired, metric: 20 }), history);
      history = r.history;
      if (r.desired !== desired) seen.push([now, r.desired]);
      desired = r.desired;
    }
    // The t = 0 recommendation (10) leaves the window at t = 300; then 10 × 0.4 = 4.
    expect(seen).toEqual([[300, 4]]);
  });

  it('clamps to minReplicas and maxReplicas', () => {
    expect(hpaStep(base({ current: 8, metric: 200, maxReplicas: 10 }), empty)).toMatchObject({
      desired: 10,
      limitedBy: 'maxReplicas',
    });
    const down = { ...DEFAULT_SCALE_DOWN, stabilizationWindowSeconds: 0 };
    expect(
      hpaStep(base({ current: 4, metric: 5, minReplicas: 2, scaleDown: down }), empty),
    ).toMatchObject({ proposal: 1, desired: 2, limitedBy: 'minReplicas' });
  });
});

describe('Fargate pod sizing', () => {
  const sized = (cpu: number, memMi: number) => fargatePodSize(pod('p', cpu, memMi).spec);
  it('adds 256 MiB and rounds up to a valid pair', () => {
    expect(sized(1000, 8192)).toEqual({
      cpu: 2048,
      memoryMiB: 9216,
      capacityProvisioned: '2vCPU 9GB',
    });
    expect(sized(0, 0)).toEqual({
      cpu: 256,
      memoryMiB: 512,
      capacityProvisioned: '0.25vCPU 0.5GB',
    });
    expect(sized(250, 256)).toEqual({
      cpu: 256,
      memoryMiB: 512,
      capacityProvisioned: '0.25vCPU 0.5GB',
    });
    expect(sized(500, 1024)).toEqual({
      cpu: 512,
      memoryMiB: 2048,
      capacityProvisioned: '0.5vCPU 2GB',
    });
    expect(sized(250, 1792)).toEqual({
      cpu: 256,
      memoryMiB: 2048,
      capacityProvisioned: '0.25vCPU 2GB',
    });
    // 1800 + 256 = 2056 MiB is more than 0.25 vCPU can have.
    expect(sized(250, 1800)).toEqual({
      cpu: 512,
      memoryMiB: 3072,
      capacityProvisioned: '0.5vCPU 3GB',
    });
    expect(sized(16000, 120 * 1024)).toBeNull();
  });
  it('names what Fargate does not run', () => {
    const p = pod('p', 100, 100);
    expect(fargateUnsupported(p.spec, 'DaemonSet')).toBe('DaemonSets are not supported on Fargate');
    p.spec.containers[0]!.privileged = true;
    expect(fargateUnsupported(p.spec, 'ReplicaSet')).toBe(
      'privileged containers are not supported on Fargate',
    );
    expect(fargateUnsupported(pod('q', 1, 1).spec, null)).toBeNull();
  });
});

describe('EC2 node allocatable and max pods', () => {
  it('t3.medium: 1930m and 4096 − 442 − 100 = 3554 MiB, 17 pods', () => {
    expect(ec2NodeResources('t3.medium')).toEqual({
      capacity: { cpuMilli: 2000, memoryBytes: 4096 * MI, pods: 17 },
      kubeReserved: { cpuMilli: 70, memoryBytes: 442 * MI },
      allocatable: { cpuMilli: 1930, memoryBytes: 3554 * MI, pods: 17 },
    });
  });
  it('m5.xlarge: 4000 − 80 = 3920m and 16384 − 893 − 100 = 15391 MiB, 58 pods', () => {
    expect(ec2NodeResources('m5.xlarge')!.allocatable).toEqual({
      cpuMilli: 3920,
      memoryBytes: 15391 * MI,
      pods: 58,
    });
    expect(ec2NodeResources('t3.micro')!.allocatable.pods).toBe(4);
  });
  it('reserves 6 %, 1 %, 0.5 %, 0.5 %, then 0.25 % per core', () => {
    expect([1, 2, 4, 8].map(kubeReservedCpuMilli)).toEqual([60, 70, 80, 90]);
    expect(ec2NodeResources('p5.48xlarge')).toBeNull();
  });
});

describe('node failure timings', () => {
  const ready = { ...node('n', 2000, 4096), lastHeartbeat: 0 };
  it('turns Unknown 50 s after the last heartbeat and taints the node unreachable', () => {
    expect(observeNode(ready, 49, 'silent').ready).toBe('True');
    const lost = observeNode(ready, 50, 'silent');
    expect(lost.ready).toBe('Unknown');
    expect(lost.readySince).toBe(50);
    expect(lost.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', value: '', effect: 'NoSchedule', timeAdded: 50 },
      { key: 'node.kubernetes.io/unreachable', value: '', effect: 'NoExecute', timeAdded: 50 },
    ]);
    expect(nodeStatusText(lost)).toBe('NotReady');
    // Later observations keep the first taint time.
    expect(observeNode(lost, 80, 'silent').taints[1]!.timeAdded).toBe(50);
    // The kubelet comes back: Ready, untainted.
    const back = observeNode(lost, 90, 'Ready');
    expect([back.ready, back.taints, nodeStatusText({ ...back, unschedulable: true })]).toEqual([
      'True',
      [],
      'Ready,SchedulingDisabled',
    ]);
  });

  it('evicts pods 300 s after the taint, through the default tolerations', () => {
    const lost = observeNode(ready, 50, 'silent');
    const p = pod('p', 100, 100);
    expect(evictionTime(p, lost)).toBe(50);
    p.spec.tolerations = defaultTolerations(p.spec.tolerations);
    expect(p.spec.tolerations.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute:300',
      'node.kubernetes.io/unreachable:NoExecute:300',
    ]);
    expect(evictionTime(p, lost)).toBe(350);
    p.spec.tolerations = [
      { key: '', operator: 'Exists', value: '', effect: null, tolerationSeconds: null },
    ];
    expect(evictionTime(p, lost)).toBeNull();
  });

  it('marks a node NotReady at once when its kubelet says so', () => {
    const sick = observeNode(ready, 20, 'NotReady');
    expect([sick.ready, sick.taints.map((t) => `${t.key}:${t.effect}`)]).toEqual([
      'False',
      ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'],
    ]);
  });
});

describe('names', () => {
  it('maps digits through the safe alphabet', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });
  it('hashes a template with FNV-32a (FNV-1a of "a" is 0xe40c292c)', () => {
    expect(fnv32a('a')).toBe(0xe40c292c);
    const t = { labels: { app: 'web' }, spec: { image: 'nginx:1.27' } };
    expect(podTemplateHash(t)).toBe(
      podTemplateHash({ spec: { image: 'nginx:1.27' }, labels: { app: 'web' } }),
    );
    expect(podTemplateHash(t)).not.toBe(podTemplateHash({ ...t, spec: { image: 'nginx:1.26' } }));
    expect(podTemplateHash(t)).toMatch(/^[4-9bcdf]{8,10}$/);
    expect(podTemplateHash(t, 1)).not.toBe(podTemplateHash(t));
  });
  it('suffixes pod names with 5 characters drawn from the PRNG', () => {
    expect(generateName('web-7d6b446664-', () => 0)).toBe('web-7d6b446664-bbbbb');
    const draws = [0, 0.5, 0.99, 0.1, 0.75];
    let i = 0;
    // 27 characters: 0 → b, 0.5 → floor(13.5) = 13 r, 0.99 → 26 9, 0.1 → 2 d, 0.75 → 20 2
    expect(generateName('web-', () => draws[i++]!)).toBe('web-br9d2');
    expect(generateName('x'.repeat(70), () => 0)).toBe(`${'x'.repeat(58)}bbbbb`);
  });
  it('names EC2 and Fargate nodes', () => {
    expect(nodeNameFor('10.0.1.23', 'eu-west-3')).toBe('ip-10-0-1-23.eu-west-3.compute.internal');
    expect(nodeNameFor('10.0.1.23', 'eu-west-3', true)).toBe(
      'fargate-ip-10-0-1-23.eu-west-3.compute.internal',
    );
  });
});

describe('kubectl rollout status', () => {
  const base = {
    name: 'web',
    generation: 2,
    observedGeneration: 2,
    replicas: 4,
    statusReplicas: 4,
    updatedReplicas: 4,
    availableReplicas: 4,
    progressDeadlineExceeded: false,
  };
  it('prints what the rollout waits for, then success or the deadline', () => {
    expect(
      [
        { generation: 3 },
        { updatedReplicas: 1, statusReplicas: 5 },
        { statusReplicas: 6 },
        { availableReplicas: 2 },
        {},
        { progressDeadlineExceeded: true, updatedReplicas: 1 },
      ].map((over) => rolloutStatusText({ ...base, ...over }).text),
    ).toEqual([
      'Waiting for deployment spec update to be observed...',
      'Waiting for deployment "web" rollout to finish: 1 out of 4 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 2 old replicas are pending termination...',
      'Waiting for deployment "web" rollout to finish: 2 of 4 updated replicas are available...',
      'deployment "web" successfully rolled out',
      'error: deployment "web" exceeded its progress deadline',
    ]);
    expect(progressDeadlineMessage('web-7d9f8c6b5')).toBe(
      'ReplicaSet "web-7d9f8c6b5" has timed out progressing.',
    );
  });
});

describe('Fargate nodes', () => {
  it('holds one pod of the provisioned size', () => {
    const n = fargateNode({
      name: nodeNameFor('10.0.3.44', 'eu-west-3', true),
      zone: 'eu-west-3b',
      region: 'eu-west-3',
      internalIP: '10.0.3.44',
      cpu: 256,
      memoryMiB: 512,
      now: 0,
      kubeletVersion: 'v1.30.0-eks',
    });
    expect([n.name, n.compute, n.allocatable]).toEqual([
      'fargate-ip-10-0-3-44.eu-west-3.compute.internal',
      'fargate',
      { cpuMilli: 250, memoryBytes: 512 * MI, pods: 1 },
    ]);
  });
});
