/** Fires the scenario's scripted actions (faults, traffic) when their time comes. */
import type { World } from '../model/types.ts';
import { applyActionInPlace } from './apply-action.ts';
import { emit } from './events.ts';

export function scenarioScriptController(world: World): void {
  while (world.scriptCursor < world.script.length) {
    const entry = world.script[world.scriptCursor]!;
    if (entry.at > world.time) break;
    world.scriptCursor++;
    const result = applyActionInPlace(world, entry.action, 'scenario');
    if (!result.ok)
      emit(
        world,
        'scenario',
        'warning',
        `Scripted ${entry.action.type} had no effect: ${result.error}`,
      );
  }
}
