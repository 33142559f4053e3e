/**
 * Node failure as the node lifecycle controller handles it (aws-facts.md §5.5): the kubelet
 * reports about every 10 s; after `--node-monitor-grace-period` (50 s in current
 * kube-controller-manager docs, 40 s in older releases) without a report the node is
 * `Unknown` (or `False` when the kubelet itself says NotReady) and gets the NoExecute taint
 * `node.kubernetes.io/unreachable` (or `not-ready`), with the matching NoSchedule taint.
 * Every pod tolerates both NoExecute taints for 300 s (DefaultTolerationSeconds), so its
 * eviction comes about 5 minutes later.
 */
import { tolerates } from './scheduler.ts';
import type { Node, NodeReadiness, Pod, Taint, Toleration } from './types.ts';

export const NODE_STATUS_UPDATE_SECONDS = 10;
export const NODE_MONITOR_GRACE_SECONDS = 50;
export const DEFAULT_TOLERATION_SECONDS = 300;
export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';

/** The tolerations the DefaultTolerationSeconds admission plugin adds to every pod. */
export function defaultTolerations(existing: Toleration[]): Toleration[] {
  const out = [...existing];
  for (const key of [NOT_READY, UNREACHABLE]) {
    const has = existing.some(
      (t) =>
        (t.key === key || (t.key === '' && t.operator === 'Exists')) &&
        (t.effect === null || t.effect === 'NoExecute'),
    );
    if (!has)
      out.push({
        key,
        operator: 'Exists',
        value: '',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
  }
  return out;
}

/** What the kubelet on a node is doing. */
export type KubeletReport = 'Ready' | 'NotReady' | 'silent';

/**
 * The node as the lifecycle controller sees it at `now`: a `silent` kubelet's last heartbeat
 * ages until the grace period ends, then the node is Unknown and tainted unreachable.
 */
export function observeNode(node: Node, now: number, kubelet: KubeletReport): Node {
  let lastHeartbeat = node.lastHeartbeat;
  let ready: NodeReadiness = node.ready;
  if (kubelet !== 'silent') {
    lastHeartbeat = now;
    ready = kubelet === 'Ready' ? 'True' : 'False';
  } else if (now - node.lastHeartbeat >= NODE_MONITOR_GRACE_SECONDS) ready = 'Unknown';
  const key = ready === 'Unknown' ? UNREACHABLE : ready === 'False' ? NOT_READY : null;
  const others = node.taints.filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY);
  const kept = node.taints.filter((t) => t.key === key);
  const taints: Taint[] =
    key === null
      ? others
      : kept.length === 2
        ? node.taints
        : [
            ...others,
            { key, value: '', effect: 'NoSchedule', timeAdded: now },
            { key, value: '', effect: 'NoExecute', timeAdded: now },
          ];
  return {
    ...node,
    lastHeartbeat,
    ready,
    readySince: ready === node.ready ? node.readySince : now,
    taints,
  };
}

/**
 * When a NoExecute taint evicts the pod: `now`-independent time in seconds, `null` if the pod
 * tolerates every NoExecute taint forever, or the taint's own time if not tolerated at all.
 */
export function evictionTime(pod: Pod, node: Node): number | null {
  let earliest: number | null = null;
  for (const taint of node.taints) {
    if (taint.effect !== 'NoExecute') continue;
    const added = taint.timeAdded ?? 0;
    const matching = pod.spec.tolerations.filter((t) => tolerates([t], taint));
    let at: number | null;
    if (matching.length === 0) at = added;
    else if (matching.some((t) => t.tolerationSeconds === null)) at = null;
    else at = added + Math.max(0, Math.min(...matching.map((t) => t.tolerationSeconds!)));
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/** `Ready`, `NotReady`, `Ready,SchedulingDisabled`… as `kubectl get nodes` prints STATUS. */
export function nodeStatusText(node: Node): string {
  const base = node.ready === 'True' ? 'Ready' : 'NotReady';
  return node.unschedulable ? `${base},SchedulingDisabled` : base;
}
