/** The real command behind every action: what is learned in the sandbox transfers. */
import type { Action } from '../model/actions.ts';
import type {
  DeploymentConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  World,
} from '../model/types.ts';
import { findContainer } from '../services/docker/docker-actions.ts';
import { findInstance } from './world-ops.ts';

const ECS_AMI = 'resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
const DOCKER_AMI =
  'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.:/=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `--placement-strategy` takes every strategy as one list, in order (`[]` clears it). */
function placementStrategyFlag(strategies: readonly PlacementStrategy[]): string {
  if (strategies.length === 0) return '--placement-strategy []';
  const values = strategies.map((s) => `type=${s.type}${s.field ? `,field=${s.field}` : ''}`);
  return `--placement-strategy ${values.join(' ')}`;
}

/** `--placement-constraints` takes every constraint as one list (`[]` clears it). */
function placementConstraintsFlag(constraints: readonly PlacementConstraint[]): string {
  if (constraints.length === 0) return '--placement-constraints []';
  const values = constraints.map(
    (c) => `type=${c.type}${c.expression ? `,expression=${shellQuote(`"${c.expression}"`)}` : ''}`,
  );
  return `--placement-constraints ${values.join(' ')}`;
}

/** The flag for the fields that are set, or nothing when none is. */
function deploymentConfigurationFlag(config: Partial<DeploymentConfiguration> | undefined): string {
  const fields = [
    config?.minimumHealthyPercent !== undefined
      ? `minimumHealthyPercent=${config.minimumHealthyPercent}`
      : '',
    config?.maximumPercent !== undefined ? `maximumPercent=${config.maximumPercent}` : '',
  ].filter(Boolean);
  return fields.length > 0 ? `--deployment-configuration ${fields.join(',')}` : '';
}

export function commandFor(action: Action, world: World): string {
  const cluster = world.cluster?.name ?? 'default';
  const hostRef = (ref: string) => findInstance(world, ref)?.id ?? ref;
  const container = (ref: string) => findContainer(world, ref);
  switch (action.type) {
    case 'ec2.instance.launch': {
      const base = `aws ec2 run-instances --image-id ${action.software === 'ecs' ? ECS_AMI : DOCKER_AMI} --instance-type ${action.instanceType} --count ${action.count ?? 1} --placement AvailabilityZone=${action.az}`;
      const tag = action.name
        ? ` --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${action.name}}]'`
        : '';
      return action.software === 'ecs'
        ? `${base} --iam-instance-profile Name=ecsInstanceRole --user-data "$(printf '#!/bin/bash\\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config')"${tag}`
        : `${base} --user-data "$(printf '#!/bin/bash\\ndnf install -y docker && systemctl enable --now docker')"${tag}`;
    }
    case 'ec2.instance.terminate':
    case 'fault.terminate-instance':
      return `aws ec2 terminate-instances --instance-ids ${hostRef(action.instanceId)}`;
    case 'ecs.container-instance.drain': {
      const i = findInstance(world, action.instanceId);
      const arn = i?.agent?.containerInstanceArn ?? action.instanceId;
      return `aws ecs update-container-instances-state --cluster ${cluster} --container-instances ${arn.slice(arn.lastIndexOf('/') + 1)} --status DRAINING`;
    }
    case 'docker.container.place': {
      const c = container(action.containerId);
      if (!c)
        return `docker --context ${hostRef(action.hostId)} run -d --name ${shellQuote(action.containerId)}`;
      const cpus = String(Math.round((c.cpu / 1024) * 100) / 100);
      return `docker --context ${hostRef(action.hostId)} run -d --name ${c.name} --cpus ${cpus} --memory ${c.memoryMiB}m ${shellQuote(c.image)}`;
    }
    case 'docker.container.start':
    case 'docker.container.stop': {
      const c = container(action.containerId);
      const verb = action.type === 'docker.container.start' ? 'start' : 'stop';
      return `docker --context ${c?.hostId ?? 'default'} ${verb} ${c?.name ?? shellQuote(action.containerId)}`;
    }
    case 'docker.container.remove': {
      const c = container(action.containerId);
      return `docker --context ${c?.hostId ?? 'default'} rm ${c?.name ?? shellQuote(action.containerId)}`;
    }
    case 'ecs.taskdef.register':
      return `aws ecs register-task-definition --cli-input-json file://${action.taskDefinition.family}.json`;
    case 'ecs.service.create': {
      const parts = [
        `aws ecs create-service --cluster ${cluster} --service-name ${action.serviceName} --task-definition ${action.taskDefinition} --desired-count ${action.desiredCount} --launch-type ${action.launchType ?? 'EC2'}`,
      ];
      if (action.placementStrategy?.length)
        parts.push(placementStrategyFlag(action.placementStrategy));
      if (action.placementConstraints?.length)
        parts.push(placementConstraintsFlag(action.placementConstraints));
      const deployment = deploymentConfigurationFlag(action.deploymentConfiguration);
      if (deployment) parts.push(deployment);
      // Every awsvpc task needs its subnets (Fargate always is awsvpc).
      if (
        action.launchType === 'FARGATE' ||
        networkModeOf(world, action.taskDefinition) === 'awsvpc'
      )
        parts.push(
          `--network-configuration 'awsvpcConfiguration={subnets=[${world.azs.map((az) => `subnet-${az}`).join(',')}]}'`,
        );
      if (action.loadBalancer)
        parts.push(
          `--load-balancers targetGroupArn=arn:aws:elasticloadbalancing:${world.region}:${world.accountId}:targetgroup/${action.serviceName}-tg,containerName=${action.serviceName},containerPort=80`,
        );
      return parts.join(' ');
    }
    case 'ecs.service.update': {
      const parts = [`aws ecs update-service --cluster ${cluster} --service ${action.service}`];
      if (action.desiredCount !== undefined) parts.push(`--desired-count ${action.desiredCount}`);
      if (action.taskDefinition !== undefined)
        parts.push(`--task-definition ${action.taskDefinition}`);
      if (action.launchType !== undefined)
        parts.push(
          `--capacity-provider-strategy capacityProvider=${action.launchType === 'FARGATE' ? 'FARGATE' : `${cluster}-ec2`},weight=1`,
        );
      // On update an empty list is meaningful: it clears the service's strategy or constraints.
      if (action.placementStrategy !== undefined)
        parts.push(placementStrategyFlag(action.placementStrategy));
      if (action.placementConstraints !== undefined)
        parts.push(placementConstraintsFlag(action.placementConstraints));
      const deployment = deploymentConfigurationFlag(action.deploymentConfiguration);
      if (deployment) parts.push(deployment);
      // A service that moves to an awsvpc task definition needs its subnets from now on.
      const current = Object.hasOwn(world.services, action.service)
        ? world.services[action.service]?.taskDefinition
        : undefined;
      const next = action.taskDefinition ?? current;
      if (
        next !== undefined &&
        networkModeOf(world, next) === 'awsvpc' &&
        (current === undefined || networkModeOf(world, current) !== 'awsvpc')
      )
        parts.push(
          `--network-configuration 'awsvpcConfiguration={subnets=[${world.azs.map((az) => `subnet-${az}`).join(',')}]}'`,
        );
      if (action.forceNewDeployment || action.launchType !== undefined)
        parts.push('--force-new-deployment');
      return parts.join(' ');
    }
    case 'ecs.service.delete':
      return `aws ecs delete-service --cluster ${cluster} --service ${action.service} --force`;
    case 'ecs.service.autoscale': {
      const id = `service/${cluster}/${action.service}`;
      const config = JSON.stringify({
        TargetValue: action.targetCpu,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        ScaleOutCooldown: action.scaleOutCooldown ?? 300,
        ScaleInCooldown: action.scaleInCooldown ?? 300,
      });
      return `aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id ${id} --scalable-dimension ecs:service:DesiredCount --min-capacity ${action.minCapacity} --max-capacity ${action.maxCapacity} && aws application-autoscaling put-scaling-policy --service-namespace ecs --resource-id ${id} --scalable-dimension ecs:service:DesiredCount --policy-name ${action.service}-cpu${action.targetCpu} --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '${config}'`;
    }
    case 'ecs.task.run':
      return `aws ecs run-task --cluster ${cluster} --task-definition ${action.taskDefinition} --count ${action.count ?? 1} --launch-type ${action.launchType ?? 'EC2'}`;
    case 'ecs.cluster.put-capacity-providers': {
      const strategy = action.defaultCapacityProviderStrategy
        .map((s) =>
          [
            `capacityProvider=${s.capacityProvider}`,
            ...(s.weight !== undefined ? [`weight=${s.weight}`] : []),
            ...(s.base !== undefined ? [`base=${s.base}`] : []),
          ].join(','),
        )
        .join(' ');
      return `aws ecs put-cluster-capacity-providers --cluster ${cluster} --capacity-providers ${action.capacityProviders.join(' ') || '[]'} --default-capacity-provider-strategy ${strategy || '[]'}`;
    }
    case 'ecs.task.stop':
      return `aws ecs stop-task --cluster ${cluster} --task ${action.taskId}${action.reason ? ` --reason ${shellQuote(action.reason)}` : ''}`;
    case 'ec2.asg.update': {
      const parts = [
        `aws autoscaling update-auto-scaling-group --auto-scaling-group-name ${action.name}`,
      ];
      if (action.min !== undefined) parts.push(`--min-size ${action.min}`);
      if (action.desired !== undefined) parts.push(`--desired-capacity ${action.desired}`);
      if (action.max !== undefined) parts.push(`--max-size ${action.max}`);
      return parts.join(' ');
    }
    case 'fault.crash':
      return `# fault: crash ${action.service ? `a task of service ${action.service}` : action.targetId} (${action.oom ? 'out of memory, exit 137' : `exit code ${action.exitCode ?? 1}`})`;
    case 'fault.az-outage':
      return `# fault: Availability Zone ${action.az} goes down`;
    case 'fault.az-recover':
      return `# fault: Availability Zone ${action.az} recovers`;
    case 'fault.agent-disconnect':
      return `# fault: ECS agent on ${hostRef(action.instanceId)} disconnects`;
    case 'fault.agent-reconnect':
      return `# fault: ECS agent on ${hostRef(action.instanceId)} reconnects`;
    case 'fault.traffic':
      return `# traffic: ${action.service} receives ${action.rps} requests per second`;
  }
}

/** The network mode of family:revision, an ARN, or a family (its latest ACTIVE revision). */
function networkModeOf(world: World, ref: string): string | undefined {
  const bare = ref.slice(ref.lastIndexOf('/') + 1);
  const defs = Object.values(world.taskDefinitions);
  const td = bare.includes(':')
    ? defs.find((t) => `${t.family}:${t.revision}` === bare)
    : defs
        .filter((t) => t.family === bare && t.status === 'ACTIVE')
        .sort((a, b) => b.revision - a.revision)[0];
  return td?.networkMode;
}
