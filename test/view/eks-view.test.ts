import { describe, expect, it } from 'vitest';
import { replay } from '@sandbox';
import { eksView } from '@lib/sandbox-view/eks-view.ts';
import { loadScenario } from '../sandbox/helpers.ts';

describe('the EKS side of the view', () => {
  const scenario = loadScenario('eks-no-nodes.yaml');
  const solution = scenario.solution.map((s) => ({ ...s, by: 'learner' as const }));
  const applyOnly = solution.filter((s) => s.action.type === 'k8s.apply');

  it('shows the managed control plane, no nodes, and why the pods wait', () => {
    const world = replay(scenario, applyOnly, { until: 40 }).world;
    const [cluster, ...others] = eksView(world);
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
    expect(cluster!.members).toEqual([
      { role: 'API server', az: 'eu-west-3a', up: true },
      { role: 'API server', az: 'eu-west-3b', up: true },
      { role: 'etcd', az: 'eu-west-3a', up: true },
      { role: 'etcd', az: 'eu-west-3b', up: true },
      { role: 'etcd', az: 'eu-west-3c', up: true },
    ]);
    expect(cluster!.pending).toHaveLength(3);
    for (const p of cluster!.pending) {
      expect(p.name).toMatch(/^web-[0-9a-f]{8,10}-[a-z0-9]{5}$/);
      expect(p.message).toBe('no nodes available to schedule pods');
    }
  });

  it('lists the node group nodes and the Running pods once the solution has run', () => {
    const world = replay(scenario, solution, { until: scenario.duration }).world;
    const [cluster] = eksView(world);
    expect(cluster!.pending).toEqual([]);
    expect(cluster!.podStatuses).toEqual([['Running', 3]]);
    expect(cluster!.nodes.map((n) => [n.kind, n.status])).toEqual([
      ['node group general', 'Ready'],
      ['node group general', 'Ready'],
    ]);
    expect(cluster!.nodes.reduce((sum, n) => sum + n.pods, 0)).toBe(3);
  });

  it('is empty for a world without EKS', () => {
    const world = replay(loadScenario('ecs-first-service.yaml'), [], { until: 10 }).world;
    expect(eksView(world)).toEqual([]);
  });
});
