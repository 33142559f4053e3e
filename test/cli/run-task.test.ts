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

describe('aws ecs run-task with placement', () => {
  it('on Fargate, a strategy or a constraint is refused with the InvalidParameterException AWS gives', () => {
    const strategy = runCommandLine(
      `aws ecs run-task --cluster demo --task-definition web:1 --launch-type FARGATE --placement-strategy type=spread,field=attribute:ecs.availability-zone ${NETWORK}`,
      env,
    );
    expect(strategy.output).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (InvalidParameterException) when calling the RunTask operation: Placement strategies are not supported with FARGATE launch type.',
      exitCode: 254,
    });
    expect(strategy.world).toBe(world);
    const constraint = runCommandLine(
      `aws ecs run-task --cluster demo --task-definition web:1 --launch-type FARGATE --placement-constraints type=distinctInstance ${NETWORK}`,
      env,
    );
    expect(constraint.output.stderr).toBe(
      '\nAn error occurred (InvalidParameterException) when calling the RunTask operation: Placement constraints are not supported with FARGATE launch type.',
    );
    expect(constraint.world).toBe(world);
  });

  it('on EC2, the sandbox says in its own words that it does not model them, and changes nothing', () => {
    const outcome = runCommandLine(
      `aws ecs run-task --cluster demo --task-definition web:1 --launch-type EC2 --placement-strategy type=binpack,field=memory ${NETWORK}`,
      env,
    );
    expect(outcome.output).toEqual({
      stdout: '',
      stderr:
        "\nThe sandbox places standalone tasks on EC2 with its default spread and does not model run-task's --placement-strategy or --placement-constraints there; services take them (create-service, update-service). (This is the sandbox's own message, not AWS's.)",
      exitCode: 254,
    });
    expect(outcome.world).toBe(world);
  });

  it('a strategy of an unknown type gets the parameter error create-service gives', () => {
    expect(
      runCommandLine(
        `aws ecs run-task --cluster demo --task-definition web:1 --launch-type FARGATE --placement-strategy type=pack ${NETWORK}`,
        env,
      ).output.stderr,
    ).toBe(
      runCommandLine(
        'aws ecs create-service --cluster demo --service-name x --task-definition web:1 --placement-strategy type=pack',
        env,
      ).output.stderr,
    );
  });
});
