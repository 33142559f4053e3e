/**
 * DaemonSets are workloads in the metrics samples like Deployments: `cluster/namespace/name`,
 * desired = the pods its controller keeps (one per node it selects), running = the Ready ones.
 * eks-fargate-profile: the log-agent DaemonSet runs on the one EC2 node, never on Fargate.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, replay } from '../../../sandbox/index.ts';

const file = 'eks-fargate-profile.yaml';
const parsed = parseScenario(readFileSync(`sandbox/scenarios/${file}`, 'utf8'), file);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const scenario = parsed.value;

describe('DaemonSet pods in the workload metrics', () => {
  it('count log-agent once per EC2 node, Ready, in that node’s AZ; the Fargate pods are not its', () => {
    const log = scenario.solution.map((s) => ({
      at: s.at,
      by: 'learner' as const,
      action: s.action,
    }));
    const { world } = replay(scenario, log, { until: scenario.duration });
    const last = world.metrics.at(-1)!;
    const nodes = Object.values(world.eks!.kube['lab']!.nodes).filter(
      (n) => n.origin === 'managed' && n.ready === 'True',
    );
    expect(nodes.map((n) => n.az)).toEqual(['eu-west-3a']);
    expect(last.services['lab/default/log-agent']).toEqual({
      desired: 1,
      running: 1,
      pending: 0,
      cpu: 5,
      memory: 64,
      azs: { 'eu-west-3a': 1 },
    });
  });

  it('are there from the first sample, the node being there at time 0', () => {
    const { world } = replay(scenario, [], { until: 0 });
    expect(world.metrics[0]!.services['lab/default/log-agent']).toEqual({
      desired: 1,
      running: 1,
      pending: 0,
      cpu: 5,
      memory: 64,
      azs: { 'eu-west-3a': 1 },
    });
  });
});
