/**
 * Shared helpers of the EKS module: reaching the slice and a cluster's Kubernetes state,
 * whether a control plane answers, Kubernetes events (kept for kubectl and mirrored into the
 * sandbox's event log), addresses and ids.
 */
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import type { EngineContext } from '../../engine/module.ts';
import { random } from '../../engine/rng.ts';
import {
  controlPlaneHealth,
  kubectlConnectionError,
  KUBECTL_NO_KUBECONFIG,
  type ControlPlaneHealth,
} from './control-plane.ts';
import type { EventDraft } from './k8s-events.ts';
import type { EksCluster, EksSlice, KubeState } from './world.ts';

/** How many Kubernetes events a cluster keeps (the API server keeps them an hour; approx). */
export const KUBE_EVENTS_KEPT = 2000;
/** Repeats are aggregated with an event among this many of the latest (the recorder's cache; approx). */
const AGGREGATE_WINDOW = 400;

export const key = (namespace: string, name: string) => `${namespace}/${name}`;

/** The EKS slice of a world where the module is active. */
export function eksOf(world: World): EksSlice {
  const slice = world.eks;
  if (!slice) throw new Error('this world has no EKS slice');
  return slice;
}

export function kubeOf(world: World, cluster: string): KubeState {
  const kube = own(eksOf(world).kube, cluster);
  if (!kube) throw new Error(`no Kubernetes state for cluster ${cluster}`);
  return kube;
}

/** Whether the control plane answers, and how healthy its members are. */
export function clusterHealth(world: World, cluster: EksCluster): ControlPlaneHealth {
  if (cluster.kind === 'kubeadm') {
    const instance = cluster.instanceId ? own(world.ec2.instances, cluster.instanceId) : null;
    const up =
      instance !== null &&
      instance !== undefined &&
      instance.state === 'running' &&
      instance.reachable;
    return up
      ? { state: 'available', apiServers: 1, etcd: 1, etcdTotal: 1 }
      : { state: 'unreachable', apiServers: 0, etcd: 0, etcdTotal: 1 };
  }
  return controlPlaneHealth(cluster.controlPlane, world.azDown);
}

/** Whether the cluster's API server answers requests now (ACTIVE or UPDATING, quorum kept). */
export function apiUp(world: World, cluster: EksCluster): boolean {
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') return false;
  return clusterHealth(world, cluster).state === 'available';
}

export type Target =
  { ok: true; cluster: EksCluster; kube: KubeState } | { ok: false; error: string; field: string };

/** The cluster kubectl talks to (the kubeconfig's current context), or kubectl's own error. */
export function currentTarget(world: World): Target {
  const eks = eksOf(world);
  const context = eks.kubeconfig.currentContext;
  const entry = context === null ? undefined : own(eks.kubeconfig.contexts, context);
  if (!entry) return { ok: false, field: 'type', error: KUBECTL_NO_KUBECONFIG };
  const cluster = own(eks.clusters, entry.cluster);
  if (!cluster)
    return {
      ok: false,
      field: 'type',
      error: `Unable to connect to the server: dial tcp: lookup ${entry.server.replace(/^https:\/\//, '')}: no such host`,
    };
  const health = clusterHealth(world, cluster);
  const down = kubectlConnectionError(cluster.controlPlane, health);
  if (down) return { ok: false, field: 'type', error: down };
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING')
    return {
      ok: false,
      field: 'type',
      error: `Unable to connect to the server: dial tcp: lookup ${cluster.endpoint.replace(/^https:\/\//, '')}: no such host`,
    };
  return { ok: true, cluster, kube: kubeOf(world, cluster.name) };
}

/**
 * Records a Kubernetes event the way the event recorder aggregates it (the same object,
 * reason, type and message bumps the count), and, unless `quiet`, mirrors it into the
 * sandbox's event log as `pod/web-… Reason: message`.
 */
export function kubeEvent(
  ctx: EngineContext,
  cluster: string,
  draft: EventDraft,
  options: { quiet?: boolean; level?: 'info' | 'warning' | 'error' } = {},
): number | null {
  const world = ctx.world;
  const kube = kubeOf(world, cluster);
  const events = kube.events;
  const now = world.time;
  let found = false;
  for (let i = events.length - 1; i >= 0 && i >= events.length - AGGREGATE_WINDOW; i--) {
    const e = events[i]!;
    if (
      e.object === draft.object &&
      e.reason === draft.reason &&
      e.message === draft.message &&
      e.namespace === draft.namespace &&
      e.type === draft.type
    ) {
      events[i] = { ...e, lastTimestamp: now, count: e.count + 1 };
      found = true;
      break;
    }
  }
  if (!found) {
    events.push({ ...draft, firstTimestamp: now, lastTimestamp: now, count: 1 });
    if (events.length > KUBE_EVENTS_KEPT) events.splice(0, events.length - KUBE_EVENTS_KEPT);
  }
  if (options.quiet) return null;
  const level = options.level ?? (draft.type === 'Warning' ? 'warning' : 'info');
  const ns = draft.object.startsWith('node/') ? '' : `${draft.namespace}/`;
  return ctx.emit('kubernetes', level, `${ns}${draft.object} ${draft.reason}: ${draft.message}`, {
    subject: draft.object,
  });
}

/** A Kubernetes event about a namespaced object of any kind. */
export function objectEvent(
  object: string,
  namespace: string,
  type: 'Normal' | 'Warning',
  reason: string,
  source: string,
  message: string,
): EventDraft {
  return { object, namespace, type, reason, source, message };
}

/** Subnet third octet per AZ: a → 10.0.0.x… (16 /24s per AZ). */
function azOctet(world: World, az: string): number {
  const i = world.azs.indexOf(az);
  return (i < 0 ? 0 : i) * 16;
}

/** The next private address in an AZ's subnet (nodes and pods share the VPC, as with the VPC CNI). */
export function nextIp(world: World, az: string): string {
  const eks = eksOf(world);
  const n = eks.counter++;
  return `10.0.${azOctet(world, az) + Math.floor(n / 200)}.${20 + (n % 200)}`;
}

/** A pod or object uid (UUID-shaped, from the world's PRNG). */
export function uid(world: World): string {
  const hex = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(random(world) * 16).toString(16);
    return out;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random(world) * 4)]}${hex(3)}-${hex(12)}`;
}

export const clusterArn = (world: World, name: string) =>
  `arn:aws:eks:${world.region}:${world.accountId}:cluster/${name}`;
