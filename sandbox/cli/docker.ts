/**
 * `docker …` against the sandbox's plain Docker hosts (lesson why-orchestration).
 * A host is reached with `docker --context <instance-id> …` or after `docker context use <id>`.
 */
import type { Action } from '../model/actions.ts';
import type { Container, Instance, World } from '../model/types.ts';
import { dockerStatus } from './describe.ts';
import { columns, humanDuration } from './format.ts';
import { applyAll, output } from './operation.ts';
import type { CliEnv, CliOutcome, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

interface DockerFlag {
  long: string;
  short?: string;
  value: boolean;
  help: string;
}

export interface DockerCommand {
  name: string;
  usage: string;
  summary: string;
  flags: DockerFlag[];
  /** Minimum number of positional arguments. */
  minArgs: number;
  run: (
    flags: Record<string, string | true>,
    positionals: string[],
    env: CliEnv,
    host: Instance | null,
  ) => CliOutcome;
}

const usageError = (cmd: string, text: string): CommandOutput =>
  fail(`${text}\nSee 'docker ${cmd} --help'.`, 125);

/** Docker's `--memory` values: bytes, or a number with b/k/m/g. */
export function parseMemory(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([bkmg]?)$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const bytes =
    unit === 'g' ? n * 1024 ** 3 : unit === 'm' ? n * 1024 ** 2 : unit === 'k' ? n * 1024 : n;
  return Math.round(bytes / 1024 ** 2);
}

function daemonError(text: string): CommandOutput {
  return fail(`Error response from daemon: ${text}`, 1);
}

/** Containers on this host, found by name or by a unique id prefix, as Docker does. */
function findOnHost(world: World, host: Instance, ref: string): Container | null {
  const onHost = Object.values(world.containers).filter((c) => c.hostId === host.id);
  const byName = onHost.find((c) => c.name === ref || `/${c.name}` === ref);
  if (byName) return byName;
  const byId = onHost.filter((c) => c.id.startsWith(ref));
  return byId.length === 1 ? (byId[0] as Container) : null;
}

function shortId(id: string): string {
  return id
    .replace(/[^0-9a-f]/g, '')
    .padEnd(12, '0')
    .slice(0, 12);
}

const run: DockerCommand = {
  name: 'run',
  usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  summary: 'Create and run a new container from an image',
  flags: [
    {
      long: 'detach',
      short: 'd',
      value: false,
      help: 'Run container in background and print container ID',
    },
    { long: 'name', value: true, help: 'Assign a name to the container' },
    { long: 'cpus', value: true, help: 'Number of CPUs (0.5 = 512 CPU units)' },
    { long: 'memory', short: 'm', value: true, help: 'Memory limit (e.g. 512m, 1g)' },
    { long: 'interactive', short: 'i', value: false, help: 'Keep STDIN open (accepted)' },
    { long: 'tty', short: 't', value: false, help: 'Allocate a pseudo-TTY (accepted)' },
  ],
  minArgs: 1,
  run(flags, positionals, env, host) {
    if (!host) return output(noHost());
    const image = positionals[0] as string;
    const w = env.world;
    const tray = Object.values(w.containers).filter((c) => c.hostId === null);
    const name = typeof flags['name'] === 'string' ? flags['name'] : undefined;
    const candidate =
      name !== undefined ? tray.find((c) => c.name === name) : tray.find((c) => c.image === image);
    if (
      name !== undefined &&
      Object.values(w.containers).some((c) => c.name === name && c.hostId !== null)
    ) {
      const other = Object.values(w.containers).find((c) => c.name === name) as Container;
      return output(
        fail(
          `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${shortId(other.id)}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.`,
          125,
        ),
      );
    }
    if (!candidate) {
      const waiting = tray.map((c) => `${c.name} (${c.image})`).join(', ') || 'none';
      return output(
        fail(
          `docker: Error response from daemon: the sandbox has no container ${name !== undefined ? `named "${name}"` : `for image ${image}`} waiting to run. Waiting to be placed: ${waiting}.`,
          125,
        ),
      );
    }
    if (candidate.image !== image) {
      return output(
        fail(
          `docker: the container "${candidate.name}" runs ${candidate.image}, not ${image}.\nSee 'docker run --help'.`,
          125,
        ),
      );
    }
    if (typeof flags['cpus'] === 'string') {
      const cpus = Number(flags['cpus']);
      if (!Number.isFinite(cpus) || cpus <= 0)
        return output(
          usageError(
            'run',
            `invalid argument "${flags['cpus']}" for "--cpus" flag: failed to parse ${flags['cpus']} as a rational number`,
          ),
        );
      // `--cpus` has two decimals, as the view's command prints it.
      if (Math.round(cpus * 100) !== Math.round((candidate.cpu / 1024) * 100)) {
        return output(
          fail(
            `docker: ${candidate.name} is declared with --cpus ${Math.round((candidate.cpu / 1024) * 100) / 100} in this scenario; run it with that value (or leave --cpus out).`,
            125,
          ),
        );
      }
    }
    if (typeof flags['memory'] === 'string') {
      const mib = parseMemory(flags['memory']);
      if (mib === null)
        return output(
          usageError(
            'run',
            `invalid argument "${flags['memory']}" for "-m, --memory" flag: invalid size: '${flags['memory']}'`,
          ),
        );
      if (mib !== candidate.memoryMiB) {
        return output(
          fail(
            `docker: ${candidate.name} is declared with --memory ${candidate.memoryMiB}m in this scenario; run it with that value (or leave --memory out).`,
            125,
          ),
        );
      }
    }
    const action: Action = {
      type: 'docker.container.place',
      containerId: candidate.id,
      hostId: host.id,
    };
    return applyAll(
      w,
      [action],
      (e) => fail(`docker: Error response from daemon: ${e}`, 125),
      () => ok(candidate.id),
    );
  },
};

const ps: DockerCommand = {
  name: 'ps',
  usage: 'docker ps [OPTIONS]',
  summary: 'List containers',
  flags: [
    {
      long: 'all',
      short: 'a',
      value: false,
      help: 'Show all containers (default shows just running)',
    },
    { long: 'quiet', short: 'q', value: false, help: 'Only display container IDs' },
  ],
  minArgs: 0,
  run(flags, _positionals, env, host) {
    if (!host) return output(noHost());
    const w = env.world;
    const list = Object.values(w.containers)
      .filter((c) => c.hostId === host.id && (flags['all'] === true || c.state === 'running'))
      .sort((a, b) => (b.startedAt ?? -1) - (a.startedAt ?? -1) || a.name.localeCompare(b.name));
    if (flags['quiet'] === true) return output(ok(list.map((c) => shortId(c.id)).join('\n')));
    const rows = list.map((c) => [
      shortId(c.id),
      c.image,
      '"docker-entrypoint.s…"',
      `${humanDuration(w.time - (c.startedAt ?? w.time))} ago`,
      dockerStatus(c, w.time),
      '',
      c.name,
    ]);
    return output(
      ok(
        columns(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], rows),
      ),
    );
  },
};

/**
 * `docker ps` on an ECS container instance: the ECS agent's own container and one container per
 * container definition of each task on the host, named the way the agent names them
 * (`ecs-<family>-<revision>-<container>-<id>`). Read-only: ECS owns these containers.
 */
function ecsHostPs(world: World, host: Instance, all: boolean, quiet: boolean): CommandOutput {
  const agentStarted = host.launchedAt;
  const rows: Array<{ id: string; image: string; started: number; status: string; name: string }> =
    [
      {
        id: host.id.slice(-12).padStart(12, '0'),
        image: 'amazon/amazon-ecs-agent:latest',
        started: agentStarted,
        status:
          host.agent?.connected === false
            ? 'Exited (1) 5 seconds ago'
            : `Up ${humanDuration(world.time - agentStarted)} (healthy)`,
        name: 'ecs-agent',
      },
    ];
  const tasks = Object.values(world.tasks)
    .filter((t) => t.instanceId === host.id)
    .filter((t) =>
      all ? t.startedAt !== undefined : t.lastStatus === 'RUNNING' && t.startedAt !== undefined,
    );
  for (const task of tasks) {
    const definition = world.taskDefinitions[task.taskDefinition];
    const [family = task.taskDefinition, revision = ''] = task.taskDefinition.split(':');
    for (const [index, container] of (definition?.containerDefinitions ?? []).entries()) {
      const started = task.startedAt ?? world.time;
      const status =
        task.lastStatus === 'RUNNING'
          ? `Up ${humanDuration(world.time - started)}`
          : `Exited (${task.stopCode === 'EssentialContainerExited' ? 1 : 0}) ${humanDuration(world.time - (task.stoppedAt ?? world.time))} ago`;
      rows.push({
        id: task.id.slice(index, index + 12),
        image: container.image,
        started,
        status,
        name: `ecs-${family}-${revision}-${container.name}-${task.id.slice(0, 20)}`,
      });
    }
  }
  rows.sort((a, b) => b.started - a.started || a.name.localeCompare(b.name));
  if (quiet) return ok(rows.map((r) => r.id).join('\n'));
  return ok(
    columns(
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      rows.map((r) => [
        r.id,
        r.image,
        r.name === 'ecs-agent' ? '"/agent"' : '"docker-entrypoint.s…"',
        `${humanDuration(world.time - r.started)} ago`,
        r.status,
        '',
        r.name,
      ]),
    ),
  );
}

function lifecycle(
  name: 'start' | 'stop' | 'rm',
  type: 'docker.container.start' | 'docker.container.stop' | 'docker.container.remove',
  summary: string,
): DockerCommand {
  return {
    name,
    usage: `docker ${name} [OPTIONS] CONTAINER [CONTAINER...]`,
    summary,
    flags: [],
    minArgs: 1,
    run(_flags, positionals, env, host) {
      if (!host) {
        // Containers still in the tray were never created on a host: `docker rm` discards them.
        const tray = positionals.map((ref) =>
          Object.values(env.world.containers).find(
            (c) => c.hostId === null && (c.name === ref || c.id === ref),
          ),
        );
        if (name !== 'rm' || tray.some((c) => c === undefined)) return output(noHost());
        const discard: Action[] = tray.map((c) => ({ type, containerId: (c as Container).id }));
        return applyAll(
          env.world,
          discard,
          (e) => daemonError(e),
          () => ok(positionals.join('\n')),
        );
      }
      const actions: Action[] = [];
      for (const ref of positionals) {
        const c = findOnHost(env.world, host, ref);
        if (!c) return output(daemonError(`No such container: ${ref}`));
        if (name === 'rm' && c.state === 'running') {
          return output(
            daemonError(
              `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`,
            ),
          );
        }
        actions.push({ type, containerId: c.id });
      }
      return applyAll(
        env.world,
        actions,
        (e) => daemonError(e),
        () => ok(positionals.join('\n')),
      );
    },
  };
}

const context: DockerCommand = {
  name: 'context',
  usage: 'docker context COMMAND (ls | use NAME | show)',
  summary: 'Manage contexts: one per Docker host in the sandbox',
  flags: [],
  minArgs: 1,
  run(_flags, positionals, env) {
    const w = env.world;
    const hosts = dockerHosts(w);
    const sub = positionals[0];
    if (sub === 'ls' || sub === 'list') {
      const current = env.session.dockerContext;
      const rows = [
        [
          `default${current === null ? ' *' : ''}`,
          'Current DOCKER_HOST based configuration',
          'unix:///var/run/docker.sock',
        ],
        ...hosts.map((h) => [
          `${h.id}${current === h.id ? ' *' : ''}`,
          `${h.name ?? h.type} in ${h.az} (${h.state})`,
          `ssh://ec2-user@${h.id}`,
        ]),
      ];
      return output(ok(columns(['NAME', 'DESCRIPTION', 'DOCKER ENDPOINT'], rows)));
    }
    if (sub === 'show') return output(ok(env.session.dockerContext ?? 'default'));
    if (sub === 'use') {
      const target = positionals[1];
      if (target === undefined)
        return output(
          fail(
            `"docker context use" requires exactly 1 argument.\nSee 'docker context use --help'.\n\nUsage:  docker context use CONTEXT`,
            1,
          ),
        );
      if (target === 'default')
        return {
          kind: 'output',
          output: { stdout: 'default', stderr: 'Current context is now "default"', exitCode: 0 },
          session: { dockerContext: null },
        };
      const host = resolveHost(w, target);
      if (!host) return output(fail(`context "${target}" does not exist`, 1));
      return {
        kind: 'output',
        output: { stdout: host.id, stderr: `Current context is now "${host.id}"`, exitCode: 0 },
        session: { dockerContext: host.id },
      };
    }
    return output(
      fail(
        `docker: 'context ${sub ?? ''}' is not a docker command.\nSee 'docker context --help'`,
        1,
      ),
    );
  },
};

export const DOCKER_COMMANDS: DockerCommand[] = [
  context,
  ps,
  lifecycle('rm', 'docker.container.remove', 'Remove one or more containers'),
  run,
  lifecycle('start', 'docker.container.start', 'Start one or more stopped containers'),
  lifecycle('stop', 'docker.container.stop', 'Stop one or more running containers'),
];

export function dockerHosts(world: World): Instance[] {
  return Object.values(world.instances).filter(
    (i) => i.software === 'docker' && i.state !== 'terminated',
  );
}

function resolveHost(world: World, ref: string): Instance | null {
  return (
    dockerHosts(world).find((h) => h.id === ref || (h.name !== null && h.name === ref)) ?? null
  );
}

function noHost(): CommandOutput {
  return fail(
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' +
      '(The sandbox has no local Docker: pick a host with `docker --context <instance-id> …` or `docker context use <instance-id>`; `docker context ls` lists them.)',
    1,
  );
}

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
        flags[flag.long] = value;
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
          flags[flag.long] = value;
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
      w.instances[contextName] ?? Object.values(w.instances).find((h) => h.name === contextName);
    if (!inst || inst.state === 'terminated')
      return output(
        fail(
          `context "${contextName}": context not found: no Docker host ${contextName} in the sandbox (docker context ls lists them)`,
          1,
        ),
      );
    if (inst.software !== 'docker') {
      if (command.name === 'ps' && inst.state === 'running') {
        return output(ecsHostPs(env.world, inst, flags['all'] === true, flags['quiet'] === true));
      }
      return output(
        fail(
          `${inst.id} is an ECS container instance: its containers are managed by the ECS agent. \`docker ps\` shows them; start, stop and remove them with the aws ecs commands.`,
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
