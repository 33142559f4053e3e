/**
 * Deployment rollout arithmetic (aws-facts.md §5.2): maxSurge rounds up, maxUnavailable
 * rounds down, both 0 after rounding means 1 unavailable; one reconcile step of a rolling
 * update (scale the new ReplicaSet up within the surge, the old ones down while enough pods
 * stay available) and of Recreate (all old pods gone before any new one).
 */
import type { DeploymentStrategy, IntOrPercent } from './types.ts';

/** An int, or a percentage of `total` rounded up or down. */
export function resolveIntOrPercent(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = Number(value.slice(0, -1));
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** `ResolveFenceposts`: the surge and unavailability a rolling update may use. */
export function rollingFenceposts(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  replicas: number,
): { surge: number; unavailable: number } {
  const surge = resolveIntOrPercent(maxSurge, replicas, true);
  let unavailable = resolveIntOrPercent(maxUnavailable, replicas, false);
  // Both may round to 0 (e.g. 25 % of 1 replica unavailable); the controller then allows 1.
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export interface RolloutCounts {
  desired: number;
  /** Replicas (pods) of the new ReplicaSet, and how many of them are available. */
  newReplicas: number;
  newAvailable: number;
  /** Summed over the old ReplicaSets. */
  oldReplicas: number;
  oldAvailable: number;
}

export interface RolloutStep {
  newReplicas: number;
  oldReplicas: number;
  done: boolean;
}

/** One reconcile of the Deployment controller: the ReplicaSet sizes to ask for now. */
export function rolloutStep(strategy: DeploymentStrategy, c: RolloutCounts): RolloutStep {
  const done = c.oldReplicas === 0 && c.newReplicas === c.desired && c.newAvailable === c.desired;
  if (strategy.type === 'Recreate') {
    if (c.oldReplicas > 0) return { newReplicas: 0, oldReplicas: 0, done: false };
    return { newReplicas: c.desired, oldReplicas: 0, done };
  }
  const { surge, unavailable } = rollingFenceposts(
    strategy.maxSurge,
    strategy.maxUnavailable,
    c.desired,
  );
  const maxTotal = c.desired + surge;
  const minAvailable = c.desired - unavailable;
  // Scale up the new ReplicaSet as far as the surge allows.
  let newReplicas = c.newReplicas;
  if (newReplicas < c.desired) {
    const room = Math.max(0, maxTotal - (c.newReplicas + c.oldReplicas));
    newReplicas = Math.min(c.desired, c.newReplicas + room);
  } else if (newReplicas > c.desired) newReplicas = c.desired;
  // Old pods that are not available can go at once; available ones only above minAvailable.
  const oldUnavailable = c.oldReplicas - c.oldAvailable;
  let oldReplicas = c.oldReplicas - oldUnavailable;
  const canScaleDown = Math.max(0, c.newAvailable + oldReplicas - minAvailable);
  oldReplicas -= Math.min(oldReplicas, canScaleDown);
  return { newReplicas, oldReplicas, done };
}

export interface RolloutStatusInput {
  name: string;
  /** Deployment generation vs what the controller has observed. */
  generation: number;
  observedGeneration: number;
  replicas: number;
  /** Pods of all ReplicaSets, of the new one, and available ones of the new one. */
  statusReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  progressDeadlineExceeded: boolean;
}

/**
 * What `kubectl rollout status deployment/<name>` prints now, and whether it is done
 * (the deployment status viewer's messages).
 */
export function rolloutStatusText(s: RolloutStatusInput): {
  text: string;
  done: boolean;
  error: boolean;
} {
  if (s.generation > s.observedGeneration)
    return {
      text: 'Waiting for deployment spec update to be observed...',
      done: false,
      error: false,
    };
  if (s.progressDeadlineExceeded)
    return {
      text: `error: deployment ${JSON.stringify(s.name)} exceeded its progress deadline`,
      done: true,
      error: true,
    };
  const wait = (why: string) => ({
    text: `Waiting for deployment ${JSON.stringify(s.name)} rollout to finish: ${why}...`,
    done: false,
    error: false,
  });
  if (s.updatedReplicas < s.replicas)
    return wait(`${s.updatedReplicas} out of ${s.replicas} new replicas have been updated`);
  if (s.statusReplicas > s.updatedReplicas)
    return wait(`${s.statusReplicas - s.updatedReplicas} old replicas are pending termination`);
  if (s.availableReplicas < s.updatedReplicas)
    return wait(`${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available`);
  return {
    text: `deployment ${JSON.stringify(s.name)} successfully rolled out`,
    done: true,
    error: false,
  };
}

/** The Progressing condition's message once `progressDeadlineSeconds` has passed. */
export function progressDeadlineMessage(replicaSet: string): string {
  return `ReplicaSet ${JSON.stringify(replicaSet)} has timed out progressing.`;
}
