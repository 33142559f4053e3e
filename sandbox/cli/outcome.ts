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
  const results: ActionResult[] = [];
  // An exception here (a bug in the engine or in render) propagates to interpret(), which
  // answers with the sandbox's bug message and returns no actions: the world stays as it was.
  for (const action of actions) {
    const next = applyAction(w, action, 'learner');
    if (!next.result.ok) return output(onError(next.result.error));
    w = next.world;
    results.push(next.result);
  }
  render(results, world, w);
  return { kind: 'actions', actions, render };
}
