/**
 * What one world looks like at one second, read the same way for ECS and EKS: per service the
 * desired and healthy counts and how many replicas of the bad version exist, where replicas
 * run (hosts and replicas per AZ), the failed requests so far, the bill and the manual actions.
 * Reads the world as data only; never writes to it.
 */
import type { EksNode, EksPod, KubeState, World } from '@sandbox';
import {
  BAD_VERSION,
  EKS_CLUSTER,
  SERVICE_NAMES,
  type ComputeModel,
  type ServiceName,
} from './models.ts';

export interface ServiceReading {
  /** Desired count (ECS) or spec.replicas (EKS, as the HPA set it). */
  desired: number;
  /** Running and healthy tasks (ECS) or Ready pods (EKS). */
  healthy: number;
  /** Tasks or pods of the bad version that still exist (not stopped, not deleted). */
  bad: number;
}

export interface AzPlacement {
  az: string;
  /** Instances, nodes or micro-VMs up in the AZ. */
  hosts: number;
  /** Healthy replicas (web and api together) in the AZ. */
  replicas: number;
  /** The AZ is down (an outage). */
  down: boolean;
}

export interface Reading {
  time: number;
  services: Record<ServiceName, ServiceReading>;
  placements: AzPlacement[];
  /** Requests to web that failed since the start. */
  failedTotal: number;
  /** The cost meter: dollars since the start, and the rate now. */
  cost: number;
  costPerHour: number;
  /** Actions the operator (the scenario's solution, replayed as the learner) took so far. */
  manualActions: number;
}

export function observe(world: World, model: ComputeModel): Reading {
  const base = world.orchestrator === 'eks' ? observeEks(world, model) : observeEcs(world, model);
  return {
    ...base,
    time: world.time,
    cost: world.cost.total,
    costPerHour: world.cost.perHour,
    manualActions: world.log.filter((e) => e.by === 'learner').length,
  };
}

type Partial = Pick<Reading, 'services' | 'placements' | 'failedTotal'>;

function placementsFrom(
  world: World,
  hosts: Map<string, number>,
  replicas: Map<string, number>,
): AzPlacement[] {
  return world.azs.map((az) => ({
    az,
    hosts: hosts.get(az) ?? 0,
    replicas: replicas.get(az) ?? 0,
    down: world.azDown.includes(az),
  }));
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function observeEcs(world: World, model: ComputeModel): Partial {
  const services = {} as Record<ServiceName, ServiceReading>;
  for (const name of SERVICE_NAMES)
    services[name] = {
      desired: Object.hasOwn(world.ecs.services, name) ? world.ecs.services[name]!.desiredCount : 0,
      healthy: 0,
      bad: 0,
    };
  const hosts = new Map<string, number>();
  const replicas = new Map<string, number>();
  for (const t of Object.values(world.ecs.tasks)) {
    const name = t.service as ServiceName | null;
    if (name === null || !(SERVICE_NAMES as readonly string[]).includes(name)) continue;
    const s = services[name];
    if (t.taskDefinition === BAD_VERSION.ecsTaskDefinition && t.lastStatus !== 'STOPPED') s.bad++;
    const up = t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' && t.healthy;
    if (!up) continue;
    s.healthy++;
    if (t.az) {
      bump(replicas, t.az);
      if (model.hostKind === 'micro-VM') bump(hosts, t.az);
    }
  }
  if (model.hostKind === 'instance')
    for (const i of Object.values(world.ec2.instances))
      if (i.state === 'running' && i.reachable && Object.hasOwn(world.ecs.containerInstances, i.id))
        bump(hosts, i.az);
  return {
    services,
    placements: placementsFrom(world, hosts, replicas),
    failedTotal: Object.hasOwn(world.elb.load, 'web') ? world.elb.load.web!.failedTotal : 0,
  };
}

/** Ready as the endpoints controller counts it (services/eks/pods.ts isReady). */
function podReady(pod: EksPod, now: number): boolean {
  const rt = pod.runtime;
  return (
    rt.state === 'Running' &&
    pod.metadata.deletionTime === null &&
    rt.readyAt !== null &&
    rt.readyAt <= now &&
    !rt.nodeNotReady
  );
}

function nodeUp(node: EksNode): boolean {
  return !node.gone && node.ready === 'True';
}

function observeEks(world: World, model: ComputeModel): Partial {
  const kube: KubeState | undefined = world.eks?.kube[EKS_CLUSTER];
  const services = {} as Record<ServiceName, ServiceReading>;
  for (const name of SERVICE_NAMES) {
    const key = `default/${name}`;
    services[name] = {
      desired:
        kube && Object.hasOwn(kube.deployments, key)
          ? kube.deployments[key]!.object.spec.replicas
          : 0,
      healthy: 0,
      bad: 0,
    };
  }
  const hosts = new Map<string, number>();
  const replicas = new Map<string, number>();
  if (kube) {
    for (const node of Object.values(kube.nodes)) {
      if (!nodeUp(node)) continue;
      const isFargate = node.origin === 'fargate';
      if (isFargate === (model.hostKind === 'micro-VM')) bump(hosts, node.az);
    }
    for (const pod of Object.values(kube.pods)) {
      if (pod.metadata.namespace !== 'default') continue;
      const name = pod.metadata.labels.app as ServiceName | undefined;
      if (name === undefined || !(SERVICE_NAMES as readonly string[]).includes(name)) continue;
      const s = services[name];
      if (
        pod.metadata.deletionTime === null &&
        pod.spec.containers.some((c) => c.image === BAD_VERSION.image)
      )
        s.bad++;
      if (!podReady(pod, world.time)) continue;
      s.healthy++;
      const node = pod.spec.nodeName ? kube.nodes[pod.spec.nodeName] : undefined;
      if (node) bump(replicas, node.az);
    }
  }
  const load = world.eks?.load[`${EKS_CLUSTER}/default/web`];
  return {
    services,
    placements: placementsFrom(world, hosts, replicas),
    failedTotal: load ? load.failedTotal : 0,
  };
}
