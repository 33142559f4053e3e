/**
 * `docker …` against the sandbox's plain Docker hosts (lesson why-orchestration).
 * A host is reached with `docker --context <instance-id> …` or after `docker context use <id>`.
 */
import { own } from '../../model/record.ts';
import type { Instance } from '../../model/types.ts';
import { output } from '../outcome.ts';
import type { CliEnv, CliOutcome } from '../types.ts';
import { fail, ok } from '../types.ts';
import type { DockerCommand } from './command.ts';
import { usageError } from './command.ts';

import { ecsHostPs } from './ecs-host.ts';
import { build, images, login, pull, push, rmi, tag } from './images.ts';
import { lifecycle, ps, run } from './containers.ts';
import { context } from './context.ts';

export const DOCKER_COMMANDS: DockerCommand[] = [
  build,
  context,
  images,
  login,
  ps,
  pull,
  push,
  lifecycle('rm', 'docker.container.remove', 'Remove one or more containers'),
  rmi,
  run,
  lifecycle('start', 'docker.container.start', 'Start one or more stopped containers'),
  lifecycle('stop', 'docker.container.stop', 'Stop one or more running containers'),
  tag,
];

export const DOCKER_USAGE = [
  '',
  'Usage:  docker [OPTIONS] COMMAND',
  '',
  'A self-sufficient runtime for containers (the sandbox models the commands below)',
  '',
  'Commands:',
  ...DOCKER_COMMANDS.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`),
  '',
  'Global Options:',
  '  -c, --context string   Name of the context to use (an instance id of a Docker host)',
  '  -h, --help             Print usage',
  '',
  "Run 'docker COMMAND --help' for more information on a command.",
].join('\n');

function commandHelp(cmd: DockerCommand): string {
  return [
    '',
    `Usage:  ${cmd.usage}`,
    '',
    cmd.summary,
    ...(cmd.flags.length > 0
      ? [
          '',
          'Options:',
          ...cmd.flags.map(
            (f) =>
              `  ${(f.short ? `-${f.short}, ` : '    ') + `--${f.long}${f.value ? ' string' : ''}`}`.padEnd(
                28,
              ) + f.help,
          ),
        ]
      : []),
  ].join('\n');
}

/** `docker …` after the word `docker`. */
export function runDocker(tokens: string[], env: CliEnv): CliOutcome {
  let contextName: string | null = env.session.dockerContext;
  let i = 0;
  while (i < tokens.length && (tokens[i] as string).startsWith('-')) {
    const tok = tokens[i] as string;
    if (tok === '--context' || tok === '-c') {
      const value = tokens[i + 1];
      if (value === undefined)
        return output(
          fail(
            `flag needs an argument: ${tok === '-c' ? "'c' in -c" : '--context'}\nSee 'docker --help'.`,
            125,
          ),
        );
      contextName = value === 'default' ? null : value;
      i += 2;
      continue;
    }
    if (tok.startsWith('--context=')) {
      const v = tok.slice('--context='.length);
      contextName = v === 'default' ? null : v;
      i += 1;
      continue;
    }
    if (tok === '--help' || tok === '-h') return output(ok(DOCKER_USAGE));
    if (tok === '--version' || tok === '-v')
      return output(ok('Docker version 27.5.1, build 9f9e405 (simulated)'));
    return output(
      fail(
        `unknown ${tok.startsWith('--') ? 'flag' : 'shorthand flag'}: ${tok.startsWith('--') ? tok : `'${tok.slice(1, 2)}' in ${tok}`}\nSee 'docker --help'.`,
        125,
      ),
    );
  }
  const name = tokens[i];
  if (name === undefined || name === 'help') return output(ok(DOCKER_USAGE));
  const command = DOCKER_COMMANDS.find((c) => c.name === name);
  if (!command) {
    return output(fail(`docker: '${name}' is not a docker command.\nSee 'docker --help'`, 1));
  }
  const rest = tokens.slice(i + 1);
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  let j = 0;
  while (j < rest.length) {
    const tok = rest[j] as string;
    if (command.name === 'run' && positionals.length > 0) {
      positionals.push(tok);
      j += 1;
      continue;
    }
    if (tok === '--help' || tok === '-h') return output(ok(commandHelp(command)));
    if (tok.startsWith('--') && tok.length > 2) {
      const eq = tok.indexOf('=');
      const long = eq < 0 ? tok.slice(2) : tok.slice(2, eq);
      const flag = command.flags.find((f) => f.long === long);
      if (!flag) return output(usageError(command.name, `unknown flag: --${long}`));
      if (flag.value) {
        const value = eq >= 0 ? tok.slice(eq + 1) : rest[j + 1];
        if (value === undefined)
          return output(usageError(command.name, `flag needs an argument: --${long}`));
        const earlier = flags[flag.long];
        flags[flag.long] =
          flag.multiple && typeof earlier === 'string' ? `${earlier}\n${value}` : value;
        j += eq >= 0 ? 1 : 2;
      } else {
        flags[flag.long] = true;
        j += 1;
      }
      continue;
    }
    if (tok.startsWith('-') && tok.length > 1) {
      // Combined short flags (`-aq`); a value flag takes the rest or the next word (`-m 512m`).
      let k = 1;
      let consumedNext = false;
      while (k < tok.length) {
        const ch = tok[k] as string;
        const flag = command.flags.find((f) => f.short === ch);
        if (!flag)
          return output(usageError(command.name, `unknown shorthand flag: '${ch}' in ${tok}`));
        if (flag.value) {
          const inline = tok.slice(k + 1);
          const value = inline !== '' ? inline : rest[j + 1];
          if (value === undefined)
            return output(usageError(command.name, `flag needs an argument: '${ch}' in ${tok}`));
          const earlier = flags[flag.long];
          flags[flag.long] =
            flag.multiple && typeof earlier === 'string' ? `${earlier}\n${value}` : value;
          consumedNext = inline === '';
          break;
        }
        flags[flag.long] = true;
        k += 1;
      }
      j += consumedNext ? 2 : 1;
      continue;
    }
    positionals.push(tok);
    j += 1;
  }
  if (positionals.length < command.minArgs) {
    return output(
      fail(
        `"docker ${command.name}" requires at least ${command.minArgs} argument${command.minArgs === 1 ? '' : 's'}.\nSee 'docker ${command.name} --help'.\n\nUsage:  ${command.usage}`,
        1,
      ),
    );
  }
  let host: Instance | null = null;
  if (contextName !== null && command.name !== 'context') {
    const w = env.world;
    const inst =
      own(w.ec2.instances, contextName) ??
      Object.values(w.ec2.instances).find((h) => h.name === contextName);
    if (!inst || inst.state === 'terminated')
      return output(
        fail(
          `context "${contextName}": context not found: no Docker host ${contextName} in the sandbox (docker context ls lists them)`,
          1,
        ),
      );
    if (inst.bootstrap !== 'docker') {
      if (command.name === 'ps' && inst.state === 'running') {
        return output(ecsHostPs(env.world, inst, flags['all'] === true, flags['quiet'] === true));
      }
      return output(
        fail(
          `${inst.id} is an ECS container instance: its containers are managed by the ECS agent. The sandbox lets \`docker ps\` show them and refuses to change them; start, stop and remove tasks with the aws ecs commands. (On a real host docker would do it: the task stops and the service scheduler starts a replacement. This is the sandbox's own message, not Docker's.)`,
          1,
        ),
      );
    }
    if (inst.state !== 'running') {
      return output(
        fail(
          `error during connect: ${inst.id} is ${inst.state}: cannot reach the Docker daemon`,
          1,
        ),
      );
    }
    host = inst;
  }
  return command.run(flags, positionals, env, host);
}
