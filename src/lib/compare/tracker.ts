/**
 * What the table measures over time, folded one reading at a time (pure): when each fault was
 * recovered from, the failed requests and the replica-seconds below desired in each phase.
 *
 * - Recovery from the AZ outage: seconds from the fault to the end of the last second, before
 *   the bad deploy, at which a service had fewer healthy replicas than desired (0 = never short).
 * - Recovery from the bad deploy: seconds from the deploy to the end of the last second at which
 *   api was short or a replica of the bad version still existed.
 * - The spike: seconds from the spike to the end of the last second, before the outage, at
 *   which a request to web failed.
 */
import { SERVICE_NAMES, TIMELINE } from './models.ts';
import type { Reading } from './observe.ts';

export type Phase = 'before' | 'spike' | 'outage' | 'deploy';

export function phaseAt(time: number): Phase {
  if (time < TIMELINE.spikeAt) return 'before';
  if (time < TIMELINE.outageAt) return 'spike';
  if (time < TIMELINE.badDeployAt) return 'outage';
  return 'deploy';
}

export interface Tracker {
  /** The last reading folded in. */
  last: Reading | null;
  /** Last second in each window that was still "broken", or null if none so far. */
  lastFailingSpike: number | null;
  lastShortOutage: number | null;
  lastBadDeploy: number | null;
  /** Whether the latest second is still broken (recovery still in progress). */
  spikeOngoing: boolean;
  outageOngoing: boolean;
  deployOngoing: boolean;
  /** Failed requests and replica-seconds below desired, per phase. */
  failed: Record<Phase, number>;
  missing: Record<Phase, number>;
}

const zero = (): Record<Phase, number> => ({ before: 0, spike: 0, outage: 0, deploy: 0 });

export function emptyTracker(): Tracker {
  return {
    last: null,
    lastFailingSpike: null,
    lastShortOutage: null,
    lastBadDeploy: null,
    spikeOngoing: false,
    outageOngoing: false,
    deployOngoing: false,
    failed: zero(),
    missing: zero(),
  };
}

/** Folds the reading taken when the world's clock reached `r.time`. */
export function track(t: Tracker, r: Reading): Tracker {
  // The tick that brought the clock to r.time ran that second's script first, so a fault
  // scripted at T is already in the reading at T.
  const phase = phaseAt(r.time);
  const failedNow = r.failedTotal - (t.last?.failedTotal ?? 0);
  let short = 0;
  for (const name of SERVICE_NAMES)
    short += Math.max(0, r.services[name].desired - r.services[name].healthy);
  const next: Tracker = {
    ...t,
    last: r,
    failed: { ...t.failed, [phase]: t.failed[phase] + failedNow },
    missing: { ...t.missing, [phase]: t.missing[phase] + short },
  };
  if (phase === 'spike') {
    next.spikeOngoing = failedNow > 0;
    if (failedNow > 0) next.lastFailingSpike = r.time;
  }
  if (phase === 'outage') {
    next.outageOngoing = short > 0;
    if (short > 0) next.lastShortOutage = r.time;
  }
  if (phase === 'deploy') {
    const api = r.services.api;
    const broken = api.healthy < api.desired || api.bad > 0;
    next.deployOngoing = broken;
    if (broken) next.lastBadDeploy = r.time;
  }
  return next;
}

/** Seconds from `start` to the end of the last broken second (0 if never broken), or null while still broken. */
export function recoverySeconds(
  lastBroken: number | null,
  ongoing: boolean,
  start: number,
): number | null {
  if (ongoing) return null;
  return lastBroken === null ? 0 : lastBroken + 1 - start;
}
