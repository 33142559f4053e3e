/**
 * Rebuilds the world a decoded link describes, through the engine's public replay, and refuses
 * a link whose log the engine does not accept entry for entry.
 */
import { replay, type Scenario, type TimedAction, type World } from '@sandbox';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { refuse, type LinkResult, type SharedState } from './shared-state.ts';

/** `scenario` is the one this page has under the link's id, if any. */
export function rebuildWorld(
  state: SharedState,
  scenario: Scenario | undefined,
): LinkResult<World> {
  if (!scenario || scenario.id !== state.scenarioId)
    return refuse(
      'unknown-scenario',
      `it opens the sandbox “${state.scenarioId}”, which is not on this page.`,
    );
  if (state.time > scenario.duration) {
    return refuse(
      'not-a-state',
      `its time, ${formatClock(state.time)}, is past the end of “${scenario.title}” (${formatClock(scenario.duration)}).`,
    );
  }
  const log = state.log as unknown as TimedAction[];
  let rebuilt: ReturnType<typeof replay>;
  try {
    rebuilt = replay(scenario, log, { seed: state.seed, until: state.time });
  } catch (error) {
    return refuse(
      'does-not-replay',
      `the sandbox could not replay it (${(error as Error).message}).`,
    );
  }
  const refused = rebuilt.results.findIndex((result) => !result.ok);
  if (refused !== -1) {
    const result = rebuilt.results[refused]!;
    const entry = state.log[refused]!;
    return refuse(
      'does-not-replay',
      `action ${refused + 1} of ${state.log.length} (${String(entry.action['type'])} at ${formatClock(entry.at)}) does not replay: ${result.ok ? '' : result.error}`,
    );
  }
  return { ok: true, value: rebuilt.world };
}
