/**
 * The cluster commands lesson ecs starts with, and the two steps lesson fargate teaches before
 * a service can move to Fargate: AWS refuses the move while the cluster has no FARGATE provider,
 * and refuses an awsvpc task definition without --network-configuration.
 */
import { describe, expect, it } from 'vitest';
import { advance, createWorld, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { ecsWorld } from './worlds.ts';

const session: CliSession = { dockerContext: null };
const run = (line: string, world: World, files: Record<string, string> = {}) =>
  runCommandLine(line, { world, files, session });

describe('create-cluster, describe-clusters, list-clusters', () => {
  const world = ecsWorld();

  it('create-cluster for the cluster that exists answers with it, unchanged (CreateCluster is idempotent)', () => {
    const r = run('aws ecs create-cluster --cluster-name demo', world);
    expect(r.output.exitCode).toBe(0);
    expect(r.world).toBe(world);
    expect(JSON.parse(r.output.stdout)).toEqual({
      cluster: {
        clusterArn: 'arn:aws:ecs:eu-west-3:123456789012:cluster/demo',
        clusterName: 'demo',
        status: 'ACTIVE',
        registeredContainerInstancesCount: 2,
        runningTasksCount: 2,
        pendingTasksCount: 0,
        activeServicesCount: 1,
        statistics: [],
        tags: [],
        settings: [{ name: 'containerInsights', value: 'disabled' }],
        capacityProviders: [],
        defaultCapacityProviderStrategy: [],
      },
    });
  });

  it('refuses different arguments for the same name, and a second cluster in the sandbox’s own words', () => {
    expect(
      run('aws ecs create-cluster --cluster-name demo --capacity-providers FARGATE', world).output,
    ).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (InvalidParameterException) when calling the CreateCluster operation: Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
      exitCode: 254,
    });
    expect(run('aws ecs create-cluster --cluster-name prod', world).output).toEqual({
      stdout: '',
      stderr:
        "\nThe sandbox holds one cluster per world, 'demo'; a second cluster ('prod') is not modelled. (This is the sandbox's own message, not AWS's.)",
      exitCode: 254,
    });
  });

  it('describe-clusters reports unknown names as MISSING failures; list-clusters lists the one ARN', () => {
    const described = JSON.parse(
      run('aws ecs describe-clusters --clusters demo constructor', world).output.stdout,
    );
    expect(described.clusters.map((c: { clusterName: string }) => c.clusterName)).toEqual(['demo']);
    expect(described.failures).toEqual([
      { arn: 'arn:aws:ecs:eu-west-3:123456789012:cluster/constructor', reason: 'MISSING' },
    ]);
    expect(JSON.parse(run('aws ecs list-clusters', world).output.stdout)).toEqual({
      clusterArns: ['arn:aws:ecs:eu-west-3:123456789012:cluster/demo'],
    });
  });
});

describe('moving a service to Fargate, as lesson fargate teaches it', () => {
  const world = advance(createWorld(loadScenario('fargate-service.yaml')), 120);
  const files = {
    'web-fargate.json': JSON.stringify({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
    }),
  };
  const registered = run(
    'aws ecs register-task-definition --cli-input-json file://web-fargate.json',
    world,
    files,
  ).world;
  const MOVE =
    'aws ecs update-service --cluster demo --service web --task-definition web:2 --capacity-provider-strategy capacityProvider=FARGATE,weight=1 --force-new-deployment';
  /** The sandbox VPC's subnets and security group, as the lesson gives them (sandbox/model/vpc.ts). */
  const NETWORK =
    "--network-configuration 'awsvpcConfiguration={subnets=[subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071],securityGroups=[sg-0123456789abcdef0]}'";
  const PUT =
    'aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1';

  it('refuses the move while the cluster has no FARGATE provider', () => {
    const r = run(`${MOVE} ${NETWORK}`, registered);
    expect(r.output).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (InvalidParameterException) when calling the UpdateService operation: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
      exitCode: 254,
    });
    expect(r.world).toBe(registered);
  });

  it('refuses the awsvpc revision without --network-configuration', () => {
    const withFargate = run(PUT, registered).world;
    expect(withFargate.ecs.cluster?.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(run(MOVE, withFargate).output).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (InvalidParameterException) when calling the UpdateService operation: Network Configuration must be provided when networkMode 'awsvpc' is specified.",
      exitCode: 254,
    });
  });

  it('moves the service once both are given', () => {
    const withFargate = run(PUT, registered).world;
    const r = run(`${MOVE} ${NETWORK}`, withFargate);
    expect(r.output.exitCode).toBe(0);
    expect(r.world.ecs.services['web']?.launchType).toBe('FARGATE');
    expect(r.world.ecs.services['web']?.taskDefinition).toBe('web:2');
  });
});
