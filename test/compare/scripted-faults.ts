/**
 * The comparison's faults, checked here:
 *
 * - The bad deploy on ECS is the engine's own `fault.ecs-crash-on-start` (the essential
 *   container exits 3 s after the task starts, the same delay as the Kubernetes crash fault).
 *   `badRevisionTasks` lists what each task of that revision did.
 * - An AZ outage under EKS Fargate, which the engine cannot express on its own. The engine takes EC2 instances (and so nodes) down with an
 *   AZ but leaves Fargate micro-VMs running, so compare-eks-fargate deletes the pods that ran on
 *   Fargate in the lost AZ when the node controller would have evicted them: 40 s of node
 *   grace (the engine's NodeNotReady delay) plus the 300 s toleration (aws-facts §5.5).
 *   `fargatePodsInLostAz` lists them.
 *
 * Run this file to print the script entries a scenario needs after a change:
 *   node --experimental-strip-types test/compare/scripted-faults.ts compare-eks-fargate
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

export const FARGATE_EVICTION_AT = TIMELINE.outageAt + 40 + 300;

const solutionLog = (scenario: Scenario): TimedAction[] =>
  scenario.solution.map((s) => ({ at: s.at, by: 'learner', action: s.action }));

/**
 * Each task of the bad revision, with when it started and when it stopped: the engine's
 * `fault.ecs-crash-on-start` makes its essential container exit CRASH_AFTER_START_SECONDS after it starts.
 */
export function badRevisionTasks(scenario: Scenario): {
  startedAt: number;
  stoppedAt: number | null;
  exitCode: number | null;
  stopCode: string | null;
}[] {
  const { world } = replay(scenario, solutionLog(scenario), { until: scenario.duration });
  return Object.values(world.ecs.tasks)
    .filter((t) => t.taskDefinition === BAD_VERSION.ecsTaskDefinition && t.startedAt !== null)
    .map((t) => ({
      startedAt: t.startedAt as number,
      stoppedAt: t.stoppingAt ?? t.stoppedAt,
      exitCode: t.containers[0]?.exitCode ?? null,
      stopCode: t.stopCode,
    }))
    .sort((a, b) => a.startedAt - b.startedAt);
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
  console.log(`${id} needs no scripted entries: its bad deploy is the engine's own fault.`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main(process.argv[2] ?? '');
