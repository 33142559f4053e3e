/**
 * The EKS module end to end, through the engine: exact event sequences, times and numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAction,
  commandFor,
  createWorld,
  deserializeWorld,
  serializeWorld,
  type World,
} from '../../../sandbox/index.ts';
import type { Action } from '../../../sandbox/model/actions.ts';
import { scenarioFromYaml } from '../helpers.ts';

const WEB = (replicas: number, extra = '') => `
          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: web }
          spec:
            replicas: ${replicas}
            selector: { matchLabels: { app: web } }
            template:
              metadata: { labels: { app: web } }
              spec:
${extra}
                containers:
                  - name: web
                    image: nginx:1.27
                    resources: { requests: { cpu: 250m, memory: 256Mi } }`;

function world(initial: string, duration = 7200, seed = 7): World {
  return createWorld(
    scenarioFromYaml(`id: eks-test-playground
title: t
orchestrator: eks
seed: ${seed}
duration: ${duration}
goals: []
solution: []
${initial}`),
  );
}

function act(w: World, action: unknown): { world: World; message: string } {
  const r = applyAction(w, action as Action);
  if (!r.result.ok) throw new Error(r.result.error);
  return { world: r.world, message: r.result.message };
}

const refusal = (w: World, action: unknown) => {
  const r = applyAction(w, action as Action);
  expect(r.world).toBe(w);
  return r.result.ok ? null : r.result.error;
};

const since = (w: World, t: number) =>
  w.events.filter((e) => e.time >= t).map((e) => `${e.time} ${e.source} ${e.message}`);

const pods = (w: World, cluster = 'demo') => Object.values(w.eks!.kube[cluster]!.pods);

describe('the control plane', () => {
  it('is CREATING for 570 s, then ACTIVE; kubectl needs update-kubeconfig, which needs ACTIVE', () => {
    let w = world('');
    expect(refusal(w, { type: 'k8s.deployment.create', name: 'web', image: 'nginx:1.27' })).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    );
    w = act(w, { type: 'eks.cluster.create', name: 'demo' }).world;
    expect(w.eks!.clusters.demo!.status).toBe('CREATING');
    expect(refusal(w, { type: 'eks.kubeconfig.update', cluster: 'demo' })).toBe(
      'Cluster status is CREATING',
    );
    expect(refusal(w, { type: 'eks.cluster.create', name: 'demo' })).toBe(
      'An error occurred (ResourceInUseException) when calling the CreateCluster operation: Cluster already exists with name: demo',
    );
    w = advance(w, 569);
    expect(w.eks!.clusters.demo!.status).toBe('CREATING');
    w = advance(w, 1);
    expect(w.eks!.clusters.demo!.status).toBe('ACTIVE');
    expect(since(w, 570)).toEqual([
      `570 eks Cluster demo is ACTIVE (Kubernetes 1.31, endpoint ${w.eks!.clusters.demo!.endpoint}).`,
    ]);
    const r = act(w, { type: 'eks.kubeconfig.update', cluster: 'demo' });
    expect(r.message).toBe(
      'Added new context arn:aws:eks:eu-west-3:123456789012:cluster/demo to /home/cloudshell-user/.kube/config',
    );
    expect(
      act(r.world, { type: 'k8s.deployment.create', name: 'web', image: 'nginx:1.27' }).message,
    ).toBe('deployment.apps/web created');
  });

  it('bills $0.10 per cluster-hour from creation, $0.60 on extended support', () => {
    let w = act(world(''), { type: 'eks.cluster.create', name: 'demo' }).world;
    w = act(w, { type: 'eks.cluster.create', name: 'old', supportType: 'EXTENDED' }).world;
    w = advance(w, 1);
    expect(w.cost.perHour).toBeCloseTo(0.7, 10);
    w = advance(w, 3599);
    expect(w.cost.byKind.eks).toBeCloseTo(0.7, 9);
    expect(w.cost.byResource['arn:aws:eks:eu-west-3:123456789012:cluster/demo']).toBeCloseTo(
      0.1,
      9,
    );
  });

  it('an AZ outage leaves the EKS API answering and takes down a kubeadm master', () => {
    let w = world(`initial:
  eks:
    clusters:
      - { name: lab, kind: kubeadm, az: eu-west-3a }
      - { name: demo }`);
    expect(w.eks!.kubeconfig.currentContext).toBe('kubernetes-admin@lab');
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' }).world;
    w = advance(w, 1);
    const master = w.eks!.clusters.lab!.instanceId!;
    expect(since(w, 0).slice(-2)).toEqual([
      `1 eks Cluster lab: the kubeadm control plane on ${master} does not answer: 0 API server(s) reachable, etcd 0/1 members. kubectl fails; no controller, scheduler or node health check runs.`,
      '1 eks Cluster demo: control plane members in eu-west-3a lost; 1 API server(s) and 2 of 3 etcd members answer (quorum kept). EKS replaces the lost members in healthy AZs; kubectl keeps working.',
    ]);
    expect(refusal(w, { type: 'k8s.deployment.scale', name: 'web', replicas: 2 })).toBe(
      'Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout',
    );
    w = act(w, { type: 'eks.kubeconfig.update', cluster: 'demo' }).world;
    expect(act(w, { type: 'k8s.namespace.create', name: 'apps' }).message).toBe(
      'namespace/apps created',
    );
  });
});

describe('scheduling and nodes', () => {
  it('says why pods wait, in the scheduler layout, and places them once a node group is Ready', () => {
    let w = world(`initial:
  eks:
    clusters: [{ name: demo }]
    manifests:
      - cluster: demo
        yaml: |${WEB(2)}`);
    w = advance(w, 1);
    expect(pods(w).map((p) => p.runtime.lastDecision?.message)).toEqual([
      'no nodes available to schedule pods',
      'no nodes available to schedule pods',
    ]);
    w = act(w, {
      type: 'eks.nodegroup.create',
      cluster: 'demo',
      name: 'tiny',
      instanceTypes: ['t3.micro'],
      min: 1,
      desired: 1,
      max: 1,
    }).world;
    w = advance(w, 200);
    // t3.micro: 2 vCPU − 70m kube-reserved = 1930m, but memory 1 GiB − (255 + 11 × 4) MiB − 100 Mi = 625 MiB: two 256Mi pods fit; pods = 4.
    const node = Object.values(w.eks!.kube.demo!.nodes)[0]!;
    expect(node.allocatable).toEqual({ cpuMilli: 1930, memoryBytes: 625 * 2 ** 20, pods: 4 });
    expect(node.labels['eks.amazonaws.com/nodegroup']).toBe('tiny');
    expect(
      pods(w).every((p) => p.spec.nodeName === node.name && p.runtime.state === 'Running'),
    ).toBe(true);
    w = act(w, { type: 'eks.kubeconfig.update', cluster: 'demo' }).world;
    w = act(w, { type: 'k8s.deployment.scale', name: 'web', replicas: 3 }).world;
    w = advance(w, 2);
    const waiting = pods(w).find((p) => !p.spec.nodeName)!;
    expect(waiting.runtime.lastDecision!.message).toBe(
      '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('a self-managed node without an EC2_LINUX access entry never registers, then joins once it has one', () => {
    let w = world(`initial:
  eks:
    clusters: [{ name: demo }]`);
    w = act(w, {
      type: 'eks.node.launch',
      instanceType: 't3.medium',
      az: 'eu-west-3b',
      name: 'worker',
    }).world;
    w = advance(w, 60);
    const id = Object.keys(w.ec2.instances)[0]!;
    expect(w.ec2.instances[id]!.state).toBe('running');
    expect(w.ec2.instances[id]!.chores).toEqual([
      'OS patches due',
      'EKS-optimized AMI update available',
      'kubelet version skew to check before each cluster upgrade',
    ]);
    w = advance(w, 600);
    expect(Object.keys(w.eks!.kube.demo!.nodes)).toEqual([]);
    const t = w.time;
    w = act(w, { type: 'eks.node.bootstrap', instanceId: 'worker', cluster: 'demo' }).world;
    w = advance(w, 60);
    expect(since(w, t).filter((e) => e.includes('Unauthorized'))).toHaveLength(1);
    expect(Object.keys(w.eks!.kube.demo!.nodes)).toEqual([]);
    w = act(w, {
      type: 'eks.access-entry.create',
      cluster: 'demo',
      principalArn: 'arn:aws:iam::123456789012:role/eks-self-managed-node-role',
      accessEntryType: 'EC2_LINUX',
    }).world;
    w = advance(w, 10);
    const nodes = Object.values(w.eks!.kube.demo!.nodes);
    expect(nodes.map((n) => [n.origin, n.ready, n.labels['topology.kubernetes.io/zone']])).toEqual([
      ['self-managed', 'True', 'eu-west-3b'],
    ]);
  });

  it('an unreachable node goes Unknown after 50 s and its pods are evicted 300 s later, then recreated', () => {
    let w = world(`initial:
  eks:
    clusters: [{ name: demo }]
    selfManagedNodes:
      - { cluster: demo, instanceType: t3.medium, az: eu-west-3a, name: a }
      - { cluster: demo, instanceType: t3.medium, az: eu-west-3b, name: b }
    manifests:
      - cluster: demo
        yaml: |${WEB(4)}`);
    const nodeA = Object.values(w.eks!.kube.demo!.nodes).find((n) => n.az === 'eu-west-3a')!.name;
    const onA = pods(w)
      .filter((p) => p.spec.nodeName === nodeA)
      .map((p) => p.metadata.name);
    expect(onA).toHaveLength(2);
    w = advance(w, 100);
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' }).world;
    w = advance(w, 400);
    const lines = since(w, 100).filter((l) => l.includes(nodeA) || onA.some((p) => l.includes(p)));
    // Last heartbeat at 100 (every 10 s): Unknown at 150; tolerationSeconds 300 → eviction at 450.
    expect(lines).toEqual([
      `150 kubernetes node/${nodeA} NodeNotReady: Node ${nodeA} status is now: NodeNotReady`,
      ...onA.map(
        (p) =>
          `450 kubernetes default/pod/${p} TaintManagerEviction: Marking for deletion Pod default/${p}`,
      ),
    ]);
    // The evicted pods stay Terminating (their kubelet is unreachable); replacements run on b.
    const now = pods(w);
    expect(now.filter((p) => onA.includes(p.metadata.name)).map((p) => p.runtime.state)).toEqual([
      'Terminating',
      'Terminating',
    ]);
    expect(
      now.filter((p) => p.runtime.state === 'Running' && p.spec.nodeName !== nodeA),
    ).toHaveLength(4);
  });
});

describe('the pod lifecycle', () => {
  const base = `initial:
  eks:
    clusters: [{ name: demo }]
    nodegroups: [{ cluster: demo, name: ng, instanceType: t3.medium, min: 1, desired: 1, max: 1 }]
    manifests:
      - cluster: demo
        yaml: |${WEB(1)}`;

  it('a crashing container backs off 10, 20, 40, 80 s (plus its run and the sync) in CrashLoopBackOff', () => {
    let w = world(base);
    w = act(w, { type: 'fault.k8s-crash', deployment: 'web', exitCode: 1 }).world;
    w = advance(w, 400);
    const backOffs = w.events.filter((e) => e.message.includes('BackOff:')).map((e) => e.time);
    // exit 3 s after each start, 1 s sync, then the back-off: 4, 4+14, 18+24, 42+44, 86+84, 170+164
    expect(backOffs).toEqual([4, 18, 42, 86, 170, 334]);
    const p = pods(w)[0]!;
    expect(p.runtime.machine.restartCount).toBe(5);
    expect(p.status.containerStatuses[0]!.lastState).toMatchObject({
      state: 'terminated',
      reason: 'Error',
      exitCode: 1,
    });
  });

  it('an OOM kill ends with reason OOMKilled and exit code 137', () => {
    let w = world(base);
    w = act(w, { type: 'fault.k8s-crash', deployment: 'web', oom: true }).world;
    w = advance(w, 5);
    const p = pods(w)[0]!;
    expect(p.runtime.state).toBe('Terminated');
    expect(p.status.containerStatuses[0]!.state).toMatchObject({
      state: 'terminated',
      reason: 'OOMKilled',
      exitCode: 137,
    });
  });

  /** web's image set to a tag no registry has. */
  const withMissingTag = () =>
    act(world(base), {
      type: 'k8s.deployment.set-image',
      name: 'web',
      container: 'web',
      image: 'nginx:9.9',
    }).world;

  it('a missing tag shows ErrImagePull, then ImagePullBackOff; rollout undo goes back', () => {
    let w = withMissingTag();
    w = advance(w, 30);
    const bad = pods(w).find((p) => p.spec.containers[0]!.image === 'nginx:9.9')!;
    expect(['ErrImagePull', 'ImagePullBackOff', 'ContainerCreating']).toContain(bad.runtime.state);
    expect(
      w.events.some((e) =>
        e.message.includes(
          'failed to resolve reference "docker.io/library/nginx:9.9": docker.io/library/nginx:9.9: not found',
        ),
      ),
    ).toBe(true);
    const r = act(w, { type: 'k8s.rollout.undo', name: 'web' });
    expect(r.message).toBe('deployment.apps/web rolled back');
    w = advance(r.world, 60);
    expect(pods(w).map((p) => [p.spec.containers[0]!.image, p.runtime.state])).toEqual([
      ['nginx:1.27', 'Running'],
    ]);
  });
  it('a retried pull keeps showing ImagePullBackOff, never ContainerCreating again, as the kubelet does', () => {
    let w = withMissingTag();
    const shown = new Set<string>();
    let retried = false;
    for (let t = 0; t < 300; t++) {
      w = advance(w, 1);
      const bad = pods(w).find((p) => p.spec.containers[0]!.image === 'nginx:9.9');
      if (!bad) continue;
      const state = bad.status.containerStatuses[0]?.state;
      if (state?.state === 'waiting') shown.add(state.reason);
      if (bad.runtime.state === 'ContainerCreating' && bad.runtime.machine.pullFailures > 0) {
        retried = true;
        expect(state).toMatchObject({ state: 'waiting', reason: 'ImagePullBackOff' });
      }
    }
    expect(retried).toBe(true);
    expect([...shown].sort()).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
  });
});

describe('Fargate', () => {
  it('runs each selected pod on its own micro-VM sized requests + 256 MB rounded up, billed as Fargate', () => {
    let w = world(`initial:
  eks:
    clusters: [{ name: demo }]
    fargateProfiles: [{ cluster: demo, name: apps, selectors: [{ namespace: default }] }]`);
    w = act(w, {
      type: 'k8s.apply',
      documents: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'api' },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'api' } },
            template: {
              metadata: { labels: { app: 'api' } },
              spec: {
                containers: [
                  {
                    name: 'api',
                    image: 'nginx:1.27',
                    resources: { requests: { cpu: '500m', memory: '1Gi' } },
                  },
                ],
              },
            },
          },
        },
      ],
    }).world;
    w = advance(w, 120);
    const ps = pods(w);
    expect(ps.map((p) => p.metadata.annotations.CapacityProvisioned)).toEqual([
      '0.5vCPU 2GB',
      '0.5vCPU 2GB',
    ]);
    const nodes = Object.values(w.eks!.kube.demo!.nodes);
    expect(nodes).toHaveLength(2);
    expect(
      nodes.every((n) => n.name.startsWith('fargate-ip-10-0-') && n.allocatable.pods === 1),
    ).toBe(true);
    // 0.5 vCPU × $0.04656 + 2 GB × $0.00511 per hour in eu-west-3.
    expect(nodes[0]!.fargate!.pricePerHour).toBeCloseTo(0.5 * 0.04656 + 2 * 0.00511, 9);
    expect(w.cost.byKind.fargate).toBeGreaterThan(0);
  });

  it('leaves a privileged pod Pending with the reason', () => {
    let w = world(`initial:
  eks:
    clusters: [{ name: demo }]
    fargateProfiles: [{ cluster: demo, name: apps, selectors: [{ namespace: default }] }]`);
    w = act(w, {
      type: 'k8s.apply',
      documents: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'root' },
          spec: {
            containers: [
              { name: 'c', image: 'busybox:1.36', securityContext: { privileged: true } },
            ],
          },
        },
      ],
    }).world;
    w = advance(w, 5);
    expect(since(w, 1).filter((l) => l.includes('root'))).toEqual([
      '1 kubernetes default/pod/root FailedScheduling: Pod not supported on Fargate: privileged containers are not supported on Fargate',
    ]);
  });
});

describe('commands, hostile names and snapshots', () => {
  it('records the real commands', () => {
    const w = world(`initial:
  eks:
    clusters: [{ name: demo }]`);
    const cases: [unknown, string][] = [
      [
        { type: 'eks.kubeconfig.update', cluster: 'demo' },
        'aws eks update-kubeconfig --region eu-west-3 --name demo',
      ],
      [
        {
          type: 'eks.nodegroup.update-config',
          cluster: 'demo',
          name: 'ng',
          min: 1,
          desired: 3,
          max: 5,
          via: 'eksctl',
        },
        'eksctl scale nodegroup --cluster demo --name ng --nodes 3 --nodes-min 1 --nodes-max 5',
      ],
      [
        { type: 'k8s.deployment.scale', name: 'web', replicas: 5, namespace: 'apps' },
        'kubectl scale deployment/web --replicas=5 -n apps',
      ],
      [
        { type: 'k8s.hpa.create', name: 'web', cpuPercent: 50, min: 2, max: 10 },
        'kubectl autoscale deployment web --cpu-percent=50 --min=2 --max=10',
      ],
      [
        {
          type: 'k8s.taint',
          node: 'n1',
          taint: { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        },
        'kubectl taint nodes n1 dedicated=gpu:NoSchedule',
      ],
      [
        { type: 'k8s.node.drain', node: 'n1', ignoreDaemonsets: true },
        'kubectl drain n1 --ignore-daemonsets',
      ],
      [
        { type: 'eks.cluster-autoscaler.enable', cluster: 'demo' },
        'helm install cluster-autoscaler autoscaler/cluster-autoscaler --namespace kube-system --set autoDiscovery.clusterName=demo --set awsRegion=eu-west-3',
      ],
    ];
    for (const [action, command] of cases) expect(commandFor(action as Action, w)).toBe(command);
  });

  it('treats constructor and __proto__ as ordinary unknown names', () => {
    const w = world(`initial:
  eks:
    clusters: [{ name: demo }]`);
    expect(refusal(w, { type: 'k8s.delete', kind: 'deployment', name: 'constructor' })).toBe(
      'Error from server (NotFound): deployments.apps "constructor" not found',
    );
    expect(refusal(w, { type: 'k8s.node.cordon', node: '__proto__' })).toBe(
      'Error from server (NotFound): nodes "__proto__" not found',
    );
    expect(refusal(w, { type: 'eks.kubeconfig.update', cluster: 'toString' })).toBe(
      'An error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: toString.',
    );
  });

  it('round-trips an EKS world through a snapshot, and ECS worlds have no eks slice', () => {
    const w = advance(
      world(`initial:
  eks:
    clusters: [{ name: demo }]
    nodegroups: [{ cluster: demo, name: ng, instanceType: t3.medium, min: 1, desired: 1, max: 1 }]
    manifests:
      - cluster: demo
        yaml: |${WEB(2)}`),
      30,
    );
    const back = deserializeWorld(serializeWorld(w));
    expect(back.ok && serializeWorld(back.value)).toBe(serializeWorld(w));
    const ecs = createWorld(
      scenarioFromYaml(
        'id: e\ntitle: e\norchestrator: ecs\nduration: 60\ngoals: [{ id: c, goal: costBelow, params: { usd: 1 } }]\nsolution: []\n',
      ),
    );
    expect('eks' in ecs).toBe(false);
    expect(deserializeWorld(serializeWorld(ecs)).ok).toBe(true);
  });
});

describe('causes', () => {
  it('a node NotReady and a dead kubeadm API point at the AZ outage event, which points at the fault', () => {
    let w = world(`initial:
  eks:
    clusters:
      - { name: lab, kind: kubeadm, az: eu-west-3a }
      - { name: demo }
    selfManagedNodes:
      - { cluster: demo, instanceType: t3.medium, az: eu-west-3a, name: a }`);
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' }).world;
    w = advance(w, 120);
    const outage = w.events.find((e) =>
      e.message.startsWith('Availability Zone eu-west-3a is impaired'),
    )!;
    expect(outage.cause).toEqual({
      kind: 'fault',
      logIndex: 0,
      actionType: 'fault.az-outage',
      by: 'learner',
    });
    const notReady = w.events.find((e) => e.message.includes('NodeNotReady'))!;
    const apiDown = w.events.find((e) => e.message.startsWith('Cluster lab:'))!;
    expect(notReady.cause).toEqual({ kind: 'event', eventId: outage.id });
    expect(apiDown.cause).toEqual({ kind: 'event', eventId: outage.id });
  });
});
