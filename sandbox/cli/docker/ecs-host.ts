/** `docker ps` on an ECS container instance (read-only: ECS owns these containers). */
import { containerInstanceOf } from '../../engine/queries.ts';
import { own } from '../../model/record.ts';
import type { Instance, World } from '../../model/types.ts';
import { columns, humanDuration } from '../format.ts';
import type { CommandOutput } from '../types.ts';
import { ok } from '../types.ts';

/**
 * `docker ps` on an ECS container instance: the ECS agent's own container and one container per
 * container definition of each task on the host, named the way the agent names them
 * (`ecs-<family>-<revision>-<container>-<id>`). Read-only: ECS owns these containers.
 */
export function ecsHostPs(
  world: World,
  host: Instance,
  all: boolean,
  quiet: boolean,
): CommandOutput {
  const agentStarted = host.launchedAt;
  const rows: Array<{ id: string; image: string; started: number; status: string; name: string }> =
    [
      {
        id: host.id.slice(-12).padStart(12, '0'),
        image: 'amazon/amazon-ecs-agent:latest',
        started: agentStarted,
        status:
          containerInstanceOf(world, host.id)?.connected === false
            ? 'Exited (1) 5 seconds ago'
            : `Up ${humanDuration(world.time - agentStarted)} (healthy)`,
        name: 'ecs-agent',
      },
    ];
  const tasks = Object.values(world.ecs.tasks)
    .filter((t) => t.instanceId === host.id)
    .filter((t) =>
      all ? t.startedAt !== undefined : t.lastStatus === 'RUNNING' && t.startedAt !== undefined,
    );
  for (const task of tasks) {
    const definition = own(world.ecs.taskDefinitions, task.taskDefinition);
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
