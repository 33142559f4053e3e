/**
 * The command line's entry point: one typed line → an outcome. Never throws, never loops on
 * input, never changes the world itself: the caller applies the returned actions.
 */
import { AWS_SERVICES, runAws } from './aws.ts';
import { DOCKER_COMMANDS, runDocker } from './docker.ts';
import { output } from './operation.ts';
import { tokenize } from './tokenize.ts';
import type { CliEnv, CliOutcome } from './types.ts';
import { fail, ok } from './types.ts';

/** Longest line accepted: a pasted task definition fits, an accidental megabyte does not. */
export const MAX_LINE_LENGTH = 100_000;

export const BUILTINS = ['help', 'clear', 'history', 'ls', 'cat'];

export function helpText(): string {
  return [
    'Shipyard terminal: the AWS CLI and Docker, simulated against this sandbox.',
    '',
    '  aws ecs <command> …      ' + AWS_SERVICES['ecs']?.operations.map((o) => o.name).join(', '),
    '  aws ec2 <command> …      ' + AWS_SERVICES['ec2']?.operations.map((o) => o.name).join(', '),
    '  aws autoscaling …        ' + AWS_SERVICES['autoscaling']?.operations.map((o) => o.name).join(', '),
    '  docker <command> …       ' + DOCKER_COMMANDS.map((c) => c.name).join(', '),
    '',
    '  aws help · aws ecs help · aws ecs create-service help · docker run --help',
    '  --output json (default) | table | text      docker --context <instance-id> … or docker context use <instance-id>',
    '  ls, cat <file>: the editor\'s documents (file://<name>.json)     history · clear',
    '',
    'Keys: Up/Down browse history, Tab completes commands and flags.',
  ].join('\n');
}

export function interpret(line: string, env: CliEnv): CliOutcome {
  try {
    return interpretUnsafe(line, env);
  } catch (e) {
    // A bug must never escape into the page: report it like a CLI crash, change nothing.
    return output(fail(`internal error: ${(e as Error).message}`, 255));
  }
}

function interpretUnsafe(line: string, env: CliEnv): CliOutcome {
  if (line.length > MAX_LINE_LENGTH) {
    return output(fail(`line too long (${line.length} characters; at most ${MAX_LINE_LENGTH})`, 2));
  }
  const tokenized = tokenize(line);
  if (!tokenized.ok) return output(fail(`syntax error: ${tokenized.error}`, 2));
  const tokens = tokenized.tokens;
  const [program, ...rest] = tokens;
  if (program === undefined) return output(ok(''));
  switch (program) {
    case 'aws':
      return runAws(rest, env);
    case 'docker':
      return runDocker(rest, env);
    case 'help':
      return output(ok(helpText()));
    case 'ls':
      return output(ok(Object.keys(env.files).sort().join('\n')));
    case 'cat': {
      const out: string[] = [];
      for (const name of rest) {
        const file = env.files[name.replace(/^file:\/\//, '')];
        if (file === undefined) return output(fail(`cat: ${name}: No such file or directory`, 1));
        out.push(file);
      }
      return output(ok(out.join('\n')));
    }
    case 'kubectl':
      return output(fail('kubectl: this lesson has no Kubernetes cluster (kubectl arrives with the EKS lessons).', 127));
    default:
      return output(fail(`${program}: command not found (type help for the commands this terminal knows)`, 127));
  }
}
