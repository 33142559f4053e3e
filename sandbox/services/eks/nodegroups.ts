/**
 * Managed node group facts (aws-facts.md §4.4): the labels EKS puts on its nodes, the size
 * rules, and how far an update scales the group up before draining old nodes (the larger of
 * twice the number of AZs and maxUnavailable).
 */
import type { Labels } from './types.ts';

export type CapacityType = 'ON_DEMAND' | 'SPOT';

export function managedNodeLabels(
  nodegroup: string,
  ami: string,
  capacityType: CapacityType,
): Labels {
  return {
    'eks.amazonaws.com/nodegroup': nodegroup,
    'eks.amazonaws.com/nodegroup-image': ami,
    'eks.amazonaws.com/capacityType': capacityType,
  };
}

/** The API's spelling of a taint effect in a node group (`NO_SCHEDULE`…) to Kubernetes'. */
export function taintEffectFromApi(
  effect: string,
): 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | null {
  return effect === 'NO_SCHEDULE'
    ? 'NoSchedule'
    : effect === 'PREFER_NO_SCHEDULE'
      ? 'PreferNoSchedule'
      : effect === 'NO_EXECUTE'
        ? 'NoExecute'
        : null;
}

/** Max taints per node group. */
export const MAX_NODEGROUP_TAINTS = 50;
/** Update: the default and the quota of maxUnavailable. */
export const DEFAULT_UPDATE_MAX_UNAVAILABLE = 1;
export const MAX_UPDATE_MAX_UNAVAILABLE = 100;
/** Pods that have not left a node after this long fail the update with PodEvictionFailure. */
export const POD_EVICTION_TIMEOUT_SECONDS = 900;
/** Cordoned, drained nodes are terminated this long after the drain. */
export const TERMINATE_AFTER_DRAIN_SECONDS = 60;
/** Nodes that have not joined after this long: NodeCreationFailure (§4.4). */
export const NODE_JOIN_TIMEOUT_SECONDS = 900;

/** `minSize ≤ desiredSize ≤ maxSize`, or the reason it is not. The wording is the sandbox's. */
export function sizeProblem(min: number, desired: number, max: number): string | null {
  if (min < 0) return 'minSize must be 0 or more';
  if (max < 1) return 'maxSize must be at least 1';
  if (min > max) return 'minSize must not be greater than maxSize';
  if (desired < min || desired > max) return 'desiredSize must be between minSize and maxSize';
  return null;
}

/** The update's scale-up phase: max and desired both grow by this many nodes. */
export function updateSurge(azCount: number, maxUnavailable: number): number {
  return Math.max(2 * azCount, maxUnavailable);
}
