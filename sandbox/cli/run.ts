/**
 * Runs one command line against a world and applies its actions: the pure loop both the
 * headless runner and the tests use (the terminal island sends the actions to the actor instead).
 */
import { applyAction } from '../index.ts';
import type { ActionResult } from '../model/actions.ts';
import type { World } from '../model/types.ts';
import { interpret } from './interpret.ts';
import type { CliEnv, CliSession, CommandOutput } from './types.ts';

export function runCommandLine(
  line: string,
  env: CliEnv,
): { world: World; output: CommandOutput; session: CliSession } {
  const outcome = interpret(line, env);
  if (outcome.kind === 'output') {
    return { world: env.world, output: outcome.output, session: outcome.session ?? env.session };
  }
  let world = env.world;
  const results: ActionResult[] = [];
  for (const action of outcome.actions) {
    const next = applyAction(world, action, 'learner');
    world = next.world;
    results.push(next.result);
  }
  return {
    world,
    output: outcome.render(results, env.world, world),
    session: outcome.session ?? env.session,
  };
}
