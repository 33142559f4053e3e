/**
 * What a lost node does to its pods, through the engine (aws-facts.md §5.5): Fargate micro-VMs
 * in a lost AZ go Unknown and their pods are evicted like any node's; requests the Service
 * still sends to pods on an unreachable node fail until the node controller takes them out of
 * the endpoints.
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type World } from '../../../sandbox/index.ts';
import type { Action } from '../../../sandbox/model/actions.ts';
import { scenarioFromYaml } from '../helpers.ts';

function world(initial: string, seed = 7): World {
  return createWorld(
    scenarioFromYaml(`id: eks-test-playground
title: t
orchestrator: eks
seed: ${seed}
duration: 7200
goals: []
solution: []
${initial}`),
  );
}

function act(w: World, action: unknown): World {
  const r = applyAction(w, action as Action);
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
}

const since = (w: World, t: number) =>
  w.events.filter((e) => e.time >= t).map((e) => `${e.time} ${e.source} ${e.message}`);

const pods = (w: World) => Object.values(w.eks!.kube.demo!.pods);

/** web: `replicas` pods of 0.5 vCPU (limit too), ready 5 s after start, behind a Service. */
const WEB = (replicas: number) => `
          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: web }
          spec:
            replicas: ${replicas}
            selector: { matchLabels: { app: web } }
            template:
              metadata: { labels: { app: web } }
              spec:
                containers:
                  - name: web
                    image: nginx:1.27
                    resources:
                      requests: { cpu: 500m, memory: 1Gi }
                      limits: { cpu: 500m, memory: 1Gi }
          ---
          apiVersion: v1
          kind: Service
          metadata: { name: web }
          spec:
            selector: { app: web }
            ports: [{ port: 80, targetPort: 80 }]`;

describe('Fargate micro-VMs in a lost AZ', () => {
  const fargate = world(`initial:
  eks:
    clusters: [{ name: demo }]
    fargateProfiles: [{ cluster: demo, name: apps, selectors: [{ namespace: default }] }]
    manifests:
      - cluster: demo
        yaml: |${WEB(3)}`);

  it('go Unknown 50 s after their last heartbeat; their pods are evicted 300 s later and replaced in a live AZ', () => {
    const kube = fargate.eks!.kube.demo!;
    const inA = Object.values(kube.nodes).filter((n) => n.az === 'eu-west-3a');
    expect(inA.map((n) => n.origin)).toEqual(['fargate']);
    const nodeA = inA[0]!.name;
    const podA = pods(fargate).find((p) => p.spec.nodeName === nodeA)!.metadata.name;
    let w = advance(fargate, 100);
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' });
    w = advance(w, 349);
    // Last heartbeat at 100 (every 10 s): Unknown at 150, NoExecute taint at 150.
    expect(w.eks!.kube.demo!.nodes[nodeA]!.ready).toBe('Unknown');
    expect(
      w.eks!.kube.demo!.nodes[nodeA]!.taints.map((t) => [t.key, t.effect, t.timeAdded]),
    ).toEqual([
      ['eks.amazonaws.com/compute-type', 'NoSchedule', null],
      ['node.kubernetes.io/unreachable', 'NoSchedule', 150],
      ['node.kubernetes.io/unreachable', 'NoExecute', 150],
    ]);
    // Still bound there at 449: tolerationSeconds 300 ends at 450.
    expect(pods(w).find((p) => p.metadata.name === podA)!.spec.nodeName).toBe(nodeA);
    w = advance(w, 1);
    const lines = since(w, 100).filter((l) => l.includes(nodeA) || l.includes(podA));
    expect(lines).toEqual([
      `150 kubernetes node/${nodeA} NodeNotReady: Node ${nodeA} status is now: NodeNotReady`,
      `450 kubernetes default/pod/${podA} TaintManagerEviction: Marking for deletion Pod default/${podA}`,
    ]);
    // No kubelet confirms the stop: the pod and its micro-VM's Node are gone at once.
    expect(pods(w).some((p) => p.metadata.name === podA)).toBe(false);
    w = advance(w, 1);
    expect(Object.hasOwn(w.eks!.kube.demo!.nodes, nodeA)).toBe(false);
    w = advance(w, 120);
    const web = pods(w);
    expect(web.map((p) => p.runtime.state)).toEqual(['Running', 'Running', 'Running']);
    expect(web.map((p) => w.eks!.kube.demo!.nodes[p.spec.nodeName!]!.az).sort()).toEqual([
      'eu-west-3b',
      'eu-west-3b',
      'eu-west-3c',
    ]);
  });
});

describe('requests to pods on an unreachable node', () => {
  const selfManaged = world(`initial:
  eks:
    clusters: [{ name: demo }]
    selfManagedNodes:
      - { cluster: demo, instanceType: t3.medium, az: eu-west-3a, name: a }
      - { cluster: demo, instanceType: t3.medium, az: eu-west-3b, name: b }
    manifests:
      - cluster: demo
        yaml: |${WEB(4)}
    traffic:
      - { service: web, rps: 100 }`);
  const load = (w: World) => w.eks!.load['demo/default/web']!;

  it('fail while the endpoints still list those pods, and stop failing once the node is NotReady', () => {
    const nodeA = Object.values(selfManaged.eks!.kube.demo!.nodes).find(
      (n) => n.az === 'eu-west-3a',
    )!.name;
    expect(pods(selfManaged).filter((p) => p.spec.nodeName === nodeA)).toHaveLength(2);
    let w = advance(selfManaged, 100);
    // Four endpoints, 25 requests per second each, all served (each can serve (500 − 5) / 2).
    expect(load(w)).toMatchObject({ rps: 100, served: 100, failed: 0, failedTotal: 0 });
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' });
    w = advance(w, 1);
    // Still four endpoints: the two on a get 50 requests per second that nobody answers.
    expect(w.eks!.kube.demo!.services['default/web']!.endpoints).toHaveLength(4);
    expect(load(w)).toMatchObject({ rps: 100, served: 50, failed: 50, failedTotal: 50 });
    w = advance(w, 48);
    expect(load(w)).toMatchObject({ failed: 50, failedTotal: 49 * 50 });
    // At 150 the node is Unknown, its pods not Ready: two endpoints take all 100 requests.
    w = advance(w, 1);
    expect(w.eks!.kube.demo!.services['default/web']!.endpoints).toHaveLength(2);
    expect(load(w)).toMatchObject({ served: 100, failed: 0, failedTotal: 2450 });
    w = advance(w, 450);
    expect(load(w)).toMatchObject({ served: 100, failed: 0, failedTotal: 2450 });
  });
});
