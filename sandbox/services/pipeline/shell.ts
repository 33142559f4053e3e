/**
 * What a `run:` step needs from the terminal: the same command line the learner types into,
 * given the world, answering with output and the actions to apply. The pipeline module may not
 * import the terminal (services meet the CLI only through the composition), so the composition
 * hands it this interface (cli/pipeline-shell.ts implements it with the terminal's interpret()).
 */
import type { Action, ActionResult } from '../../model/actions.ts';
import type { World } from '../../model/types.ts';

export interface ShellOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type ShellOutcome =
  | { kind: 'output'; output: ShellOutput }
  | {
      kind: 'actions';
      actions: Action[];
      render: (results: ActionResult[], before: World, after: World) => ShellOutput;
    };

export interface StepShell {
  /** One command line, read against `world` (never changed), with the runner's files. */
  run(line: string, world: World, files: Readonly<Record<string, string>>): ShellOutcome;
}
