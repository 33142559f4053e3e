/**
 * The workload controllers of each cluster: Deployment (rolling update or Recreate through
 * rollout.ts, revisions, ProgressDeadlineExceeded), ReplicaSet (pods named from the world's
 * PRNG), DaemonSet (one pod per EC2 node), Service endpoints (the ready pods) with the load
 * model (traffic spread evenly over the endpoints; what goes to a pod whose node is unreachable
 * fails until the node controller marks it not ready), and the HorizontalPodAutoscaler.
 */
import { own } from '../../model/record.ts';
import type { EngineContext } from '../../engine/module.ts';
import { random } from '../../engine/rng.ts';
import { hpaStep, HPA_SYNC_SECONDS, resourceReplicas, type HpaPodSample } from './hpa.ts';
import { generateName } from './names.ts';
import { bindPod, createPod, deletePod, isReady, kubeletUp, nodeOf } from './pods.ts';
import { progressDeadlineMessage, rolloutStep } from './rollout.ts';
import { tolerates } from './scheduler.ts';
import { apiUp, eksOf, key, kubeEvent, kubeOf, objectEvent } from './state.ts';
import type { ReplicaSet } from './types.ts';
import type { DeploymentState, EksPod, KubeState } from './world.ts';

/** A pod serves this many millicores per request per second (approx; as the ECS load model's 2 CPU units). */
export const CPU_MILLI_PER_RPS = 2;
/** A running container's idle CPU, millicores (approx). */
export const IDLE_CPU_MILLI = 5;
/** What a container without a CPU limit can use (approx: one vCPU). */
export const UNLIMITED_CPU_MILLI = 1000;
/** The ReplicaSet controller creates at most this many pods per sync (its burst; approx). */
const MAX_CREATES_PER_SYNC = 500;

const active = (p: EksPod) =>
  p.metadata.deletionTime === null &&
  p.runtime.state !== 'Succeeded' &&
  p.runtime.state !== 'Failed' &&
  p.runtime.state !== 'Evicted';

/** Pods by the ReplicaSet (`ns/name`) that owns them. */
function podsByReplicaSet(kube: KubeState): Map<string, EksPod[]> {
  const map = new Map<string, EksPod[]>();
  for (const k in kube.pods) {
    const p = kube.pods[k]!;
    const o = p.metadata.owner;
    if (!o || o.kind !== 'ReplicaSet') continue;
    const rs = key(p.metadata.namespace, o.name);
    let list = map.get(rs);
    if (!list) map.set(rs, (list = []));
    list.push(p);
  }
  return map;
}

function available(p: EksPod, now: number, minReadySeconds: number): boolean {
  return (
    isReady(p, now) && p.runtime.readyAt !== null && now - p.runtime.readyAt >= minReadySeconds
  );
}

/** The Deployment's ReplicaSets, oldest revision first. */
export function replicaSetsOf(kube: KubeState, ns: string, deployment: string): ReplicaSet[] {
  const out: ReplicaSet[] = [];
  for (const k in kube.replicaSets) {
    const rs = kube.replicaSets[k]!;
    if (rs.metadata.namespace === ns && rs.metadata.owner?.name === deployment) out.push(rs);
  }
  return out.sort((a, b) => a.metadata.revision - b.metadata.revision);
}

function scaleEvent(
  ctx: EngineContext,
  cluster: string,
  d: DeploymentState,
  rs: ReplicaSet,
  to: number,
): void {
  const from = rs.spec.replicas;
  if (from === to) return;
  rs.spec.replicas = to;
  const m = d.object.metadata;
  kubeEvent(
    ctx,
    cluster,
    objectEvent(
      `deployment/${m.name}`,
      m.namespace,
      'Normal',
      'ScalingReplicaSet',
      'deployment-controller',
      `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`,
    ),
  );
}

function deploymentController(
  ctx: EngineContext,
  cluster: string,
  kube: KubeState,
  byRs: Map<string, EksPod[]>,
): void {
  const now = ctx.world.time;
  for (const k in kube.deployments) {
    const d = kube.deployments[k]!;
    const spec = d.object.spec;
    const ns = d.object.metadata.namespace;
    const name = d.object.metadata.name;
    const sets = replicaSetsOf(kube, ns, name);
    const newName = `${name}-${d.templateHash}`;
    let current = sets.find((rs) => rs.metadata.name === newName);
    const maxRevision = sets.reduce((m, rs) => Math.max(m, rs.metadata.revision), 0);
    if (!current) {
      current = {
        metadata: {
          name: newName,
          namespace: ns,
          labels: { ...spec.template.labels, 'pod-template-hash': d.templateHash },
          annotations: {},
          creationTime: now,
          owner: { kind: 'Deployment', name },
          revision: maxRevision + 1,
        },
        spec: {
          replicas: 0,
          selector: {
            matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': d.templateHash },
            matchExpressions: spec.selector.matchExpressions,
          },
          template: structuredClone(spec.template),
        },
        status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
      };
      kube.replicaSets[key(ns, newName)] = current;
      sets.push(current);
      d.revision = current.metadata.revision;
      d.history.push({
        revision: d.revision,
        replicaSet: newName,
        changeCause: d.object.metadata.annotations['kubernetes.io/change-cause'] ?? null,
      });
      d.progressing = 'NewReplicaSetCreated';
      d.lastProgressAt = now;
      d.completedAt = null;
    } else if (current.metadata.revision < maxRevision) {
      // rollout undo (or a template back to an old one): the old ReplicaSet becomes the newest revision.
      current.metadata.revision = maxRevision + 1;
      d.revision = current.metadata.revision;
      d.history = d.history.filter((h) => h.replicaSet !== newName);
      d.history.push({
        revision: d.revision,
        replicaSet: newName,
        changeCause: d.object.metadata.annotations['kubernetes.io/change-cause'] ?? null,
      });
      d.progressing = 'ReplicaSetUpdated';
      d.lastProgressAt = now;
      d.completedAt = null;
      sets.sort((a, b) => a.metadata.revision - b.metadata.revision);
    }
    if (spec.paused) continue;
    const old = sets.filter((rs) => rs !== current);
    const count = (rs: ReplicaSet) => {
      const pods = (byRs.get(key(ns, rs.metadata.name)) ?? []).filter(active);
      return {
        replicas: pods.length,
        available: pods.filter((p) => available(p, now, spec.minReadySeconds)).length,
      };
    };
    const cur = count(current);
    let oldReplicas = 0;
    let oldAvailable = 0;
    for (const rs of old) {
      const c = count(rs);
      oldReplicas += Math.max(c.replicas, rs.spec.replicas);
      oldAvailable += c.available;
    }
    const step = rolloutStep(spec.strategy, {
      desired: spec.replicas,
      newReplicas: Math.max(current.spec.replicas, cur.replicas),
      newAvailable: cur.available,
      oldReplicas,
      oldAvailable,
    });
    if (spec.strategy.type === 'Recreate' && oldReplicas > 0) {
      // Recreate: every old pod gone (not just scaled to 0) before the new ReplicaSet grows.
      for (const rs of old) scaleEvent(ctx, cluster, d, rs, 0);
      const oldLeft = old.some((rs) => (byRs.get(key(ns, rs.metadata.name)) ?? []).length > 0);
      if (!oldLeft) scaleEvent(ctx, cluster, d, current, spec.replicas);
    } else {
      scaleEvent(ctx, cluster, d, current, step.newReplicas);
      // Scale old ReplicaSets down to the step's total: first the pods that are not available
      // (a stalled earlier rollout's), as the controller's cleanup of unhealthy replicas does,
      // then the oldest sets' — so a second release during a stall never drains the good one.
      let excess = oldReplicas - step.oldReplicas;
      for (const rs of old) {
        if (excess <= 0) break;
        const cut = Math.min(Math.max(0, rs.spec.replicas - count(rs).available), excess);
        if (cut > 0) scaleEvent(ctx, cluster, d, rs, rs.spec.replicas - cut);
        excess -= cut;
      }
      for (const rs of old) {
        if (excess <= 0) break;
        const cut = Math.min(rs.spec.replicas, excess);
        if (cut > 0) scaleEvent(ctx, cluster, d, rs, rs.spec.replicas - cut);
        excess -= cut;
      }
    }
    const mark = `${current.spec.replicas}/${cur.replicas}/${cur.available}/${oldReplicas}`;
    if (mark !== d.progressMark) {
      d.progressMark = mark;
      if (d.progressing !== 'ProgressDeadlineExceeded' || step.done) d.lastProgressAt = now;
    }
    if (step.done) {
      if (d.progressing !== 'NewReplicaSetAvailable') d.progressing = 'NewReplicaSetAvailable';
      d.completedAt ??= now;
    } else if (
      d.progressing !== 'ProgressDeadlineExceeded' &&
      now - d.lastProgressAt > spec.progressDeadlineSeconds
    ) {
      d.progressing = 'ProgressDeadlineExceeded';
      ctx.withCause(
        { kind: 'timer', subject: `deployment/${name}`, timer: 'progressDeadlineSeconds' },
        () =>
          ctx.emit(
            'kubernetes',
            'warning',
            `${ns}/deployment/${name} Progressing=False ProgressDeadlineExceeded: ${progressDeadlineMessage(newName)}`,
            { subject: `deployment/${name}` },
          ),
      );
    }
    // Old ReplicaSets beyond revisionHistoryLimit, scaled to 0 and without pods, are removed.
    const idle = old.filter(
      (rs) => rs.spec.replicas === 0 && (byRs.get(key(ns, rs.metadata.name)) ?? []).length === 0,
    );
    while (idle.length > spec.revisionHistoryLimit) {
      const gone = idle.shift()!;
      delete kube.replicaSets[key(ns, gone.metadata.name)];
    }
  }
}

/** Which pods a ReplicaSet scaling down deletes first: unscheduled, then not ready, then the newest. */
function deletionOrder(a: EksPod, b: EksPod, now: number): number {
  const bound = (p: EksPod) => (p.spec.nodeName ? 1 : 0);
  const ready = (p: EksPod) => (isReady(p, now) ? 1 : 0);
  return (
    bound(a) - bound(b) ||
    ready(a) - ready(b) ||
    b.metadata.creationTime - a.metadata.creationTime ||
    (a.metadata.name < b.metadata.name ? 1 : -1)
  );
}

function replicaSetController(
  ctx: EngineContext,
  cluster: string,
  kube: KubeState,
  byRs: Map<string, EksPod[]>,
): void {
  const world = ctx.world;
  const now = world.time;
  const place = { world, cluster };
  for (const k in kube.replicaSets) {
    const rs = kube.replicaSets[k]!;
    const pods = byRs.get(k) ?? [];
    const live = pods.filter(active);
    const diff = rs.spec.replicas - live.length;
    const rsRef = `replicaset/${rs.metadata.name}`;
    if (diff > 0) {
      const d = rs.metadata.owner
        ? own(kube.deployments, key(rs.metadata.namespace, rs.metadata.owner.name))
        : undefined;
      for (let i = 0; i < Math.min(diff, MAX_CREATES_PER_SYNC); i++) {
        let podName = generateName(`${rs.metadata.name}-`, () => random(world));
        while (Object.hasOwn(kube.pods, key(rs.metadata.namespace, podName)))
          podName = generateName(`${rs.metadata.name}-`, () => random(world));
        const pod = createPod(ctx, cluster, rs.spec.template, {
          name: podName,
          namespace: rs.metadata.namespace,
          owner: { kind: 'ReplicaSet', name: rs.metadata.name },
          labels: { 'pod-template-hash': rs.metadata.labels['pod-template-hash'] ?? '' },
          revision: rs.metadata.revision,
        });
        pods.push(pod);
        live.push(pod);
        kubeEvent(
          ctx,
          cluster,
          objectEvent(
            rsRef,
            rs.metadata.namespace,
            'Normal',
            'SuccessfulCreate',
            'replicaset-controller',
            `Created pod: ${podName}`,
          ),
          {
            quiet: d === undefined ? false : rs.spec.replicas > 20,
          },
        );
      }
    } else if (diff < 0) {
      const victims = [...live].sort((a, b) => deletionOrder(a, b, now)).slice(0, -diff);
      for (const p of victims) {
        deletePod(ctx, place, p);
        kubeEvent(
          ctx,
          cluster,
          objectEvent(
            rsRef,
            rs.metadata.namespace,
            'Normal',
            'SuccessfulDelete',
            'replicaset-controller',
            `Deleted pod: ${p.metadata.name}`,
          ),
          {
            quiet: rs.spec.replicas > 20,
          },
        );
      }
    }
    const still = pods.filter(active);
    rs.status = {
      replicas: still.length,
      readyReplicas: still.filter((p) => isReady(p, now)).length,
      availableReplicas: still.filter((p) => isReady(p, now)).length,
    };
  }
}

function daemonSetController(ctx: EngineContext, cluster: string, kube: KubeState): void {
  const world = ctx.world;
  for (const k in kube.daemonSets) {
    const ds = kube.daemonSets[k]!.object;
    const ns = ds.metadata.namespace;
    const have = new Set<string>();
    for (const pk in kube.pods) {
      const p = kube.pods[pk]!;
      if (
        p.metadata.owner?.kind === 'DaemonSet' &&
        p.metadata.owner.name === ds.metadata.name &&
        p.metadata.namespace === ns &&
        active(p) &&
        p.spec.nodeName
      )
        have.add(p.spec.nodeName);
    }
    for (const n in kube.nodes) {
      const node = kube.nodes[n]!;
      if (node.gone || have.has(n) || node.origin === 'fargate') continue;
      const sel = ds.spec.template.spec.nodeSelector;
      let fits = true;
      for (const l in sel) if (node.labels[l] !== sel[l]) fits = false;
      for (const t of node.taints)
        if (
          t.effect !== 'PreferNoSchedule' &&
          !tolerates(ds.spec.template.spec.tolerations, t) &&
          !t.key.startsWith('node.kubernetes.io/')
        )
          fits = false;
      if (!fits) continue;
      const podName = generateName(`${ds.metadata.name}-`, () => random(world));
      createPod(ctx, cluster, ds.spec.template, {
        name: podName,
        namespace: ns,
        owner: { kind: 'DaemonSet', name: ds.metadata.name },
        revision: 1,
        nodeName: n,
      });
      const pod = kube.pods[key(ns, podName)]!;
      kubeEvent(
        ctx,
        cluster,
        objectEvent(
          `daemonset/${ds.metadata.name}`,
          ns,
          'Normal',
          'SuccessfulCreate',
          'daemonset-controller',
          `Created pod: ${podName}`,
        ),
        { quiet: true },
      );
      // The DaemonSet controller names the node itself; the pod is bound there at once.
      pod.spec.nodeName = null;
      bindPod(ctx, { world, cluster }, pod, node);
    }
  }
}

/** Service endpoints (ready pods matching the selector) and the traffic they serve. */
function serviceController(ctx: EngineContext, cluster: string, kube: KubeState): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  // Endpoints: the ready pods matching each Service's selector, recomputed when pods changed.
  // Ready pods are indexed by namespace and label (`ns\0key\0value`) for that.
  if (eks.endpointsDirty) {
    const byLabel = new Map<string, EksPod[]>();
    for (const k in kube.pods) {
      const p = kube.pods[k]!;
      if (!isReady(p, now)) continue;
      const labels = p.metadata.labels;
      for (const l in labels) {
        const idx = `${p.metadata.namespace}\0${l}\0${labels[l]}`;
        const list = byLabel.get(idx);
        if (list) list.push(p);
        else byLabel.set(idx, [p]);
      }
    }
    for (const k in kube.services) {
      const svc = kube.services[k]!;
      const sel = svc.object.spec.selector;
      const ns = svc.object.metadata.namespace;
      let ready: EksPod[] = [];
      const keys = sel ? Object.keys(sel) : [];
      if (sel && keys.length > 0) {
        const first = byLabel.get(`${ns}\0${keys[0]}\0${sel[keys[0]!]}`) ?? [];
        ready =
          keys.length === 1
            ? first
            : first.filter((p) =>
                keys.every(
                  (l) => Object.hasOwn(p.metadata.labels, l) && p.metadata.labels[l] === sel[l],
                ),
              );
      }
      let same = ready.length === svc.endpoints.length;
      for (let i = 0; same && i < ready.length; i++)
        same = svc.endpoints[i] === key(ready[i]!.metadata.namespace, ready[i]!.metadata.name);
      if (!same) svc.endpoints = ready.map((p) => key(p.metadata.namespace, p.metadata.name));
    }
  }
  for (const k in kube.services) {
    const svc = kube.services[k]!;
    const loadKey = `${cluster}/${k}`;
    const rps = own(eks.traffic, loadKey) ?? 0;
    const prev = own(eks.load, loadKey);
    if (rps === 0 && !prev) continue;
    const ready: EksPod[] = [];
    for (const e of svc.endpoints) {
      const p = own(kube.pods, e);
      if (p) ready.push(p);
    }
    let served = 0;
    let usage = 0;
    let request = 0;
    if (ready.length > 0) {
      // kube-proxy spreads requests over every endpoint, including a pod on a node that no
      // longer answers: its share fails until the endpoints drop it (node NotReady).
      const share = rps / ready.length;
      const place = { world, cluster };
      for (const p of ready) {
        if (!kubeletUp(place, nodeOf(place, p))) continue;
        const c = p.spec.containers[0]!;
        const cap = c.limits.cpuMilli ?? UNLIMITED_CPU_MILLI;
        const canServe = Math.max(0, (cap - IDLE_CPU_MILLI) / CPU_MILLI_PER_RPS);
        const s = Math.min(share, canServe);
        served += s;
        p.runtime.cpuUsageMilli = IDLE_CPU_MILLI + s * CPU_MILLI_PER_RPS;
        usage += p.runtime.cpuUsageMilli;
        request += c.requests.cpuMilli ?? 0;
      }
    }
    const failed = Math.max(0, rps - served);
    eks.load[loadKey] = {
      rps,
      served,
      failed,
      failedTotal: (prev?.failedTotal ?? 0) + failed,
      cpu: request > 0 ? Math.round((usage * 100) / request) : 0,
    };
  }
}

function hpaController(
  ctx: EngineContext,
  cluster: string,
  kube: KubeState,
  byRs: Map<string, EksPod[]>,
): void {
  const world = ctx.world;
  const now = world.time;
  const hasMetrics =
    own(eksOf(world).clusters, cluster)?.addons.includes('metrics-server') ?? false;
  for (const k in kube.hpas) {
    const h = kube.hpas[k]!;
    if (now - h.lastSyncAt < HPA_SYNC_SECONDS) continue;
    h.lastSyncAt = now;
    const spec = h.object.spec;
    const ns = h.object.metadata.namespace;
    const ref = `horizontalpodautoscaler/${h.object.metadata.name}`;
    const d = own(kube.deployments, key(ns, spec.scaleTargetRef.name));
    const warn = (reason: string, message: string) => {
      if (h.condition === reason) return;
      h.condition = reason;
      kubeEvent(
        ctx,
        cluster,
        objectEvent(ref, ns, 'Warning', reason, 'horizontal-pod-autoscaler', message),
      );
    };
    if (!d || spec.scaleTargetRef.kind !== 'Deployment') {
      warn('FailedGetScale', `deployments/scale.apps "${spec.scaleTargetRef.name}" not found`);
      continue;
    }
    const cpuMetric = spec.metrics.find((m) => m.type === 'Resource' && m.resource === 'cpu');
    if (!cpuMetric || cpuMetric.type !== 'Resource' || cpuMetric.target.type !== 'Utilization')
      continue;
    const target = cpuMetric.target.averageUtilization;
    if (!hasMetrics) {
      h.currentUtilization = null;
      warn(
        'FailedGetResourceMetric',
        'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
      );
      continue;
    }
    // Every pod of the Deployment, as the replica calculator groups them (hpa.ts groupPod).
    const place = { world, cluster };
    const pods: EksPod[] = [];
    for (const rs of replicaSetsOf(kube, ns, d.object.metadata.name))
      for (const p of byRs.get(key(ns, rs.metadata.name)) ?? []) pods.push(p);
    const counted = pods.filter(active);
    const noRequest = counted.find((p) => (p.spec.containers[0]!.requests.cpuMilli ?? 0) === 0);
    if (noRequest) {
      h.currentUtilization = null;
      warn(
        'FailedGetResourceMetric',
        `failed to get cpu utilization: missing request for cpu in container "${noRequest.spec.containers[0]!.name}" of Pod "${noRequest.metadata.name}"`,
      );
      continue;
    }
    const samples: HpaPodSample[] = pods.map((p) => {
      const state = p.runtime.state;
      return {
        ignored: !active(p),
        pending:
          state === 'Pending' ||
          state === 'ContainerCreating' ||
          state === 'ErrImagePull' ||
          state === 'ImagePullBackOff',
        hasMetrics: state === 'Running' && kubeletUp(place, nodeOf(place, p)),
        ready: isReady(p, now),
        startedAt: p.runtime.startedAt,
        readyAt: p.runtime.readyAt,
        usage: p.runtime.cpuUsageMilli,
        request: p.spec.containers[0]!.requests.cpuMilli ?? 0,
      };
    });
    const current = d.object.spec.replicas;
    const calc = resourceReplicas(current, samples, target, now);
    if (calc === null) continue;
    const utilization = calc.utilization;
    h.currentUtilization = utilization;
    h.currentReplicas = current;
    const result = hpaStep(
      {
        now,
        current,
        metric: utilization,
        target,
        minReplicas: spec.minReplicas,
        maxReplicas: spec.maxReplicas,
        scaleUp: spec.behavior.scaleUp,
        scaleDown: spec.behavior.scaleDown,
        proposal: calc.replicas,
      },
      {
        recommendations: h.recommendations.map(([time, replicas]) => ({ time, replicas })),
        events: h.scaleEvents.map(([time, delta]) => ({ time, delta })),
      },
    );
    h.recommendations = result.history.recommendations.map((r) => [r.time, r.replicas]);
    h.scaleEvents = result.history.events.map((e) => [e.time, e.delta]);
    h.desiredReplicas = result.desired;
    if (h.condition !== null && h.condition.startsWith('Failed')) h.condition = null;
    if (result.desired !== current) {
      d.object.spec.replicas = result.desired;
      h.lastScaleAt = now;
      kubeEvent(
        ctx,
        cluster,
        objectEvent(
          ref,
          ns,
          'Normal',
          'SuccessfulRescale',
          'horizontal-pod-autoscaler',
          `New size: ${result.desired}; reason: cpu resource utilization (percentage of request) ${result.desired > current ? 'above' : 'below'} target`,
        ),
      );
    }
  }
}

/** Deployment, ReplicaSet and DaemonSet controllers of every cluster whose API answers. */
/** How often the workload controllers resync when nothing changed (time-based conditions: minReadySeconds, deadlines). */
export const WORKLOAD_RESYNC_SECONDS = 10;

export function workloadController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  if (!eks.workloadsDirty && world.time % WORKLOAD_RESYNC_SECONDS !== 0) return;
  eks.workloadsDirty = false;
  for (const name in eks.clusters) {
    const cluster = eks.clusters[name]!;
    if (!apiUp(world, cluster)) continue;
    const kube = kubeOf(world, name);
    const byRs = podsByReplicaSet(kube);
    deploymentController(ctx, name, kube, byRs);
    replicaSetController(ctx, name, kube, byRs);
    daemonSetController(ctx, name, kube);
  }
}

/** Endpoints and the load model, every second (kube-proxy keeps forwarding even with the API down). */
export function servicesController(ctx: EngineContext): void {
  const eks = eksOf(ctx.world);
  for (const name in eks.clusters) serviceController(ctx, name, kubeOf(ctx.world, name));
  eks.endpointsDirty = false;
}

export function hpaControllerAll(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  for (const name in eks.clusters) {
    const cluster = eks.clusters[name]!;
    if (!apiUp(world, cluster)) continue;
    const kube = kubeOf(world, name);
    if (Object.keys(kube.hpas).length === 0) continue;
    hpaController(ctx, name, kube, podsByReplicaSet(kube));
  }
}
