import type { replay, Scenario, TimedAction, World } from '@sandbox';
import type { Measure, PredictQuestion } from './schema.ts';

/** Reads a predict question's measured value from a world. */
export function measureWorld(world: World, measure: Measure): number {
  switch (measure) {
    case 'runningContainers':
      return Object.values(world.docker.containers).filter(
        (c) => c.state === 'running' && c.hostId !== null,
      ).length;
    case 'exitedContainers':
      return Object.values(world.docker.containers).filter((c) => c.state === 'exited').length;
    case 'unplacedContainers':
      return Object.values(world.docker.containers).filter((c) => c.hostId === null).length;
    case 'runningTasks':
      return Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
    case 'toil':
      return world.docker.toil;
    case 'readyPods':
      return kubePods(world).filter(
        (p) =>
          p.runtime.state === 'Running' &&
          p.runtime.readyAt !== null &&
          p.runtime.readyAt <= world.time &&
          !p.runtime.nodeNotReady,
      ).length;
    case 'pendingPods':
      return kubePods(world).filter((p) => p.spec.nodeName === null || p.spec.nodeName === '')
        .length;
    case 'readyNodes':
      return Object.values(world.eks?.kube ?? {})
        .flatMap((kube) => Object.values(kube.nodes))
        .filter((n) => !n.gone && n.ready === 'True' && n.origin !== 'control-plane').length;
  }
}

/** Every Kubernetes pod of every EKS cluster that is not being deleted. */
function kubePods(world: World) {
  return Object.values(world.eks?.kube ?? {})
    .flatMap((kube) => Object.values(kube.pods))
    .filter((p) => p.metadata.deletionTime === null);
}

/** The learner actions a predict question's run applies: none, or (part of) the solution. */
export function runActions(question: PredictQuestion, scenario: Scenario): TimedAction[] {
  if (question.run.actions === 'none') return [];
  const until = question.run.solutionUntil ?? question.run.seconds;
  return scenario.solution
    .filter((entry) => entry.at <= until && entry.at <= question.run.seconds)
    .map(
      (entry) => ({ at: entry.at, by: 'learner' as const, action: entry.action }) as TimedAction,
    );
}

/** The part of the engine a run needs (injected, so this file loads without the engine). */
export interface PredictEngine {
  replay: typeof replay;
}

/**
 * Runs a predict question's scenario headlessly, exactly as the browser does, and returns the
 * world at the end of the run and the measured value.
 */
export function runPredict(
  engine: PredictEngine,
  question: PredictQuestion,
  scenario: Scenario,
): { world: World; observed: number } {
  const { world } = engine.replay(scenario, runActions(question, scenario), {
    until: question.run.seconds,
  });
  return { world, observed: measureWorld(world, question.measure) };
}
