/**
 * kube-scheduler (aws-facts.md §5.3–§5.4): filter, then score, one pod at a time.
 *
 * Filters run in the default plugin order and stop at the first that fails a node, as the
 * framework does: NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector + required
 * node affinity), NodePorts, NodeResourcesFit (pod count, then cpu and memory requests
 * against allocatable), PodTopologySpread (DoNotSchedule). Scoring is NodeResourcesFit's
 * LeastAllocated (default) or MostAllocated over cpu and memory with the scheduler's
 * non-zero request defaults (100m, 200Mi); other score plugins are not modelled.
 *
 * Like the real scheduler it stops looking once it has found `numFeasibleNodesToFind`
 * feasible nodes (adaptive percentage of nodes to score) and starts each search where the
 * last one ended; nodes are listed zone by zone, interleaved, as its node tree lists them.
 * The real scheduler breaks score ties at random; here a tie goes to a draw from the PRNG
 * passed in, or (without one) to the first node evaluated — both deterministic.
 *
 * Every decision keeps a verdict for each node it evaluated: the filter that failed and its
 * reasons, or the score — enough for "why is this pod here, or still Pending?".
 */
import type { Labels, Node, NodeAffinity, Pod, PodSpec, Taint, Toleration } from './types.ts';
import { matchesSelector } from './labels.ts';

export type FilterName =
  | 'NodeUnschedulable'
  | 'TaintToleration'
  | 'NodeAffinity'
  | 'NodePorts'
  | 'NodeResourcesFit'
  | 'PodTopologySpread';

export interface FilteredNode {
  node: string;
  /** The filter that rejected the node. */
  filter: FilterName;
  reasons: string[];
}

/** One node's part in a decision: rejected by a filter, or scored. */
export interface NodeVerdict {
  node: string;
  filter: FilterName | null;
  reasons: string[];
  /** Score 0–100 for feasible nodes, null for filtered ones. */
  score: number | null;
}

export interface SchedulingDecision {
  pod: string;
  /** The chosen node, or null (the pod stays Pending with `message`). */
  node: string | null;
  /** The FailedScheduling event message, or null on success. */
  message: string | null;
  /** Nodes a filter rejected, in evaluation order. */
  filtered: FilteredNode[];
  /**
   * The best-scored feasible nodes, best first, at most `KEPT_SCORES` of them: the chosen
   * node first, then by score (ties in evaluation order). A learner reads a handful; a
   * thousand-node cluster would otherwise keep a thousand scores on every pod.
   */
  scored: ScoredNode[];
  /** How many nodes passed every filter and were scored (`scored` keeps the best of them). */
  feasible: number;
  /** How many nodes were evaluated (filtered or scored) before the search stopped. */
  evaluated: number;
  /** Position, in the scheduler's node order, of the first node evaluated. */
  start: number;
  /** Nodes in the cluster when the decision was made. */
  totalNodes: number;
}

export interface ScoredNode {
  node: string;
  score: number;
}

/** How many scored nodes a decision keeps. */
export const KEPT_SCORES = 20;

/** The verdicts a decision kept: filtered nodes first (evaluation order), then the scored ones, best first. */
export function verdictsOf(d: SchedulingDecision): NodeVerdict[] {
  return [
    ...d.filtered.map((f) => ({ ...f, score: null })),
    ...d.scored.map((v) => ({ node: v.node, filter: null, reasons: [], score: v.score })),
  ];
}

export interface SchedulerOptions {
  scoring: 'LeastAllocated' | 'MostAllocated';
  /** 0 = adaptive (the default), 1–100 = fixed. */
  percentageOfNodesToScore: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  scoring: 'LeastAllocated',
  percentageOfNodesToScore: 0,
};

/** The scheduler's per-node bookkeeping (its cache) that is not a number: see `SchedulerState`. */
export interface NodeInfo {
  node: Node;
  hostPorts: string[];
  /** Labels of the pods on this node, for topology spread counting. */
  podLabels: { namespace: string; labels: Labels }[];
}

/**
 * The scheduler's view of the cluster. The numbers the search reads on every node are kept
 * side by side in typed arrays (index = position in `nodes`): a search reads a few hundred
 * nodes per pod, and flat arrays of numbers are what it can read fastest.
 */
export interface SchedulerState {
  nodes: NodeInfo[];
  /** The nodes' names, in the same order. */
  names: string[];
  /** Index of the node where the next search starts. */
  nextStartNodeIndex: number;
  allocatableCpu: Float64Array;
  allocatableMemory: Float64Array;
  allocatablePods: Float64Array;
  /** What the bound pods request (cpu in millicores, memory in bytes), and how many there are. */
  requestedCpu: Float64Array;
  requestedMemory: Float64Array;
  /** The same with the scheduler's non-zero defaults, for scoring. */
  nonZeroCpu: Float64Array;
  nonZeroMemory: Float64Array;
  pods: Float64Array;
  /** 1 when the node is unschedulable or tainted: the filters that must look closer. */
  guarded: Uint8Array;
  /**
   * Each node's score for a pod of the request in `scoreKey`, or -1 when not known yet. A
   * score depends only on the node's numbers, the pod's non-zero request and the scoring
   * strategy, so pods of the same size (a Deployment's replicas) reuse it until a pod is
   * counted on that node.
   */
  scoreCache: Int16Array;
  scoreKey: { cpu: number; memory: number; mostAllocated: boolean };
  /** Scratch space for one search: each evaluated node's score (-1 when filtered), in evaluation order. */
  scores: Int16Array;
  /** Scratch space for one search: how many scored nodes got each score (0–100). */
  histogram: Int32Array;
}

/** Defaults the scheduler uses for containers without requests, when scoring. */
export const NON_ZERO_CPU_MILLI = 100;
export const NON_ZERO_MEMORY_BYTES = 200 * 1024 * 1024;
const MAX_NODE_SCORE = 100;
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface PodRequest {
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  hostPorts: string[];
}

/** Effective requests: max(largest init container, sum of app containers), per resource. */
export function podRequest(spec: PodSpec): PodRequest {
  let cpu = 0;
  let memory = 0;
  let nonZeroCpu = 0;
  let nonZeroMemory = 0;
  const hostPorts: string[] = [];
  for (const c of spec.containers) {
    cpu += c.requests.cpuMilli ?? 0;
    memory += c.requests.memoryBytes ?? 0;
    nonZeroCpu += c.requests.cpuMilli || NON_ZERO_CPU_MILLI;
    nonZeroMemory += c.requests.memoryBytes || NON_ZERO_MEMORY_BYTES;
    for (const p of c.ports) if (p.hostPort !== null) hostPorts.push(`${p.protocol}/${p.hostPort}`);
  }
  for (const c of spec.initContainers) {
    cpu = Math.max(cpu, c.requests.cpuMilli ?? 0);
    memory = Math.max(memory, c.requests.memoryBytes ?? 0);
    nonZeroCpu = Math.max(nonZeroCpu, c.requests.cpuMilli || NON_ZERO_CPU_MILLI);
    nonZeroMemory = Math.max(nonZeroMemory, c.requests.memoryBytes || NON_ZERO_MEMORY_BYTES);
  }
  return { cpu, memory, nonZeroCpu, nonZeroMemory, hostPorts };
}

/** Nodes zone by zone, interleaved (a, b, c, a, b, c…), keeping their order within a zone. */
function interleaveZones(nodes: Node[]): Node[] {
  const zones = new Map<string, Node[]>();
  for (const n of nodes) {
    const z = Object.hasOwn(n.labels, ZONE_LABEL) ? n.labels[ZONE_LABEL]! : '';
    let list = zones.get(z);
    if (!list) zones.set(z, (list = []));
    list.push(n);
  }
  const lists = [...zones.values()];
  const out: Node[] = [];
  for (let i = 0; out.length < nodes.length; i++)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

/** The scheduler's view of the cluster: nodes with the pods already bound to them. */
export function buildSchedulerState(nodes: Node[], boundPods: Pod[]): SchedulerState {
  const ordered = interleaveZones(nodes);
  const n = ordered.length;
  const state: SchedulerState = {
    nodes: ordered.map((node) => ({ node, hostPorts: [], podLabels: [] })),
    names: ordered.map((node) => node.name),
    nextStartNodeIndex: 0,
    allocatableCpu: new Float64Array(n),
    allocatableMemory: new Float64Array(n),
    allocatablePods: new Float64Array(n),
    requestedCpu: new Float64Array(n),
    requestedMemory: new Float64Array(n),
    nonZeroCpu: new Float64Array(n),
    nonZeroMemory: new Float64Array(n),
    pods: new Float64Array(n),
    guarded: new Uint8Array(n),
    scoreCache: new Int16Array(n).fill(-1),
    scoreKey: { cpu: -1, memory: -1, mostAllocated: false },
    scores: new Int16Array(n),
    histogram: new Int32Array(MAX_NODE_SCORE + 1),
  };
  const byName = new Map<string, number>();
  ordered.forEach((node, index) => {
    byName.set(node.name, index);
    state.allocatableCpu[index] = node.allocatable.cpuMilli;
    state.allocatableMemory[index] = node.allocatable.memoryBytes;
    state.allocatablePods[index] = node.allocatable.pods;
    state.guarded[index] = node.unschedulable || node.taints.length > 0 ? 1 : 0;
  });
  for (const pod of boundPods) {
    const index = pod.spec.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    if (index !== undefined) assume(state, index, pod, podRequest(pod.spec));
  }
  return state;
}

/** Counts a pod on the node at `index` (the scheduler's "assume" once it has chosen). */
export function assume(state: SchedulerState, index: number, pod: Pod, req: PodRequest): void {
  state.requestedCpu[index]! += req.cpu;
  state.requestedMemory[index]! += req.memory;
  state.nonZeroCpu[index]! += req.nonZeroCpu;
  state.nonZeroMemory[index]! += req.nonZeroMemory;
  state.pods[index]! += 1;
  state.scoreCache[index] = -1;
  const info = state.nodes[index]!;
  for (const p of req.hostPorts) info.hostPorts.push(p);
  info.podLabels.push({ namespace: pod.metadata.namespace, labels: pod.metadata.labels });
}

export function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  for (const t of tolerations) {
    if (t.effect !== null && t.effect !== taint.effect) continue;
    if (t.key === '' && t.operator === 'Exists') return true;
    if (t.key !== taint.key) continue;
    if (t.operator === 'Exists' || t.value === taint.value) return true;
  }
  return false;
}

function matchesRequirement(labels: Labels, op: string, key: string, values: string[]): boolean {
  const present = Object.hasOwn(labels, key);
  const v = present ? labels[key]! : '';
  switch (op) {
    case 'In':
      return present && values.includes(v);
    case 'NotIn':
      return !present || !values.includes(v);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'Gt':
      return present && /^-?\d+$/.test(v) && Number(v) > Number(values[0]);
    case 'Lt':
      return present && /^-?\d+$/.test(v) && Number(v) < Number(values[0]);
    default:
      return false;
  }
}

function matchesNodeAffinity(
  selector: Labels,
  affinity: NodeAffinity | null,
  labels: Labels,
): boolean {
  for (const k in selector)
    if (!Object.hasOwn(labels, k) || labels[k] !== selector[k]) return false;
  if (affinity?.required) {
    if (affinity.required.length === 0) return false;
    return affinity.required.some(
      (term) =>
        term.matchExpressions.length > 0 &&
        term.matchExpressions.every((e) => matchesRequirement(labels, e.operator, e.key, e.values)),
    );
  }
  return true;
}

/** `numFeasibleNodesToFind`: how many feasible nodes end the search. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND || percentage >= 100) return numAllNodes;
  let adaptive = percentage;
  if (adaptive <= 0) {
    adaptive = 50 - Math.trunc(numAllNodes / 125);
    if (adaptive < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND)
      adaptive = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * adaptive) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** Whether the preemption step could help on a node that failed this filter. */
const RESOLVABLE: Record<FilterName, boolean> = {
  NodeUnschedulable: false,
  TaintToleration: false,
  NodeAffinity: false,
  NodePorts: true,
  NodeResourcesFit: true,
  PodTopologySpread: true,
};

const SPREAD_REASON = "node(s) didn't match pod topology spread constraints";
const SPREAD_MISSING = `${SPREAD_REASON} (missing required label)`;

/** Per-constraint domain counts for the DoNotSchedule spread constraints of a pod. */
function spreadCounts(pod: Pod, state: SchedulerState) {
  const constraints = pod.spec.topologySpreadConstraints.filter(
    (c) => c.whenUnsatisfiable === 'DoNotSchedule',
  );
  return constraints.map((c) => {
    const counts = new Map<string, number>();
    for (const info of state.nodes) {
      const labels = info.node.labels;
      if (!Object.hasOwn(labels, c.topologyKey)) continue;
      if (!matchesNodeAffinity(pod.spec.nodeSelector, pod.spec.nodeAffinity, labels)) continue;
      const domain = labels[c.topologyKey]!;
      let count = counts.get(domain) ?? 0;
      if (c.labelSelector)
        for (const p of info.podLabels)
          if (p.namespace === pod.metadata.namespace && matchesSelector(c.labelSelector, p.labels))
            count++;
      counts.set(domain, count);
    }
    let min = Infinity;
    for (const v of counts.values()) if (v < min) min = v;
    const self = c.labelSelector
      ? matchesSelector(c.labelSelector, pod.metadata.labels)
        ? 1
        : 0
      : 0;
    return { constraint: c, counts, min: min === Infinity ? 0 : min, self };
  });
}

/**
 * Decides where one pod goes and, on success, counts it on that node in `state`.
 * `random` (a float in [0, 1) from the world's PRNG) breaks score ties.
 */
export function schedulePod(
  pod: Pod,
  state: SchedulerState,
  options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  random?: () => number,
): SchedulingDecision {
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const nodes = state.nodes;
  const total = nodes.length;
  const filtered: FilteredNode[] = [];
  if (total === 0)
    return {
      pod: podName,
      node: null,
      message: 'no nodes available to schedule pods',
      filtered,
      scored: [],
      feasible: 0,
      evaluated: 0,
      start: 0,
      totalNodes: 0,
    };

  const spec = pod.spec;
  const req = podRequest(spec);
  const tolerations = spec.tolerations;
  const checkAffinity =
    Object.keys(spec.nodeSelector).length > 0 || spec.nodeAffinity?.required != null;
  const checkPorts = req.hostPorts.length > 0;
  const spreads = spec.topologySpreadConstraints.length > 0 ? spreadCounts(pod, state) : [];
  const mostAllocated = options.scoring === 'MostAllocated';
  const toFind = numFeasibleNodesToFind(total, options.percentageOfNodesToScore);
  let feasible = 0;
  let best = -1;
  let bestScore = -1;
  let ties = 0;
  const scores = state.scores;
  const histogram = state.histogram;
  histogram.fill(0);
  const start = state.nextStartNodeIndex % total;
  let i = 0;

  const { guarded, allocatableCpu, allocatableMemory, allocatablePods } = state;
  const { requestedCpu, requestedMemory, nonZeroCpu, nonZeroMemory, pods, scoreCache } = state;
  const key = state.scoreKey;
  if (
    key.cpu !== req.nonZeroCpu ||
    key.memory !== req.nonZeroMemory ||
    key.mostAllocated !== mostAllocated
  ) {
    scoreCache.fill(-1);
    state.scoreKey = { cpu: req.nonZeroCpu, memory: req.nonZeroMemory, mostAllocated };
  }
  // Filters that need more than the numbers run only where they can say no.
  const closerLook = checkAffinity || checkPorts || spreads.length > 0;

  for (; i < total && feasible < toFind; i++) {
    const index = start + i < total ? start + i : start + i - total;
    let filter: FilterName | null = null;
    let reasons: string[] = EMPTY;

    if (guarded[index] !== 0 || closerLook) {
      const info = nodes[index]!;
      const node = info.node;
      if (node.unschedulable && !tolerates(tolerations, UNSCHEDULABLE_TAINT)) {
        filter = 'NodeUnschedulable';
        reasons = ['node(s) were unschedulable'];
      } else if (node.taints.length > 0) {
        for (const t of node.taints) {
          if (t.effect === 'PreferNoSchedule' || tolerates(tolerations, t)) continue;
          filter = 'TaintToleration';
          reasons = [`node(s) had untolerated taint {${t.key}: ${t.value}}`];
          break;
        }
      }
      if (
        filter === null &&
        checkAffinity &&
        !matchesNodeAffinity(spec.nodeSelector, spec.nodeAffinity, node.labels)
      ) {
        filter = 'NodeAffinity';
        reasons = ["node(s) didn't match Pod's node affinity/selector"];
      }
      if (filter === null && checkPorts && req.hostPorts.some((p) => info.hostPorts.includes(p))) {
        filter = 'NodePorts';
        reasons = ["node(s) didn't have free ports for the requested pod ports"];
      }
    }
    const cpuCapacity = allocatableCpu[index]!;
    const memoryCapacity = allocatableMemory[index]!;
    if (filter === null) {
      const tooManyPods = pods[index]! + 1 > allocatablePods[index]!;
      const cpu = req.cpu > 0 && req.cpu > cpuCapacity - requestedCpu[index]!;
      const memory = req.memory > 0 && req.memory > memoryCapacity - requestedMemory[index]!;
      if (tooManyPods || cpu || memory) {
        filter = 'NodeResourcesFit';
        reasons = [];
        if (tooManyPods) reasons.push('Too many pods');
        if (cpu) reasons.push('Insufficient cpu');
        if (memory) reasons.push('Insufficient memory');
      }
    }
    if (filter === null && spreads.length > 0) {
      const labels = nodes[index]!.node.labels;
      for (const s of spreads) {
        const key = s.constraint.topologyKey;
        if (!Object.hasOwn(labels, key)) {
          filter = 'PodTopologySpread';
          reasons = [SPREAD_MISSING];
          break;
        }
        const skew = (s.counts.get(labels[key]!) ?? 0) + s.self - s.min;
        if (skew > s.constraint.maxSkew) {
          filter = 'PodTopologySpread';
          reasons = [SPREAD_REASON];
          break;
        }
      }
    }

    if (filter !== null) {
      filtered.push({ node: state.names[index]!, filter, reasons });
      scores[i] = -1;
      continue;
    }
    feasible++;
    let score = scoreCache[index]!;
    if (score < 0) {
      const cpuScore = resourceScore(
        nonZeroCpu[index]! + req.nonZeroCpu,
        cpuCapacity,
        mostAllocated,
      );
      const memoryScore = resourceScore(
        nonZeroMemory[index]! + req.nonZeroMemory,
        memoryCapacity,
        mostAllocated,
      );
      score = Math.trunc((cpuScore + memoryScore) / 2);
      scoreCache[index] = score;
    }
    scores[i] = score;
    histogram[score]! += 1;
    if (score > bestScore) {
      bestScore = score;
      best = index;
      ties = 1;
    } else if (score === bestScore) {
      ties++;
      if (random && Math.floor(random() * ties) === 0) best = index;
    }
  }
  state.nextStartNodeIndex = (start + i) % total;

  if (best < 0)
    return {
      pod: podName,
      node: null,
      message: failedSchedulingMessage(filtered, total),
      filtered,
      scored: [],
      feasible: 0,
      evaluated: i,
      start,
      totalNodes: total,
    };
  const chosen = nodes[best]!;
  assume(state, best, pod, req);
  const scored = keptScores(state, start, i, best, bestScore);
  return {
    pod: podName,
    node: chosen.node.name,
    message: null,
    filtered,
    scored,
    feasible,
    evaluated: i,
    start,
    totalNodes: total,
  };
}

/**
 * The chosen node, then the best other scored nodes of the search just made, by score (ties
 * in evaluation order), `KEPT_SCORES` in all. Scores are whole numbers 0–100, so the
 * histogram gives the lowest score that makes the list without sorting every node.
 */
function keptScores(
  state: SchedulerState,
  start: number,
  evaluated: number,
  best: number,
  bestScore: number,
): ScoredNode[] {
  const { scores, histogram, nodes } = state;
  const total = nodes.length;
  histogram[bestScore]! -= 1;
  let room = KEPT_SCORES - 1;
  let lowest = MAX_NODE_SCORE;
  let atLowest = 0;
  for (; lowest >= 0; lowest--) {
    const n = histogram[lowest]!;
    if (n >= room) {
      atLowest = room;
      break;
    }
    room -= n;
  }
  // Every score above `lowest` is kept; of those at `lowest`, the first `atLowest` evaluated.
  const positions: number[] = [];
  for (let k = 0; k < evaluated; k++) {
    const score = scores[k]!;
    if (score < 0 || score < lowest) continue;
    if ((start + k) % total === best) continue;
    if (score === lowest) {
      if (atLowest === 0) continue;
      atLowest--;
    }
    positions.push(k);
  }
  // By score, highest first; an insertion sort keeps equal scores in evaluation order.
  for (let a = 1; a < positions.length; a++) {
    const k = positions[a]!;
    const score = scores[k]!;
    let b = a;
    for (; b > 0 && scores[positions[b - 1]!]! < score; b--) positions[b] = positions[b - 1]!;
    positions[b] = k;
  }
  const kept: ScoredNode[] = [{ node: state.names[best]!, score: bestScore }];
  for (const k of positions)
    kept.push({ node: state.names[(start + k) % total]!, score: scores[k]! });
  return kept;
}

/** NodeResourcesFit's LeastAllocated / MostAllocated score of one resource (0–100). */
function resourceScore(requested: number, capacity: number, mostAllocated: boolean): number {
  if (capacity === 0) return 0;
  if (mostAllocated)
    return Math.trunc(((requested < capacity ? requested : capacity) * MAX_NODE_SCORE) / capacity);
  if (requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

const EMPTY: string[] = [];
const UNSCHEDULABLE_TAINT: Taint = {
  key: 'node.kubernetes.io/unschedulable',
  value: '',
  effect: 'NoSchedule',
  timeAdded: null,
};

const histogram = (counts: Map<string, number>): string =>
  [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');

/**
 * `0/3 nodes are available: 1 node(s) had untolerated taint {…}, 2 Insufficient cpu.
 * preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No
 * preemption victims found for incoming pod.` Reasons are counted, then sorted as strings
 * (so `10 …` sorts before `2 …`, as the scheduler prints them).
 */
export function failedSchedulingMessage(filtered: FilteredNode[], totalNodes: number): string {
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const v of filtered) {
    for (const r of v.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const p =
      RESOLVABLE[v.filter] && !v.reasons.includes(SPREAD_MISSING)
        ? 'No preemption victims found for incoming pod'
        : 'Preemption is not helpful for scheduling';
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  return `0/${totalNodes} nodes are available: ${histogram(reasons)}. preemption: 0/${totalNodes} nodes are available: ${histogram(preemption)}.`;
}

/** A plain-language answer to "why is this pod here / still Pending?" (sandbox wording). */
export function explainDecision(d: SchedulingDecision): string[] {
  const lines = [
    d.node ? `${d.pod} was assigned to ${d.node}.` : `${d.pod} is Pending: ${d.message}`,
  ];
  for (const v of verdictsOf(d))
    lines.push(
      v.filter
        ? `  ${v.node}: rejected by ${v.filter} (${v.reasons.join(', ')})`
        : `  ${v.node}: passed every filter, score ${v.score}`,
    );
  const unlisted = d.feasible - d.scored.length;
  if (unlisted > 0) lines.push(`  ${unlisted} other feasible node(s) scored no higher than these`);
  const unevaluated = d.totalNodes - d.evaluated;
  if (unevaluated > 0)
    lines.push(
      `  ${unevaluated} other node(s) not evaluated: the scheduler had already found enough feasible nodes`,
    );
  return lines;
}
