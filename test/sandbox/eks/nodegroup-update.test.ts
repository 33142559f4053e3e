/** A managed node group update rolls its nodes: new ones first, then cordon, drain (respecting PDBs), terminate. */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type World } from '../../../sandbox/index.ts';
import type { Action } from '../../../sandbox/model/actions.ts';
import { scenarioFromYaml } from '../helpers.ts';

function world(pdb: string): World {
  return createWorld(
    scenarioFromYaml(`id: eks-update-playground
title: t
orchestrator: eks
seed: 3
duration: 7200
goals: []
solution: []
initial:
  eks:
    clusters: [{ name: demo }]
    nodegroups: [{ cluster: demo, name: ng, instanceType: t3.medium, min: 2, desired: 2, max: 2, azs: [eu-west-3a] }]
    manifests:
      - cluster: demo
        yaml: |
          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: web }
          spec:
            replicas: 2
            selector: { matchLabels: { app: web } }
            template:
              metadata: { labels: { app: web } }
              spec:
                containers:
                  - name: web
                    image: nginx:1.27
                    resources: { requests: { cpu: 250m, memory: 256Mi } }
${pdb}`),
  );
}

const act = (w: World, a: unknown) => {
  const r = applyAction(w, a as Action);
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
};

describe('eks.nodegroup.update-version', () => {
  it('scales up by max(2 × AZs, maxUnavailable), drains the old nodes one at a time, terminates them 60 s after, then scales back', () => {
    let w = world('');
    const old = Object.keys(w.eks!.kube.demo!.nodes).sort();
    w = act(w, { type: 'eks.nodegroup.update-version', cluster: 'demo', name: 'ng' });
    const ng = w.eks!.nodegroups['demo/ng']!;
    expect([ng.status, ng.desiredSize, ng.maxSize, ng.update!.surge]).toEqual([
      'UPDATING',
      4,
      4,
      2,
    ]);
    w = advance(w, 1800);
    const done = w.eks!.nodegroups['demo/ng']!;
    expect([done.status, done.desiredSize, done.maxSize, done.updates[0]!.status]).toEqual([
      'ACTIVE',
      2,
      2,
      'Successful',
    ]);
    const nodes = Object.values(w.eks!.kube.demo!.nodes);
    expect(nodes.filter((n) => old.includes(n.name))).toEqual([]);
    expect(
      nodes.every((n) => n.labels['eks.amazonaws.com/nodegroup-image'] === '1.31.0-20251201'),
    ).toBe(true);
    const lines = w.events.map((e) => e.message);
    const scaled = lines.findIndex((l) => l.includes('new nodes Ready; cordoning and draining'));
    const firstCordon = lines.findIndex((l) => l.includes(`node/${old[0]} NodeNotSchedulable`));
    const firstTerminate = lines.findIndex((l) => l.includes('is shutting down.'));
    expect(scaled).toBeGreaterThan(0);
    expect(firstCordon).toBeGreaterThan(scaled);
    expect(firstTerminate).toBeGreaterThan(firstCordon);
    expect(
      Object.values(w.eks!.kube.demo!.pods).filter((p) => p.runtime.state === 'Running'),
    ).toHaveLength(2);
  });

  it('waits for a PodDisruptionBudget, and fails with PodEvictionFailure after 15 minutes when it never allows', () => {
    let w = world(`          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: { name: web }
          spec:
            minAvailable: 2
            selector: { matchLabels: { app: web } }`);
    w = act(w, { type: 'eks.nodegroup.update-version', cluster: 'demo', name: 'ng' });
    w = advance(w, 2400);
    const ng = w.eks!.nodegroups['demo/ng']!;
    expect(ng.status).toBe('ACTIVE');
    expect(ng.updates[0]!.status).toBe('Failed');
    expect(ng.updates[0]!.errors).toEqual([
      {
        code: 'PodEvictionFailure',
        message: 'Reached max retries while trying to evict pods from nodes in node group',
      },
    ]);
  });
});

describe('kubectl drain', () => {
  it('is refused by a PDB with no disruption left, retries every 5 s, and finishes once another pod is Ready', () => {
    let w = world(`          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: { name: web }
          spec:
            minAvailable: 2
            selector: { matchLabels: { app: web } }`);
    const pods = () => Object.values(w.eks!.kube.demo!.pods);
    const target = pods()[0]!;
    const node = target.spec.nodeName!;
    expect(pods().filter((p) => p.spec.nodeName === node)).toHaveLength(1);
    const r = applyAction(w, { type: 'k8s.node.drain', node, ignoreDaemonsets: true });
    expect(r.result.ok && r.result.message).toBe(
      [
        `node/${node} cordoned`,
        `error when evicting pods/"${target.metadata.name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
      ].join('\n'),
    );
    w = advance(r.world, 60);
    expect(pods().find((p) => p.metadata.name === target.metadata.name)!.runtime.state).toBe(
      'Running',
    );
    w = act(w, { type: 'k8s.deployment.scale', name: 'web', replicas: 3 });
    w = advance(w, 30);
    expect(w.events.filter((e) => e.message === `node/${node} drained`)).toHaveLength(1);
    expect(pods().filter((p) => p.spec.nodeName === node)).toEqual([]);
    expect(pods().filter((p) => p.runtime.state === 'Running')).toHaveLength(3);
  });
});
