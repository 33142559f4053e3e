/**
 * Event reasons and messages as the kubelet, the scheduler and the node controller record
 * them (aws-facts.md §5.1, §5.4, §5.5). Each returns the fields of a KubeEvent except times
 * and count, ready for `recordEvent` (kubectl-format.ts) to aggregate repeats.
 */
import type { KubeEvent } from './types.ts';

export type EventDraft = Omit<KubeEvent, 'firstTimestamp' | 'lastTimestamp' | 'count'>;

interface PodRef {
  name: string;
  namespace: string;
  uid: string;
}

const podEvent = (
  pod: PodRef,
  type: 'Normal' | 'Warning',
  reason: string,
  source: string,
  message: string,
): EventDraft => ({
  type,
  reason,
  object: `pod/${pod.name}`,
  namespace: pod.namespace,
  source,
  message,
});

export const podEvents = {
  scheduled: (pod: PodRef, node: string) =>
    podEvent(
      pod,
      'Normal',
      'Scheduled',
      'default-scheduler',
      `Successfully assigned ${pod.namespace}/${pod.name} to ${node}`,
    ),
  failedScheduling: (pod: PodRef, message: string) =>
    podEvent(pod, 'Warning', 'FailedScheduling', 'default-scheduler', message),
  pulling: (pod: PodRef, image: string) =>
    podEvent(pod, 'Normal', 'Pulling', 'kubelet', `Pulling image ${JSON.stringify(image)}`),
  pulled: (pod: PodRef, image: string, seconds: number) =>
    podEvent(
      pod,
      'Normal',
      'Pulled',
      'kubelet',
      `Successfully pulled image ${JSON.stringify(image)} in ${seconds}s (${seconds}s including waiting)`,
    ),
  pullFailed: (pod: PodRef, failureMessage: string) => [
    podEvent(pod, 'Warning', 'Failed', 'kubelet', failureMessage),
    podEvent(pod, 'Warning', 'Failed', 'kubelet', 'Error: ErrImagePull'),
  ],
  pullBackOff: (pod: PodRef, image: string) => [
    podEvent(
      pod,
      'Normal',
      'BackOff',
      'kubelet',
      `Back-off pulling image ${JSON.stringify(image)}`,
    ),
    podEvent(pod, 'Warning', 'Failed', 'kubelet', 'Error: ImagePullBackOff'),
  ],
  created: (pod: PodRef, container: string) =>
    podEvent(pod, 'Normal', 'Created', 'kubelet', `Created container ${container}`),
  started: (pod: PodRef, container: string) =>
    podEvent(pod, 'Normal', 'Started', 'kubelet', `Started container ${container}`),
  killing: (pod: PodRef, container: string) =>
    podEvent(pod, 'Normal', 'Killing', 'kubelet', `Stopping container ${container}`),
  crashBackOff: (pod: PodRef, container: string) =>
    podEvent(
      pod,
      'Warning',
      'BackOff',
      'kubelet',
      `Back-off restarting failed container ${container} in pod ${pod.name}_${pod.namespace}(${pod.uid})`,
    ),
  /** A failed probe; a liveness failure also restarts the container. */
  unhealthy: (pod: PodRef, probe: 'Liveness' | 'Readiness' | 'Startup', statusCode: number) =>
    podEvent(
      pod,
      'Warning',
      'Unhealthy',
      'kubelet',
      `${probe} probe failed: HTTP probe failed with statuscode: ${statusCode}`,
    ),
  livenessRestart: (pod: PodRef, container: string) =>
    podEvent(
      pod,
      'Normal',
      'Killing',
      'kubelet',
      `Container ${container} failed liveness probe, will be restarted`,
    ),
  /** Node-pressure eviction by the kubelet (§5.1, §5.5). */
  evictedForMemory: (
    pod: PodRef,
    available: string,
    container: string,
    usage: string,
    request: string,
  ) =>
    podEvent(
      pod,
      'Warning',
      'Evicted',
      'kubelet',
      `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${available}. Container ${container} was using ${usage}, request is ${request}, has larger consumption of memory.`,
    ),
  /** A NoExecute taint the pod no longer tolerates (the source is the 1.29+ controller's name; approx for older releases). */
  taintEviction: (pod: PodRef) =>
    podEvent(
      pod,
      'Normal',
      'TaintManagerEviction',
      'taint-eviction-controller',
      `Marking for deletion Pod ${pod.namespace}/${pod.name}`,
    ),
};

export const nodeEvents = {
  notReady: (node: string): EventDraft => ({
    type: 'Normal',
    reason: 'NodeNotReady',
    object: `node/${node}`,
    namespace: 'default',
    source: 'node-controller',
    message: `Node ${node} status is now: NodeNotReady`,
  }),
};
