/**
 * What every command shares, whatever its program: printing an answer, and dry-running actions
 * against the pure world so that a command either applies whole or changes nothing.
 */
import { applyAction } from '../index.ts';
import type { Action, ActionResult } from '../model/actions.ts';
import type { World } from '../model/types.ts';
import type { CliOutcome, CommandOutput } from './types.ts';

export function output(out: CommandOutput): CliOutcome {
  return { kind: 'output', output: out };
}

/**
 * Applies the actions in order to a copy of the world; if any is refused, nothing is applied
 * and the refusal is printed. Otherwise the caller gets an 'actions' outcome whose render
 * prints what the real CLI prints.
 */
export function applyAll(
  world: World,
  actions: Action[],
  onError: (error: string) => CommandOutput,
  render: (results: ActionResult[], before: World, after: World) => CommandOutput,
): CliOutcome {
  let w = world;
  for (const action of actions) {
    let result: ActionResult;
    try {
      const next = applyAction(w, action, 'learner');
      w = next.world;
      result = next.result;
    } catch (e) {
      result = { ok: false, error: `internal error: ${(e as Error).message}` };
    }
    if (!result.ok) return output(onError(result.error));
  }
  return { kind: 'actions', actions, render };
}
