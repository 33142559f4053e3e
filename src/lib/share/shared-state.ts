/**
 * The state a sandbox link carries — scenario, seed, action log, current time — and the checks
 * every decoded link passes before the engine sees it. The world is a function of these four
 * (sandbox/README.md), so nothing else needs to travel.
 */
import type { World } from '@sandbox';
import { refuse, type LinkResult } from './refusal.ts';

/** One logged action. The action stays plain data: the engine validates it on replay. */
export interface SharedEntry {
  at: number;
  by: 'learner' | 'instructor';
  action: Record<string, unknown>;
}

export interface SharedState {
  scenarioId: string;
  seed: number;
  /** Simulated seconds: the world is replayed up to this time. */
  time: number;
  log: SharedEntry[];
}

export { refuse, type LinkError, type LinkProblem, type LinkResult } from './refusal.ts';

export const LIMITS = {
  /** Characters after `#`: far above any solution (see test/share), far below what browsers keep. */
  fragmentChars: 24_000,
  /** Bytes of JSON once inflated; a deflate bomb stops here. */
  jsonBytes: 256 * 1024,
  logEntries: 2_000,
  /** Simulated seconds; scenarios last at most a few hours. */
  time: 7 * 24 * 3600,
  /** JSON nesting inside one action: a Kubernetes manifest in k8s.apply nests a dozen levels. */
  actionDepth: 32,
  stringChars: 2_000,
} as const;

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The state of a world, ready to encode: the scenario's own scripted entries replay themselves. */
export function stateOfWorld(world: World): SharedState {
  return {
    scenarioId: world.scenarioId,
    seed: world.seed,
    time: world.time,
    log: world.log
      .filter((entry) => entry.by !== 'scenario')
      .map((entry) => ({
        at: entry.at,
        by: entry.by as SharedEntry['by'],
        action: entry.action as unknown as Record<string, unknown>,
      })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const notState = (detail: string) =>
  refuse('not-a-state', `its data is not a sandbox state (${detail}).`);

/** Where a JSON value breaks the size rules, or null. */
function plainDataProblem(value: unknown, path: string, depth: number): string | null {
  if (depth > LIMITS.actionDepth) return `${path} is nested too deeply`;
  if (typeof value === 'string')
    return value.length > LIMITS.stringChars
      ? `${path} is a text of ${value.length} characters (at most ${LIMITS.stringChars})`
      : null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is not a number`;
  if (typeof value === 'boolean' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = plainDataProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path} has a field named "${key}"`;
      const problem = plainDataProblem(inner, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${path} is not plain data`;
}

/**
 * Checks a decoded value field by field. Every format version maps its own layout onto
 * `SharedState` first, then calls this, so the rules hold for old links as for new ones.
 */
export function checkSharedState(value: {
  scenarioId: unknown;
  seed: unknown;
  time: unknown;
  log: unknown;
}): LinkResult<SharedState> {
  const { scenarioId, seed, time, log } = value;
  if (typeof scenarioId !== 'string' || !SCENARIO_ID.test(scenarioId))
    return notState('the scenario id is missing or not an id');
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    return notState('the seed is not a whole number from 0 to 4294967295');
  if (typeof time !== 'number' || !Number.isInteger(time) || time < 0 || time > LIMITS.time)
    return notState(`the time is not a whole number of seconds from 0 to ${LIMITS.time}`);
  if (!Array.isArray(log)) return notState('the action log is not a list');
  if (log.length > LIMITS.logEntries)
    return notState(`the action log has ${log.length} entries; at most ${LIMITS.logEntries}`);
  const entries: SharedEntry[] = [];
  let previous = 0;
  for (let i = 0; i < log.length; i++) {
    const entry: unknown = log[i];
    const where = `action ${i + 1} of ${log.length}`;
    if (!isRecord(entry)) return notState(`${where} is not an entry`);
    const { at, by, action } = entry;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < previous || at > time)
      return notState(
        `${where} has a time that is not between the one before it and the link's time`,
      );
    if (by !== 'learner' && by !== 'instructor')
      return notState(`${where} was not made by the learner or the instructor`);
    if (!isRecord(action) || typeof action['type'] !== 'string' || action['type'].length > 64)
      return notState(`${where} has no action type`);
    const problem = plainDataProblem(action, 'action', 0);
    if (problem) return notState(`${where}: ${problem}`);
    entries.push({ at, by, action });
    previous = at;
  }
  return { ok: true, value: { scenarioId, seed, time, log: entries } };
}
