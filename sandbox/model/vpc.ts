/**
 * The network and the instance role every sandbox world has: one VPC with a subnet per
 * Availability Zone and one security group, and the classic ECS instance role on hosts that run
 * the agent. Read by the placement attributes, the recorded commands and the inspector, so all
 * three name the same resources.
 */
import type { Instance, TaskDefinition, World } from './types.ts';

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

/** An awsvpc service's network configuration: every subnet of the world, the security group, no public IP. */
export function serviceNetworkConfiguration(
  world: Pick<World, 'azs'>,
  taskDefinition: Pick<TaskDefinition, 'networkMode'>,
): { subnets: string[]; securityGroups: string[]; assignPublicIp: 'DISABLED' } | null {
  if (taskDefinition.networkMode !== 'awsvpc') return null;
  return {
    subnets: world.azs.map(subnetIdFor),
    securityGroups: [SECURITY_GROUP_ID],
    assignPublicIp: 'DISABLED',
  };
}

export type ServiceNetwork = ReturnType<typeof serviceNetworkConfiguration>;
