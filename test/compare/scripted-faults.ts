/**
 * Two faults the engine cannot express on its own, scripted in the comparison scenarios from
 * what the engine does express, and checked here:
 *
 * - The bad deploy on ECS. The engine has a crash-on-start fault for Kubernetes
 *   (`fault.k8s-crash`: a container exits 3 s after it starts) but none for ECS tasks, so the
 *   two ECS scenarios script one `fault.crash` per task of the bad revision, 3 s after that task
 *   reaches RUNNING (the same delay as the EKS fault). `missingCrashes` lists the tasks of the
 *   revision that ran that long without one.
 * - An AZ outage under EKS Fargate. The engine takes EC2 instances (and so nodes) down with an
 *   AZ but leaves Fargate micro-VMs running, so compare-eks-fargate deletes the pods that ran on
 *   Fargate in the lost AZ when the node controller would have evicted them: 40 s of node
 *   grace (the engine's NodeNotReady delay) plus the 300 s toleration (aws-facts §5.5).
 *   `fargatePodsInLostAz` lists them.
 *
 * Run this file to print the script entries a scenario needs after a change:
 *   node --experimental-strip-types test/compare/scripted-faults.ts compare-ecs-ec2
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadServices,
  parseScenario,
  replay,
  type Scenario,
  type TimedAction,
} from '../../sandbox/index.ts';
import { BAD_VERSION, TIMELINE } from '../../src/lib/compare/models.ts';

export const CRASH_AFTER_SECONDS = 3;
export const FARGATE_EVICTION_AT = TIMELINE.outageAt + 40 + 300;

const solutionLog = (scenario: Scenario): TimedAction[] =>
  scenario.solution.map((s) => ({ at: s.at, by: 'learner', action: s.action }));

/** Tasks of the bad revision that ran for CRASH_AFTER_SECONDS without a scripted crash. */
export function missingCrashes(scenario: Scenario): { at: number; taskId: string }[] {
  const { world } = replay(scenario, solutionLog(scenario), { until: scenario.duration });
  const crashed = new Set(
    scenario.script.flatMap((e) =>
      e.action.type === 'fault.crash' && e.action.targetId ? [`${e.at} ${e.action.targetId}`] : [],
    ),
  );
  const missing: { at: number; taskId: string }[] = [];
  for (const t of Object.values(world.ecs.tasks)) {
    if (t.taskDefinition !== BAD_VERSION.ecsTaskDefinition || t.startedAt === null) continue;
    const at = t.startedAt + CRASH_AFTER_SECONDS;
    const stopped = t.stoppingAt ?? t.stoppedAt;
    if (stopped !== null && stopped < at) continue; // stopped (by the rollback) before it would crash
    if (at > scenario.duration) continue;
    if (!crashed.has(`${at} ${t.id}`)) missing.push({ at, taskId: t.id });
  }
  return missing.sort((a, b) => a.at - b.at || a.taskId.localeCompare(b.taskId));
}

/** The pods that ran on Fargate micro-VMs in the lost AZ when it went down, by name. */
export function fargatePodsInLostAz(scenario: Scenario): string[] {
  const log = solutionLog(scenario).filter((e) => e.at < TIMELINE.outageAt);
  const { world } = replay(scenario, log, { until: TIMELINE.outageAt });
  const kube = world.eks?.kube.demo;
  if (!kube) return [];
  return Object.values(kube.pods)
    .filter((p) => {
      const node = p.spec.nodeName ? kube.nodes[p.spec.nodeName] : undefined;
      return node?.origin === 'fargate' && node.az === TIMELINE.outageAz;
    })
    .map((p) => p.metadata.name)
    .sort();
}

function load(id: string): Scenario {
  const file = join(import.meta.dirname, '../../sandbox/scenarios', `${id}.yaml`);
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

async function main(id: string): Promise<void> {
  await loadServices();
  const scenario = load(id);
  if (scenario.orchestrator === 'eks') {
    for (const name of fargatePodsInLostAz(scenario))
      console.log(
        `  - { at: ${FARGATE_EVICTION_AT}, action: { type: k8s.delete, kind: pod, name: ${name} } }`,
      );
    return;
  }
  for (let round = 0; round < 500; round++) {
    const first = missingCrashes(scenario)[0];
    if (!first) break;
    console.log(
      `  - { at: ${first.at}, action: { type: fault.crash, targetId: ${first.taskId}, exitCode: 1 } }`,
    );
    scenario.script = [
      ...scenario.script,
      {
        at: first.at,
        action: { type: 'fault.crash' as const, targetId: first.taskId, exitCode: 1 },
      },
    ].sort((a, b) => a.at - b.at);
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main(process.argv[2] ?? '');
