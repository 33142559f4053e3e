/**
 * A fresh sandbox actor holding the world a link describes: built with the link's seed (so
 * reset and undo replay from the same start) and restored from the replayed world.
 */
import { createSandbox, serializeWorld, type SandboxActor, type Scenario } from '@sandbox';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { rebuildWorld } from './rebuild.ts';
import { refuse, type LinkResult, type SharedState } from './shared-state.ts';

export function restoreActor(
  scenario: Scenario,
  state: SharedState,
): LinkResult<{ actor: SandboxActor; summary: string }> {
  const rebuilt = rebuildWorld(state, scenario);
  if (!rebuilt.ok) return rebuilt;
  const actor = createSandbox(scenario, { seed: state.seed });
  actor.send({ type: 'sim.restore', snapshot: serializeWorld(rebuilt.value) });
  const result = actor.getSnapshot().context.lastResult;
  if (!result?.ok) {
    actor.stop();
    return refuse(
      'does-not-replay',
      `the sandbox refused the rebuilt world (${result ? result.error : 'no answer'}).`,
    );
  }
  const actions = state.log.length === 1 ? '1 action' : `${state.log.length} actions`;
  return {
    ok: true,
    value: {
      actor,
      summary: `Opened a shared link: “${scenario.title}” at ${formatClock(state.time)}, with ${actions} replayed. Press Play to continue from there.`,
    },
  };
}
