import { describe, expect, it } from 'vitest';
import { runCommandLine, type CliEnv } from '../../sandbox/cli/index.ts';
import { ecsWorld } from './worlds.ts';

const world = ecsWorld();
const env: CliEnv = { world, files: {}, session: { dockerContext: null } };
/** The sandbox's VPC: one subnet per AZ of eu-west-3 and one security group (sandbox/model/vpc.ts). */
const NETWORK =
  "--network-configuration 'awsvpcConfiguration={subnets=[subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071],securityGroups=[sg-0123456789abcdef0],assignPublicIp=DISABLED}'";

describe('aws ecs run-task with an awsvpc task definition (web:1 is awsvpc)', () => {
  it('is refused without --network-configuration, as RunTask refuses it, and changes nothing', () => {
    const outcome = runCommandLine(
      'aws ecs run-task --cluster demo --task-definition web:1 --count 1 --launch-type EC2',
      env,
    );
    expect(outcome.output.exitCode).toBe(254);
    expect(outcome.output.stderr).toBe(
      "\nAn error occurred (InvalidParameterException) when calling the RunTask operation: Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
    expect(outcome.world).toBe(world);
  });

  it('runs with it, and records the command, which parses back to the same action', () => {
    const line = `aws ecs run-task --cluster demo --task-definition web:1 --count 1 --launch-type EC2 ${NETWORK}`;
    const outcome = runCommandLine(line, env);
    expect(outcome.output.exitCode).toBe(0);
    const started = Object.values(outcome.world.ecs.tasks).filter(
      (t) => !Object.hasOwn(world.ecs.tasks, t.id),
    );
    expect(started.map((t) => [t.taskDefinition, t.launchType, t.group])).toEqual([
      ['web:1', 'EC2', 'family:web'],
    ]);
    expect(outcome.world.log.at(-1)?.action).toEqual({
      type: 'ecs.task.run',
      taskDefinition: 'web:1',
      count: 1,
      launchType: 'EC2',
    });
    const recorded = outcome.world.events.at(-1)!;
    expect(recorded.message).toBe(`Started 1 task(s): ${started[0]!.id}.`);
    expect(recorded.command).toBe(line);
    const again = runCommandLine(recorded.command!, env);
    expect(again.world.log.at(-1)?.action).toEqual(outcome.world.log.at(-1)?.action);
  });
});
