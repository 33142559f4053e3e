/** `docker run`, `ps`, `start`, `stop` and `rm` on a plain Docker host. */
import type { Action } from '../../model/actions.ts';
import type { Container } from '../../model/types.ts';
import { columns, humanDuration } from '../format.ts';
import { applyAll, output } from '../outcome.ts';
import { fail, ok } from '../types.ts';
import type { DockerCommand } from './command.ts';
import { daemonError, findOnHost, noHost, parseMemory, shortId, usageError } from './command.ts';

export const run: DockerCommand = {
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
    const tray = Object.values(w.docker.containers).filter((c) => c.hostId === null);
    const name = typeof flags['name'] === 'string' ? flags['name'] : undefined;
    const candidate =
      name !== undefined ? tray.find((c) => c.name === name) : tray.find((c) => c.image === image);
    if (
      name !== undefined &&
      Object.values(w.docker.containers).some((c) => c.name === name && c.hostId !== null)
    ) {
      const other = Object.values(w.docker.containers).find((c) => c.name === name) as Container;
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
      (e) => fail(doesNotFit(e) ?? `docker: Error response from daemon: ${e}`, 125),
      () => ok(candidate.id),
    );
  },
};

/**
 * The sandbox's refusal of a container that does not fit, told as the sandbox's: plain Docker
 * books no CPU or memory and would start it (aws-facts, plain Docker's memory).
 */
function doesNotFit(error: string): string | null {
  const refused = /^Refused: (.* does not fit on [\s\S]*)$/.exec(error);
  if (!refused) return null;
  return `docker: the sandbox refuses this container, as a scheduler would: ${refused[1]}\nA real Docker daemon books nothing and would start it; the host would run short of memory later. (This is the sandbox's own message, not Docker's.)`;
}

const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

type PsFilter =
  | { ok: true; status?: string; name?: string }
  | { ok: false; error: ReturnType<typeof daemonError> };

/** `--filter status=exited` or `--filter name=web`: a status filter lists stopped ones too, as Docker does. */
function psFilter(value: string | true | undefined): PsFilter {
  if (typeof value !== 'string') return { ok: true };
  const eq = value.indexOf('=');
  if (eq < 0)
    return {
      ok: false,
      error: usageError(
        'ps',
        `invalid argument "${value}" for "-f, --filter" flag: bad format of filter (expected name=value)`,
      ),
    };
  const key = value.slice(0, eq);
  const v = value.slice(eq + 1);
  if (key === 'status') {
    if (!STATUSES.includes(v))
      return { ok: false, error: daemonError(`invalid filter 'status=${v}'`) };
    return { ok: true, status: v };
  }
  if (key === 'name') return { ok: true, name: v.replace(/^\//, '') };
  return { ok: false, error: daemonError(`invalid filter '${key}'`) };
}

export const ps: DockerCommand = {
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
    {
      long: 'filter',
      short: 'f',
      value: true,
      help: 'Filter output based on conditions provided (status=running|exited|created, name=…)',
    },
    { long: 'quiet', short: 'q', value: false, help: 'Only display container IDs' },
  ],
  minArgs: 0,
  run(flags, _positionals, env, host) {
    if (!host) return output(noHost());
    const w = env.world;
    const filter = psFilter(flags['filter']);
    if (!filter.ok) return output(filter.error);
    const list = Object.values(w.docker.containers)
      .filter(
        (c) =>
          c.hostId === host.id &&
          (flags['all'] === true || filter.status !== undefined || c.state === 'running') &&
          (filter.status === undefined || c.state === filter.status) &&
          (filter.name === undefined || c.name.includes(filter.name)),
      )
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

export function lifecycle(
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
          Object.values(env.world.docker.containers).find(
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
        // Docker answers with the name and does nothing when the container already is there.
        if (
          (name === 'start' && c.state === 'running') ||
          (name === 'stop' && c.state !== 'running')
        )
          continue;
        actions.push({ type, containerId: c.id });
      }
      if (actions.length === 0) return output(ok(positionals.join('\n')));
      return applyAll(
        env.world,
        actions,
        (e) => daemonError(e),
        () => ok(positionals.join('\n')),
      );
    },
  };
}

export function dockerStatus(c: Container, now: number): string {
  if (c.state === 'running') return `Up ${humanDuration(now - (c.startedAt ?? now))}`;
  if (c.state === 'exited')
    return `Exited (${c.exitCode ?? 0}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
  return 'Created';
}
