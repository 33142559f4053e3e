import { describe, expect, it } from 'vitest';
import { runCommandLine, type CliEnv } from '../../sandbox/cli/index.ts';
import { ecsWorld } from './worlds.ts';

const world = ecsWorld();
const env: CliEnv = { world, files: {}, session: { dockerContext: null } };
const ecsA = Object.values(world.ec2.instances).find((i) => i.name === 'ecs-a')!;

describe('docker on an ECS container instance (a shell on the host, simulated)', () => {
  it('docker ps lists the ECS agent and the task containers, named as the agent names them', () => {
    const task = Object.values(world.ecs.tasks).find((t) => t.instanceId === ecsA.id)!;
    const outcome = runCommandLine(`docker --context ${ecsA.id} ps`, env);
    expect(outcome.output).toEqual({
      stdout: [
        'CONTAINER ID   IMAGE                            COMMAND                  CREATED         STATUS                   PORTS   NAMES',
        `${ecsA.id.slice(-12)}   amazon/amazon-ecs-agent:latest   "/agent"                 3 minutes ago   Up 3 minutes (healthy)           ecs-agent`,
        `${task.id.slice(0, 12)}   nginx:1.27                       "docker-entrypoint.s…"   3 minutes ago   Up 3 minutes                     ecs-web-1-web-${task.id.slice(0, 20)}`,
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(outcome.world).toBe(world);
  });

  it('refuses to change containers ECS owns as the sandbox’s rule, not Docker’s, and says what to use instead', () => {
    const outcome = runCommandLine(`docker --context ${ecsA.id} stop web`, env);
    expect(outcome.output).toEqual({
      stdout: '',
      stderr: `${ecsA.id} is an ECS container instance: its containers are managed by the ECS agent. The sandbox lets \`docker ps\` show them and refuses to change them; start, stop and remove tasks with the aws ecs commands. (On a real host docker would do it: the task stops and the service scheduler starts a replacement. This is the sandbox's own message, not Docker's.)`,
      exitCode: 1,
    });
    expect(outcome.world).toBe(world);
  });
});
