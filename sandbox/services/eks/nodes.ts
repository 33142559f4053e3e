/**
 * Worker nodes: EC2 instances from the EKS-optimized AMI (a managed node group's, or the
 * learner's own), the kubelet's registration (an access entry for the node's role, or no
 * Node), node health as the node lifecycle controller sees it (Ready → Unknown after the
 * grace period, the NoExecute taints, eviction once the 300 s toleration ends), and the Node
 * object's removal when its instance is gone. Fargate micro-VM nodes (scheduling.ts) go through
 * the same health checks: in a lost AZ their kubelet stops reporting, and their pods are
 * evicted after the toleration like any other.
 */
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import { EC2_BOOT_SECONDS, registeredMemoryMiB } from '../../model/constants.ts';
import { own } from '../../model/record.ts';
import type { Instance, World } from '../../model/types.ts';
import type { EngineContext } from '../../engine/module.ts';
import { ids } from '../../engine/rng.ts';
import { nodeNameFor } from './names.ts';
import { managedNodeLabels } from './nodegroups.ts';
import { evictionTime, NODE_STATUS_UPDATE_SECONDS, observeNode } from './node-health.ts';
import { nodeEvents, podEvents } from './k8s-events.ts';
import { ec2Node } from './objects.ts';
import { deletePod, removePodNow, syncStatus } from './pods.ts';
import { apiUp, eksOf, kubeEvent, kubeOf, nextIp, objectEvent } from './state.ts';
import type { EksCluster, EksNode, EksPod, Nodegroup } from './world.ts';

/** kubelet start and registration after the instance is running (approx, like the ECS agent's). */
export const KUBELET_JOIN_SECONDS: [number, number] = [20, 40];
/** A kubelet refused by the API server retries this often (approx). */
export const KUBELET_RETRY_SECONDS = 10;
/** The self-managed node role a scenario or `eks.node.launch` uses when none is given. */
export const DEFAULT_SELF_MANAGED_ROLE =
  'arn:aws:iam::123456789012:role/eks-self-managed-node-role';
export const DEFAULT_NODEGROUP_ROLE = 'arn:aws:iam::123456789012:role/eks-nodegroup-role';

export const EKS_AMI = (version: string) =>
  `resolve:ssm:/aws/service/eks/optimized-ami/${version}/amazon-linux-2023/x86_64/standard/recommended/image_id`;

/** What the learner still owns on a self-managed node, and on a managed one. */
export const SELF_MANAGED_CHORES = [
  'OS patches due',
  'EKS-optimized AMI update available',
  'kubelet version skew to check before each cluster upgrade',
];
export const MANAGED_CHORES = ['AMI release update available (EKS rolls it when you ask)'];

export const kubeletVersion = (version: string) => `v${version}.0-eks-sandbox`;

/** An EC2 instance record from the EKS-optimized AMI (what ec2 run-instances starts). */
export function launchNodeInstance(
  ctx: EngineContext,
  spec: { type: string; az: string; name: string | null; asg: string | null; running: boolean },
): Instance {
  const world = ctx.world;
  const info = own(INSTANCE_TYPES, spec.type);
  if (!info) throw new Error(`unknown instance type ${spec.type}`);
  const id = ids.instance(world);
  const down = world.azDown.includes(spec.az);
  const instance: Instance = {
    id,
    name: spec.name,
    type: spec.type,
    az: spec.az,
    state: spec.running ? 'running' : 'pending',
    bootstrap: 'eks',
    launchedAt: world.time,
    cpuUnits: info.vcpu * 1024,
    memoryMiB: registeredMemoryMiB(info.memoryGiB),
    pricePerHour: own(info.pricePerHour, world.region) ?? info.pricePerHour['us-east-1'] ?? 0,
    asg: spec.asg,
    chores: spec.asg ? [...MANAGED_CHORES] : [...SELF_MANAGED_CHORES],
    reachable: !down,
    impairedAt: down ? world.time : null,
    cpuUtilization: 0,
    nextTransitionAt: spec.running
      ? null
      : world.time + ctx.randomInt(EC2_BOOT_SECONDS[0], EC2_BOOT_SECONDS[1]),
  };
  world.ec2.instances[id] = instance;
  return instance;
}

/** The node group an instance belongs to (through its Auto Scaling group), or null. */
export function nodegroupOfInstance(world: World, instance: Instance): Nodegroup | null {
  if (!instance.asg) return null;
  const eks = eksOf(world);
  for (const k in eks.nodegroups)
    if (eks.nodegroups[k]!.asg === instance.asg) return eks.nodegroups[k]!;
  return null;
}

/** Whether the cluster lets this role's nodes register (an EC2_LINUX access entry). */
export function nodeRoleAllowed(cluster: EksCluster, role: string): boolean {
  const entry = own(cluster.accessEntries, role);
  return !!entry && (entry.type === 'EC2_LINUX' || entry.kubernetesGroups.includes('system:nodes'));
}

/** The kubelet on a running instance starts trying to register with the cluster. */
export function scheduleJoin(
  ctx: EngineContext,
  instance: Instance,
  cluster: string,
  nodegroup: string | null,
  immediately = false,
): void {
  eksOf(ctx.world).pendingJoins[instance.id] = {
    cluster,
    nodegroup,
    at: immediately
      ? ctx.world.time
      : ctx.world.time + ctx.randomInt(KUBELET_JOIN_SECONDS[0], KUBELET_JOIN_SECONDS[1]),
  };
}

/** The Node a kubelet registers for its instance. */
export function registerNode(
  ctx: EngineContext,
  cluster: EksCluster,
  instance: Instance,
  nodegroup: Nodegroup | null,
  quiet = false,
): EksNode | null {
  const world = ctx.world;
  const ip = nextIp(world, instance.az);
  const name = nodeNameFor(ip, world.region);
  const labels = nodegroup
    ? {
        ...managedNodeLabels(nodegroup.name, nodegroup.releaseVersion, nodegroup.capacityType),
        ...nodegroup.labels,
      }
    : {};
  const base = ec2Node({
    name,
    instanceType: instance.type,
    zone: instance.az,
    region: world.region,
    instanceId: instance.id,
    internalIP: ip,
    now: world.time,
    kubeletVersion: kubeletVersion(nodegroup?.version ?? cluster.version),
    labels,
  });
  if (!base) return null;
  const node: EksNode = {
    ...base,
    taints: nodegroup ? nodegroup.taints.map((t) => ({ ...t })) : [],
    origin: nodegroup ? 'managed' : 'self-managed',
    nodegroup: nodegroup?.name ?? null,
    az: instance.az,
    instanceType: instance.type,
    fargatePod: null,
    fargate: null,
    images: [],
    gone: false,
  };
  kubeOf(world, cluster.name).nodes[name] = node;
  eksOf(world).schedulerDirty = true;
  if (!quiet) {
    kubeEvent(
      ctx,
      cluster.name,
      objectEvent(
        `node/${name}`,
        'default',
        'Normal',
        'RegisteredNode',
        'node-controller',
        `Node ${name} event: Registered Node ${name} in Controller`,
      ),
      { quiet: true },
    );
    kubeEvent(
      ctx,
      cluster.name,
      objectEvent(
        `node/${name}`,
        'default',
        'Normal',
        'NodeReady',
        'kubelet',
        `Node ${name} status is now: NodeReady`,
      ),
    );
  }
  return node;
}

/** Nodes whose instance is in this cluster, by instance id. */
export function nodeByInstance(world: World, cluster: string, instanceId: string): EksNode | null {
  const nodes = kubeOf(world, cluster).nodes;
  for (const n in nodes) if (nodes[n]!.instanceId === instanceId) return nodes[n]!;
  return null;
}

/** Registrations that are due: the kubelet asks the API server, which checks the node's role. */
export function nodeJoinController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  for (const id in eks.pendingJoins) {
    const join = eks.pendingJoins[id]!;
    if (join.at > now) continue;
    const instance = own(world.ec2.instances, id);
    const cluster = own(eks.clusters, join.cluster);
    if (!instance || instance.state !== 'running' || !cluster) {
      if (
        !instance ||
        instance.state === 'terminated' ||
        instance.state === 'shutting-down' ||
        !cluster
      )
        delete eks.pendingJoins[id];
      continue;
    }
    if (!instance.reachable || !apiUp(world, cluster)) {
      join.at = now + KUBELET_RETRY_SECONDS;
      continue;
    }
    const nodegroup = join.nodegroup
      ? (own(eks.nodegroups, `${cluster.name}/${join.nodegroup}`) ?? null)
      : null;
    const role = own(eks.instanceRoles, id) ?? DEFAULT_SELF_MANAGED_ROLE;
    if (!nodeRoleAllowed(cluster, role)) {
      // The API server refuses the kubelet: reported once, retried quietly.
      if (!join.refused)
        ctx.withCause({ kind: 'timer', subject: id, timer: 'kubeletRegister' }, () =>
          ctx.emit(
            'kubernetes',
            'warning',
            `kubelet on ${id}: "Unable to register node with API server" err="Unauthorized" (no access entry of type EC2_LINUX for ${role} in cluster ${cluster.name})`,
            { subject: id },
          ),
        );
      join.refused = true;
      join.at = now + KUBELET_RETRY_SECONDS;
      continue;
    }
    delete eks.pendingJoins[id];
    ctx.withCause({ kind: 'timer', subject: id, timer: 'kubeletRegister' }, () =>
      registerNode(ctx, cluster, instance, nodegroup),
    );
  }
}

/** Pods bound to each node, built once per pass. */
export function podsByNode(pods: Record<string, EksPod>): Map<string, EksPod[]> {
  const map = new Map<string, EksPod[]>();
  for (const k in pods) {
    const p = pods[k]!;
    const n = p.spec.nodeName;
    if (!n) continue;
    let list = map.get(n);
    if (!list) map.set(n, (list = []));
    list.push(p);
  }
  return map;
}

/**
 * The node lifecycle controller and the cloud node controller of one cluster: heartbeats,
 * NotReady/Unknown with the NoExecute taints, taint-based eviction, and Node removal once the
 * instance is terminated (its pods are then deleted at once).
 */
export function nodeHealthController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  for (const name in eks.clusters) {
    const cluster = eks.clusters[name]!;
    const kube = kubeOf(world, name);
    const place = { world, cluster: name };
    // With the API down (a dead kubeadm master) no controller runs.
    if (!apiUp(world, cluster)) continue;
    let byNode: Map<string, EksPod[]> | null = null;
    const podsOn = (node: string) => {
      byNode ??= podsByNode(kube.pods);
      return byNode.get(node) ?? [];
    };
    for (const nodeName in kube.nodes) {
      const node = kube.nodes[nodeName]!;
      const fargate = node.origin === 'fargate';
      if (fargate && node.gone) {
        delete kube.nodes[nodeName];
        eks.schedulerDirty = true;
        continue;
      }
      const instance = node.instanceId ? own(world.ec2.instances, node.instanceId) : undefined;
      if (!fargate && (!instance || instance.state === 'terminated')) {
        // The cloud provider no longer has the machine: the Node and its pods go.
        const gone = node.instanceId ? own(eks.lostBecause, node.instanceId) : undefined;
        const removeNode = () => {
          kubeEvent(
            ctx,
            name,
            objectEvent(
              `node/${nodeName}`,
              'default',
              'Normal',
              'RemovingNode',
              'node-controller',
              `Node ${nodeName} event: Removing Node ${nodeName} from Controller`,
            ),
          );
          for (const p of podsOn(nodeName)) removePodNow(ctx, place, p);
        };
        if (gone !== undefined) ctx.withCause({ kind: 'event', eventId: gone }, removeNode);
        else removeNode();
        delete kube.nodes[nodeName];
        eks.schedulerDirty = true;
        continue;
      }
      // A Fargate micro-VM's kubelet reports while its AZ is up; an EC2 node's while its
      // instance runs and is reachable.
      const reporting = fargate
        ? !world.azDown.includes(node.az)
        : !!instance && instance.state === 'running' && instance.reachable;
      if (reporting) {
        if (node.ready !== 'True') {
          const next = observeNode(node, now, 'Ready');
          Object.assign(node, next);
          kubeEvent(
            ctx,
            name,
            objectEvent(
              `node/${nodeName}`,
              'default',
              'Normal',
              'NodeReady',
              'kubelet',
              `Node ${nodeName} status is now: NodeReady`,
            ),
          );
          for (const p of podsOn(nodeName)) {
            p.runtime.nodeNotReady = false;
            syncStatus(p, now, world);
          }
          eks.schedulerDirty = true;
        } else if (now - node.lastHeartbeat >= NODE_STATUS_UPDATE_SECONDS) node.lastHeartbeat = now;
      } else if (node.ready === 'True') {
        const next = observeNode(node, now, 'silent');
        if (next.ready !== 'True') {
          Object.assign(node, next);
          const why = node.instanceId ? own(eks.lostBecause, node.instanceId) : undefined;
          ctx.withCause(
            why !== undefined
              ? { kind: 'event', eventId: why }
              : { kind: 'timer', subject: `node/${nodeName}`, timer: 'nodeMonitorGracePeriod' },
            () => {
              kubeEvent(ctx, name, nodeEvents.notReady(nodeName), { level: 'warning' });
              for (const p of podsOn(nodeName)) {
                p.runtime.nodeNotReady = true;
                syncStatus(p, now, world);
              }
            },
          );
          eks.schedulerDirty = true;
        }
      }
      if (node.taints.some((t) => t.effect === 'NoExecute')) {
        for (const p of podsOn(nodeName)) {
          if (p.metadata.deletionTime !== null) continue;
          const at = evictionTime(p, node);
          if (at === null || at > now) continue;
          ctx.withCause(
            { kind: 'timer', subject: `pod/${p.metadata.name}`, timer: 'tolerationSeconds' },
            () => {
              kubeEvent(
                ctx,
                name,
                podEvents.taintEviction({
                  name: p.metadata.name,
                  namespace: p.metadata.namespace,
                  uid: p.metadata.uid,
                }),
              );
              deletePod(ctx, place, p);
              // No kubelet confirms the stop on a lost micro-VM: EKS removes the pod's
              // Fargate node, and the pod with it (its ReplicaSet creates the replacement).
              if (fargate && !reporting) removePodNow(ctx, place, p);
            },
          );
        }
      }
    }
  }
}

/** Whether an EKS node instance is one of a node group's (EKS manages its join). */
export function isManaged(instance: Instance): boolean {
  return instance.asg !== null && instance.asg.startsWith('eks-');
}

export { managedNodeLabels };
