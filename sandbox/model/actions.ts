/**
 * Actions: everything a learner, an instructor or a scenario script can do to the world.
 * A discriminated union on `type`; each one has a real-command equivalent (see commands.ts).
 */
import type {
  CapacityProviderStrategyItem,
  LaunchType,
  PlacementConstraint,
  PlacementStrategy,
  Software,
} from './types.ts';

/** The RegisterTaskDefinition input, the subset the sandbox understands. */
export interface RegisterTaskDefinitionInput {
  family: string;
  requiresCompatibilities?: LaunchType[];
  networkMode?: 'bridge' | 'awsvpc' | 'host' | 'none';
  /** CPU units ("256") or vCPU ("1 vCPU"), as the API accepts. */
  cpu?: string | number;
  /** MiB ("512") or GB ("1GB"), as the API accepts. */
  memory?: string | number;
  containerDefinitions: {
    name: string;
    image: string;
    cpu?: number;
    memory?: number;
    memoryReservation?: number;
    essential?: boolean;
    portMappings?: { containerPort: number; hostPort?: number; protocol?: 'tcp' | 'udp' }[];
  }[];
}

export type Action =
  | {
      type: 'ec2.instance.launch';
      instanceType: string;
      az: string;
      software: Software;
      count?: number;
      name?: string;
    }
  | { type: 'ec2.instance.terminate'; instanceId: string }
  | { type: 'ecs.container-instance.drain'; instanceId: string }
  | { type: 'docker.container.place'; containerId: string; hostId: string }
  | { type: 'docker.container.start'; containerId: string }
  | { type: 'docker.container.stop'; containerId: string }
  | { type: 'docker.container.remove'; containerId: string }
  | { type: 'ecs.taskdef.register'; taskDefinition: RegisterTaskDefinitionInput }
  | {
      type: 'ecs.service.create';
      serviceName: string;
      taskDefinition: string;
      desiredCount: number;
      launchType?: LaunchType;
      placementStrategy?: PlacementStrategy[];
      placementConstraints?: PlacementConstraint[];
      deploymentConfiguration?: { minimumHealthyPercent?: number; maximumPercent?: number };
      loadBalancer?: string;
    }
  | {
      type: 'ecs.service.update';
      service: string;
      desiredCount?: number;
      taskDefinition?: string;
      launchType?: LaunchType;
      placementStrategy?: PlacementStrategy[];
      placementConstraints?: PlacementConstraint[];
      deploymentConfiguration?: { minimumHealthyPercent?: number; maximumPercent?: number };
      forceNewDeployment?: boolean;
    }
  | { type: 'ecs.service.delete'; service: string }
  | {
      type: 'ecs.service.autoscale';
      service: string;
      minCapacity: number;
      maxCapacity: number;
      targetCpu: number;
      scaleOutCooldown?: number;
      scaleInCooldown?: number;
    }
  | { type: 'ecs.task.run'; taskDefinition: string; count?: number; launchType?: LaunchType }
  | { type: 'ecs.task.stop'; taskId: string; reason?: string }
  | {
      type: 'ecs.cluster.put-capacity-providers';
      capacityProviders: string[];
      defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
    }
  | { type: 'ec2.asg.update'; name: string; min?: number; desired?: number; max?: number }
  /** A container (id or name) or task (id) crashes; or, with `service`, the service's oldest running task. */
  | { type: 'fault.crash'; targetId?: string; service?: string; exitCode?: number; oom?: boolean }
  | { type: 'fault.terminate-instance'; instanceId: string }
  | { type: 'fault.az-outage'; az: string }
  | { type: 'fault.az-recover'; az: string }
  | { type: 'fault.agent-disconnect'; instanceId: string }
  | { type: 'fault.agent-reconnect'; instanceId: string }
  | { type: 'fault.traffic'; service: string; rps: number };

export type ActionType = Action['type'];

export type ActionResult =
  { ok: true; message: string; command: string } | { ok: false; error: string; field?: string };
