/**
 * After every simulated second of every golden run, each entity's chart state and the world
 * agree: the state is one of its chart's, it was reached from the previous second's state by
 * the chart's own transitions, and a timer is pending exactly when the chart has a delayed
 * transition out of that state.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../sandbox/index.ts';
import { applyActionInPlace, createWorld, stepInPlace } from '../../sandbox/composition.ts';
import type { TransitionTable } from '../../sandbox/engine/machine-table.ts';
import { ROLLOUT_TABLE } from '../../sandbox/engine/charts/rollout-machine.ts';
import { CONTAINER_TABLE } from '../../sandbox/services/docker/container-machine.ts';
import { INSTANCE_TABLE } from '../../sandbox/services/ec2/instance-machine.ts';
import { AGENT_TABLE } from '../../sandbox/services/ecs/agent-machine.ts';
import { TASK_TABLE } from '../../sandbox/services/ecs/task-machine.ts';
import { CLUSTER_TABLE } from '../../sandbox/services/eks/control.ts';
import { POD_TABLE } from '../../sandbox/services/eks/pods.ts';
import { loadScenario, scenarioFiles } from '../sandbox/helpers.ts';

/** Every state reachable from each state through the table's transitions (including itself). */
function reachability(table: TransitionTable): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const from of Object.keys(table.states)) {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const row = table.states[queue.shift()!]!;
      const next = [
        ...Object.values(row.on).flatMap((rows) => rows.map((r) => r.target)),
        ...row.after.map((r) => r.target),
      ];
      for (const n of next)
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
    }
    out.set(from, seen);
  }
  return out;
}

const CHARTS = {
  task: { table: TASK_TABLE, reach: reachability(TASK_TABLE) },
  instance: { table: INSTANCE_TABLE, reach: reachability(INSTANCE_TABLE) },
  agent: { table: AGENT_TABLE, reach: reachability(AGENT_TABLE) },
  container: { table: CONTAINER_TABLE, reach: reachability(CONTAINER_TABLE) },
  rollout: { table: ROLLOUT_TABLE, reach: reachability(ROLLOUT_TABLE) },
  pod: { table: POD_TABLE, reach: reachability(POD_TABLE) },
  eksCluster: { table: CLUSTER_TABLE, reach: reachability(CLUSTER_TABLE) },
};
type Kind = keyof typeof CHARTS;

/** Every entity's chart state in a world, keyed by kind and id. */
function states(world: World): Map<string, { kind: Kind; state: string; timer: boolean | null }> {
  const out = new Map<string, { kind: Kind; state: string; timer: boolean | null }>();
  for (const t of Object.values(world.ecs.tasks))
    out.set(`task ${t.id}`, { kind: 'task', state: t.lastStatus, timer: t.nextTransitionAt !== null });
  for (const i of Object.values(world.ec2.instances))
    out.set(`instance ${i.id}`, {
      kind: 'instance',
      state: i.state,
      timer: i.nextTransitionAt !== null,
    });
  for (const ci of Object.values(world.ecs.containerInstances))
    out.set(`agent ${ci.id}`, { kind: 'agent', state: ci.status, timer: ci.nextTransitionAt !== null });
  for (const c of Object.values(world.docker.containers))
    out.set(`container ${c.id}`, { kind: 'container', state: c.state, timer: null });
  for (const s of Object.values(world.ecs.services))
    for (const d of s.deployments)
      out.set(`rollout ${s.name} ${d.id}`, { kind: 'rollout', state: d.rolloutState, timer: null });
  for (const c of Object.values(world.eks?.clusters ?? {}))
    out.set(`eks cluster ${c.name}`, { kind: 'eksCluster', state: c.status, timer: c.nextTransitionAt !== null });
  for (const [cluster, kube] of Object.entries(world.eks?.kube ?? {}))
    for (const [k, p] of Object.entries(kube.pods))
      out.set(`pod ${cluster}/${k}`, { kind: 'pod', state: p.runtime.state, timer: p.runtime.nextTransitionAt !== null });
  return out;
}

describe('chart states and the world agree through every golden run', () => {
  for (const file of scenarioFiles()) {
    it(file, () => {
      const scenario = loadScenario(file);
      const world = createWorld(scenario);
      const solution = [...scenario.solution].sort((a, b) => a.at - b.at);
      let next = 0;
      let before = states(world);
      let checked = 0;
      const problems: string[] = [];
      while (world.time < scenario.duration) {
        while (next < solution.length && solution[next]!.at <= world.time)
          applyActionInPlace(world, solution[next++]!.action, 'learner');
        stepInPlace(world);
        const now = states(world);
        for (const [key, entity] of now) {
          const chart = CHARTS[entity.kind];
          const row = chart.table.states[entity.state];
          const at = `${world.time}: ${key}`;
          if (!row) {
            problems.push(`${at} is in ${entity.state}, a state of no chart`);
            continue;
          }
          if (entity.timer !== null && entity.timer !== row.after.length > 0)
            problems.push(`${at} in ${entity.state}: timer pending ${entity.timer}`);
          const was = before.get(key);
          const from = was ? was.state : chart.table.initial;
          if (!chart.reach.get(from)!.has(entity.state))
            problems.push(`${at}: ${from} → ${entity.state} is no path of its chart`);
          checked++;
        }
        before = now;
      }
      expect(problems.slice(0, 5)).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    }, 120_000);
  }
});
