/** The names scenarios may use in `goals[].goal`. Kept apart from the registry to avoid an import cycle with the schema. */
export const GOAL_NAMES = [
  'runningAtLeast',
  'runningAtMost',
  'workloadsUp',
  'noTaskPendingLongerThan',
  'costBelow',
  'toilAtMost',
  'spreadOverAzs',
  'launchTypeIs',
  'failedRequestsAtMost',
  'activeContainerInstancesAtLeast',
  'podsReadyAtLeast',
  'noPodPendingLongerThan',
  'controlPlaneAvailable',
  'rolloutCompleted',
  'requestsFailedAtMost',
  'nodeCountAtMost',
  'nodesReadyAtLeast',
  'kubectlConnected',
] as const;
export type GoalName = (typeof GOAL_NAMES)[number];
