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
  return service?.network ?? defaultNetwork(world);
}

/** What a service or task without a network configuration of its own has: every subnet, the security group, no public IP. */
export function defaultNetwork(world: Pick<World, 'azs'>): AwsVpcNetwork {
  return {
    subnets: world.azs.map(subnetIdFor),
    securityGroups: [SECURITY_GROUP_ID],
    assignPublicIp: 'DISABLED',
  };
}

/** A network configuration as an action gives it, its omitted members completed with the defaults. */
export function completeNetwork(
  world: Pick<World, 'azs'>,
  given: NetworkInput | undefined,
): AwsVpcNetwork {
  const defaults = defaultNetwork(world);
  return {
    subnets: given ? [...given.subnets] : defaults.subnets,
    securityGroups: given?.securityGroups ? [...given.securityGroups] : defaults.securityGroups,
    assignPublicIp: given?.assignPublicIp ?? defaults.assignPublicIp,
  };
}

/** Whether a network configuration says no more than the default (its subnets in the world's order). */
export function isDefaultNetwork(world: Pick<World, 'azs'>, given: NetworkInput): boolean {
  const full = completeNetwork(world, given);
  const defaults = defaultNetwork(world);
  return (
    full.subnets.join(',') === defaults.subnets.join(',') &&
    full.securityGroups.join(',') === defaults.securityGroups.join(',') &&
    full.assignPublicIp === defaults.assignPublicIp
  );
}

export type ServiceNetwork = ReturnType<typeof serviceNetworkConfiguration>;

/** A network configuration as CreateService, UpdateService and RunTask take it: only subnets is required. */
export interface NetworkInput {
  subnets: string[];
  securityGroups?: string[] | undefined;
  assignPublicIp?: 'ENABLED' | 'DISABLED' | undefined;
}

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
 * The first thing CreateService, UpdateService or RunTask refuses in a network configuration:
 * any at all for a task definition that is not awsvpc, no subnet, a subnet or a security group
 * the account does not have (EC2's error, inside ECS's).
 */
export function networkRefusal(
  world: Pick<World, 'azs'>,
  taskDefinition: Pick<TaskDefinition, 'networkMode'>,
  network: NetworkInput,
): { field: string; error: string } | null {
  if (taskDefinition.networkMode !== 'awsvpc')
    return {
      field: 'networkConfiguration',
      error:
        'InvalidParameterException: Network Configuration is not valid for the given networkMode of this task definition.',
    };
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
