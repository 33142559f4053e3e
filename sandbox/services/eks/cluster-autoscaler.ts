/**
 * Cluster Autoscaler decisions for managed node groups (aws-facts.md §5.7).
 *
 * Scale-up is driven by pods the scheduler could not place, never by CPU: for each node group
 * below its max, the pending pods are tried on a fresh node built from the group's template
 * (the same filters as kube-scheduler); the expander picks one option; the group grows by
 * the nodes those pods need, within max. Pods no group can help get `NotTriggerScaleUp`
 * with the reasons counted per node group, sorted as strings.
 *
 * Scale-down removes a node whose requested CPU and memory are both under 50 % of
 * allocatable, whose pods can all move, once it has been unneeded for 10 minutes and 10
 * minutes have passed since the last scale-up; never below a group's min; one non-empty node
 * at a time, up to 10 empty ones at once.
 */
import { buildSchedulerState, podRequest, schedulePod } from './scheduler.ts';
import type { Node, Pod } from './types.ts';

export const SCAN_INTERVAL_SECONDS = 10;
export const SCALE_DOWN_UTILIZATION_THRESHOLD = 0.5;
export const SCALE_DOWN_UNNEEDED_SECONDS = 600;
export const SCALE_DOWN_DELAY_AFTER_ADD_SECONDS = 600;
export const MAX_EMPTY_BULK_DELETE = 10;

export interface NodeGroupInfo {
  name: string;
  /** The Auto Scaling group behind it: `eks-<nodegroup>-<uuid>`. */
  asgName: string;
  minSize: number;
  maxSize: number;
  desiredSize: number;
  /** A node as this group would create it (labels, taints, allocatable). */
  template: Node;
}

export type Expander = 'random' | 'most-pods' | 'least-waste';

export interface ScaleUpDecision {
  /** The chosen group and its new size, or null when no group helps. */
  scaleUp: { nodeGroup: string; from: number; to: number } | null;
  /** `TriggeredScaleUp` for each pod the new nodes are for. */
  triggered: { pod: string; message: string }[];
  /** `NotTriggerScaleUp` for each pod no node group can help. */
  notTriggered: { pod: string; message: string }[];
}

interface Option {
  group: NodeGroupInfo;
  pods: Pod[];
  nodes: number;
  waste: number;
}

const podKey = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;

function templateNode(group: NodeGroupInfo, i: number): Node {
  return { ...group.template, name: `template-node-for-${group.name}-${i}` };
}

/** The first reasons a fresh template node gives for refusing the pod, or null if it fits. */
function fitOnTemplate(pod: Pod, group: NodeGroupInfo): string[] | null {
  const d = schedulePod(pod, buildSchedulerState([templateNode(group, 0)], []));
  return d.node ? null : (d.filtered[0]?.reasons ?? []);
}

export function scaleUp(
  pending: Pod[],
  groups: NodeGroupInfo[],
  expander: Expander = 'random',
  random: () => number = () => 0,
): ScaleUpDecision {
  const rejected = new Map<string, Map<string, number>>();
  const note = (pod: Pod, reason: string) => {
    const key = podKey(pod);
    let m = rejected.get(key);
    if (!m) rejected.set(key, (m = new Map()));
    m.set(reason, (m.get(reason) ?? 0) + 1);
  };
  const options: Option[] = [];
  /** Pods some group's fresh node would hold (they wait for room rather than being refused). */
  const fitsSomewhere = new Set<string>();
  for (const group of groups) {
    if (group.desiredSize >= group.maxSize) {
      for (const p of pending) note(p, 'max node group size reached');
      continue;
    }
    const fitting: Pod[] = [];
    for (const p of pending) {
      const reasons = fitOnTemplate(p, group);
      if (reasons === null) {
        fitting.push(p);
        fitsSomewhere.add(podKey(p));
      } else for (const r of reasons) note(p, r);
    }
    if (fitting.length === 0) continue;
    // First-fit the pods onto as many new nodes as the group may add.
    const room = group.maxSize - group.desiredSize;
    const a = group.template.allocatable;
    const bins: { cpu: number; memory: number; pods: number }[] = [];
    const placed: Pod[] = [];
    let cpuUsed = 0;
    let memoryUsed = 0;
    for (const p of fitting) {
      const r = podRequest(p.spec);
      let bin = bins.find((x) => x.cpu >= r.cpu && x.memory >= r.memory && x.pods >= 1);
      if (!bin && bins.length < room) {
        bin = { cpu: a.cpuMilli, memory: a.memoryBytes, pods: a.pods };
        bins.push(bin);
      }
      if (!bin) continue;
      bin.cpu -= r.cpu;
      bin.memory -= r.memory;
      bin.pods -= 1;
      cpuUsed += r.cpu;
      memoryUsed += r.memory;
      placed.push(p);
    }
    const nodes = bins.length;
    const waste = 2 - cpuUsed / (a.cpuMilli * nodes) - memoryUsed / (a.memoryBytes * nodes);
    options.push({ group, pods: placed, nodes, waste });
  }

  const notTriggered = (helped: Set<string>) =>
    pending
      .filter((p) => !helped.has(podKey(p)) && !fitsSomewhere.has(podKey(p)))
      .map((p) => ({
        pod: podKey(p),
        message: `pod didn't trigger scale-up: ${[
          ...(rejected.get(podKey(p)) ?? new Map<string, number>()),
        ]
          .map(([r, n]) => `${n} ${r}`)
          .sort()
          .join(', ')}`,
      }));

  if (options.length === 0)
    return { scaleUp: null, triggered: [], notTriggered: notTriggered(new Set()) };
  let chosen: Option;
  if (expander === 'most-pods')
    chosen = options.reduce((b, o) => (o.pods.length > b.pods.length ? o : b));
  else if (expander === 'least-waste')
    chosen = options.reduce((b, o) => (o.waste < b.waste ? o : b));
  else chosen = options[Math.floor(random() * options.length)]!;
  const from = chosen.group.desiredSize;
  const to = from + chosen.nodes;
  const message = `pod triggered scale-up: [{${chosen.group.asgName} ${from}->${to} (max: ${chosen.group.maxSize})}]`;
  const helped = new Set(chosen.pods.map(podKey));
  return {
    scaleUp: { nodeGroup: chosen.group.name, from, to },
    triggered: chosen.pods.map((p) => ({ pod: podKey(p), message })),
    notTriggered: notTriggered(helped),
  };
}

/** CA's utilization of a node: the larger of requested CPU and requested memory over allocatable. */
export function nodeUtilization(node: Node, requestedCpu: number, requestedMemory: number): number {
  const cpu = node.allocatable.cpuMilli > 0 ? requestedCpu / node.allocatable.cpuMilli : 0;
  const mem = node.allocatable.memoryBytes > 0 ? requestedMemory / node.allocatable.memoryBytes : 0;
  return Math.max(cpu, mem);
}

export interface ScaleDownCandidate {
  node: string;
  nodeGroup: string;
  utilization: number;
  /** Pods that would have to move (DaemonSet pods excluded). */
  pods: number;
  /** Why its pods cannot move (a bare pod, a PodDisruptionBudget, safe-to-evict: "false"…), or null. */
  blockedBy: string | null;
}

export interface ScaleDownState {
  unneededSince: Record<string, number>;
  lastScaleUp: number | null;
}

export function scaleDown(
  candidates: ScaleDownCandidate[],
  groups: { name: string; minSize: number; desiredSize: number }[],
  now: number,
  state: ScaleDownState,
): { remove: string[]; state: ScaleDownState } {
  const unneededSince: Record<string, number> = {};
  for (const c of candidates) {
    if (c.utilization >= SCALE_DOWN_UTILIZATION_THRESHOLD || c.blockedBy !== null) continue;
    unneededSince[c.node] = Object.hasOwn(state.unneededSince, c.node)
      ? state.unneededSince[c.node]!
      : now;
  }
  const next = { unneededSince, lastScaleUp: state.lastScaleUp };
  if (state.lastScaleUp !== null && now - state.lastScaleUp < SCALE_DOWN_DELAY_AFTER_ADD_SECONDS)
    return { remove: [], state: next };
  const room = new Map(groups.map((g) => [g.name, g.desiredSize - g.minSize]));
  const ready = candidates.filter(
    (c) =>
      Object.hasOwn(unneededSince, c.node) &&
      now - unneededSince[c.node]! >= SCALE_DOWN_UNNEEDED_SECONDS,
  );
  const remove: string[] = [];
  const take = (c: ScaleDownCandidate) => {
    const left = room.get(c.nodeGroup) ?? 0;
    if (left <= 0) return false;
    room.set(c.nodeGroup, left - 1);
    remove.push(c.node);
    return true;
  };
  for (const c of ready) if (c.pods === 0 && remove.length < MAX_EMPTY_BULK_DELETE) take(c);
  if (remove.length === 0) for (const c of ready) if (c.pods > 0 && take(c)) break;
  for (const n of remove) delete unneededSince[n];
  return { remove, state: next };
}
