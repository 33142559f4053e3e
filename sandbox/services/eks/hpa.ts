/**
 * HorizontalPodAutoscaler arithmetic (aws-facts.md §5.6): desired = ceil(current × metric /
 * target), no change within the 0.1 tolerance, the scale-down stabilization window (the
 * highest recommendation of the last 300 s wins), the default rate limits (up: max(+100 %,
 * +4 pods) per 15 s; down: −100 % per 15 s), then minReplicas/maxReplicas. The controller
 * calls `hpaStep` every sync period.
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
  const proposal = current === 0 ? 0 : hpaProposal(current, input.metric, input.target);
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
