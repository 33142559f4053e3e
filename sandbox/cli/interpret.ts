/**
 * The command line's entry point: one typed line → an outcome. Never throws, never loops on
 * input, never changes the world itself: the caller applies the returned actions.
 */
import { own } from '../model/record.ts';
import { applyAction } from '../index.ts';
import type { Action, ActionResult } from '../model/actions.ts';
import { AWS_SERVICES, runAws } from './aws/aws.ts';
import { DOCKER_COMMANDS, runDocker } from './docker/docker.ts';
import { runEksctl } from './eksctl/eksctl.ts';
import { runGh, runGit } from './git/git.ts';
import { splitHeredoc } from './heredoc.ts';
import { runHelm } from './helm/helm.ts';
import { KUBECTL_COMMANDS, runKubectl } from './kubectl/kubectl.ts';
import { output } from './outcome.ts';
import { tokenize } from './tokenize.ts';
import type { CliEnv, CliOutcome, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';
import { workingFiles } from './working-files.ts';

/** Longest line accepted: a pasted task definition fits, an accidental megabyte does not. */
export const MAX_LINE_LENGTH = 100_000;

/** How much of a refused (too long) line the transcript shows. */
export const ECHO_PREFIX = 120;

/** The line as the transcript echoes it: whole, or a short prefix when it is refused for its length. */
export function echoLine(line: string): string {
  if (line.length <= MAX_LINE_LENGTH) return line;
  return `${line.slice(0, ECHO_PREFIX)}… (${line.length} characters; only the first ${ECHO_PREFIX} shown)`;
}

export const BUILTINS = ['help', 'clear', 'history', 'ls', 'cat', 'echo'];

/** The programs besides the builtins, for completion. */
export const PROGRAM_NAMES = ['aws', 'docker', 'eksctl', 'gh', 'git', 'helm', 'kubectl'];

export function helpText(): string {
  return [
    'Shipyard terminal: the AWS CLI and Docker, simulated against this sandbox.',
    '',
    '  aws ecs <command> …      ' + AWS_SERVICES['ecs']?.operations.map((o) => o.name).join(', '),
    '  aws ec2 <command> …      ' + AWS_SERVICES['ec2']?.operations.map((o) => o.name).join(', '),
    '  aws autoscaling …        ' +
      AWS_SERVICES['autoscaling']?.operations.map((o) => o.name).join(', '),
    '  aws application-autoscaling … ' +
      AWS_SERVICES['application-autoscaling']?.operations.map((o) => o.name).join(', '),
    '  aws eks <command> …      ' + AWS_SERVICES['eks']?.operations.map((o) => o.name).join(', '),
    '  aws ecr <command> …      ' + AWS_SERVICES['ecr']?.operations.map((o) => o.name).join(', '),
    '  aws iam <command> …      ' + AWS_SERVICES['iam']?.operations.map((o) => o.name).join(', '),
    '  docker <command> …       ' + DOCKER_COMMANDS.map((c) => c.name).join(', '),
    '  kubectl <command> …      ' + KUBECTL_COMMANDS.map((c) => c.name).join(', '),
    '  eksctl <verb> <noun> …   create cluster|nodegroup|fargateprofile, scale nodegroup, delete, get',
    '  helm install cluster-autoscaler … (the Cluster Autoscaler chart only)',
    '  git status|log|diff|commit -am "…"|push   gh run list|cancel <run>|rerun <run> (a pipeline scenario\'s repository)',
    '',
    '  aws help · aws ecs help · aws ecs create-service help · docker run --help · kubectl get --help',
    '  --output json (default) | table | text      docker --context <instance-id> … or docker context use <instance-id>',
    "  ls, cat <file>: the editor's documents (file://<name>.json)     echo · history · clear",
    '  a | b: b reads what a prints (aws ecr get-login-password | docker login --password-stdin …)',
    '',
    'Keys: Up/Down browse history, Tab completes commands and flags.',
  ].join('\n');
}

export function interpret(line: string, env: CliEnv): CliOutcome {
  try {
    return interpretUnsafe(line, env);
  } catch {
    // A bug must never reach the learner as a JavaScript message, and it changes nothing.
    return output(fail(bugMessage(line), 255));
  }
}

/** The sandbox's own words (not AWS's or Docker's) for a command that hit a bug. */
export function bugMessage(line: string): string {
  const tokenized = tokenize(line.slice(0, 1000));
  const words = tokenized.ok ? tokenized.tokens.filter((t) => !t.startsWith('-')) : [];
  const name = words
    .slice(0, words[0] === 'aws' ? 3 : 2)
    .map((w) => w.slice(0, 40))
    .join(' ');
  return `The sandbox hit a bug in ${name === '' ? 'this command' : `'${name}'`} and changed nothing. (This is the sandbox's own message, not the real tool's: please report it.)`;
}

function interpretUnsafe(text: string, given: CliEnv): CliOutcome {
  if (text.length > MAX_LINE_LENGTH) {
    return output(fail(`line too long (${text.length} characters; at most ${MAX_LINE_LENGTH})`, 2));
  }
  // `cmd <<EOF` on the first line, its stdin on the lines that follow, up to `EOF`.
  const heredoc = splitHeredoc(text);
  if (heredoc && !heredoc.ok) return output(fail(heredoc.error, 2));
  const line = heredoc ? heredoc.command : text;
  const env = heredoc ? { ...given, stdin: heredoc.body } : given;
  // A comment, as in a shell: the event log shows faults as `# fault: …` lines.
  if (line.trimStart().startsWith('#')) return output(ok(''));
  const tokenized = tokenize(line);
  if (!tokenized.ok) return output(fail(`syntax error: ${tokenized.error}`, 2));
  const segments: string[][] = [[]];
  for (const tok of tokenized.tokens) {
    if (tok === '&&') segments.push([]);
    else (segments[segments.length - 1] as string[]).push(tok);
  }
  if (segments.length === 1) return runPipeline(segments[0] as string[], env);
  return runChain(segments, env);
}

/**
 * `a | b`: b reads what a printed on stdout (`aws ecr get-login-password | docker login
 * --password-stdin …`). As in a shell without pipefail, the last command's exit code counts and
 * the earlier commands' stderr is shown. Only commands that print may feed a pipe: one that
 * changes the sandbox is refused (the sandbox's own limit).
 */
function runPipeline(tokens: string[], env: CliEnv): CliOutcome {
  if (!tokens.includes('|')) return runTokens(tokens, env);
  const parts: string[][] = [[]];
  for (const tok of tokens) {
    if (tok === '|') parts.push([]);
    else (parts[parts.length - 1] as string[]).push(tok);
  }
  if (parts.some((p) => p.length === 0))
    return output(fail("syntax error near unexpected token `|'", 2));
  let stdin: string | undefined = env.stdin;
  const stderr: string[] = [];
  for (const part of parts.slice(0, -1)) {
    const outcome = runTokens(part, { ...env, ...(stdin !== undefined ? { stdin } : {}) });
    if (outcome.kind === 'actions')
      return output(
        fail(
          `${part[0] ?? ''}: the sandbox pipes only the output of commands that change nothing (the sandbox's own limit)`,
          2,
        ),
      );
    if (outcome.output.stderr !== '') stderr.push(outcome.output.stderr);
    stdin = outcome.output.stdout === '' ? '' : `${outcome.output.stdout}\n`;
  }
  const last = runTokens(parts[parts.length - 1] as string[], { ...env, stdin: stdin ?? '' });
  if (stderr.length === 0) return last;
  const prefix = stderr.join('\n');
  if (last.kind === 'output')
    return {
      ...last,
      output: {
        ...last.output,
        stderr: [prefix, last.output.stderr].filter((x) => x !== '').join('\n'),
      },
    };
  const render = last.render;
  return {
    ...last,
    render: (results, before, after) => {
      const out = render(results, before, after);
      return { ...out, stderr: [prefix, out.stderr].filter((x) => x !== '').join('\n') };
    },
  };
}

/**
 * `a && b`: each command sees the world and session the previous ones left. All or nothing:
 * if any command fails, nothing is applied and its error is printed.
 */
function runChain(segments: string[][], env: CliEnv): CliOutcome {
  let world = env.world;
  let session = env.session;
  const actions: Action[] = [];
  const parts: ((results: ActionResult[]) => CommandOutput)[] = [];
  for (const segment of segments) {
    if (segment.length === 0) return output(fail("syntax error near unexpected token `&&'", 2));
    const outcome = runPipeline(segment, { ...env, world, session });
    if (outcome.kind === 'output') {
      if (outcome.output.exitCode !== 0) return output(outcome.output);
      const out = outcome.output;
      parts.push(() => out);
      session = outcome.session ?? session;
      continue;
    }
    const before = world;
    const from = actions.length;
    for (const action of outcome.actions) world = applyAction(world, action, 'learner').world;
    actions.push(...outcome.actions);
    const after = world;
    const render = outcome.render;
    parts.push((results) =>
      render(results.slice(from, from + outcome.actions.length), before, after),
    );
    session = outcome.session ?? session;
  }
  const finalSession = session;
  if (actions.length === 0) {
    const outs = parts.map((p) => p([]));
    return { kind: 'output', output: joinOutputs(outs), session: finalSession };
  }
  return {
    kind: 'actions',
    actions,
    render: (results) => joinOutputs(parts.map((p) => p(results))),
    session: finalSession,
  };
}

function joinOutputs(outs: CommandOutput[]): CommandOutput {
  const join = (xs: string[]) => xs.filter((x) => x !== '').join('\n');
  return {
    stdout: join(outs.map((o) => o.stdout)),
    stderr: join(outs.map((o) => o.stderr)),
    exitCode: outs.reduce((a, o) => a || o.exitCode, 0),
  };
}

/** A program the terminal knows: the words after its name → an outcome. */
type Program = (args: string[], env: CliEnv) => CliOutcome;

function cat(args: string[], env: CliEnv): CliOutcome {
  const out: string[] = [];
  for (const name of args) {
    const file = own(workingFiles(env), name.replace(/^file:\/\//, ''));
    if (file === undefined) return output(fail(`cat: ${name}: No such file or directory`, 1));
    out.push(file);
  }
  return output(ok(out.join('\n')));
}

/** The programs by name; git joins here with its own folder (cli/git/), as the others have. */
const PROGRAMS: Record<string, Program> = {
  aws: runAws,
  docker: runDocker,
  help: () => output(ok(helpText())),
  ls: (_args, env) => output(ok(Object.keys(workingFiles(env)).sort().join('\n'))),
  cat,
  echo: (args) => output(ok(args.join(' '))),
  eksctl: runEksctl,
  gh: runGh,
  git: runGit,
  helm: runHelm,
  kubectl: runKubectl,
};

function runTokens(tokens: string[], env: CliEnv): CliOutcome {
  const [program, ...rest] = tokens;
  if (program === undefined) return output(ok(''));
  const run = Object.hasOwn(PROGRAMS, program) ? PROGRAMS[program] : undefined;
  if (run) return run(rest, env);
  return output(
    fail(`${program}: command not found (type help for the commands this terminal knows)`, 127),
  );
}
