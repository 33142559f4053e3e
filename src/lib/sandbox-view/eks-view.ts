/**
 * What the sandbox shows of an EKS world: each cluster's control plane (where its API servers
 * and etcd members run, whether they answer, who backs etcd up), its nodes by AZ with what the
 * scheduler has promised away on each (requested CPU, requested memory, pod slots against
 * allocatable), its pods as chips with kubectl's STATUS, each Fargate pod in its own micro-VM,
 * and the Pending pods with the scheduler's reason. A pure function of the world, so tests can
 * check it without a DOM; the component only draws it.
 */
import type { EksCluster, EksNode, EksPod, KubeState, World } from '@sandbox';
import {
  controlPlaneHealth,
  controlPlanePricePerHour,
  nodeStatusText,
  podRequest,
  podStatus,
} from '@sandbox/view.ts';

export type PodTone = 'ok' | 'pending' | 'stopping' | 'failed' | 'stopped';

export interface ControlPlaneMemberView {
  role: 'API server' | 'etcd';
  az: string;
  up: boolean;
}

export interface PodChipView {
  /** `ns/name`, the key in the cluster's pods. */
  key: string;
  name: string;
  namespace: string;
  /** kubectl's STATUS column. */
  status: string;
  tone: PodTone;
  /** READY as kubectl prints it: `1/1`. */
  ready: string;
  restarts: number;
  node: string | null;
  /** The Deployment (or DaemonSet…) it belongs to, as `deployment/web`, or null. */
  owner: string | null;
}

export interface PendingPodView extends PodChipView {
  /** The FailedScheduling message (or why the pod cannot run yet). */
  message: string;
}

export interface Usage {
  used: number;
  total: number;
  /** `500m / 1930m`, `768Mi / 3297Mi`, `3 / 17`. */
  text: string;
}

export interface EksNodeView {
  name: string;
  /** `node group general`, `self-managed`, `Fargate`, `control plane`. */
  kind: string;
  origin: EksNode['origin'];
  nodegroup: string | null;
  instanceType: string | null;
  /** `On-Demand`, `Spot`, or `Fargate`. */
  capacity: string;
  az: string;
  /** kubectl's STATUS: `Ready`, `NotReady`, `Ready,SchedulingDisabled`. */
  status: string;
  ready: boolean;
  cordoned: boolean;
  cpu: Usage;
  memory: Usage;
  pods: Usage;
  chips: PodChipView[];
  /** Fargate: the size provisioned (the CapacityProvisioned annotation) and its price. */
  fargate: { size: string; pricePerHour: number } | null;
}

export interface EksAzView {
  az: string;
  down: boolean;
  /** EC2 nodes (node groups, self-managed, the kubeadm master) in this AZ. */
  nodes: EksNodeView[];
  /** Fargate micro-VMs in this AZ, one pod each. */
  microVms: EksNodeView[];
}

export interface ControlPlaneView {
  managed: boolean;
  /** One sentence: who runs it, where. */
  where: string;
  /** `answering`, `not answering`, `answering, etcd without quorum`, `not answering yet`. */
  api: string;
  /** Health in words with its numbers: `2 of 2 API servers up, etcd 3 of 3 (quorum 2)`. */
  health: string;
  tone: 'ok' | 'pending' | 'failed';
  members: ControlPlaneMemberView[];
  /** Who backs etcd up. */
  backups: string;
}

export interface EksClusterView {
  name: string;
  status: string;
  version: string;
  managed: boolean;
  /** The control plane's fee per hour, or null for a self-managed one (billed as its EC2). */
  pricePerHour: number | null;
  controlPlane: ControlPlaneView;
  /** Kept for the summary line: the same members as controlPlane.members. */
  members: ControlPlaneMemberView[];
  api: string;
  /** Every node, in AZ order (the list view and forms use it). */
  nodes: EksNodeView[];
  azs: EksAzView[];
  /** [STATUS, count], most common first. */
  podStatuses: [string, number][];
  pending: PendingPodView[];
  nodegroups: { name: string; status: string; sizes: string; instanceTypes: string }[];
  fargateProfiles: { name: string; status: string; selectors: string }[];
  deployments: { key: string; name: string; namespace: string; ready: string }[];
  clusterAutoscaler: boolean;
}

const ORIGIN: Record<string, string> = {
  'self-managed': 'self-managed',
  fargate: 'Fargate',
  'control-plane': 'control plane',
};

const TONE: Record<string, PodTone> = {
  Running: 'ok',
  Completed: 'stopped',
  Pending: 'pending',
  ContainerCreating: 'pending',
  PodInitializing: 'pending',
  Terminating: 'stopping',
  CrashLoopBackOff: 'failed',
  ImagePullBackOff: 'failed',
  ErrImagePull: 'failed',
  OOMKilled: 'failed',
  Error: 'failed',
  Evicted: 'failed',
  Unknown: 'failed',
};

/** The chip's tone: a Running pod that is not Ready yet is still coming up. */
export function podTone(status: string, ready: boolean): PodTone {
  if (status === 'Running') return ready ? 'ok' : 'pending';
  return TONE[status] ?? (status.startsWith('ExitCode:') ? 'failed' : 'pending');
}

/** CPU in millicores and memory in MiB throughout, so bars read alike: `750m / 1930m`. */
export const milli = (n: number) => `${Math.round(n)}m`;
export const mebi = (bytes: number) => `${Math.round(bytes / 2 ** 20)}Mi`;

function usage(used: number, total: number, fmt: (n: number) => string): Usage {
  return { used, total, text: `${fmt(used)} / ${fmt(total)}` };
}

/** A pod still holds its requests on its node until it has finished (kubectl describe node). */
const holdsRequests = (pod: EksPod) =>
  pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';

/** ReplicaSet (`ns/name`) → the Deployment that owns it. */
type RsOwners = ReadonlyMap<string, string>;

function rsOwners(replicaSets: KubeState['replicaSets']): RsOwners {
  const out = new Map<string, string>();
  for (const [key, rs] of Object.entries(replicaSets))
    if (rs.metadata.owner) out.set(key, rs.metadata.owner.name);
  return out;
}

/** `deployment/web` for a pod of web's ReplicaSet, `daemonset/agent`, or null. */
function ownerOf(pod: EksPod, owners: RsOwners): string | null {
  const owner = pod.metadata.owner;
  if (!owner) return null;
  if (owner.kind === 'DaemonSet') return `daemonset/${owner.name}`;
  const deployment = owners.get(`${pod.metadata.namespace}/${owner.name}`);
  return deployment ? `deployment/${deployment}` : `replicaset/${owner.name}`;
}

export function podChip(key: string, pod: EksPod, owners: RsOwners = new Map()): PodChipView {
  const statuses = pod.status.containerStatuses;
  const readyCount = statuses.filter((c) => c.ready).length;
  const status = podStatus(pod);
  return {
    key,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
    status,
    tone: podTone(status, readyCount === pod.spec.containers.length && readyCount > 0),
    ready: `${readyCount}/${pod.spec.containers.length}`,
    restarts: statuses.reduce((n, c) => n + c.restartCount, 0),
    node: pod.spec.nodeName,
    owner: ownerOf(pod, owners),
  };
}

function nodeView(
  node: EksNode,
  pods: [string, EksPod][],
  world: World,
  owners: RsOwners,
): EksNodeView {
  let cpu = 0;
  let memory = 0;
  let count = 0;
  const chips: PodChipView[] = [];
  for (const [key, pod] of pods) {
    chips.push(podChip(key, pod, owners));
    if (!holdsRequests(pod)) continue;
    const req = podRequest(pod.spec);
    cpu += req.cpu;
    memory += req.memory;
    count += 1;
  }
  const capacityLabel = node.labels['eks.amazonaws.com/capacityType'];
  const fargate = node.fargate;
  return {
    name: node.name,
    kind: node.nodegroup ? `node group ${node.nodegroup}` : (ORIGIN[node.origin] ?? node.origin),
    origin: node.origin,
    nodegroup: node.nodegroup,
    instanceType: node.instanceType,
    capacity:
      node.origin === 'fargate' ? 'Fargate' : capacityLabel === 'SPOT' ? 'Spot' : 'On-Demand',
    az: node.az,
    status: nodeStatusText(node),
    ready: node.ready === 'True' && !world.azDown.includes(node.az),
    cordoned: node.unschedulable,
    cpu: usage(cpu, node.allocatable.cpuMilli, milli),
    memory: usage(memory, node.allocatable.memoryBytes, mebi),
    pods: usage(count, node.allocatable.pods, String),
    chips,
    fargate: fargate
      ? {
          size: `${fargate.cpu / 1024}vCPU ${fargate.memoryMiB / 1024}GB`,
          pricePerHour: fargate.pricePerHour,
        }
      : null,
  };
}

function controlPlaneView(cluster: EksCluster, world: World): ControlPlaneView {
  const health = controlPlaneHealth(cluster.controlPlane, world.azDown);
  const managed = cluster.kind === 'eks';
  const members = cluster.controlPlane.members.map((m) => ({
    role: m.role === 'api-server' ? ('API server' as const) : ('etcd' as const),
    az: m.az,
    up: !world.azDown.includes(m.az),
  }));
  const apiTotal = members.filter((m) => m.role === 'API server').length;
  const quorum = Math.floor(health.etcdTotal / 2) + 1;
  const active = cluster.status === 'ACTIVE';
  const api = !active
    ? 'not answering yet'
    : health.state === 'available'
      ? 'answering'
      : health.state === 'unreachable'
        ? 'not answering'
        : 'answering, etcd without quorum';
  const azCount = new Set(members.map((m) => m.az)).size;
  return {
    managed,
    where: managed
      ? `Run by AWS in an AWS-owned VPC: ${apiTotal} API servers and ${health.etcdTotal} etcd members across ${azCount} AZs.`
      : `kubeadm on one EC2 instance${cluster.instanceId ? ` (${cluster.instanceId})` : ''} in ${members[0]?.az ?? 'one AZ'}: one API server and one etcd member, run by you.`,
    api,
    health: `${health.apiServers} of ${apiTotal} API server${apiTotal === 1 ? '' : 's'} up, etcd ${health.etcd} of ${health.etcdTotal} (quorum ${quorum})`,
    tone: !active ? 'pending' : health.state === 'available' ? 'ok' : 'failed',
    members,
    backups: managed
      ? 'etcd is backed up and repaired by AWS; you never see or snapshot it.'
      : 'etcd lives on this one instance: snapshots (etcdctl snapshot save) are your chore.',
  };
}

/** A Deployment's pods (through its ReplicaSets): how many exist, are Ready, run the newest revision. */
export function deploymentPods(
  kube: KubeState,
  namespace: string,
  name: string,
): { total: number; ready: number } {
  const owners = rsOwners(kube.replicaSets);
  let total = 0;
  let ready = 0;
  for (const pod of Object.values(kube.pods)) {
    if (pod.metadata.namespace !== namespace || ownerOf(pod, owners) !== `deployment/${name}`)
      continue;
    if (pod.metadata.deletionTime !== null) continue;
    total += 1;
    const cs = pod.status.containerStatuses;
    if (cs.length > 0 && cs.every((c) => c.ready)) ready += 1;
  }
  return { total, ready };
}

export function eksView(world: World): EksClusterView[] {
  const eks = world.eks;
  if (!eks) return [];
  return Object.values(eks.clusters).map((cluster) => {
    const kube = Object.hasOwn(eks.kube, cluster.name) ? eks.kube[cluster.name] : undefined;
    const nodes = Object.values(kube?.nodes ?? {}).filter((n) => !n.gone);
    const owners = rsOwners(kube?.replicaSets ?? {});
    const podsOn = new Map<string, [string, EksPod][]>();
    const statuses = new Map<string, number>();
    const pending: PendingPodView[] = [];
    for (const [key, pod] of Object.entries(kube?.pods ?? {})) {
      const status = podStatus(pod);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const node = pod.spec.nodeName;
      if (node) {
        let list = podsOn.get(node);
        if (!list) podsOn.set(node, (list = []));
        list.push([key, pod]);
      } else if (pod.status.phase === 'Pending')
        pending.push({
          ...podChip(key, pod, owners),
          message:
            pod.runtime.lastDecision?.message ??
            pod.runtime.unsupported ??
            pod.status.message ??
            (pod.runtime.fargateProfile
              ? `waiting for a Fargate micro-VM (profile ${pod.runtime.fargateProfile})`
              : 'waiting for the scheduler'),
        });
    }
    const nodeViews = nodes.map((n) => nodeView(n, podsOn.get(n.name) ?? [], world, owners));
    const azNames = [...new Set([...cluster.azs, ...nodeViews.map((n) => n.az)])].sort();
    const azs: EksAzView[] = azNames.map((az) => ({
      az,
      down: world.azDown.includes(az),
      nodes: nodeViews.filter((n) => n.az === az && n.origin !== 'fargate'),
      microVms: nodeViews.filter((n) => n.az === az && n.origin === 'fargate'),
    }));
    const controlPlane = controlPlaneView(cluster, world);
    return {
      name: cluster.name,
      status: cluster.status,
      version: cluster.version,
      managed: cluster.kind === 'eks',
      pricePerHour: cluster.kind === 'eks' ? controlPlanePricePerHour(cluster.supportType) : null,
      controlPlane,
      members: controlPlane.members,
      api: controlPlane.api,
      nodes: azs.flatMap((a) => [...a.nodes, ...a.microVms]),
      azs,
      podStatuses: [...statuses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      pending,
      nodegroups: Object.values(eks.nodegroups)
        .filter((g) => g.cluster === cluster.name)
        .map((g) => ({
          name: g.name,
          status: g.status,
          sizes: `min ${g.minSize} · desired ${g.desiredSize} · max ${g.maxSize}`,
          instanceTypes: g.instanceTypes.join(', '),
        })),
      fargateProfiles: Object.values(eks.fargateProfiles)
        .filter((p) => p.cluster === cluster.name)
        .map((p) => ({
          name: p.name,
          status: p.status,
          selectors: p.selectors
            .map(
              (s) =>
                `namespace ${s.namespace}${
                  s.labels && Object.keys(s.labels).length > 0
                    ? ` with ${Object.entries(s.labels)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(', ')}`
                    : ''
                }`,
            )
            .join('; '),
        })),
      deployments: Object.entries(kube?.deployments ?? {}).map(([key, d]) => {
        const { name, namespace } = d.object.metadata;
        const ready = kube ? deploymentPods(kube, namespace, name).ready : 0;
        return { key, name, namespace, ready: `${ready}/${d.object.spec.replicas}` };
      }),
      clusterAutoscaler: cluster.clusterAutoscaler !== null,
    };
  });
}
