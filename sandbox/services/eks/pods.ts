/**
 * Pods as the kubelet runs them: the pod lifecycle chart (pod-machine.ts) stepped as a table,
 * its named effects carried out on the world (image pulls through the registry interface,
 * container start and exit, SIGTERM and removal), and the Pod's status derived from the
 * chart's state the way the API shows it.
 */
import type { EngineContext } from '../../engine/module.ts';
import {
  deriveTable,
  delayedTransition,
  runEffects,
  transitionFor,
  type TransitionRow,
} from '../../engine/machine-table.ts';
import { own } from '../../model/record.ts';
import {
  catalogueResolver,
  pullFailureMessage,
  PUBLIC_IMAGES,
  type ResolveImage,
} from './images.ts';
import { podEvents } from './k8s-events.ts';
import { matchFargateProfile, PROFILE_LABEL, type FargateProfile } from './fargate-profiles.ts';
import { defaultTolerations } from './node-health.ts';
import { podFromTemplate } from './objects.ts';
import {
  backOffSeconds,
  OOM_EXIT_CODE,
  podMachine,
  type PodMachineContext,
  type PodMachineEvent,
  type PodMachineState,
} from './pod-machine.ts';
import { eksOf, key, kubeEvent, kubeOf, nextIp, uid } from './state.ts';
import type { Labels, PodTemplate } from './types.ts';
import type { EksNode, EksPod, PodRuntime } from './world.ts';

export const POD_TABLE = deriveTable(podMachine);

/** Image pull on an EC2 node without the image cached (approx; small public images). */
export const EC2_PULL_SECONDS: [number, number] = [2, 5];
/** Image pull on Fargate (no cache; approx). */
export const FARGATE_PULL_SECONDS: [number, number] = [5, 15];
/** Fargate: a micro-VM for the pod before it is scheduled (approx, as for ECS on Fargate). */
export const FARGATE_PROVISION_SECONDS: [number, number] = [30, 60];
/** A container that handles SIGTERM stops this long after it (approx). */
export const POD_STOP_SECONDS = 2;
/** A crash fault: the container exits this long after it starts (approx). */
export const CRASH_AFTER_SECONDS = 3;
/** An out-of-memory fault: the kernel kills the container this long after it starts (approx). */
export const OOM_AFTER_SECONDS = 5;

export interface PodPlace {
  world: EngineContext['world'];
  cluster: string;
}

const resolvers = new Map<string, ResolveImage>();
/** The registry the kubelet pulls from: the public catalogue minus the tags a fault removed. */
export function registry(missing: readonly string[]): ResolveImage {
  const cacheKey = missing.join('\n');
  let r = resolvers.get(cacheKey);
  if (!r) {
    if (resolvers.size > 50) resolvers.clear();
    r = catalogueResolver(PUBLIC_IMAGES, { missing });
    resolvers.set(cacheKey, r);
  }
  return r;
}

function initialMachine(pod: EksPod['spec']): PodMachineContext {
  return {
    restartPolicy: pod.restartPolicy,
    gracePeriodSeconds: pod.terminationGracePeriodSeconds,
    syncSeconds: 1,
    restartCount: 0,
    crashes: 0,
    pullFailures: 0,
    lastTermination: null,
    pullError: null,
    evictionMessage: null,
  };
}

/** A kubelet timer was set: the kubelets look again at that time. */
export function wakeKubelet(world: EngineContext['world'], at: number | null): void {
  if (at === null) return;
  const eks = eksOf(world);
  if (at < eks.kubeletWakeAt) eks.kubeletWakeAt = at;
}

/** Something about pods changed: controllers and endpoints look again. */
export function podsChanged(world: EngineContext['world']): void {
  const eks = eksOf(world);
  eks.workloadsDirty = true;
  eks.endpointsDirty = true;
}

/** A new Pending pod from a template (the ReplicaSet or DaemonSet controller's create). */
export function createPod(
  ctx: EngineContext,
  cluster: string,
  template: PodTemplate,
  init: {
    name: string;
    namespace: string;
    owner: EksPod['metadata']['owner'];
    labels?: Labels;
    revision: number;
    nodeName?: string | null;
  },
): EksPod {
  const world = ctx.world;
  const base = podFromTemplate(template, {
    name: init.name,
    namespace: init.namespace,
    uid: uid(world),
    now: world.time,
    owner: init.owner,
    ...(init.labels ? { labels: init.labels } : {}),
  });
  base.spec.tolerations = defaultTolerations(base.spec.tolerations);
  const runtime: PodRuntime = {
    state: 'Pending',
    machine: initialMachine(base.spec),
    nextTransitionAt: null,
    exitAt: null,
    readyAt: null,
    lastDecision: null,
    pendingSince: world.time,
    cpuUsageMilli: 0,
    fargateProfile: null,
    revision: init.revision,
    pullAt: null,
    stopAt: null,
    fargateAt: null,
    unsupported: null,
    startedAt: null,
    lastExitAt: null,
    nodeNotReady: false,
  };
  const pod: EksPod = { ...base, runtime };
  if (init.nodeName) pod.spec.nodeName = init.nodeName;
  else {
    // The Fargate admission webhook: a pod a profile selects goes to the Fargate scheduler.
    const eks = eksOf(world);
    const profiles: FargateProfile[] = [];
    for (const k in eks.fargateProfiles) {
      const p = eks.fargateProfiles[k]!;
      if (p.cluster === cluster && p.status === 'ACTIVE') profiles.push(p);
    }
    if (profiles.length > 0) {
      const chosen = matchFargateProfile(pod, profiles);
      if (chosen) {
        runtime.fargateProfile = chosen;
        pod.metadata.labels[PROFILE_LABEL] = chosen;
      }
    }
  }
  const kube = kubeOf(world, cluster);
  kube.pods[key(pod.metadata.namespace, pod.metadata.name)] = pod;
  eksOf(world).schedulerDirty = true;
  podsChanged(world);
  return pod;
}

const podRef = (pod: EksPod) => ({
  name: pod.metadata.name,
  namespace: pod.metadata.namespace,
  uid: pod.metadata.uid,
});

export function nodeOf(place: PodPlace, pod: EksPod): EksNode | null {
  const name = pod.spec.nodeName;
  if (!name) return null;
  return own(kubeOf(place.world, place.cluster).nodes, name) ?? null;
}

/** Whether the node's kubelet is running and reachable (it runs the pod's timers). */
export function kubeletUp(place: PodPlace, node: EksNode | null): boolean {
  if (!node || node.gone) return false;
  if (node.origin === 'fargate') return !place.world.azDown.includes(node.az);
  const instance = node.instanceId ? own(place.world.ec2.instances, node.instanceId) : null;
  return !!instance && instance.state === 'running' && instance.reachable;
}

/** A crash or OOM fault that applies to this pod's image. */
function crashFault(place: PodPlace, pod: EksPod) {
  const eks = eksOf(place.world);
  const owner = deploymentOf(place, pod);
  if (!owner) return null;
  const fault = own(eks.crashFaults, `${place.cluster}/${owner}`);
  if (!fault) return null;
  return pod.spec.containers.some((c) => c.image === fault.image) ? fault : null;
}

/** `ns/name` of the Deployment behind a pod (through its ReplicaSet), or null. */
export function deploymentOf(place: PodPlace, pod: EksPod): string | null {
  const owner = pod.metadata.owner;
  if (!owner || owner.kind !== 'ReplicaSet') return null;
  const rs = own(
    kubeOf(place.world, place.cluster).replicaSets,
    key(pod.metadata.namespace, owner.name),
  );
  const d = rs?.metadata.owner;
  return d ? key(pod.metadata.namespace, d.name) : null;
}

type Effect = (
  ctx: EngineContext,
  place: PodPlace,
  pod: EksPod,
  event: PodMachineEvent | null,
) => void;

const container = (pod: EksPod) => pod.spec.containers[0]!;

const EFFECTS: Record<string, Effect> = {
  pullImage: (ctx, place, pod) => {
    const node = nodeOf(place, pod);
    const image = container(pod).image;
    const cached = !!node && node.images.includes(image);
    if (cached) {
      pod.runtime.pullAt = ctx.world.time;
      wakeKubelet(ctx.world, pod.runtime.pullAt);
      return;
    }
    kubeEvent(ctx, place.cluster, podEvents.pulling(podRef(pod), image), { quiet: true });
    const [min, max] = node?.origin === 'fargate' ? FARGATE_PULL_SECONDS : EC2_PULL_SECONDS;
    pod.runtime.pullAt = ctx.world.time + ctx.randomInt(min, max);
    wakeKubelet(ctx.world, pod.runtime.pullAt);
  },
  startContainer: (ctx, place, pod) => {
    const c = container(pod);
    const now = ctx.world.time;
    kubeEvent(ctx, place.cluster, podEvents.created(podRef(pod), c.name), { quiet: true });
    kubeEvent(ctx, place.cluster, podEvents.started(podRef(pod), c.name));
    const fault = crashFault(place, pod);
    pod.runtime.exitAt = fault ? now + (fault.oom ? OOM_AFTER_SECONDS : CRASH_AFTER_SECONDS) : null;
    const probe = c.readinessProbe;
    pod.runtime.readyAt = now + (probe ? Math.max(1, probe.initialDelaySeconds) : 0);
    pod.runtime.cpuUsageMilli = 5;
    wakeKubelet(ctx.world, pod.runtime.exitAt);
    wakeKubelet(ctx.world, pod.runtime.readyAt);
    pod.runtime.startedAt = now;
    if (pod.status.startTime === null) pod.status.startTime = now;
  },
  killContainer: (ctx, place, pod) => {
    const node = nodeOf(place, pod);
    if (pod.runtime.state !== 'Running' && pod.runtime.state !== 'ContainerCreating') {
      pod.runtime.stopAt = ctx.world.time;
      return;
    }
    kubeEvent(ctx, place.cluster, podEvents.killing(podRef(pod), container(pod).name), {
      quiet: true,
    });
    pod.runtime.stopAt = kubeletUp(place, node) ? ctx.world.time + POD_STOP_SECONDS : null;
    pod.runtime.exitAt = null;
    pod.runtime.readyAt = null;
    pod.runtime.cpuUsageMilli = 0;
    wakeKubelet(ctx.world, pod.runtime.stopAt);
  },
  removePod: (ctx, place, pod) => removePodNow(ctx, place, pod),
  recordExit: (_ctx, _place, pod, event) => {
    if (event?.type !== 'container.exited') return;
    const m = pod.runtime.machine;
    m.lastTermination = { reason: event.reason, exitCode: event.exitCode };
    m.crashes = event.ranSeconds >= 600 ? 1 : m.crashes + 1;
  },
  countRestart: (_ctx, _place, pod) => {
    pod.runtime.machine.restartCount += 1;
  },
  recordPullFailure: (_ctx, _place, pod, event) => {
    const m = pod.runtime.machine;
    m.pullFailures += 1;
    if (event?.type === 'image.pulled') m.pullError = event.resolution;
  },
  clearPullFailures: (_ctx, _place, pod) => {
    pod.runtime.machine.pullFailures = 0;
    pod.runtime.machine.pullError = null;
  },
  recordEviction: (_ctx, _place, pod, event) => {
    pod.runtime.machine.evictionMessage = event?.type === 'pod.evicted' ? event.message : null;
  },
  setGracePeriod: (_ctx, _place, pod, event) => {
    if (event?.type === 'pod.delete' && event.gracePeriodSeconds !== undefined)
      pod.runtime.machine.gracePeriodSeconds = event.gracePeriodSeconds;
  },
};

function guard(name: string, m: PodMachineContext, event: PodMachineEvent | null): boolean {
  switch (name) {
    case 'imageFound':
      return event?.type === 'image.pulled' && event.resolution.result === 'found';
    case 'willRestart':
      return (
        event?.type === 'container.exited' &&
        (m.restartPolicy === 'Always' || (m.restartPolicy === 'OnFailure' && event.exitCode !== 0))
      );
    case 'exitedCleanly':
      return event?.type === 'container.exited' && event.exitCode === 0;
    default:
      throw new Error(`pod chart: unknown guard ${name}`);
  }
}

/** Seconds of a named delay of the pod chart, from the pod's context. */
export function podDelaySeconds(delay: string, m: PodMachineContext): number {
  switch (delay) {
    case 'sync':
      return m.syncSeconds;
    case 'crashBackOff':
      return backOffSeconds(m.crashes);
    case 'pullBackOff':
      return backOffSeconds(m.pullFailures);
    case 'gracePeriod':
      return m.gracePeriodSeconds;
    default:
      throw new Error(`pod chart: unknown delay ${delay}`);
  }
}

function take(
  ctx: EngineContext,
  place: PodPlace,
  pod: EksPod,
  row: TransitionRow,
  event: PodMachineEvent | null,
): void {
  const from = pod.runtime.state;
  runEffects(POD_TABLE, from, row, EFFECTS, ctx, place, pod, event);
  if (row.target === 'Deleted') return;
  pod.runtime.state = row.target as PodMachineState;
  const after = delayedTransition(POD_TABLE, row.target);
  pod.runtime.nextTransitionAt = after
    ? ctx.world.time + podDelaySeconds(after.delay, pod.runtime.machine)
    : null;
  wakeKubelet(ctx.world, pod.runtime.nextTransitionAt);
  if (pod.runtime.state !== 'Running') pod.runtime.cpuUsageMilli = 0;
  afterEntering(ctx, place, pod, from);
  syncStatus(pod, ctx.world.time, ctx.world);
}

/** Sends an event to the pod's chart; false when the chart ignores it in this state. */
export function sendPod(
  ctx: EngineContext,
  place: PodPlace,
  pod: EksPod,
  event: PodMachineEvent,
): boolean {
  const row = transitionFor(POD_TABLE, pod.runtime.state, event.type, (g) =>
    guard(g, pod.runtime.machine, event),
  );
  if (!row) return false;
  take(ctx, place, pod, row, event);
  return true;
}

/** Fires the chart's delayed transition of the pod's state. */
export function firePodTimer(ctx: EngineContext, place: PodPlace, pod: EksPod): void {
  const row = delayedTransition(POD_TABLE, pod.runtime.state);
  if (!row) {
    pod.runtime.nextTransitionAt = null;
    return;
  }
  ctx.withCause({ kind: 'timer', subject: `pod/${pod.metadata.name}`, timer: row.delay }, () =>
    take(ctx, place, pod, row, null),
  );
}

/** Events that follow from entering a state (the kubelet's reports). */
function afterEntering(ctx: EngineContext, place: PodPlace, pod: EksPod, from: string): void {
  const ref = podRef(pod);
  const image = container(pod).image;
  switch (pod.runtime.state) {
    case 'ErrImagePull': {
      const r = pod.runtime.machine.pullError;
      const [failed, error] = podEvents.pullFailed(
        ref,
        r ? pullFailureMessage(image, r) : `Failed to pull image ${JSON.stringify(image)}`,
      );
      kubeEvent(ctx, place.cluster, failed!);
      kubeEvent(ctx, place.cluster, error!, { quiet: true });
      break;
    }
    case 'ImagePullBackOff': {
      const [backOff, error] = podEvents.pullBackOff(ref, image);
      kubeEvent(ctx, place.cluster, backOff!);
      kubeEvent(ctx, place.cluster, error!, { quiet: true });
      break;
    }
    case 'CrashLoopBackOff':
      kubeEvent(ctx, place.cluster, podEvents.crashBackOff(ref, container(pod).name));
      break;
    case 'Running':
      if (from === 'ContainerCreating') {
        const node = nodeOf(place, pod);
        if (node && !node.images.includes(image)) node.images.push(image);
      }
      break;
    default:
      break;
  }
}

/** The pod's status as the API shows it, from the chart's state. */
export function syncStatus(pod: EksPod, now: number, world?: EngineContext['world']): void {
  if (world) podsChanged(world);
  const rt = pod.runtime;
  const m = rt.machine;
  const c = container(pod);
  const last = m.lastTermination;
  const lastState =
    last && rt.state !== 'Terminated'
      ? {
          state: 'terminated' as const,
          reason: last.reason,
          exitCode: last.exitCode,
          startedAt: pod.status.startTime ?? now,
          finishedAt: rt.lastExitAt ?? now,
        }
      : null;
  const waiting = (reason: string, message: string | null = null) => ({
    state: 'waiting' as const,
    reason,
    message,
  });
  let state: EksPod['status']['containerStatuses'][number]['state'] | null = null;
  let phase: EksPod['status']['phase'] = 'Pending';
  pod.status.reason = null;
  pod.status.message = null;
  switch (rt.state) {
    case 'Pending':
      state = null;
      break;
    case 'ContainerCreating':
      // A retry after a failed pull keeps the last reason, as the kubelet does: the API shows
      // ImagePullBackOff until the new attempt answers, never ContainerCreating again.
      state = waiting(m.pullFailures > 0 ? 'ImagePullBackOff' : 'ContainerCreating');
      break;
    case 'ErrImagePull':
    case 'ImagePullBackOff':
      state = waiting(rt.state);
      break;
    case 'Running':
      phase = 'Running';
      state = { state: 'running', startedAt: rt.startedAt ?? now };
      break;
    case 'Terminated':
      phase = 'Running';
      state = {
        state: 'terminated',
        reason: last?.reason ?? 'Error',
        exitCode: last?.exitCode ?? 1,
        startedAt: rt.startedAt ?? now,
        finishedAt: rt.lastExitAt ?? now,
      };
      break;
    case 'CrashLoopBackOff':
      phase = 'Running';
      state = waiting(
        'CrashLoopBackOff',
        `back-off ${backOffSeconds(m.crashes)}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
      );
      break;
    case 'Terminating':
      phase = pod.status.phase;
      state = pod.status.containerStatuses[0]?.state ?? null;
      break;
    case 'Succeeded':
      phase = 'Succeeded';
      state = {
        state: 'terminated',
        reason: 'Completed',
        exitCode: 0,
        startedAt: rt.startedAt ?? now,
        finishedAt: rt.lastExitAt ?? now,
      };
      break;
    case 'Failed':
      phase = 'Failed';
      state = {
        state: 'terminated',
        reason: last?.reason ?? 'Error',
        exitCode: last?.exitCode ?? 1,
        startedAt: rt.startedAt ?? now,
        finishedAt: rt.lastExitAt ?? now,
      };
      break;
    case 'Evicted':
      phase = 'Failed';
      pod.status.reason = 'Evicted';
      pod.status.message = m.evictionMessage;
      state = {
        state: 'terminated',
        reason: 'ContainerStatusUnknown',
        exitCode: 137,
        startedAt: rt.startedAt ?? now,
        finishedAt: now,
      };
      break;
    default:
      break;
  }
  pod.status.phase = phase;
  pod.status.containerStatuses = state
    ? [
        {
          name: c.name,
          image: c.image,
          ready: isReady(pod, now),
          restartCount: m.restartCount,
          state,
          lastState: rt.state === 'Terminated' ? null : lastState,
        },
      ]
    : [];
}

/** Ready: running, its readiness probe passed, its node healthy, not being deleted. */
export function isReady(pod: EksPod, now: number): boolean {
  const rt = pod.runtime;
  return (
    rt.state === 'Running' &&
    pod.metadata.deletionTime === null &&
    rt.readyAt !== null &&
    rt.readyAt <= now &&
    !rt.nodeNotReady
  );
}

/** Binds a pod to a node (the scheduler's bind) and starts it there. */
export function bindPod(ctx: EngineContext, place: PodPlace, pod: EksPod, node: EksNode): void {
  pod.spec.nodeName = node.name;
  pod.status.podIP = nextIp(ctx.world, node.az);
  pod.runtime.pendingSince = null;
  kubeEvent(ctx, place.cluster, {
    ...podEvents.scheduled(podRef(pod), node.name),
    source: node.origin === 'fargate' ? 'fargate-scheduler' : 'default-scheduler',
  });
  sendPod(ctx, place, pod, { type: 'pod.scheduled', node: node.name });
}

/** The kubelet's pull completes: the registry answers. */
export function finishPull(ctx: EngineContext, place: PodPlace, pod: EksPod): void {
  pod.runtime.pullAt = null;
  const image = container(pod).image;
  const node = nodeOf(place, pod);
  // The account's registry answers for its own references (as the node's role); the public catalogue for the rest.
  const role = node?.instanceId
    ? (own(eksOf(ctx.world).instanceRoles, node.instanceId) ?? null)
    : null;
  const fromRegistry = ctx.resolveImage({ image, role });
  // imagePullPolicy IfNotPresent (the default for a tag other than latest): an image the node
  // already has starts without asking the registry, whatever it would answer now.
  const ifNotPresent = node?.images.includes(image) === true && !image.endsWith(':latest');
  const resolution =
    fromRegistry === null
      ? registry(eksOf(ctx.world).missingImages)(image)
      : ifNotPresent
        ? { result: 'found' as const, reference: fromRegistry.reference }
        : fromRegistry;
  if (resolution.result === 'found') {
    const cached = !!node && node.images.includes(image);
    kubeEvent(
      ctx,
      place.cluster,
      cached
        ? {
            ...podEvents.pulled(podRef(pod), image, 0),
            message: `Container image ${JSON.stringify(image)} already present on machine`,
          }
        : podEvents.pulled(podRef(pod), image, 2),
      { quiet: true },
    );
  }
  sendPod(ctx, place, pod, { type: 'image.pulled', resolution });
}

/** The container exits on its own (a crash or OOM fault). */
export function exitContainer(ctx: EngineContext, place: PodPlace, pod: EksPod): void {
  const fault = crashFault(place, pod);
  const now = ctx.world.time;
  pod.runtime.exitAt = null;
  pod.runtime.lastExitAt = now;
  const oom = fault?.oom ?? false;
  const exitCode = oom ? OOM_EXIT_CODE : (fault?.exitCode ?? 1);
  const ran = now - (pod.runtime.startedAt ?? now);
  sendPod(ctx, place, pod, {
    type: 'container.exited',
    exitCode,
    reason: oom ? 'OOMKilled' : exitCode === 0 ? 'Completed' : 'Error',
    ranSeconds: ran,
  });
}

/** Starts deleting a pod (kubectl delete, a controller scaling down, an eviction). */
export function deletePod(
  ctx: EngineContext,
  place: PodPlace,
  pod: EksPod,
  gracePeriodSeconds?: number,
): void {
  if (pod.metadata.deletionTime !== null) return;
  pod.metadata.deletionTime = ctx.world.time;
  eksOf(ctx.world).schedulerDirty = true;
  sendPod(ctx, place, pod, {
    type: 'pod.delete',
    ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}),
  });
  syncStatus(pod, ctx.world.time, ctx.world);
}

/** Removes the pod object (its deletion finished, or its node is gone). */
export function removePodNow(ctx: EngineContext, place: PodPlace, pod: EksPod): void {
  const kube = kubeOf(ctx.world, place.cluster);
  const k = key(pod.metadata.namespace, pod.metadata.name);
  delete kube.pods[k];
  eksOf(ctx.world).schedulerDirty = true;
  podsChanged(ctx.world);
  const node = nodeOf(place, pod);
  if (node && node.origin === 'fargate') node.gone = true;
}

/**
 * The kubelets: each pod's due timers (the chart's delays, a pull finishing, a container
 * exiting or stopping, readiness), on nodes whose kubelet runs.
 */
export function kubeletController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  if (now < eks.kubeletWakeAt) return;
  eks.kubeletWakeAt = Number.MAX_SAFE_INTEGER;
  for (const name in eks.clusters) {
    const kube = kubeOf(world, name);
    const place = { world, cluster: name };
    for (const k in kube.pods) {
      const pod = kube.pods[k]!;
      const rt = pod.runtime;
      nextWake(eks, rt, now);
      if (
        rt.nextTransitionAt === null &&
        rt.pullAt === null &&
        rt.exitAt === null &&
        rt.stopAt === null &&
        rt.readyAt !== now
      )
        continue;
      if (!pod.spec.nodeName) {
        // A Pending pod that was never bound is deleted by the API server alone.
        continue;
      }
      if (!kubeletUp(place, nodeOf(place, pod))) continue;
      if (rt.readyAt === now) syncStatus(pod, now, world);
      if (rt.stopAt !== null && rt.stopAt <= now) {
        rt.stopAt = null;
        sendPod(ctx, place, pod, { type: 'container.stopped' });
        continue;
      }
      if (rt.nextTransitionAt !== null && rt.nextTransitionAt <= now) {
        firePodTimer(ctx, place, pod);
        if (!Object.hasOwn(kube.pods, k)) continue;
      }
      if (rt.pullAt !== null && rt.pullAt <= now)
        ctx.withCause(
          { kind: 'timer', subject: `pod/${pod.metadata.name}`, timer: 'imagePull' },
          () => finishPull(ctx, place, pod),
        );
      if (rt.exitAt !== null && rt.exitAt <= now)
        ctx.withCause(
          { kind: 'timer', subject: `pod/${pod.metadata.name}`, timer: 'containerExit' },
          () => exitContainer(ctx, place, pod),
        );
    }
  }
  // A timer that could not fire (its kubelet is down) is looked at again next second.
  if (eks.kubeletWakeAt <= now) eks.kubeletWakeAt = now + 1;
}

/** Lowers the kubelets' next wake-up to this pod's earliest pending timer. */
function nextWake(eks: ReturnType<typeof eksOf>, rt: PodRuntime, now: number): void {
  for (const t of [rt.nextTransitionAt, rt.pullAt, rt.exitAt, rt.stopAt, rt.readyAt])
    if (t !== null && t >= now && t < eks.kubeletWakeAt) eks.kubeletWakeAt = t;
  for (const t of [rt.nextTransitionAt, rt.pullAt, rt.exitAt, rt.stopAt])
    if (t !== null && t < now && now + 1 < eks.kubeletWakeAt) eks.kubeletWakeAt = now + 1;
}
