/**
 * The faults an instructor can fire at the current world, each with the targets that exist
 * now. Built from the world alone, so a scenario gets exactly the faults its resources allow.
 * Every `fault.*` action type the engine has appears in KINDS (test/share/presenter.test.ts
 * checks the list against the services' action schemas); a service that adds a fault adds
 * its kind here.
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
  if (instance?.name) return `${instance.name} (${id})`;
  return nodeOfInstance(world, id) ?? id;
}

/** An EKS node's instance, named by its node group (its Name tag is EKS's, not the class's). */
function nodeOfInstance(world: World, id: string): string | null {
  for (const kube of Object.values(world.eks?.kube ?? {})) {
    for (const node of Object.values(kube.nodes)) {
      if (node.instanceId !== id) continue;
      return node.nodegroup
        ? `${id} (node group ${node.nodegroup})`
        : `${id} (${node.origin} node)`;
    }
  }
  return null;
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
const hasKubernetes = (world: World) => Object.keys(world.eks?.clusters ?? {}).length > 0;

type Kube = NonNullable<World['eks']>['kube'][string];

/** The cluster's own objects (CoreDNS, the API server's Service) are not the class's to break. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const isSystem = (meta: { namespace: string; name: string }) =>
  SYSTEM_NAMESPACES.has(meta.namespace) ||
  (meta.namespace === 'default' && meta.name === 'kubernetes');

/** Every cluster's Kubernetes API, by cluster name, in name order. */
function kubes(world: World): [cluster: string, kube: Kube][] {
  const eks = world.eks;
  if (!eks) return [];
  return Object.keys(eks.clusters)
    .sort()
    .flatMap((name) => (Object.hasOwn(eks.kube, name) ? [[name, eks.kube[name]!] as const] : []));
}

/** `ns/name`, and the cluster when the world has more than one. */
function k8sLabel(world: World, cluster: string, namespace: string, name: string): string {
  const many = Object.keys(world.eks?.clusters ?? {}).length > 1;
  return `${namespace}/${name}${many ? ` in ${cluster}` : ''}`;
}

function deploymentTargets(
  world: World,
  make: (cluster: string, namespace: string, name: string) => Action,
): FaultTarget[] {
  return kubes(world)
    .flatMap(([cluster, kube]) =>
      Object.values(kube.deployments)
        .filter((d) => !isSystem(d.object.metadata))
        .filter((d) => {
          const { namespace, name } = d.object.metadata;
          const fault = world.eks!.crashFaults[`${cluster}/${namespace}/${name}`];
          // A crash fault holds until the image changes: a Deployment still crashing is not offered.
          return fault?.image !== d.object.spec.template.spec.containers[0]?.image;
        })
        .map((d): FaultTarget => {
          const { namespace, name } = d.object.metadata;
          return {
            label: `${k8sLabel(world, cluster, namespace, name)} · ${d.object.spec.template.spec.containers[0]?.image ?? ''}`,
            action: make(cluster, namespace, name),
          };
        }),
    )
    .sort(byLabel);
}

/** An image in the account's own ECR registry is answered by ECR, not by the public catalogue. */
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//;

/** Images the cluster pulls from a public registry, with the Deployments that use them. */
function publicImages(world: World): Map<string, string[]> {
  const images = new Map<string, string[]>();
  for (const [cluster, kube] of kubes(world)) {
    for (const d of Object.values(kube.deployments)) {
      if (isSystem(d.object.metadata)) continue;
      const { namespace, name } = d.object.metadata;
      for (const container of d.object.spec.template.spec.containers) {
        const image = container.image;
        if (world.eks!.missingImages.includes(image)) continue;
        if (world.ecr && ECR_IMAGE.test(image)) continue;
        images.set(image, [
          ...(images.get(image) ?? []),
          k8sLabel(world, cluster, namespace, name),
        ]);
      }
    }
  }
  return images;
}

/** The IAM roles that pull from this account's ECR, with who pulls as each. */
function pullingRoles(world: World): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (role: string, who: string) => {
    if (world.ecr?.pullDenied.includes(role)) return;
    roles.set(role, [...(roles.get(role) ?? []), who]);
  };
  const nodes = new Map<string, number>();
  for (const [instanceId, role] of Object.entries(world.eks?.instanceRoles ?? {})) {
    const instance = world.ec2.instances[instanceId];
    if (instance && (instance.state === 'pending' || instance.state === 'running'))
      nodes.set(role, (nodes.get(role) ?? 0) + 1);
  }
  for (const [role, count] of nodes) add(role, count === 1 ? '1 node' : `${count} nodes`);
  for (const td of Object.values(world.ecs.taskDefinitions)) {
    if (td.status === 'ACTIVE' && td.executionRoleArn !== null)
      add(td.executionRoleArn, `${td.family}:${td.revision}`);
  }
  return roles;
}

function trafficAmount(now: number[]): FaultKind['amount'] {
  return {
    field: 'rps',
    label: 'Requests per second',
    min: 0,
    max: 1_000_000,
    initial: Math.max(200, Math.max(0, ...now) * 4),
  };
}
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
    amount: (world) => trafficAmount(Object.values(world.elb.traffic)),
  },
  {
    id: 'k8s-crash',
    label: 'Crash a Deployment’s containers',
    explain:
      'Its containers exit with code 1 a few seconds after they start, until its image changes; the kubelet restarts them (CrashLoopBackOff).',
    none: 'No Deployment is left to crash (every one already crashes).',
    applies: hasKubernetes,
    targets: (world) =>
      deploymentTargets(world, (cluster, namespace, deployment) => ({
        type: 'fault.k8s-crash',
        deployment,
        namespace,
        cluster,
        exitCode: 1,
      })),
  },
  {
    id: 'k8s-oom',
    label: 'Out of memory in a Deployment',
    explain:
      'Its containers are OOM-killed (exit code 137) soon after they start, until its image changes.',
    none: 'No Deployment is left to crash (every one already crashes).',
    applies: hasKubernetes,
    targets: (world) =>
      deploymentTargets(world, (cluster, namespace, deployment) => ({
        type: 'fault.k8s-crash',
        deployment,
        namespace,
        cluster,
        oom: true,
      })),
  },
  {
    id: 'image-missing',
    label: 'Image gone from its registry',
    explain:
      'The image disappears from its public registry: pods already running keep running, a new pull fails with "not found" (ErrImagePull).',
    none: 'No Deployment uses an image from a public registry that is still there.',
    applies: hasKubernetes,
    targets: (world) =>
      [...publicImages(world)]
        .map(([image, users]) => ({
          label: `${image} · used by ${users.join(', ')}`,
          action: { type: 'fault.image-missing', image } as Action,
        }))
        .sort(byLabel),
  },
  {
    id: 'ecr-pull-denied',
    label: 'ECR pull permission removed',
    explain:
      'The role loses AmazonEC2ContainerRegistryReadOnly: running containers keep running, every new pull from the account’s registry as that role gets 403 Forbidden.',
    none: 'No role pulls from the registry, or every one is already refused.',
    applies: (world) => world.ecr !== undefined,
    targets: (world) =>
      [...pullingRoles(world)]
        .map(([role, users]) => ({
          label: `${role.slice(role.lastIndexOf('/') + 1)} · used by ${users.join(', ')}`,
          action: { type: 'fault.ecr-pull-denied', role } as Action,
        }))
        .sort(byLabel),
  },
  {
    id: 'k8s-traffic',
    label: 'Traffic spike on a Kubernetes Service',
    explain: 'Sets the requests per second offered to the Service, spread over its ready pods.',
    none: 'No Service has been created in the cluster yet (its built-in ones, such as kubernetes, are not offered).',
    applies: hasKubernetes,
    targets: (world) =>
      kubes(world)
        .flatMap(([cluster, kube]) =>
          Object.values(kube.services)
            .filter((service) => !isSystem(service.object.metadata))
            .map((service): FaultTarget => {
              const { namespace, name } = service.object.metadata;
              const now = world.eks!.traffic[`${cluster}/${namespace}/${name}`] ?? 0;
              return {
                label: `${k8sLabel(world, cluster, namespace, name)} (now ${now} requests/s)`,
                action: { type: 'fault.k8s-traffic', service: name, namespace, cluster, rps: now },
              };
            }),
        )
        .sort(byLabel),
    amount: (world) => trafficAmount(Object.values(world.eks?.traffic ?? {})),
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
