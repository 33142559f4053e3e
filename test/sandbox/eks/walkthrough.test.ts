import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { catalogueResolver } from '../../../sandbox/services/eks/images.ts';
import { podsTable } from '../../../sandbox/services/eks/kubectl-format.ts';
import { parseManifests } from '../../../sandbox/services/eks/manifest.ts';
import { generateName, podTemplateHash } from '../../../sandbox/services/eks/names.ts';
import { ec2Node, podFromTemplate } from '../../../sandbox/services/eks/objects.ts';
import {
  podMachine,
  podStatusText,
  type PodMachineState,
} from '../../../sandbox/services/eks/pod-machine.ts';
import { buildSchedulerState, schedulePod } from '../../../sandbox/services/eks/scheduler.ts';
import type { Deployment, Pod } from '../../../sandbox/services/eks/types.ts';

/** mulberry32, as the world's PRNG, seeded here by hand. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests:
              cpu: 900m
              memory: 512Mi
`;

/** The pieces in the order the EKS controllers will run them, by hand, on plain data. */
function run(seed: number, image = 'nginx:1.27') {
  const doc = parseManifests(MANIFEST.replace('nginx:1.27', image), 'web.yaml').documents[0]!;
  if (!doc.ok) throw new Error(doc.message);
  const deployment = doc.object as Deployment;
  const random = prng(seed);
  // Deployment controller: the ReplicaSet named by the template hash.
  const hash = podTemplateHash(deployment.spec.template);
  const rs = `web-${hash}`;
  // ReplicaSet controller: three pods with PRNG suffixes.
  const pods: Pod[] = Array.from({ length: 3 }, () => {
    const name = generateName(`${rs}-`, random);
    return podFromTemplate(deployment.spec.template, {
      name,
      namespace: 'default',
      uid: name,
      now: 0,
      owner: { kind: 'ReplicaSet', name: rs },
      labels: { 'pod-template-hash': hash },
    });
  });
  // Two t3.medium nodes (1930m allocatable each): two 900m pods fit on a node, so a fifth pod waits.
  const nodes = ['eu-west-3a', 'eu-west-3b'].map((zone, i) =>
    ec2Node({
      name: `ip-10-0-${i + 1}-10.eu-west-3.compute.internal`,
      instanceType: 't3.medium',
      zone,
      region: 'eu-west-3',
      instanceId: `i-0${String(i).repeat(16)}`,
      internalIP: `10.0.${i + 1}.10`,
      now: 0,
      kubeletVersion: 'v1.30.0-eks',
    })!,
  );
  const state = buildSchedulerState(nodes, []);
  const resolve = catalogueResolver();
  const decisions = [
    ...pods,
    podFromTemplate(deployment.spec.template, {
      name: 'extra',
      namespace: 'default',
      uid: 'x',
      now: 0,
      owner: null,
    }),
    podFromTemplate(deployment.spec.template, {
      name: 'extra2',
      namespace: 'default',
      uid: 'y',
      now: 0,
      owner: null,
    }),
  ].map((p) => schedulePod(p, state, undefined, random));
  // kubelet: each bound pod's chart, pulling through the resolver.
  const statuses = pods.map((p, i) => {
    let [s] = initialTransition(podMachine, {});
    const node = decisions[i]!.node;
    if (node) {
      p.spec.nodeName = node;
      [s] = transition(podMachine, s, { type: 'pod.scheduled', node });
      [s] = transition(podMachine, s, {
        type: 'image.pulled',
        resolution: resolve(p.spec.containers[0]!.image),
      });
    }
    return podStatusText(s.value as PodMachineState, s.context);
  });
  return { rs, pods, decisions, statuses };
}

describe('the EKS pieces together (by hand, as the controllers will run them)', () => {
  it('names, schedules and starts a Deployment, and explains the pod that does not fit', () => {
    const { rs, pods, decisions, statuses } = run(42);
    expect(rs).toMatch(/^web-[4-9bcdf]{8,10}$/);
    for (const p of pods)
      expect(p.metadata.name).toMatch(new RegExp(`^${rs}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    // LeastAllocated spreads the first two over both nodes, then the third fills one of them.
    expect(decisions.map((d) => d.node !== null)).toEqual([true, true, true, true, false]);
    expect(new Set(decisions.slice(0, 2).map((d) => d.node)).size).toBe(2);
    expect(decisions[4]!.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    expect(statuses).toEqual(['Running', 'Running', 'Running']);
  });

  it('is the same run for the same seed, and a different one for another', () => {
    const a = run(42).pods.map((p) => p.metadata.name);
    expect(run(42).pods.map((p) => p.metadata.name)).toEqual(a);
    expect(run(7).pods.map((p) => p.metadata.name)).not.toEqual(a);
    // The ReplicaSet name depends on the template only.
    expect(run(7).rs).toBe(run(42).rs);
  });

  it('shows a missing tag as ErrImagePull in kubectl get pods', () => {
    const { pods, statuses } = run(42, 'nginx:1.99');
    expect(statuses).toEqual(['ErrImagePull', 'ErrImagePull', 'ErrImagePull']);
    pods[0]!.status.containerStatuses = [
      {
        name: 'web',
        image: 'nginx:1.99',
        ready: false,
        restartCount: 0,
        state: { state: 'waiting', reason: statuses[0]!, message: null },
        lastState: null,
      },
    ];
    expect(podsTable([pods[0]!], 12).split('\n')[1]).toBe(
      `${pods[0]!.metadata.name}   0/1     ErrImagePull   0          12s`,
    );
  });
});
