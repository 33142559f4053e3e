/**
 * Where pods go: kube-scheduler (scheduler.ts) over a cluster's nodes for the Pending pods,
 * each decision kept on the pod with its per-node verdicts, FailedScheduling recorded as the
 * scheduler records it; and the Fargate scheduler, which gives each pod a Fargate profile
 * selected its own micro-VM node once it is provisioned.
 */
import { REGIONS } from '../../model/aws-data.ts';
import { own } from '../../model/record.ts';
import type { EngineContext } from '../../engine/module.ts';
import { random } from '../../engine/rng.ts';
import { fargatePodSize, fargateUnsupported } from './fargate.ts';
import { podEvents } from './k8s-events.ts';
import { nodeNameFor } from './names.ts';
import { fargateNode } from './objects.ts';
import { bindPod } from './pods.ts';
import { buildSchedulerState, schedulePod } from './scheduler.ts';
import { apiUp, eksOf, key, kubeEvent, kubeOf, nextIp } from './state.ts';
import type { Taint } from './types.ts';
import type { EksNode, EksPod } from './world.ts';
import { kubeletVersion } from './nodes.ts';

/** Unschedulable pods are retried at least this often without a cluster change (podMaxInUnschedulablePodsDuration). */
export const UNSCHEDULABLE_FLUSH_SECONDS = 300;

export const FARGATE_TAINT: Taint = {
  key: 'eks.amazonaws.com/compute-type',
  value: 'fargate',
  effect: 'NoSchedule',
  timeAdded: null,
};

const byQueueOrder = (a: EksPod, b: EksPod) =>
  b.spec.priority - a.spec.priority ||
  a.metadata.creationTime - b.metadata.creationTime ||
  (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

export function kubeSchedulerController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  if (!eks.schedulerDirty && now < eks.nextScheduleAt) return;
  eks.schedulerDirty = false;
  eks.nextScheduleAt = now + UNSCHEDULABLE_FLUSH_SECONDS;
  for (const name in eks.clusters) {
    const cluster = eks.clusters[name]!;
    if (!apiUp(world, cluster)) continue;
    const kube = kubeOf(world, name);
    const pending: EksPod[] = [];
    const bound: EksPod[] = [];
    for (const k in kube.pods) {
      const p = kube.pods[k]!;
      if (p.spec.nodeName) {
        if (
          p.runtime.state !== 'Succeeded' &&
          p.runtime.state !== 'Failed' &&
          p.runtime.state !== 'Evicted'
        )
          bound.push(p);
      } else if (
        p.metadata.deletionTime === null &&
        p.runtime.state === 'Pending' &&
        p.runtime.fargateProfile === null
      )
        pending.push(p);
    }
    if (pending.length === 0) continue;
    pending.sort(byQueueOrder);
    const nodes: EksNode[] = [];
    for (const n in kube.nodes) if (!kube.nodes[n]!.gone) nodes.push(kube.nodes[n]!);
    const state = buildSchedulerState(nodes, bound);
    const rand = () => random(world);
    for (const pod of pending) {
      const decision = schedulePod(pod, state, undefined, rand);
      const previous = pod.runtime.lastDecision?.message ?? null;
      pod.runtime.lastDecision = decision;
      if (decision.node) {
        const node = own(kube.nodes, decision.node)!;
        bindPod(ctx, { world, cluster: name }, pod, node);
        recordPending(ctx, name, pod, now);
      } else {
        const message = decision.message ?? 'no nodes available to schedule pods';
        const ref = {
          name: pod.metadata.name,
          namespace: pod.metadata.namespace,
          uid: pod.metadata.uid,
        };
        kubeEvent(ctx, name, podEvents.failedScheduling(ref, message), {
          quiet: previous === message,
        });
      }
    }
  }
}

/** The longest wait before scheduling, per owner (for the no-pod-pending-longer-than goal). */
export function recordPending(ctx: EngineContext, cluster: string, pod: EksPod, now: number): void {
  const eks = eksOf(ctx.world);
  const owner = ownerKey(cluster, pod);
  const waited = now - pod.metadata.creationTime;
  const prev = own(eks.longestPending, owner);
  if (!prev || waited > prev.seconds)
    eks.longestPending[owner] = {
      seconds: waited,
      pod: key(pod.metadata.namespace, pod.metadata.name),
      since: pod.metadata.creationTime,
    };
}

/** `cluster/ns/<deployment or pod>`: what a pod belongs to, for goals and metrics. */
export function ownerKey(cluster: string, pod: EksPod): string {
  const owner = pod.metadata.owner;
  let name = pod.metadata.name;
  if (owner?.kind === 'ReplicaSet') {
    const i = owner.name.lastIndexOf('-');
    name = i > 0 ? owner.name.slice(0, i) : owner.name;
  } else if (owner) name = owner.name;
  return `${cluster}/${pod.metadata.namespace}/${name}`;
}

/** The Fargate scheduler: a micro-VM per selected pod, then the pod is bound to it. */
export function fargateSchedulerController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  for (const name in eks.clusters) {
    const cluster = eks.clusters[name]!;
    if (!apiUp(world, cluster)) continue;
    const kube = kubeOf(world, name);
    let profiles = false;
    for (const k in eks.fargateProfiles)
      if (eks.fargateProfiles[k]!.cluster === name) profiles = true;
    if (!profiles) continue;
    for (const k in kube.pods) {
      const pod = kube.pods[k]!;
      const rt = pod.runtime;
      if (rt.fargateProfile === null || pod.spec.nodeName || pod.metadata.deletionTime !== null)
        continue;
      if (rt.unsupported !== null) continue;
      if (rt.fargateAt === null) {
        const why = fargateUnsupported(pod.spec, pod.metadata.owner?.kind ?? null);
        const size = fargatePodSize(pod.spec);
        if (why || !size) {
          rt.unsupported = why ?? 'the pod requests more than the largest Fargate size';
          kubeEvent(ctx, name, {
            ...podEvents.failedScheduling(
              { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
              `Pod not supported on Fargate: ${rt.unsupported}`,
            ),
            source: 'fargate-scheduler',
          });
          continue;
        }
        pod.metadata.annotations.CapacityProvisioned = size.capacityProvisioned;
        rt.fargateAt = now + ctx.randomInt(30, 60);
        continue;
      }
      if (rt.fargateAt > now) continue;
      rt.fargateAt = null;
      const size = fargatePodSize(pod.spec)!;
      const azs = cluster.azs.filter((az) => !world.azDown.includes(az));
      if (azs.length === 0) continue;
      // The pod's subnet: the healthy AZ with the fewest Fargate nodes (approx: AWS picks among the profile's subnets).
      const counts = new Map(azs.map((az) => [az, 0]));
      for (const n in kube.nodes) {
        const node = kube.nodes[n]!;
        if (node.origin === 'fargate' && counts.has(node.az))
          counts.set(node.az, counts.get(node.az)! + 1);
      }
      let az = azs[0]!;
      for (const candidate of azs) if (counts.get(candidate)! < counts.get(az)!) az = candidate;
      const ip = nextIp(world, az);
      const nodeName = nodeNameFor(ip, world.region, true);
      const region = own(REGIONS, world.region) ?? REGIONS['eu-west-3']!;
      const base = fargateNode({
        name: nodeName,
        zone: az,
        region: world.region,
        internalIP: ip,
        cpu: size.cpu,
        memoryMiB: size.memoryMiB,
        now,
        kubeletVersion: kubeletVersion(cluster.version),
      });
      const node: EksNode = {
        ...base,
        taints: [{ ...FARGATE_TAINT }],
        origin: 'fargate',
        nodegroup: null,
        az,
        instanceType: null,
        fargatePod: k,
        fargate: {
          cpu: size.cpu,
          memoryMiB: size.memoryMiB,
          pricePerHour:
            (size.cpu / 1024) * region.fargateVcpuHour +
            (size.memoryMiB / 1024) * region.fargateGbHour,
          billedSeconds: 0,
        },
        images: [],
        gone: false,
      };
      kube.nodes[nodeName] = node;
      ctx.withCause(
        { kind: 'timer', subject: `pod/${pod.metadata.name}`, timer: 'fargateProvision' },
        () => {
          bindPod(ctx, { world, cluster: name }, pod, node);
          recordPending(ctx, name, pod, now);
        },
      );
    }
  }
}
