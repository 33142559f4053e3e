import { describe, expect, it } from 'vitest';
import { replay, type World } from '@sandbox';
import { eksView } from '@lib/sandbox-view/eks-view.ts';
import { podWhy } from '@lib/sandbox-view/eks-why.ts';
import { eksInspect } from '@lib/sandbox-view/eks-inspect.ts';
import { loadScenario } from '../sandbox/helpers.ts';

function run(
  file: string,
  until: number,
  keep: (type: string, action: Record<string, unknown>) => boolean = () => true,
): World {
  const scenario = loadScenario(file);
  const steps = scenario.solution
    .map((s) => ({ ...s, by: 'learner' as const }))
    .filter((s) => keep(s.action.type, s.action as unknown as Record<string, unknown>));
  return replay(scenario, steps, { until }).world;
}

const MEMBERS_ALL_UP = [
  { role: 'API server', az: 'eu-west-3a', up: true },
  { role: 'API server', az: 'eu-west-3b', up: true },
  { role: 'etcd', az: 'eu-west-3a', up: true },
  { role: 'etcd', az: 'eu-west-3b', up: true },
  { role: 'etcd', az: 'eu-west-3c', up: true },
];

describe('the EKS view: a cluster without nodes (eks-no-nodes)', () => {
  const applied = run('eks-no-nodes.yaml', 40, (t) => t === 'k8s.apply');
  const [cluster, ...others] = eksView(applied);

  it('shows the managed control plane with its members per AZ and who backs etcd up', () => {
    expect(others).toEqual([]);
    expect(cluster).toMatchObject({
      name: 'demo',
      status: 'ACTIVE',
      version: '1.31',
      managed: true,
      pricePerHour: 0.1,
      api: 'answering',
      nodes: [],
      podStatuses: [['Pending', 3]],
    });
    expect(cluster!.controlPlane).toEqual({
      managed: true,
      where: 'Run by AWS in an AWS-owned VPC: 2 API servers and 3 etcd members across 3 AZs.',
      api: 'answering',
      health: '2 of 2 API servers up, etcd 3 of 3 (quorum 2)',
      tone: 'ok',
      members: MEMBERS_ALL_UP,
      backups: 'etcd is backed up and repaired by AWS; you never see or snapshot it.',
    });
    expect(cluster!.azs.map((a) => [a.az, a.nodes.length, a.down])).toEqual([
      ['eu-west-3a', 0, false],
      ['eu-west-3b', 0, false],
      ['eu-west-3c', 0, false],
    ]);
  });

  it('puts the 3 pods of the Deployment in the tray with the FailedScheduling reason', () => {
    expect(cluster!.pending).toHaveLength(3);
    for (const p of cluster!.pending) {
      expect(p.name).toMatch(/^web-[0-9a-f]{8,10}-[a-z0-9]{5}$/);
      expect(p).toMatchObject({
        status: 'Pending',
        tone: 'pending',
        ready: '0/1',
        owner: 'deployment/web',
        node: null,
        message: 'no nodes available to schedule pods',
      });
    }
    expect(cluster!.deployments).toEqual([
      { key: 'default/web', name: 'web', namespace: 'default', ready: '0/3' },
    ]);
  });

  it('answers "Why still Pending?" with the empty cluster', () => {
    expect(podWhy(applied, 'demo', cluster!.pending[0]!.key)).toEqual({
      question: 'Why still Pending?',
      answer:
        'The cluster has no nodes at all: EKS runs only the control plane. Add a managed node group, self-managed nodes or a Fargate profile.',
      schedulerMessage: 'no nodes available to schedule pods',
      verdicts: [],
      unevaluated: null,
    });
  });

  it('shows the node group, its nodes with requested resources, and Running pods once solved', () => {
    const world = run('eks-no-nodes.yaml', 1200);
    const [c] = eksView(world);
    expect(c!.pending).toEqual([]);
    expect(c!.podStatuses).toEqual([['Running', 3]]);
    expect(c!.nodegroups).toEqual([
      {
        name: 'general',
        status: 'ACTIVE',
        sizes: 'min 1 · desired 2 · max 3',
        instanceTypes: 't3.medium',
      },
    ]);
    expect(
      c!.nodes.map((n) => [
        n.kind,
        n.capacity,
        n.az,
        n.status,
        n.cpu.text,
        n.memory.text,
        n.pods.text,
      ]),
    ).toEqual([
      [
        'node group general',
        'On-Demand',
        'eu-west-3a',
        'Ready',
        '0m / 1930m',
        '0Mi / 3554Mi',
        '0 / 17',
      ],
      [
        'node group general',
        'On-Demand',
        'eu-west-3b',
        'Ready',
        '750m / 1930m',
        '768Mi / 3554Mi',
        '3 / 17',
      ],
    ]);
    expect(c!.nodes[1]!.chips.map((p) => [p.status, p.tone, p.ready])).toEqual([
      ['Running', 'ok', '1/1'],
      ['Running', 'ok', '1/1'],
      ['Running', 'ok', '1/1'],
    ]);
  });

  it('is empty for a world without EKS', () => {
    expect(eksView(run('ecs-first-service.yaml', 10, () => false))).toEqual([]);
  });
});

describe('the EKS view: two node groups and a nodeSelector (eks-two-nodegroups)', () => {
  const GENERAL = [
    'ip-10-0-16-20.eu-west-3.compute.internal',
    'ip-10-0-0-23.eu-west-3.compute.internal',
  ];
  const NOT_MEMORY = "the node's labels do not match the pod's nodeSelector workload=memory.";

  it('says why cache waits: both general nodes fail NodeAffinity', () => {
    // Only the general group (the memory group is not created): its two nodes are Ready at 96 s.
    const world = run('eks-two-nodegroups.yaml', 120, (_, action) => action['name'] !== 'memory');
    const [c] = eksView(world);
    const message =
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
    expect(c!.pending.map((p) => [p.owner, p.message])).toEqual([
      ['deployment/cache', message],
      ['deployment/cache', message],
    ]);
    const why = podWhy(world, 'store', c!.pending[0]!.key)!;
    expect(why.question).toBe('Why still Pending?');
    expect(why.answer).toBe(
      'The pod requests 500m CPU and 3072Mi memory. No node passes every filter, so it waits; kube-scheduler tries again when a node or a pod changes.',
    );
    expect(why.schedulerMessage).toBe(message);
    expect(why.verdicts).toEqual(
      GENERAL.map((node) => ({
        node,
        outcome: 'ruled out',
        detail: 'NodeAffinity',
        text: NOT_MEMORY,
      })),
    );
  });

  it('says why cache landed on the memory-optimised node', () => {
    const world = run('eks-two-nodegroups.yaml', 700);
    const [c] = eksView(world);
    const memoryNode = c!.nodes.find((n) => n.chips.some((p) => p.owner === 'deployment/cache'))!;
    expect([memoryNode.kind, memoryNode.instanceType, memoryNode.memory.text]).toEqual([
      'node group memory',
      'm5.large',
      '6144Mi / 7518Mi',
    ]);
    const cache = memoryNode.chips[0]!;
    const why = podWhy(world, 'store', cache.key)!;
    expect(why.question).toBe('Why here?');
    // Scheduled at 100 s, when the first memory node had joined and the second had not.
    expect(why.answer).toBe(
      'The pod requests 500m CPU and 3072Mi memory. 1 node could take it and 2 nodes could not; of those that could, kube-scheduler took the best score (LeastAllocated: the most room left after placing it): ip-10-0-16-24.eu-west-3.compute.internal.',
    );
    expect(why.verdicts.map((v) => [v.node, v.outcome, v.detail])).toEqual([
      ['ip-10-0-16-24.eu-west-3.compute.internal', 'chosen', 'score 66 of 100'],
      ...GENERAL.map((node) => [node, 'ruled out', 'NodeAffinity']),
    ]);
    expect(why.verdicts[0]!.text).toBe(
      'passes every filter and scored highest, so the pod went here.',
    );
  });

  it('inspects a node group and a Deployment', () => {
    const world = run('eks-two-nodegroups.yaml', 700);
    expect(
      eksInspect({ kind: 'k8s-deployment', cluster: 'store', id: 'default/cache' }, world),
    ).toEqual({
      heading: 'Deployment cache',
      rows: [
        { label: 'Namespace', value: 'default' },
        { label: 'Replicas', value: '2 desired | 2 total | 2 ready' },
        { label: 'Strategy', value: 'RollingUpdate (maxUnavailable 25%, maxSurge 25%)' },
        { label: 'Revision', value: '1' },
        { label: 'Progressing', value: 'NewReplicaSetAvailable' },
        { label: 'Images', value: 'redis:7', code: true },
      ],
    });
    const group = eksInspect({ kind: 'eks-nodegroup', cluster: 'store', id: 'memory' }, world)!;
    expect(group.rows.slice(0, 6)).toEqual([
      { label: 'Status', value: 'ACTIVE' },
      { label: 'Instance types', value: 'm5.large' },
      { label: 'Capacity type', value: 'ON_DEMAND' },
      { label: 'AMI type', value: 'AL2023_x86_64_STANDARD' },
      { label: 'Scaling', value: 'min 1, desired 2, max 2' },
      { label: 'Labels', value: 'workload=memory', code: true },
    ]);
    expect(eksInspect({ kind: 'eks-nodegroup', cluster: 'store', id: '__proto__' }, world)).toBe(
      null,
    );
  });
});

describe('the EKS view: a rolling update (eks-rolling-update)', () => {
  it('says when the chosen node only won a tie, and which node scored lower', () => {
    const world = run('eks-rolling-update.yaml', 1200);
    const [c] = eksView(world);
    const pod = c!.nodes.flatMap((n) => n.chips).find((p) => p.name === 'web-796556f86f-lzbh5')!;
    expect(podWhy(world, 'demo', pod.key)!.verdicts).toEqual([
      {
        node: 'ip-10-0-32-22.eu-west-3.compute.internal',
        outcome: 'chosen',
        detail: 'score 79 of 100',
        text: 'passes every filter and shares the highest score; a tie is broken by a draw (kube-scheduler draws at random, the sandbox from its seed).',
      },
      {
        node: 'ip-10-0-16-21.eu-west-3.compute.internal',
        outcome: 'fits',
        detail: 'score 79 of 100',
        text: 'passes every filter and ties for the highest score, but lost the draw.',
      },
      {
        node: 'ip-10-0-0-20.eu-west-3.compute.internal',
        outcome: 'fits',
        detail: 'score 69 of 100',
        text: 'passes every filter but scored lower.',
      },
    ]);
  });
});

describe('the EKS view: Fargate and a self-managed control plane', () => {
  it('draws each Fargate pod in its own micro-VM, with its provisioned size', () => {
    const world = run('eks-fargate-profile.yaml', 700);
    const [c] = eksView(world);
    const vms = c!.azs.flatMap((a) => a.microVms);
    expect(vms.map((n) => [n.az, n.kind, n.capacity, n.fargate?.size, n.chips.length])).toEqual([
      ['eu-west-3a', 'Fargate', 'Fargate', '0.5vCPU 2GB', 1],
      ['eu-west-3b', 'Fargate', 'Fargate', '0.5vCPU 2GB', 1],
      ['eu-west-3c', 'Fargate', 'Fargate', '0.5vCPU 2GB', 1],
    ]);
    expect(c!.azs.flatMap((a) => a.nodes).every((n) => n.origin !== 'fargate')).toBe(true);
    const why = podWhy(world, 'lab', vms[0]!.chips[0]!.key)!;
    expect(why.question).toBe('Why on Fargate?');
    expect(why.answer).toBe(
      'The Fargate profile apps selects pods in namespace apps, so the Fargate scheduler runs this one, not kube-scheduler. It runs alone in its own micro-VM, fargate-ip-10-0-0-24.eu-west-3.compute.internal.',
    );
  });

  it('shows the kubeadm master dead with its AZ while the EKS control plane keeps quorum', () => {
    const world = run('eks-az-outage-control-plane.yaml', 700);
    const views = eksView(world);
    const lab = views.find((v) => v.name === 'lab')!;
    const demo = views.find((v) => v.name === 'demo')!;
    expect(lab.controlPlane).toMatchObject({
      managed: false,
      api: 'not answering',
      health: '0 of 1 API server up, etcd 0 of 1 (quorum 1)',
      tone: 'failed',
      backups: 'etcd lives on this one instance: snapshots (etcdctl snapshot save) are your chore.',
    });
    expect(lab.controlPlane.where).toMatch(
      /^kubeadm on one EC2 instance \(i-[0-9a-f]{17}\) in eu-west-3a: one API server and one etcd member, run by you\.$/,
    );
    expect(lab.pricePerHour).toBe(null);
    expect(demo.controlPlane).toMatchObject({
      api: 'answering',
      health: '1 of 2 API servers up, etcd 2 of 3 (quorum 2)',
      tone: 'ok',
    });
    expect(demo.controlPlane.members.filter((m) => !m.up)).toEqual([
      { role: 'API server', az: 'eu-west-3a', up: false },
      { role: 'etcd', az: 'eu-west-3a', up: false },
    ]);
  });
});
