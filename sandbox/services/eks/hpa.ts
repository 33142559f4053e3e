/**
 * HorizontalPodAutoscaler arithmetic (aws-facts.md §5.6): desired = ceil(current × metric /
 * target), no change within the 0.1 tolerance, the scale-down stabilization window (the
 * highest recommendation of the last 300 s wins), the default rate limits (up: max(+100 %,
 * +4 pods) per 15 s; down: −100 % per 15 s), then minReplicas/maxReplicas. Pods that are
 * starting, not Ready or without metrics count conservatively (`resourceReplicas`), so new pods
 * that are not serving yet do not push the count further up. The controller calls
 * `resourceReplicas`, then `hpaStep`, every sync period.
 */
import type { HpaScalingRules } from './types.ts';

export const HPA_SYNC_SECONDS = 15;
export const HPA_TOLERANCE = 0.1;

/** ceil(current × metric / target), or current while the ratio is within the tolerance. */
export function hpaProposal(current: number, metric: number, target: number): number {
  const ratio = metric / target;
  if (Math.abs(1 - ratio) <= HPA_TOLERANCE) return current;
  // Float64 like the controller's Go code (so a ratio of exactly 1.1 is outside the tolerance).
  return Math.ceil(current * ratio);
}

/** Average utilization of requests, in percent, as the HPA computes it: Σ usage / Σ requests. */
export function utilizationPercent(pods: { usage: number; request: number }[]): number | null {
  let usage = 0;
  let request = 0;
  for (const p of pods) {
    usage += p.usage;
    request += p.request;
  }
  return request > 0 ? Math.trunc((usage * 100) / request) : null;
}

/** After a pod starts, its CPU samples count only while it is Ready (--horizontal-pod-autoscaler-cpu-initialization-period). */
export const CPU_INITIALIZATION_SECONDS = 300;
/** A pod not Ready that never turned Ready within this long of starting is unready for good (--horizontal-pod-autoscaler-initial-readiness-delay). */
export const INITIAL_READINESS_DELAY_SECONDS = 30;

/** One pod the HPA's selector matches, as the replica calculator sees it. */
export interface HpaPodSample {
  /** Being deleted, or Failed: left out. */
  ignored: boolean;
  /** Phase Pending (not scheduled, pulling, creating): counted as unready. */
  pending: boolean;
  /** metrics-server has a CPU sample for it (a running container, a kubelet that answers). */
  hasMetrics: boolean;
  ready: boolean;
  /** When it started, or null. */
  startedAt: number | null;
  /** When it last turned Ready, or null if it never did. */
  readyAt: number | null;
  /** CPU use and request, millicores. */
  usage: number;
  request: number;
}

export type HpaPodGroup = 'ready' | 'unready' | 'missing' | 'ignored';

/**
 * The replica calculator's grouping (groupPods in the HPA controller): pods being deleted or
 * Failed are ignored, Pending ones unready, ones without a sample missing. While a pod is
 * within the CPU initialization period of its start its sample counts only if it is Ready;
 * after that, only a pod that is not Ready and never turned Ready within the initial readiness
 * delay is unready. (The controller also drops a sample older than one metrics window after
 * the Ready transition; the sandbox's samples are always current.)
 */
export function groupPod(pod: HpaPodSample, now: number): HpaPodGroup {
  if (pod.ignored) return 'ignored';
  if (pod.pending) return 'unready';
  if (!pod.hasMetrics) return 'missing';
  if (pod.startedAt === null) return 'unready';
  if (pod.startedAt + CPU_INITIALIZATION_SECONDS > now) return pod.ready ? 'ready' : 'unready';
  const neverReady =
    pod.readyAt === null || pod.readyAt > pod.startedAt + INITIAL_READINESS_DELAY_SECONDS;
  return !pod.ready && neverReady ? 'unready' : 'ready';
}

/**
 * The replica count a CPU utilization target asks for (GetResourceReplicas), or null when no
 * pod has a usable sample. The ratio comes from the ready pods; the proposal is
 * ceil(ratio × ready pods). When some pods are missing metrics, or unready while the ratio
 * says scale up, the ratio is computed again with those pods counted conservatively: on a
 * scale-up, unready and missing pods use 0 % of their request; on a scale-down, missing pods
 * use 100 % (or the target, if higher) and unready ones stay out. If that second ratio is
 * within the tolerance or points the other way, the count stays at `current`.
 */
export function resourceReplicas(
  current: number,
  pods: HpaPodSample[],
  target: number,
  now: number,
): { replicas: number; utilization: number } | null {
  if (pods.length === 0) return null;
  const ready: HpaPodSample[] = [];
  const unready: HpaPodSample[] = [];
  const missing: HpaPodSample[] = [];
  for (const p of pods) {
    const group = groupPod(p, now);
    if (group === 'ready') ready.push(p);
    else if (group === 'unready') unready.push(p);
    else if (group === 'missing') missing.push(p);
  }
  const utilization = utilizationPercent(ready);
  if (utilization === null) return null;
  const ratio = utilization / target;
  const scaleUpWithUnready = unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - ratio) <= HPA_TOLERANCE) return { replicas: current, utilization };
    return { replicas: Math.ceil(ratio * ready.length), utilization };
  }
  const samples = ready.map((p) => ({ usage: p.usage, request: p.request }));
  if (ratio < 1)
    for (const p of missing)
      samples.push({ usage: (p.request * Math.max(100, target)) / 100, request: p.request });
  else if (ratio > 1) for (const p of missing) samples.push({ usage: 0, request: p.request });
  if (scaleUpWithUnready) for (const p of unready) samples.push({ usage: 0, request: p.request });
  const newRatio = utilizationPercent(samples)! / target;
  if (
    Math.abs(1 - newRatio) <= HPA_TOLERANCE ||
    (ratio < 1 && newRatio > 1) ||
    (ratio > 1 && newRatio < 1)
  )
    return { replicas: current, utilization };
  const replicas = Math.ceil(newRatio * samples.length);
  if ((newRatio < 1 && replicas > current) || (newRatio > 1 && replicas < current))
    return { replicas: current, utilization };
  return { replicas, utilization };
}

export interface HpaHistory {
  /** Recent proposals, oldest first. */
  recommendations: { time: number; replicas: number }[];
  /** Recent scale changes (positive up, negative down), for the rate limits. */
  events: { time: number; delta: number }[];
}

export interface HpaInput {
  now: number;
  current: number;
  /** Current metric (e.g. CPU utilization %) and its target. */
  metric: number;
  target: number;
  minReplicas: number;
  maxReplicas: number;
  scaleUp: HpaScalingRules;
  scaleDown: HpaScalingRules;
  /** The replica calculator's count (resourceReplicas); without it, ceil(current × metric / target). */
  proposal?: number;
}

export interface HpaResult {
  desired: number;
  /** The raw proposal before stabilization and limits. */
  proposal: number;
  history: HpaHistory;
  /** What limited the change, if anything (sandbox wording). */
  limitedBy: 'stabilization' | 'rate-limit' | 'minReplicas' | 'maxReplicas' | null;
}

function periodLimit(rules: HpaScalingRules, start: number, up: boolean): number {
  const limits = rules.policies.map((p) =>
    p.type === 'Pods'
      ? start + (up ? p.value : -p.value)
      : up
        ? Math.ceil(start * (1 + p.value / 100))
        : Math.ceil(start * (1 - p.value / 100)),
  );
  if (limits.length === 0) return up ? Infinity : 0;
  const most = up ? Math.max(...limits) : Math.min(...limits);
  const least = up ? Math.min(...limits) : Math.max(...limits);
  return rules.selectPolicy === 'Min' ? least : most;
}

export function hpaStep(input: HpaInput, history: HpaHistory): HpaResult {
  const { now, current } = input;
  const proposal =
    current === 0 ? 0 : (input.proposal ?? hpaProposal(current, input.metric, input.target));
  const window = Math.max(
    input.scaleUp.stabilizationWindowSeconds,
    input.scaleDown.stabilizationWindowSeconds,
  );
  const recommendations = [
    ...history.recommendations.filter((r) => r.time > now - window),
    { time: now, replicas: proposal },
  ];
  const within = (seconds: number) =>
    recommendations.filter((r) => r.time > now - seconds || r.time === now);
  const upRec = Math.min(
    ...within(input.scaleUp.stabilizationWindowSeconds).map((r) => r.replicas),
  );
  const downRec = Math.max(
    ...within(input.scaleDown.stabilizationWindowSeconds).map((r) => r.replicas),
  );
  let desired = current;
  if (desired < upRec) desired = upRec;
  if (desired > downRec) desired = downRec;
  let limitedBy: HpaResult['limitedBy'] = desired !== proposal ? 'stabilization' : null;

  const maxPeriod = Math.max(
    ...input.scaleUp.policies.map((p) => p.periodSeconds),
    ...input.scaleDown.policies.map((p) => p.periodSeconds),
    0,
  );
  const events = history.events.filter((e) => e.time > now - maxPeriod);
  const since = (rules: HpaScalingRules, sign: 1 | -1) => {
    const period = Math.max(0, ...rules.policies.map((p) => p.periodSeconds));
    return events
      .filter((e) => e.time > now - period && Math.sign(e.delta) === sign)
      .reduce((sum, e) => sum + e.delta, 0);
  };
  if (desired > current) {
    if (input.scaleUp.selectPolicy === 'Disabled') desired = current;
    else {
      const limit = periodLimit(input.scaleUp, current - since(input.scaleUp, 1), true);
      if (desired > limit) {
        desired = limit;
        limitedBy = 'rate-limit';
      }
    }
  } else if (desired < current) {
    if (input.scaleDown.selectPolicy === 'Disabled') desired = current;
    else {
      const limit = periodLimit(input.scaleDown, current - since(input.scaleDown, -1), false);
      if (desired < limit) {
        desired = limit;
        limitedBy = 'rate-limit';
      }
    }
  }
  if (desired > input.maxReplicas) {
    desired = input.maxReplicas;
    limitedBy = 'maxReplicas';
  }
  if (desired < input.minReplicas) {
    desired = input.minReplicas;
    limitedBy = 'minReplicas';
  }
  if (desired !== current) events.push({ time: now, delta: desired - current });
  return { desired, proposal, history: { recommendations, events }, limitedBy };
}
