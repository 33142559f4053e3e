/**
 * The faults an instructor can fire at the current world, each with the targets that exist
 * now. Built from the world alone, so a scenario gets exactly the faults its resources allow;
 * a later service (EKS, ECR) adds its kinds to KINDS.
 */
import type { Action, World } from '@sandbox';

export interface FaultTarget {
  label: string;
  action: Action;
}

export interface FaultKind {
  id: string;
  label: string;
  /** What the fault does, in one sentence (the sandbox's wording). */
  explain: string;
  targets: FaultTarget[];
  /** Said when there is nothing to target right now. */
  none: string;
  /** A number the instructor chooses, merged into the action (traffic). */
  amount?: { field: 'rps'; label: string; min: number; max: number; initial: number };
}

interface KindSpec {
  id: string;
  label: string;
  explain: string;
  none: string;
  /** Whether this world can ever have this fault (its orchestrator, its resources). */
  applies: (world: World) => boolean;
  targets: (world: World) => FaultTarget[];
  amount?: (world: World) => FaultKind['amount'];
}

const short = (id: string) => id.slice(0, 8);
const byLabel = (a: FaultTarget, b: FaultTarget) => a.label.localeCompare(b.label);

function instanceLabel(world: World, id: string | null): string {
  if (!id) return 'Fargate';
  const instance = world.ec2.instances[id];
  return instance?.name ? `${instance.name} (${id})` : id;
}

function runningTasks(world: World) {
  return Object.values(world.ecs.tasks).filter((task) => task.lastStatus === 'RUNNING');
}

function taskTargets(world: World, make: (taskId: string) => Action): FaultTarget[] {
  return runningTasks(world)
    .map((task) => ({
      label: `${task.service ?? task.group} · task ${short(task.id)} · ${instanceLabel(world, task.instanceId)} · ${task.az ?? ''}`,
      action: make(task.id),
    }))
    .sort(byLabel);
}

function containerTargets(world: World, make: (containerId: string) => Action): FaultTarget[] {
  return Object.values(world.docker.containers)
    .filter((container) => container.state === 'running' && container.hostId !== null)
    .map((container) => ({
      label: `${container.name} on ${instanceLabel(world, container.hostId)}`,
      action: make(container.id),
    }))
    .sort(byLabel);
}

function liveInstances(world: World) {
  return Object.values(world.ec2.instances).filter(
    (instance) => instance.state === 'pending' || instance.state === 'running',
  );
}

function instanceTargets(
  world: World,
  keep: (instance: World['ec2']['instances'][string]) => boolean,
  make: (instanceId: string) => Action,
): FaultTarget[] {
  return liveInstances(world)
    .filter(keep)
    .map((instance) => ({
      label: `${instanceLabel(world, instance.id)} · ${instance.az}`,
      action: make(instance.id),
    }))
    .sort(byLabel);
}

const hasCluster = (world: World) => world.ecs.cluster !== null;
const hasAgents = (world: World) => Object.keys(world.ecs.containerInstances).length > 0;

const KINDS: KindSpec[] = [
  {
    id: 'crash-task',
    label: 'Crash a task',
    explain: 'Its essential container exits with code 1; a service replaces the task.',
    none: 'No task is running right now.',
    applies: hasCluster,
    targets: (world) =>
      taskTargets(world, (targetId) => ({ type: 'fault.crash', targetId, exitCode: 1 })),
  },
  {
    id: 'oom-task',
    label: 'Out of memory in a task',
    explain: 'Its container is killed with exit code 137 (OutOfMemoryError).',
    none: 'No task is running right now.',
    applies: hasCluster,
    targets: (world) =>
      taskTargets(world, (targetId) => ({ type: 'fault.crash', targetId, oom: true })),
  },
  {
    id: 'bad-release',
    label: 'Bad release of a service',
    explain:
      'Every task of this revision exits with code 1 three seconds after it starts: a deployment to it never becomes healthy.',
    none: 'No task definition revision is registered, or every one already crashes.',
    applies: hasCluster,
    targets: (world) =>
      Object.values(world.ecs.taskDefinitions)
        .filter((td) => td.status === 'ACTIVE')
        .map((td) => `${td.family}:${td.revision}`)
        .filter((ref) => !world.ecs.crashOnStart?.[ref])
        .map((ref): FaultTarget => {
          const users = Object.values(world.ecs.services)
            .filter((s) => s.status === 'ACTIVE' && s.taskDefinition === ref)
            .map((s) => s.name);
          return {
            label: users.length > 0 ? `${ref} · used by ${users.join(', ')}` : ref,
            action: { type: 'fault.ecs-crash-on-start', taskDefinition: ref },
          };
        })
        .sort(byLabel),
  },
  {
    id: 'crash-container',
    label: 'Crash a container',
    explain: 'The container exits with code 1 and stays down until someone starts it.',
    none: 'No container is running right now.',
    applies: (world) => world.orchestrator === 'none',
    targets: (world) =>
      containerTargets(world, (targetId) => ({ type: 'fault.crash', targetId, exitCode: 1 })),
  },
  {
    id: 'oom-container',
    label: 'Out of memory in a container',
    explain: 'The container is OOM-killed (exit code 137).',
    none: 'No container is running right now.',
    applies: (world) => world.orchestrator === 'none',
    targets: (world) =>
      containerTargets(world, (targetId) => ({ type: 'fault.crash', targetId, oom: true })),
  },
  {
    id: 'terminate-instance',
    label: 'Kill an instance',
    explain: 'The EC2 instance fails and terminates; everything on it stops.',
    none: 'No instance is pending or running.',
    applies: (world) =>
      Object.keys(world.ec2.instances).length > 0 ||
      Object.keys(world.ec2.autoScalingGroups).length > 0,
    targets: (world) =>
      instanceTargets(
        world,
        () => true,
        (instanceId) => ({ type: 'fault.terminate-instance', instanceId }),
      ),
  },
  {
    id: 'az-outage',
    label: 'Availability Zone outage',
    explain: 'Every instance in the zone becomes unreachable and its tasks stop.',
    none: 'Every Availability Zone is already down.',
    applies: () => true,
    targets: (world) =>
      world.azs
        .filter((az) => !world.azDown.includes(az))
        .map((az) => ({ label: az, action: { type: 'fault.az-outage', az } })),
  },
  {
    id: 'az-recover',
    label: 'End an AZ outage',
    explain: 'The zone comes back; its instances are reachable again.',
    none: 'No Availability Zone is down.',
    applies: () => true,
    targets: (world) =>
      world.azDown.map((az) => ({ label: az, action: { type: 'fault.az-recover', az } })),
  },
  {
    id: 'agent-disconnect',
    label: 'ECS agent down',
    explain: 'The instance stays up, but ECS can no longer place tasks on it.',
    none: 'No instance has a connected agent.',
    applies: hasAgents,
    targets: (world) =>
      instanceTargets(
        world,
        (instance) => world.ecs.containerInstances[instance.id]?.connected === true,
        (instanceId) => ({ type: 'fault.agent-disconnect', instanceId }),
      ),
  },
  {
    id: 'agent-reconnect',
    label: 'ECS agent back',
    explain: 'The agent reconnects and the instance takes tasks again.',
    none: 'No agent is disconnected.',
    applies: hasAgents,
    targets: (world) =>
      instanceTargets(
        world,
        (instance) => world.ecs.containerInstances[instance.id]?.connected === false,
        (instanceId) => ({ type: 'fault.agent-reconnect', instanceId }),
      ),
  },
  {
    id: 'traffic',
    label: 'Traffic spike',
    explain: 'Sets the requests per second offered to a service, spread over its healthy tasks.',
    none: 'No service is active.',
    applies: hasCluster,
    targets: (world) =>
      Object.values(world.ecs.services)
        .filter((service) => service.status === 'ACTIVE')
        .map((service): FaultTarget => ({
          label: `${service.name} (now ${world.elb.traffic[service.name] ?? 0} requests/s)`,
          action: {
            type: 'fault.traffic',
            service: service.name,
            rps: world.elb.traffic[service.name] ?? 0,
          },
        }))
        .sort(byLabel),
    amount: (world) => {
      const now = Math.max(0, ...Object.values(world.elb.traffic));
      return {
        field: 'rps',
        label: 'Requests per second',
        min: 0,
        max: 1_000_000,
        initial: Math.max(200, now * 4),
      };
    },
  },
];

export function faultCatalogue(world: World): FaultKind[] {
  return KINDS.filter((kind) => kind.applies(world)).map((kind) => {
    const amount = kind.amount?.(world);
    return {
      id: kind.id,
      label: kind.label,
      explain: kind.explain,
      none: kind.none,
      targets: kind.targets(world),
      ...(amount ? { amount } : {}),
    };
  });
}
