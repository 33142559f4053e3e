/** What every kubectl command shares: its record, the connection it runs with, and kubectl's error shapes. */
import type { Action } from '../../model/actions.ts';
import type { World } from '../../model/types.ts';
import type { EksCluster, KubeState } from '../../services/eks/world.ts';
import { applyAll, output } from '../outcome.ts';
import type { CliEnv, CliOutcome, CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';
import type { FlagValues, KubectlFlag } from './flags.ts';
import { seeHelp } from './flags.ts';

export interface KubectlRun {
  env: CliEnv;
  flags: FlagValues;
  /** Positional words after the command (and its subcommand). */
  args: string[];
  /** `get`, `rollout undo`: what `See 'kubectl … --help'` names. */
  path: string;
  cluster: EksCluster;
  kube: KubeState;
  /** `-n`, or `default`. */
  namespace: string;
  /** Whether `-n` was given. */
  explicitNamespace: boolean;
}

export interface KubectlCommand {
  name: string;
  summary: string;
  usage: string;
  flags: KubectlFlag[];
  examples: string[];
  /** Subcommands (`rollout status`…), each a command of its own. */
  subcommands?: KubectlCommand[];
  /** Runs without a cluster (`config`, `version`). */
  offline?: (env: CliEnv, flags: FlagValues, args: string[]) => CliOutcome;
  run?: (run: KubectlRun) => CliOutcome;
}

/** A usage error as `cmdutil.UsageErrorf` prints it. */
export function usageError(path: string, message: string): CliOutcome {
  return output(fail(`error: ${message}\nSee 'kubectl ${path} -h' for help and examples`, 1));
}

/** A flag error as cobra prints it for kubectl. */
export function flagError(path: string, message: string): CliOutcome {
  return output(fail(`error: ${message}\n${seeHelp(path)}`, 1));
}

export function kubectlError(message: string): CommandOutput {
  return fail(
    message.startsWith('error: ') ||
      message.startsWith('Error from server') ||
      message.startsWith('The connection to the server') ||
      message.startsWith('Unable to connect')
      ? message
      : `error: ${message}`,
    1,
  );
}

/** Applies the actions (all or nothing) and prints what kubectl prints, or the engine's refusal in kubectl's shape. */
export function act(
  world: World,
  actions: Action[],
  render: (before: World, after: World) => CommandOutput,
): CliOutcome {
  return applyAll(
    world,
    actions,
    (error) => kubectlError(error),
    (_results, before, after) => render(before, after),
  );
}

export const printed = (text: string): CommandOutput => ok(text);

/** `deployment/web`, `deployments web`, `deploy/web`: a type and a name from one or two words. */
export function typeAndName(
  args: string[],
): { type: string; name: string | null; rest: string[] } | null {
  const [first, second, ...rest] = args;
  if (first === undefined) return null;
  const slash = first.indexOf('/');
  if (slash >= 0)
    return {
      type: first.slice(0, slash),
      name: first.slice(slash + 1),
      rest: second === undefined ? rest : [second, ...rest],
    };
  return { type: first, name: second ?? null, rest };
}
