/**
 * The command line's contract with its callers (the terminal island and the headless runner).
 * interpret() is pure: it reads the world, never changes it, and says which actions to apply.
 */
import type { Action, ActionResult } from '../model/actions.ts';
import type { World } from '../model/types.ts';

export type OutputFormat = 'json' | 'table' | 'text';

/** Lines printed by a command: stdout and stderr kept apart, as a terminal shows them. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  /** 0 success, 1 service error (AWS) / daemon error (Docker), 2 usage error (AWS parameter errors), 125 docker usage. */
  exitCode: number;
}

/** What the terminal keeps between commands. */
export interface CliSession {
  /** `docker context use <instance-id>`; null = the default (local) context. */
  dockerContext: string | null;
  /** `aws application-autoscaling register-scalable-target`, by resource id (service/<cluster>/<service>). */
  scalableTargets?: Record<string, { min: number; max: number }>;
}

export interface CliEnv {
  world: World;
  /** Files `file://name` can read: the editor's documents, by name. */
  files: Readonly<Record<string, string>>;
  session: CliSession;
  /** What a command reads from stdin: the body of a `<<EOF … EOF` heredoc (`kubectl apply -f -`). */
  stdin?: string;
}

export type CliOutcome =
  /** A read-only command, a usage error or help: print and change nothing. */
  | { kind: 'output'; output: CommandOutput; session?: CliSession }
  /**
   * Apply these actions in order (all of them were checked against the world and succeed);
   * then call render with the results and the world before and after to print the CLI's output.
   */
  | {
      kind: 'actions';
      actions: Action[];
      render: (results: ActionResult[], before: World, after: World) => CommandOutput;
      session?: CliSession;
    };

export function ok(stdout: string): CommandOutput {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1): CommandOutput {
  return { stdout: '', stderr, exitCode };
}
