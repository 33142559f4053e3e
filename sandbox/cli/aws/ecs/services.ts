/** `aws ecs` service operations: create-service, update-service, delete-service, describe-services, list-services. */
import { own } from '../../../model/record.ts';
import type { Action } from '../../../model/actions.ts';
import type { World } from '../../../model/types.ts';
import type { FlagSpec, ParsedArgs } from '../args.ts';
import { FARGATE_PROVIDERS } from './clusters.ts';
import { describeService } from './describe.ts';
import type { AwsOperation } from '../operation.ts';
import {
  applyAll,
  awsError,
  awsOut,
  checkCluster,
  lastSegment,
  output,
  refusal,
} from '../operation.ts';
import {
  capacityProvider,
  cluster,
  compact,
  constraints,
  deployment,
  deploymentConfiguration,
  failuresFor,
  launch,
  launchType,
  paramError,
  placementStrategy,
  serviceByRef,
  taskDefinitionByRef,
  NETWORK_CONFIGURATION_NEEDED,
  networkFor,
  network,
  strategies,
} from './params.ts';

const networkConfiguration: FlagSpec = {
  name: 'network-configuration',
  type: 'structure',
  placeholder:
    'awsvpcConfiguration={subnets=[string,string],securityGroups=[string],assignPublicIp=string}',
  help: "The subnets and security groups of each task's network interface: required for an awsvpc task definition (the sandbox accepts them and gives each task its interface itself).",
};

/**
 * What AWS refuses in an update-service that moves a service to a capacity provider: a
 * provider the cluster has not associated (put-cluster-capacity-providers comes first), and an
 * awsvpc task definition without --network-configuration for a service that had none.
 */
function capacityRefusal(world: World, args: ParsedArgs, networkGiven: boolean): string | null {
  const strategy = args['capacity-provider-strategy'];
  if (Array.isArray(strategy)) {
    const associated = world.ecs.cluster?.capacityProviders ?? [];
    const named = strategy
      .map((item) =>
        typeof item === 'object' && item !== null
          ? (item as Record<string, unknown>)['capacityProvider']
          : undefined,
      )
      .filter((p): p is string => typeof p === 'string');
    if (named.some((p) => FARGATE_PROVIDERS.includes(p) && !associated.includes(p)))
      return 'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.';
  }
  const service = serviceByRef(world, args['service'] as string);
  if (!service || networkGiven) return null;
  const current = taskDefinitionByRef(world, service.taskDefinition);
  const next = taskDefinitionByRef(world, args['task-definition'] as string | undefined) ?? current;
  if (next?.networkMode === 'awsvpc' && current?.networkMode !== 'awsvpc')
    return NETWORK_CONFIGURATION_NEEDED;
  return null;
}

export const createService: AwsOperation = {
  service: 'ecs',
  name: 'create-service',
  api: 'CreateService',
  summary: 'Runs and maintains a desired number of tasks from a task definition.',
  flags: [
    cluster,
    {
      name: 'service-name',
      type: 'string',
      required: true,
      help: 'The name of the service (letters, digits, hyphens, underscores; up to 255).',
    },
    {
      name: 'task-definition',
      type: 'string',
      required: true,
      help: 'family:revision or the full ARN; family alone means the latest ACTIVE revision.',
    },
    {
      name: 'desired-count',
      type: 'integer',
      help: 'How many tasks to keep running (default 0 in the sandbox, as with the API when omitted for REPLICA... set it).',
    },
    launchType,
    placementStrategy,
    {
      name: 'placement-constraints',
      type: 'structure-list',
      placeholder: 'type=string,expression=string ...',
      help: 'type=distinctInstance, or type=memberOf,expression=<cluster query>.',
    },
    deploymentConfiguration,
    {
      name: 'load-balancers',
      type: 'structure-list',
      placeholder: 'targetGroupArn=string,containerName=string,containerPort=integer',
      help: 'Attach the service to a load balancer (by loadBalancerName or targetGroupArn).',
    },
    networkConfiguration,
  ],
  examples: [
    'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 --launch-type EC2',
    'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 2 --launch-type FARGATE',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const lt = launch(args['launch-type']);
    const ps = strategies(args['placement-strategy']);
    const pc = constraints(args['placement-constraints']);
    const dc = deployment(args['deployment-configuration']);
    const given = network(args['network-configuration']);
    for (const c of [lt, ps, pc, dc, given]) if (!c.ok) return output(paramError(c.error));
    const td = taskDefinitionByRef(env.world, args['task-definition'] as string);
    const net = networkFor(env.world, td, given.ok ? given.value : undefined, this.api);
    if (!net.ok) return output(net.output);
    if (td?.networkMode === 'awsvpc' && !(given.ok && given.value))
      return output(awsError(this.api, 'InvalidParameterException', NETWORK_CONFIGURATION_NEEDED));
    let loadBalancer: string | undefined;
    if (args['load-balancers'] !== undefined) {
      const first = (args['load-balancers'] as Record<string, unknown>[])[0] ?? {};
      const byName =
        typeof first['loadBalancerName'] === 'string' ? first['loadBalancerName'] : undefined;
      const tg = typeof first['targetGroupArn'] === 'string' ? first['targetGroupArn'] : '';
      const tgName = /targetgroup\/([^/]+)/.exec(tg)?.[1];
      const existing = Object.values(env.world.elb.loadBalancers).find(
        (l) =>
          l.name === byName ||
          l.targetGroupArn === tg ||
          l.targetGroupArn.includes(`targetgroup/${tgName}/`),
      );
      // A new load balancer is created for the service, named after it (its target group is <name>-tg).
      loadBalancer = existing?.name ?? byName ?? (tgName ? tgName.replace(/-tg$/, '') : undefined);
      if (loadBalancer === undefined) {
        return output(
          paramError(
            'Missing required parameter in loadBalancers[0]: "loadBalancerName" or "targetGroupArn"',
          ),
        );
      }
    }
    const action: Action = compact({
      type: 'ecs.service.create' as const,
      serviceName: args['service-name'] as string,
      taskDefinition: lastSegment(args['task-definition'] as string),
      desiredCount: (args['desired-count'] as number | undefined) ?? 0,
      launchType: lt.ok ? lt.value : undefined,
      placementStrategy: ps.ok ? ps.value : undefined,
      placementConstraints: pc.ok ? pc.value : undefined,
      deploymentConfiguration: dc.ok ? dc.value : undefined,
      loadBalancer,
      network: net.network,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const s = own(after.ecs.services, action.serviceName);
        return awsOut({ service: s ? describeService(after, s) : {} }, globals, this.api);
      },
    );
  },
};

export const updateService: AwsOperation = {
  service: 'ecs',
  name: 'update-service',
  api: 'UpdateService',
  summary:
    'Changes a service: desired count, task definition (a new deployment), placement, deployment bounds.',
  flags: [
    cluster,
    {
      name: 'service',
      type: 'string',
      required: true,
      help: 'The name or ARN of the service to update.',
    },
    { name: 'desired-count', type: 'integer', help: 'The new number of tasks to keep running.' },
    {
      name: 'task-definition',
      type: 'string',
      help: 'family:revision to roll out (starts a new deployment).',
    },
    {
      name: 'capacity-provider-strategy',
      type: 'structure-list',
      placeholder: 'capacityProvider=string,weight=integer',
      help: "Move the service to capacityProvider=FARGATE, or to the cluster's EC2 capacity provider (<cluster>-ec2); needs --force-new-deployment.",
    },
    placementStrategy,
    {
      name: 'placement-constraints',
      type: 'structure-list',
      placeholder: 'type=string,expression=string ...',
      help: 'Replaces the constraints: type=distinctInstance, or type=memberOf,expression=<cluster query>; [] removes them all.',
    },
    deploymentConfiguration,
    networkConfiguration,
    {
      name: 'force-new-deployment',
      type: 'boolean',
      help: 'Start a new deployment even with the same task definition (--no-force-new-deployment is the default).',
    },
  ],
  examples: [
    'aws ecs update-service --cluster demo --service web --desired-count 6',
    'aws ecs update-service --cluster demo --service web --task-definition web:2',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const lt = capacityProvider(args['capacity-provider-strategy']);
    const ps = strategies(args['placement-strategy']);
    const pc = constraints(args['placement-constraints']);
    const dc = deployment(args['deployment-configuration']);
    const given = network(args['network-configuration']);
    for (const c of [lt, ps, pc, dc, given]) if (!c.ok) return output(paramError(c.error));
    const givenNetwork = given.ok ? given.value : undefined;
    const refused = capacityRefusal(env.world, args, givenNetwork !== undefined);
    if (refused) return output(awsError(this.api, 'InvalidParameterException', refused));
    const current = serviceByRef(env.world, args['service'] as string);
    const target =
      taskDefinitionByRef(env.world, args['task-definition'] as string | undefined) ??
      (current ? taskDefinitionByRef(env.world, current.taskDefinition) : undefined);
    const net = networkFor(env.world, target, givenNetwork, this.api);
    if (!net.ok) return output(net.output);
    if (lt.ok && lt.value !== undefined && args['force-new-deployment'] !== true) {
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'Updating the capacity provider strategy of a service requires a new deployment: add --force-new-deployment.',
        ),
      );
    }
    const action: Action = compact({
      type: 'ecs.service.update' as const,
      service: lastSegment(args['service'] as string),
      desiredCount: args['desired-count'] as number | undefined,
      taskDefinition:
        typeof args['task-definition'] === 'string'
          ? lastSegment(args['task-definition'])
          : undefined,
      launchType: lt.ok ? lt.value : undefined,
      placementStrategy: ps.ok ? ps.value : undefined,
      placementConstraints: pc.ok ? pc.value : undefined,
      deploymentConfiguration: dc.ok ? dc.value : undefined,
      // Back to the default from a network of its own: the action says so in full.
      network: givenNetwork && !net.network && current?.network ? givenNetwork : net.network,
      forceNewDeployment: args['force-new-deployment'] === true ? true : undefined,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const s = own(after.ecs.services, action.service);
        return awsOut({ service: s ? describeService(after, s) : {} }, globals, this.api);
      },
    );
  },
};

export const deleteService: AwsOperation = {
  service: 'ecs',
  name: 'delete-service',
  api: 'DeleteService',
  summary: 'Deletes a service (with --force, even if its desired count is not 0).',
  flags: [
    cluster,
    {
      name: 'service',
      type: 'string',
      required: true,
      help: 'The name or ARN of the service to delete.',
    },
    {
      name: 'force',
      type: 'boolean',
      help: 'Delete even if the service has not been scaled down to 0 tasks.',
    },
  ],
  examples: ['aws ecs delete-service --cluster demo --service web --force'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const name = lastSegment(args['service'] as string);
    const s = own(env.world.ecs.services, name);
    if (s && s.desiredCount > 0 && args['force'] !== true) {
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'The service cannot be stopped while it is scaled above 0.',
        ),
      );
    }
    const action: Action = { type: 'ecs.service.delete', service: name };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const svc = own(after.ecs.services, name);
        return awsOut(
          {
            service: svc ? describeService(after, svc) : { serviceName: name, status: 'INACTIVE' },
          },
          globals,
          this.api,
        );
      },
    );
  },
};

export const describeServices: AwsOperation = {
  service: 'ecs',
  name: 'describe-services',
  api: 'DescribeServices',
  summary:
    'Shows services: desired, running and pending counts, deployments and the latest events.',
  flags: [
    cluster,
    { name: 'services', type: 'list', required: true, help: 'Names or ARNs of up to 10 services.' },
  ],
  examples: [
    'aws ecs describe-services --cluster demo --services web',
    'aws ecs describe-services --cluster demo --services web --output table',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const refs = args['services'] as string[];
    const w = env.world;
    const found = refs.map((r) => serviceByRef(w, r)).filter((s) => s !== undefined);
    const failures = failuresFor(
      refs,
      (id) => Object.hasOwn(w.ecs.services, id),
      (id) =>
        `arn:aws:ecs:${w.region}:${w.accountId}:service/${w.ecs.cluster?.name ?? 'default'}/${id}`,
    );
    return output(
      awsOut({ services: found.map((s) => describeService(w, s)), failures }, globals, this.api),
    );
  },
};

export const listServices: AwsOperation = {
  service: 'ecs',
  name: 'list-services',
  api: 'ListServices',
  summary: 'Lists the ARNs of the services in the cluster.',
  flags: [cluster],
  examples: ['aws ecs list-services --cluster demo'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const arns = Object.values(env.world.ecs.services)
      .filter((s) => s.status !== 'INACTIVE')
      .map((s) => s.arn);
    return output(awsOut({ serviceArns: arns }, globals, this.api));
  },
};
