/**
 * The network and the instance role every sandbox world has: one VPC with a subnet per
 * Availability Zone and one security group, and the classic ECS instance role on hosts that run
 * the agent. Read by the placement attributes, the recorded commands and the inspector, so all
 * three name the same resources.
 */
import type { AwsVpcNetwork, Instance, Service, Task, TaskDefinition, World } from './types.ts';

export const VPC_ID = 'vpc-0a1b2c3d4e5f60718';
export const SECURITY_GROUP_ID = 'sg-0123456789abcdef0';
/** The instance profile of hosts launched with the ECS agent (policy AmazonEC2ContainerServiceforEC2Role). */
export const ECS_INSTANCE_PROFILE = 'ecsInstanceRole';

/** The subnet of an Availability Zone, e.g. eu-west-3b → subnet-0b1b2c3d4e5f6071. */
export function subnetIdFor(az: string): string {
  return `subnet-0${az.slice(-1)}1b2c3d4e5f6071`;
}

/** The IAM instance profile a host runs with: the ECS instance role when it runs the agent. */
export function instanceProfileOf(instance: Pick<Instance, 'bootstrap'>): string | null {
  return instance.bootstrap === 'ecs' ? ECS_INSTANCE_PROFILE : null;
}

/**
 * An awsvpc service's network configuration: the one it was created or updated with, else (a
 * service a scenario starts with) every subnet of the world, the security group, no public IP.
 */
export function serviceNetworkConfiguration(
  world: Pick<World, 'azs'>,
  taskDefinition: Pick<TaskDefinition, 'networkMode'>,
  service?: Pick<Service, 'network'>,
): AwsVpcNetwork | null {
  if (taskDefinition.networkMode !== 'awsvpc') return null;
  if (service?.network) return service.network;
  return {
    subnets: world.azs.map(subnetIdFor),
    securityGroups: [SECURITY_GROUP_ID],
    assignPublicIp: 'DISABLED',
  };
}

export type ServiceNetwork = ReturnType<typeof serviceNetworkConfiguration>;

/** The Availability Zone of one of the world's subnets, or null for a subnet it does not have. */
export function azOfSubnet(world: Pick<World, 'azs'>, subnetId: string): string | null {
  return world.azs.find((az) => subnetIdFor(az) === subnetId) ?? null;
}

/**
 * The AZs a service's tasks may go in: those of its subnets when it was given some (in the
 * world's order), else all of the world's.
 */
export function serviceAzs(world: Pick<World, 'azs'>, service: Pick<Service, 'network'>): string[] {
  const subnets = service.network?.subnets;
  if (!subnets) return world.azs;
  return world.azs.filter((az) => subnets.includes(subnetIdFor(az)));
}

/** The AZs a task may go in: its service's (serviceAzs), or a standalone task's own subnets'. */
export function taskAzs(
  world: Pick<World, 'azs'>,
  task: Pick<Task, 'network'>,
  service: Pick<Service, 'network'> | undefined,
): string[] {
  return serviceAzs(world, service ?? task);
}

/**
 * The first thing CreateService, UpdateService or RunTask refuses in a network configuration: a
 * subnet or a security group the account does not have (EC2's error, inside ECS's), and no
 * subnet at all.
 */
export function networkRefusal(
  world: Pick<World, 'azs'>,
  network: Pick<AwsVpcNetwork, 'subnets'> & { securityGroups?: readonly string[] | undefined },
): { field: string; error: string } | null {
  if (network.subnets.length === 0)
    return {
      field: 'networkConfiguration.awsvpcConfiguration.subnets',
      error: 'InvalidParameterException: subnets can not be empty.',
    };
  const subnet = network.subnets.find((id) => azOfSubnet(world, id) === null);
  if (subnet !== undefined)
    return {
      field: 'networkConfiguration.awsvpcConfiguration.subnets',
      error: `InvalidParameterException: Error retrieving subnet information for [${subnet}]: The subnet ID '${subnet}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`,
    };
  const group = (network.securityGroups ?? []).find((id) => id !== SECURITY_GROUP_ID);
  if (group !== undefined)
    return {
      field: 'networkConfiguration.awsvpcConfiguration.securityGroups',
      error: `InvalidParameterException: Error retrieving security group information for [${group}]: The security group '${group}' does not exist (ErrorCode: InvalidGroup.NotFound)`,
    };
  return null;
}
