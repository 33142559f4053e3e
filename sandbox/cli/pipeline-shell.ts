/**
 * The terminal as the pipeline's runner uses it: one line of a `run:` step, read against the
 * world by the same interpret() the learner's terminal uses. (The pipeline module may not import
 * the terminal; the composition hands it this.)
 */
import type { World } from '../model/types.ts';
import type { ShellOutcome, StepShell } from '../services/pipeline/shell.ts';
import { interpret } from './interpret.ts';

export const stepShell: StepShell = {
  run(line: string, world: World, files: Readonly<Record<string, string>>): ShellOutcome {
    const outcome = interpret(line, { world, files, session: { dockerContext: null } });
    if (outcome.kind === 'output') return { kind: 'output', output: outcome.output };
    return { kind: 'actions', actions: outcome.actions, render: outcome.render };
  },
};
