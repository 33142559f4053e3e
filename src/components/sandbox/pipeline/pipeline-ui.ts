/**
 * The pipeline panels' pure parts: what the application in the repository is now (read from its
 * files, as the runner reads them), whether a scenario allows an action, the action sequence of
 * "commit and push", and the words a finished run is announced with.
 */
import type { Action, ActionResult, PipelineRun } from '@sandbox';

export interface AppState {
  version: string | null;
  test: 'pass' | 'fail' | null;
  start: 'ok' | 'broken' | null;
}

/** The application's version, test and start command, as the repository's files say. */
export function appState(files: Readonly<Record<string, string>>): AppState {
  const server = files['src/server.js'] ?? '';
  const test = files['test/server.test.js'] ?? '';
  const docker = files['Dockerfile'] ?? '';
  const version = /const VERSION = '([^'\n]*)'/.exec(server)?.[1] ?? null;
  const cmd = docker.split('\n').find((l) => /^\s*CMD\s/i.test(l)) ?? null;
  return {
    version,
    test: test.includes('assert.equal(res.status, 200);')
      ? 'pass'
      : test.includes('assert.equal(res.status, 201);')
        ? 'fail'
        : null,
    start: cmd === null ? null : cmd.includes('src/server.js') ? 'ok' : 'broken',
  };
}

/** A scenario's allowed actions: an empty list allows every action (as the engine reads it). */
export function allows(allowed: readonly string[], type: Action['type']): boolean {
  return allowed.length === 0 || allowed.includes(type);
}

/**
 * Sends actions in order and stops at the first refusal (a refused commit is not pushed).
 * Returns every result, the refused one last.
 */
export function sendInOrder(
  act: (action: Action) => ActionResult | null,
  actions: readonly Action[],
): ActionResult[] {
  const results: ActionResult[] = [];
  for (const action of actions) {
    const r = act(action);
    if (!r) break;
    results.push(r);
    if (!r.ok) break;
  }
  return results;
}

/** git's "nothing to commit" refusal, which a form reads as "nothing changed" rather than an error. */
export function nothingToCommit(r: ActionResult): boolean {
  return !r.ok && /nothing to commit/.test(r.error);
}

/** The sentence a screen reader hears when a run ends. */
export function runFinishedText(
  run: Pick<PipelineRun, 'number' | 'workflowName' | 'status' | 'message'>,
): string {
  const word =
    run.status === 'success'
      ? 'succeeded'
      : run.status === 'failure'
        ? 'failed'
        : run.status === 'cancelled'
          ? 'was cancelled'
          : run.status;
  return `Run #${run.number} of ${run.workflowName} (${run.message}) ${word}.`;
}

const isOpen = (r: Pick<PipelineRun, 'status'>) =>
  r.status === 'queued' || r.status === 'in_progress';

/**
 * Runs that are finished in `after` and were not in `before`: queued or in progress there, or
 * not there at all (a run queued and finished within one step of the clock, or refused at once).
 */
export function newlyFinished(
  before: readonly Pick<PipelineRun, 'number' | 'status'>[],
  after: readonly PipelineRun[],
): PipelineRun[] {
  const done = new Set(before.filter((r) => !isOpen(r)).map((r) => r.number));
  return after.filter((r) => !isOpen(r) && !done.has(r.number));
}

/** "≈ 42 s", "≈ 1 min 5 s": durations are the simulation's approximations, marked so. */
export function approxDuration(from: number | null, to: number | null, now: number): string {
  if (from === null) return '';
  const s = Math.max(0, (to ?? now) - from);
  return s >= 60 ? `≈ ${Math.floor(s / 60)} min ${s % 60} s` : `≈ ${s} s`;
}
