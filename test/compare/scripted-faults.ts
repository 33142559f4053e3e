/**
 * The comparison's faults, checked here:
 *
 * - The bad deploy on ECS is the engine's own `fault.ecs-crash-on-start` (the essential
 *   container exits 3 s after the task starts, the same delay as the Kubernetes crash fault).
 *   `badRevisionTasks` lists what each task of that revision did.
 * - An AZ outage under EKS Fargate is the engine's own too: the micro-VMs in the lost AZ stop
 *   reporting, go Unknown after the node grace period and their pods are evicted after the
 *   300 s toleration (aws-facts §5.5), as on any node; compare-eks-fargate scripts nothing.
 */
import { replay, type Scenario, type TimedAction } from '../../sandbox/index.ts';
import { BAD_VERSION } from '../../src/lib/compare/models.ts';

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
