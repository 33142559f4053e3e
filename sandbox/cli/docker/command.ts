/** What every `docker` command shares: its record, Docker's error shapes, and finding containers on a host. */
import type { Container, Instance, World } from '../../model/types.ts';
import type { CliEnv, CliOutcome, CommandOutput } from '../types.ts';
import { fail } from '../types.ts';

/**
 * `docker …` against the sandbox's plain Docker hosts (lesson why-orchestration).
 * A host is reached with `docker --context <instance-id> …` or after `docker context use <id>`.
 */
export interface DockerFlag {
  long: string;
  short?: string;
  value: boolean;
  /** A value flag that may repeat (`-t a -t b`): its values are joined with newlines. */
  multiple?: boolean;
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

export const usageError = (cmd: string, text: string): CommandOutput =>
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

export function daemonError(text: string): CommandOutput {
  return fail(`Error response from daemon: ${text}`, 1);
}

/** Containers on this host, found by name or by a unique id prefix, as Docker does. */
export function findOnHost(world: World, host: Instance, ref: string): Container | null {
  const onHost = Object.values(world.docker.containers).filter((c) => c.hostId === host.id);
  const byName = onHost.find((c) => c.name === ref || `/${c.name}` === ref);
  if (byName) return byName;
  const byId = onHost.filter((c) => c.id.startsWith(ref));
  return byId.length === 1 ? (byId[0] as Container) : null;
}

export function shortId(id: string): string {
  return id
    .replace(/[^0-9a-f]/g, '')
    .padEnd(12, '0')
    .slice(0, 12);
}

export function noHost(): CommandOutput {
  return fail(
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' +
      '(The sandbox has no local Docker: pick a host with `docker --context <instance-id> …` or `docker context use <instance-id>`; `docker context ls` lists them.)',
    1,
  );
}

export function dockerHosts(world: World): Instance[] {
  return Object.values(world.ec2.instances).filter(
    (i) => i.bootstrap === 'docker' && i.state !== 'terminated',
  );
}

export function resolveHost(world: World, ref: string): Instance | null {
  return (
    dockerHosts(world).find((h) => h.id === ref || (h.name !== null && h.name === ref)) ?? null
  );
}
