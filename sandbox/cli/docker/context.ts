/** `docker context ls | use | show`: one context per Docker host in the sandbox. */
import type { DockerCommand } from './command.ts';
import { output } from '../outcome.ts';
import { fail, ok } from '../types.ts';
import { columns } from '../format.ts';
import { dockerHosts, resolveHost } from './command.ts';

export const context: DockerCommand = {
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
