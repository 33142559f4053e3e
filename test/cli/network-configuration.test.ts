/**
 * --network-configuration on create-service, update-service and run-task: the subnets and
 * security groups must be the account's (the sandbox VPC's: sandbox/model/vpc.ts), as AWS
 * checks them; the service keeps what it was given, describe-services and the recorded command
 * show it, and its tasks go only in the AZs of its subnets, on Fargate and on EC2.
 * Messages: CreateService's "Error retrieving subnet information for [...]" with EC2's
 * InvalidSubnetID.NotFound, "subnets can not be empty.", and "Network Configuration is not valid
 * for the given networkMode of this task definition." (aws-facts.md §7: a service with one
 * subnet has no AZ redundancy).
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';
import { taskList } from '../../sandbox/engine/task-list.ts';
import { ecsWorld } from './worlds.ts';

const session: CliSession = { dockerContext: null };
const run = (line: string, world: World) => runCommandLine(line, { world, files: {}, session });
const net = (inner: string) => `--network-configuration 'awsvpcConfiguration={${inner}}'`;
const CREATE =
  'aws ecs create-service --cluster demo --service-name shop --task-definition web:1 --desired-count 3 --launch-type FARGATE';
const SG = 'sg-0123456789abcdef0';
const error = (api: string, message: string) => ({
  stdout: '',
  stderr: `\nAn error occurred (InvalidParameterException) when calling the ${api} operation: ${message}`,
  exitCode: 254,
});

/** The subnet error CreateService and RunTask give, with EC2's code inside. */
const noSubnet = (id: string) =>
  `Error retrieving subnet information for [${id}]: The subnet ID '${id}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`;

/** A command refused with InvalidParameterException and this message, the world left as it was. */
function expectRefused(line: string, world: World, api: string, message: string): void {
  const r = run(line, world);
  expect(r.output).toEqual(error(api, message));
  expect(r.world).toBe(world);
}

/** The AZs of the tasks a run-task answered with, in its order. */
function startedAzs(stdout: string): string[] {
  return (JSON.parse(stdout) as { tasks: { availabilityZone: string }[] }).tasks.map(
    (t) => t.availabilityZone,
  );
}

/** Running tasks of a service, by AZ. */
function tasksByAz(world: World, service: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of taskList(world))
    if (t.service === service && t.lastStatus === 'RUNNING' && t.az)
      out[t.az] = (out[t.az] ?? 0) + 1;
  return out;
}

describe('subnets and security groups the account does not have are refused, and nothing changes', () => {
  const world = ecsWorld();

  it('a subnet ID of another account (the one lesson fargate once showed)', () => {
    expectRefused(
      `${CREATE} ${net(`subnets=[subnet-0a1b2c3d4e5f6071,subnet-4e5f6a7b],securityGroups=[${SG}]`)}`,
      world,
      'CreateService',
      noSubnet('subnet-4e5f6a7b'),
    );
  });

  it('a security group the VPC does not have', () => {
    expectRefused(
      `${CREATE} ${net('subnets=[subnet-0a1b2c3d4e5f6071],securityGroups=[sg-0123abcd]')}`,
      world,
      'CreateService',
      "Error retrieving security group information for [sg-0123abcd]: The security group 'sg-0123abcd' does not exist (ErrorCode: InvalidGroup.NotFound)",
    );
  });

  it('no subnet at all', () => {
    expectRefused(
      `${CREATE} ${net('subnets=[]')}`,
      world,
      'CreateService',
      'subnets can not be empty.',
    );
  });

  it('run-task checks them too', () => {
    expectRefused(
      `aws ecs run-task --cluster demo --task-definition web:1 --launch-type FARGATE ${net('subnets=[subnet-0a1b2c3d]')}`,
      world,
      'RunTask',
      noSubnet('subnet-0a1b2c3d'),
    );
  });

  it('botocore refuses the shape first: a missing subnets, an unknown member', () => {
    const missing = run(`${CREATE} ${net(`securityGroups=[${SG}]`)}`, world);
    expect(missing.output).toEqual({
      stdout: '',
      stderr:
        '\nParameter validation failed:\nMissing required parameter in networkConfiguration.awsvpcConfiguration: "subnets"',
      exitCode: 252,
    });
    const unknown = run(`${CREATE} ${net('subnets=[subnet-0a1b2c3d4e5f6071],vpc=vpc-1')}`, world);
    expect(unknown.output.stderr).toBe(
      '\nParameter validation failed:\nUnknown parameter in networkConfiguration.awsvpcConfiguration: "vpc", must be one of: subnets, securityGroups, assignPublicIp',
    );
    expect(unknown.world).toBe(world);
  });
});

describe('a bridge task definition takes no network configuration', () => {
  it('is refused as AWS refuses it', () => {
    const base = ecsWorld();
    const registered = applyAction(base, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'legacy',
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: [
          { name: 'legacy', image: 'nginx:1.27', memory: 256, essential: true },
        ],
      },
    });
    expect(registered.result.ok).toBe(true);
    expectRefused(
      `aws ecs create-service --cluster demo --service-name legacy --task-definition legacy:1 --desired-count 1 --launch-type EC2 ${net('subnets=[subnet-0a1b2c3d4e5f6071]')}`,
      registered.world,
      'CreateService',
      'Network Configuration is not valid for the given networkMode of this task definition.',
    );
  });
});

describe('a Fargate service given one subnet', () => {
  const created = run(
    `${CREATE} ${net(`subnets=[subnet-0b1b2c3d4e5f6071],securityGroups=[${SG}],assignPublicIp=ENABLED`)}`,
    ecsWorld(),
  );
  const later = advance(created.world, 120);

  it('is created with that network, and describe-services shows it', () => {
    expect(created.output.exitCode).toBe(0);
    const described = JSON.parse(
      run('aws ecs describe-services --cluster demo --services shop', later).output.stdout,
    ) as { services: { networkConfiguration: unknown }[] };
    expect(described.services[0]!.networkConfiguration).toEqual({
      awsvpcConfiguration: {
        subnets: ['subnet-0b1b2c3d4e5f6071'],
        securityGroups: [SG],
        assignPublicIp: 'ENABLED',
      },
    });
  });

  it('records the command with that network', () => {
    expect(created.world.events.findLast((e) => e.command !== undefined)?.command ?? '').toContain(
      `--network-configuration 'awsvpcConfiguration={subnets=[subnet-0b1b2c3d4e5f6071],securityGroups=[${SG}],assignPublicIp=ENABLED}'`,
    );
  });

  it('runs every task in eu-west-3b, and none elsewhere when eu-west-3b fails', () => {
    expect(tasksByAz(later, 'shop')).toEqual({ 'eu-west-3b': 3 });
    const outage = applyAction(later, { type: 'fault.az-outage', az: 'eu-west-3b' });
    expect(outage.result.ok).toBe(true);
    const after = advance(outage.world, 300);
    expect(tasksByAz(after, 'shop')).toEqual({});
  });

  it('update-service gives it every subnet again, and the tasks spread over three AZs', () => {
    const back = run(
      `aws ecs update-service --cluster demo --service shop --desired-count 6 ${net(
        `subnets=[subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071],securityGroups=[${SG}],assignPublicIp=DISABLED`,
      )}`,
      later,
    );
    expect(back.output.exitCode).toBe(0);
    expect(back.world.ecs.services['shop']?.network?.subnets).toEqual([
      'subnet-0a1b2c3d4e5f6071',
      'subnet-0b1b2c3d4e5f6071',
      'subnet-0c1b2c3d4e5f6071',
    ]);
    // The three new tasks go to the AZs with the fewest (a, c, a); AZ rebalancing then moves
    // one of eu-west-3b's three to eu-west-3c.
    expect(tasksByAz(advance(back.world, 900), 'shop')).toEqual({
      'eu-west-3a': 2,
      'eu-west-3b': 2,
      'eu-west-3c': 2,
    });
  });
});

describe('a network that differs from the default only in its public IP', () => {
  it('is kept: describe-services shows assignPublicIp ENABLED', () => {
    const created = run(
      `${CREATE} ${net(`subnets=[subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071],securityGroups=[${SG}],assignPublicIp=ENABLED`)}`,
      ecsWorld(),
    );
    expect(created.output.exitCode).toBe(0);
    expect(created.world.ecs.services['shop']?.network?.assignPublicIp).toBe('ENABLED');
  });
});

describe('an awsvpc service on EC2 given one subnet', () => {
  it('places its tasks only on the instance in that subnet (ecs-a in eu-west-3a)', () => {
    const created = run(
      `aws ecs create-service --cluster demo --service-name api --task-definition web:1 --desired-count 2 --launch-type EC2 ${net('subnets=[subnet-0a1b2c3d4e5f6071]')}`,
      ecsWorld(),
    );
    expect(created.output.exitCode).toBe(0);
    expect(tasksByAz(advance(created.world, 120), 'api')).toEqual({ 'eu-west-3a': 2 });
  });
});

describe('run-task with one subnet', () => {
  it("starts each Fargate task in that subnet's AZ, and records the command with it", () => {
    const started = run(
      `aws ecs run-task --cluster demo --task-definition web:1 --count 3 --launch-type FARGATE ${net(`subnets=[subnet-0c1b2c3d4e5f6071],securityGroups=[${SG}]`)}`,
      ecsWorld(),
    );
    expect(started.output.exitCode).toBe(0);
    expect(startedAzs(started.output.stdout)).toEqual(['eu-west-3c', 'eu-west-3c', 'eu-west-3c']);
    expect(started.world.events.findLast((e) => e.command !== undefined)?.command).toBe(
      `aws ecs run-task --cluster demo --task-definition web:1 --count 3 --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[subnet-0c1b2c3d4e5f6071],securityGroups=[${SG}],assignPublicIp=DISABLED}'`,
    );
  });

  it('places an awsvpc task on EC2 only on an instance in that subnet (ecs-b in eu-west-3b)', () => {
    const started = run(
      `aws ecs run-task --cluster demo --task-definition web:1 --count 2 --launch-type EC2 ${net('subnets=[subnet-0b1b2c3d4e5f6071]')}`,
      ecsWorld(),
    );
    expect(started.output.exitCode).toBe(0);
    expect(startedAzs(started.output.stdout)).toEqual(['eu-west-3b', 'eu-west-3b']);
  });

  it('with its only AZ down, starts nothing and changes nothing', () => {
    const down = applyAction(ecsWorld(), { type: 'fault.az-outage', az: 'eu-west-3c' }).world;
    expectRefused(
      `aws ecs run-task --cluster demo --task-definition web:1 --launch-type FARGATE ${net('subnets=[subnet-0c1b2c3d4e5f6071]')}`,
      down,
      'RunTask',
      "RunTask failures: the sandbox has no Availability Zone of the task's subnets up (eu-west-3c down).",
    );
  });
});

describe('the action a share link or a result file carries is checked by the engine too', () => {
  const world = ecsWorld();
  const create = (network: unknown) =>
    applyAction(world, {
      type: 'ecs.service.create',
      serviceName: 'shop',
      taskDefinition: 'web:1',
      desiredCount: 1,
      launchType: 'FARGATE',
      network,
    } as never);

  it('a subnet the world does not have is refused with the field named, and nothing changes', () => {
    const r = create({ subnets: ['subnet-0d1b2c3d4e5f6071'] });
    expect(r.result).toEqual({
      ok: false,
      field: 'networkConfiguration.awsvpcConfiguration.subnets',
      error: `InvalidParameterException: ${noSubnet('subnet-0d1b2c3d4e5f6071')}`,
    });
    expect(r.world).toBe(world);
  });

  it('markup in a subnet ID is refused by the schema before any handler reads it', () => {
    const r = create({ subnets: ['<img src=x onerror=alert(1)>'] });
    expect(r.result.ok).toBe(false);
    expect(r.result.ok ? '' : r.result.error).toBe(
      'network.subnets.0: must be an ID such as subnet-0a1b2c3d4e5f6071 or sg-0123456789abcdef0',
    );
    expect(r.world).toBe(world);
  });
});
