/**
 * What kubectl asks the API server for: apply (manifests), create, scale, set image, rollout
 * undo and restart, delete, cordon/uncordon/drain (with PodDisruptionBudgets), autoscale,
 * label, taint — each answered in kubectl's own words — and the Kubernetes-side faults.
 */
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import type { EngineContext } from '../../engine/module.ts';
import { randomHex } from '../../engine/rng.ts';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from './manifest-build.ts';
import { applyVerb, parseManifestValues } from './manifest.ts';
import { matchesSelector } from './labels.ts';
import { nameErrors } from './manifest-validate.ts';
import { podTemplateHash } from './names.ts';
import { createPod, deletePod, isReady, wakeKubelet } from './pods.ts';
import { resolveIntOrPercent } from './rollout.ts';
import { currentTarget, eksOf, key, type Target } from './state.ts';
import type {
  Deployment,
  KubeObject,
  PodDisruptionBudget,
  PodTemplate,
  UnsimulatedObject,
} from './types.ts';
import type { DeploymentState, EksCluster, EksPod, KubeState } from './world.ts';

type Handler<T extends ActionType> = (ctx: EngineContext, action: ActionOf<T>) => ActionResult;
const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });
const ok = (message: string): ActionResult => ({ ok: true, message, command: '' });

type Connected = Extract<Target, { ok: true }>;
function connect(world: World): Connected | ActionResult {
  const t = currentTarget(world);
  return t.ok ? t : fail(t.field, t.error);
}
const isFailure = (v: Connected | ActionResult): v is ActionResult =>
  'error' in v || 'message' in v;

const RESOURCE: Record<string, string> = {
  deployment: 'deployments.apps',
  replicaset: 'replicasets.apps',
  pod: 'pods',
  service: 'services',
  hpa: 'horizontalpodautoscalers.autoscaling',
  pdb: 'poddisruptionbudgets.policy',
  namespace: 'namespaces',
  configmap: 'configmaps',
  daemonset: 'daemonsets.apps',
  node: 'nodes',
};
const notFound = (kind: string, name: string) =>
  `Error from server (NotFound): ${RESOURCE[kind] ?? kind} ${JSON.stringify(name)} not found`;

/** The template's hash without the labels the controller adds. */
export function templateHashOf(template: PodTemplate): string {
  return podTemplateHash(template);
}

export function storeDeployment(kube: KubeState, object: Deployment, now: number): DeploymentState {
  const k = key(object.metadata.namespace, object.metadata.name);
  const prev = own(kube.deployments, k);
  if (prev) {
    prev.object = object;
    prev.generation += 1;
    prev.templateHash = templateHashOf(object.spec.template);
    return prev;
  }
  const state: DeploymentState = {
    object,
    generation: 1,
    revision: 0,
    lastProgressAt: now,
    progressing: 'NewReplicaSetCreated',
    history: [],
    createdAt: now,
    templateHash: templateHashOf(object.spec.template),
    progressMark: '',
    completedAt: null,
  };
  kube.deployments[k] = state;
  return state;
}

/** The next free ClusterIP of the service range 10.100.0.0/16 (10.100.0.1 is the API server's). */
function clusterIp(kube: KubeState): string {
  const used = new Set(Object.values(kube.services).map((s) => s.clusterIP));
  for (let n = 10; ; n++) {
    const ip = `10.100.${Math.floor(n / 250)}.${n % 250}`;
    if (!used.has(ip)) return ip;
  }
}

/** Stores one applied object; returns what kubectl prints about it. */
function store(
  ctx: EngineContext,
  target: Connected,
  object: KubeObject | UnsimulatedObject,
  ref: string,
): string {
  const world = ctx.world;
  const kube = target.kube;
  const now = world.time;
  const m = object.metadata;
  const k = key(m.namespace, m.name);
  const eks = eksOf(world);
  eks.schedulerDirty = true;
  if ('simulated' in object) {
    const prev = own(kube.other, `${object.kind}/${k}`);
    const verb = applyVerb(prev?.object, object);
    kube.other[`${object.kind}/${k}`] = { object, createdAt: prev?.createdAt ?? now };
    return `${ref} ${verb}`;
  }
  switch (object.kind) {
    case 'Deployment': {
      const prev = own(kube.deployments, k);
      const verb = applyVerb(prev?.object, object);
      if (verb !== 'unchanged') storeDeployment(kube, object, now);
      return `${ref} ${verb}`;
    }
    case 'Service': {
      const prev = own(kube.services, k);
      const verb = applyVerb(prev?.object, object);
      if (verb === 'created') {
        const ip = object.spec.clusterIP ?? clusterIp(kube);
        kube.services[k] = {
          object,
          createdAt: now,
          clusterIP: ip,
          endpoints: [],
          loadBalancerHostname:
            object.spec.type === 'LoadBalancer'
              ? `a${randomHex(world, 31)}-${String(Math.floor(ctx.randomInt(100000000, 999999999)))}.${world.region}.elb.amazonaws.com`
              : null,
        };
      } else if (prev) prev.object = object;
      return `${ref} ${verb}`;
    }
    case 'HorizontalPodAutoscaler': {
      const prev = own(kube.hpas, k);
      const verb = applyVerb(prev?.object, object);
      if (prev) prev.object = object;
      else
        kube.hpas[k] = {
          object,
          createdAt: now,
          lastSyncAt: now,
          lastScaleAt: null,
          currentReplicas: 0,
          desiredReplicas: 0,
          currentUtilization: null,
          recommendations: [],
          scaleEvents: [],
          condition: null,
        };
      return `${ref} ${verb}`;
    }
    case 'PodDisruptionBudget': {
      const prev = own(kube.pdbs, k);
      const verb = applyVerb(prev?.object, object);
      kube.pdbs[k] = { object, createdAt: prev?.createdAt ?? now };
      return `${ref} ${verb}`;
    }
    case 'Namespace': {
      const prev = own(kube.namespaces, m.name);
      const verb = applyVerb(prev?.object, object);
      kube.namespaces[m.name] = { object, createdAt: prev?.createdAt ?? now };
      return `${ref} ${verb}`;
    }
    case 'ConfigMap': {
      const prev = own(kube.configMaps, k);
      const verb = applyVerb(prev?.object, object);
      kube.configMaps[k] = { object, createdAt: prev?.createdAt ?? now };
      return `${ref} ${verb}`;
    }
    case 'DaemonSet': {
      const prev = own(kube.daemonSets, k);
      const verb = applyVerb(prev?.object, object);
      kube.daemonSets[k] = { object, createdAt: prev?.createdAt ?? now };
      return `${ref} ${verb}`;
    }
    case 'Pod': {
      const prev = own(kube.pods, k);
      if (prev) return `${ref} unchanged`;
      createPod(
        ctx,
        target.cluster.name,
        { labels: m.labels, annotations: m.annotations, spec: object.spec },
        {
          name: m.name,
          namespace: m.namespace,
          owner: null,
          revision: 0,
          nodeName: object.spec.nodeName,
        },
      );
      return `${ref} created`;
    }
  }
}

export const apply: Handler<'k8s.apply'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const fileName = a.fileName ?? 'STDIN';
  const docs = parseManifestValues(a.documents, fileName, a.namespace ?? 'default');
  const lines: string[] = [];
  const errors: string[] = [];
  const ignored = new Set<string>();
  let applied = 0;
  for (const d of docs) {
    if (!d.ok) {
      errors.push(d.message);
      continue;
    }
    const m = d.object.metadata;
    if (m.namespace !== '' && !Object.hasOwn(t.kube.namespaces, m.namespace)) {
      errors.push(
        `Error from server (NotFound): error when creating ${JSON.stringify(fileName)}: namespaces ${JSON.stringify(m.namespace)} not found`,
      );
      continue;
    }
    lines.push(store(ctx, t, d.object, d.ref));
    for (const f of d.ignoredFields) ignored.add(f);
    applied++;
  }
  if (applied === 0)
    return fail('documents', errors.join('\n') || 'error: no objects passed to apply');
  const notes =
    ignored.size > 0
      ? [`(sandbox: accepted but not simulated: ${[...ignored].sort().join(', ')})`]
      : [];
  return ok([...lines, ...errors, ...notes].join('\n'));
};

function findDeployment(t: Connected, name: string, ns: string | undefined) {
  return own(t.kube.deployments, key(ns ?? 'default', name));
}

export const createDeployment: Handler<'k8s.deployment.create'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const ns = a.namespace ?? 'default';
  const nameProblem = nameErrors(a.name, 'subdomain');
  if (nameProblem.length > 0)
    return fail(
      'name',
      `error: failed to create deployment: Deployment.apps ${JSON.stringify(a.name)} is invalid: metadata.name: Invalid value: ${JSON.stringify(a.name)}: ${nameProblem[0]}`,
    );
  if (!Object.hasOwn(t.kube.namespaces, ns))
    return fail(
      'namespace',
      `error: failed to create deployment: namespaces ${JSON.stringify(ns)} not found`,
    );
  if (findDeployment(t, a.name, ns))
    return fail(
      'name',
      `error: failed to create deployment: deployments.apps ${JSON.stringify(a.name)} already exists`,
    );
  const image = a.image;
  const base =
    image
      .slice(image.lastIndexOf('/') + 1)
      .split(/[:@]/)[0]!
      .replace(/[^a-z0-9-]/g, '-') || 'container';
  const object: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: a.name, namespace: ns, labels: { app: a.name }, annotations: {} },
    spec: {
      replicas: a.replicas ?? 1,
      selector: { matchLabels: { app: a.name }, matchExpressions: [] },
      template: {
        labels: { app: a.name },
        annotations: {},
        spec: {
          containers: [
            {
              name: base,
              image,
              requests: { cpuMilli: null, memoryBytes: null },
              limits: { cpuMilli: null, memoryBytes: null },
              ports: a.port
                ? [{ containerPort: a.port, hostPort: null, protocol: 'TCP', name: null }]
                : [],
              privileged: false,
              livenessProbe: null,
              readinessProbe: null,
              startupProbe: null,
            },
          ],
          initContainers: [],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          nodeSelector: {},
          nodeAffinity: null,
          tolerations: [],
          topologySpreadConstraints: [],
          hostNetwork: false,
          nodeName: null,
          priority: 0,
        },
      },
      strategy: { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' },
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      paused: false,
    },
  };
  storeDeployment(t.kube, object, ctx.world.time);
  eksOf(ctx.world).schedulerDirty = true;
  return ok(`deployment.apps/${a.name} created`);
};

export const scale: Handler<'k8s.deployment.scale'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const d = findDeployment(t, a.name, a.namespace);
  if (!d) return fail('name', notFound('deployment', a.name));
  d.object.spec.replicas = a.replicas;
  d.generation += 1;
  return ok(`deployment.apps/${a.name} scaled`);
};

export const setImage: Handler<'k8s.deployment.set-image'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const d = findDeployment(t, a.name, a.namespace);
  if (!d) return fail('name', notFound('deployment', a.name));
  const c = d.object.spec.template.spec.containers.find((x) => x.name === a.container);
  if (!c)
    return fail(
      'container',
      `error: unable to find container named ${JSON.stringify(a.container)}`,
    );
  if (c.image === a.image) return ok(`deployment.apps/${a.name} image updated`);
  c.image = a.image;
  d.generation += 1;
  d.templateHash = templateHashOf(d.object.spec.template);
  return ok(`deployment.apps/${a.name} image updated`);
};

export const rolloutUndo: Handler<'k8s.rollout.undo'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const d = findDeployment(t, a.name, a.namespace);
  if (!d) return fail('name', notFound('deployment', a.name));
  const ns = d.object.metadata.namespace;
  const sets = Object.values(t.kube.replicaSets)
    .filter((rs) => rs.metadata.namespace === ns && rs.metadata.owner?.name === a.name)
    .sort((x, y) => y.metadata.revision - x.metadata.revision);
  const target =
    a.toRevision !== undefined && a.toRevision > 0
      ? sets.find((rs) => rs.metadata.revision === a.toRevision)
      : sets.find((rs) => rs.metadata.revision < d.revision);
  if (!target)
    return fail(
      'toRevision',
      a.toRevision !== undefined && a.toRevision > 0
        ? `error: unable to find specified revision ${a.toRevision} in history`
        : `error: no rollout history found for deployment ${JSON.stringify(a.name)}`,
    );
  const template = structuredClone(target.spec.template);
  delete template.labels['pod-template-hash'];
  d.object.spec.template = template;
  d.generation += 1;
  d.templateHash = templateHashOf(template);
  return ok(`deployment.apps/${a.name} rolled back`);
};

/** `kubectl rollout restart`: the restartedAt annotation makes a new template (sim time as the date). */
export const rolloutRestart: Handler<'k8s.rollout.restart'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const d = findDeployment(t, a.name, a.namespace);
  if (!d) return fail('name', notFound('deployment', a.name));
  d.object.spec.template.annotations['kubectl.kubernetes.io/restartedAt'] =
    `sim+${ctx.world.time}s`;
  d.generation += 1;
  d.templateHash = templateHashOf(d.object.spec.template);
  return ok(`deployment.apps/${a.name} restarted`);
};

function deleteOwned(
  ctx: EngineContext,
  cluster: EksCluster,
  kube: KubeState,
  pred: (p: EksPod) => boolean,
): void {
  const place = { world: ctx.world, cluster: cluster.name };
  for (const k in kube.pods) {
    const p = kube.pods[k]!;
    if (pred(p)) deletePod(ctx, place, p);
  }
}

export const deleteObject: Handler<'k8s.delete'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const kube = t.kube;
  const ns = a.namespace ?? 'default';
  const k = key(ns, a.name);
  const gone = () => ok(`${RESOURCE[a.kind]} ${JSON.stringify(a.name)} deleted`);
  switch (a.kind) {
    case 'deployment': {
      if (!own(kube.deployments, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.deployments[k];
      const sets = Object.keys(kube.replicaSets).filter((r) => {
        const rs = kube.replicaSets[r]!;
        return rs.metadata.namespace === ns && rs.metadata.owner?.name === a.name;
      });
      const names = new Set(sets.map((r) => kube.replicaSets[r]!.metadata.name));
      for (const r of sets) delete kube.replicaSets[r];
      deleteOwned(
        ctx,
        t.cluster,
        kube,
        (p) =>
          p.metadata.namespace === ns &&
          p.metadata.owner?.kind === 'ReplicaSet' &&
          names.has(p.metadata.owner.name),
      );
      return gone();
    }
    case 'replicaset': {
      if (!own(kube.replicaSets, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.replicaSets[k];
      deleteOwned(
        ctx,
        t.cluster,
        kube,
        (p) => p.metadata.namespace === ns && p.metadata.owner?.name === a.name,
      );
      return gone();
    }
    case 'pod': {
      const p = own(kube.pods, k);
      if (!p) return fail('name', notFound(a.kind, a.name));
      deletePod(ctx, { world: ctx.world, cluster: t.cluster.name }, p);
      return gone();
    }
    case 'service':
      if (!own(kube.services, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.services[k];
      return gone();
    case 'hpa':
      if (!own(kube.hpas, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.hpas[k];
      return gone();
    case 'pdb':
      if (!own(kube.pdbs, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.pdbs[k];
      return gone();
    case 'configmap':
      if (!own(kube.configMaps, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.configMaps[k];
      return gone();
    case 'daemonset':
      if (!own(kube.daemonSets, k)) return fail('name', notFound(a.kind, a.name));
      delete kube.daemonSets[k];
      deleteOwned(
        ctx,
        t.cluster,
        kube,
        (p) =>
          p.metadata.namespace === ns &&
          p.metadata.owner?.kind === 'DaemonSet' &&
          p.metadata.owner.name === a.name,
      );
      return gone();
    case 'namespace': {
      if (!own(kube.namespaces, a.name)) return fail('name', notFound(a.kind, a.name));
      if (['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(a.name))
        return fail(
          'name',
          `Error from server (Forbidden): namespaces ${JSON.stringify(a.name)} is forbidden: this namespace may not be deleted`,
        );
      delete kube.namespaces[a.name];
      const inNs = (rec: Record<string, unknown>) => {
        for (const r of Object.keys(rec)) if (r.startsWith(`${a.name}/`)) delete rec[r];
      };
      inNs(kube.deployments);
      inNs(kube.replicaSets);
      inNs(kube.services);
      inNs(kube.hpas);
      inNs(kube.pdbs);
      inNs(kube.daemonSets);
      inNs(kube.configMaps);
      deleteOwned(ctx, t.cluster, kube, (p) => p.metadata.namespace === a.name);
      return ok(`namespace ${JSON.stringify(a.name)} deleted`);
    }
    case 'node': {
      if (!own(kube.nodes, a.name)) return fail('name', notFound(a.kind, a.name));
      delete kube.nodes[a.name];
      deleteOwned(ctx, t.cluster, kube, (p) => p.spec.nodeName === a.name);
      return ok(`node ${JSON.stringify(a.name)} deleted`);
    }
  }
};

function findNode(t: Connected, name: string) {
  return own(t.kube.nodes, name);
}

export const cordon: Handler<'k8s.node.cordon'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const node = findNode(t, a.node);
  if (!node) return fail('node', notFound('node', a.node));
  if (node.unschedulable) return ok(`node/${a.node} already cordoned`);
  node.unschedulable = true;
  node.taints.push({
    key: 'node.kubernetes.io/unschedulable',
    value: '',
    effect: 'NoSchedule',
    timeAdded: ctx.world.time,
  });
  return ok(`node/${a.node} cordoned`);
};

export const uncordon: Handler<'k8s.node.uncordon'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const node = findNode(t, a.node);
  if (!node) return fail('node', notFound('node', a.node));
  const eks = eksOf(ctx.world);
  delete eks.drains[`${t.cluster.name}/${a.node}`];
  if (!node.unschedulable) return ok(`node/${a.node} already uncordoned`);
  node.unschedulable = false;
  node.taints = node.taints.filter((x) => x.key !== 'node.kubernetes.io/unschedulable');
  eks.schedulerDirty = true;
  return ok(`node/${a.node} uncordoned`);
};

/** How many more pods a PodDisruptionBudget lets go now. */
export function disruptionsAllowed(
  kube: KubeState,
  pdb: PodDisruptionBudget,
  now: number,
  evicting: Set<string>,
): number {
  const ns = pdb.metadata.namespace;
  const sel = pdb.spec.selector;
  const pods = Object.values(kube.pods).filter(
    (p) =>
      p.metadata.namespace === ns &&
      sel !== null &&
      matchesSelector(sel, p.metadata.labels) &&
      p.metadata.deletionTime === null,
  );
  const healthy = pods.filter(
    (p) => isReady(p, now) && !evicting.has(key(ns, p.metadata.name)),
  ).length;
  const expected = pods.length;
  if (pdb.spec.minAvailable !== null)
    return healthy - resolveIntOrPercent(pdb.spec.minAvailable, expected, true);
  if (pdb.spec.maxUnavailable !== null)
    return resolveIntOrPercent(pdb.spec.maxUnavailable, expected, true) - (expected - healthy);
  return healthy;
}

/** Evicts what it may from a node now; returns the pods a PDB kept (kubectl retries them). */
export function evictFromNode(
  ctx: EngineContext,
  cluster: string,
  kube: KubeState,
  node: string,
): { evicted: EksPod[]; blocked: EksPod[] } {
  const now = ctx.world.time;
  const evicting = new Set<string>();
  const evicted: EksPod[] = [];
  const blocked: EksPod[] = [];
  const place = { world: ctx.world, cluster };
  for (const k in kube.pods) {
    const p = kube.pods[k]!;
    if (p.spec.nodeName !== node || p.metadata.deletionTime !== null) continue;
    if (p.metadata.owner?.kind === 'DaemonSet') continue;
    const pdbs = Object.values(kube.pdbs).filter(
      (b) =>
        b.object.metadata.namespace === p.metadata.namespace &&
        b.object.spec.selector !== null &&
        matchesSelector(b.object.spec.selector, p.metadata.labels),
    );
    if (
      pdbs.some((b) => disruptionsAllowed(kube, b.object, now, evicting) <= 0) &&
      isReady(p, now)
    ) {
      blocked.push(p);
      continue;
    }
    evicting.add(k);
    evicted.push(p);
  }
  for (const p of evicted) deletePod(ctx, place, p);
  return { evicted, blocked };
}

export const drain: Handler<'k8s.node.drain'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const node = findNode(t, a.node);
  if (!node) return fail('node', notFound('node', a.node));
  const onNode = Object.values(t.kube.pods).filter(
    (p) => p.spec.nodeName === a.node && p.metadata.deletionTime === null,
  );
  const daemon = onNode.filter((p) => p.metadata.owner?.kind === 'DaemonSet');
  const bare = onNode.filter((p) => p.metadata.owner === null);
  const problems: string[] = [];
  if (daemon.length > 0 && !a.ignoreDaemonsets)
    problems.push(
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map((p) => key(p.metadata.namespace, p.metadata.name)).join(', ')}`,
    );
  if (bare.length > 0 && !a.force)
    problems.push(
      `cannot delete Pods that declare no controller (use --force to override): ${bare.map((p) => key(p.metadata.namespace, p.metadata.name)).join(', ')}`,
    );
  if (problems.length > 0)
    return fail(
      'node',
      `error: unable to drain node ${JSON.stringify(a.node)} due to error: ${problems.join(', ')}, continuing command...`,
    );
  const lines: string[] = [];
  if (!node.unschedulable) {
    node.unschedulable = true;
    node.taints.push({
      key: 'node.kubernetes.io/unschedulable',
      value: '',
      effect: 'NoSchedule',
      timeAdded: ctx.world.time,
    });
    lines.push(`node/${a.node} cordoned`);
  } else lines.push(`node/${a.node} already cordoned`);
  if (daemon.length > 0)
    lines.push(
      `Warning: ignoring DaemonSet-managed Pods: ${daemon.map((p) => key(p.metadata.namespace, p.metadata.name)).join(', ')}`,
    );
  const { evicted, blocked } = evictFromNode(ctx, t.cluster.name, t.kube, a.node);
  for (const p of evicted) lines.push(`evicting pod ${key(p.metadata.namespace, p.metadata.name)}`);
  for (const p of blocked)
    lines.push(
      `error when evicting pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)} (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
    );
  if (blocked.length > 0)
    eksOf(ctx.world).drains[`${t.cluster.name}/${a.node}`] = {
      since: ctx.world.time,
      lastTry: ctx.world.time,
    };
  else lines.push(`node/${a.node} drained`);
  return ok(lines.join('\n'));
};

export const autoscale: Handler<'k8s.hpa.create'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const ns = a.namespace ?? 'default';
  const d = findDeployment(t, a.name, ns);
  if (!d) return fail('name', notFound('deployment', a.name));
  const k = key(ns, a.name);
  if (own(t.kube.hpas, k))
    return fail(
      'name',
      `Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling ${JSON.stringify(a.name)} already exists`,
    );
  const min = a.min ?? 1;
  if (a.max < min)
    return fail('max', `error: --max=MAXPODS must be larger or equal to --min=MINPODS`);
  t.kube.hpas[k] = {
    object: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: a.name, namespace: ns, labels: {}, annotations: {} },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: a.name },
        minReplicas: min,
        maxReplicas: a.max,
        metrics: [
          {
            type: 'Resource',
            resource: 'cpu',
            target: { type: 'Utilization', averageUtilization: a.cpuPercent ?? 80 },
          },
        ],
        behavior: { scaleUp: DEFAULT_SCALE_UP, scaleDown: DEFAULT_SCALE_DOWN },
      },
    },
    createdAt: ctx.world.time,
    lastSyncAt: ctx.world.time,
    lastScaleAt: null,
    currentReplicas: d.object.spec.replicas,
    desiredReplicas: d.object.spec.replicas,
    currentUtilization: null,
    recommendations: [],
    scaleEvents: [],
    condition: null,
  };
  return ok(`horizontalpodautoscaler.autoscaling/${a.name} autoscaled`);
};

function labelsOf(
  t: Connected,
  kind: string,
  name: string,
  ns: string,
): Record<string, string> | null {
  const k = key(ns, name);
  switch (kind) {
    case 'node':
      return own(t.kube.nodes, name)?.labels ?? null;
    case 'pod':
      return own(t.kube.pods, k)?.metadata.labels ?? null;
    case 'deployment':
      return own(t.kube.deployments, k)?.object.metadata.labels ?? null;
    case 'service':
      return own(t.kube.services, k)?.object.metadata.labels ?? null;
    case 'namespace':
      return own(t.kube.namespaces, name)?.object.metadata.labels ?? null;
    case 'replicaset':
      return own(t.kube.replicaSets, k)?.metadata.labels ?? null;
    default:
      return null;
  }
}

export const label: Handler<'k8s.label'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const labels = labelsOf(t, a.kind, a.name, a.namespace ?? 'default');
  if (!labels) return fail('name', notFound(a.kind, a.name));
  for (const [k, v] of Object.entries(a.labels))
    if (v !== null && Object.hasOwn(labels, k) && labels[k] !== v && !a.overwrite)
      return fail(
        'labels',
        `error: '${k}' already has a value (${labels[k]}), and --overwrite is false`,
      );
  for (const [k, v] of Object.entries(a.labels)) {
    if (v === null) delete labels[k];
    else labels[k] = v;
  }
  eksOf(ctx.world).schedulerDirty = true;
  const prefix =
    a.kind === 'deployment'
      ? 'deployment.apps'
      : a.kind === 'replicaset'
        ? 'replicaset.apps'
        : a.kind;
  return ok(
    `${prefix}/${a.name} ${Object.values(a.labels).every((v) => v === null) ? 'unlabeled' : 'labeled'}`,
  );
};

export const taint: Handler<'k8s.taint'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  const node = findNode(t, a.node);
  if (!node) return fail('node', notFound('node', a.node));
  const same = (x: { key: string; effect: string }) =>
    x.key === a.taint.key && x.effect === a.taint.effect;
  if (a.remove) {
    if (!node.taints.some(same))
      return fail(
        'taint',
        `error: taint ${JSON.stringify(`${a.taint.key}:${a.taint.effect}`)} not found`,
      );
    node.taints = node.taints.filter((x) => !same(x));
    eksOf(ctx.world).schedulerDirty = true;
    return ok(`node/${a.node} untainted`);
  }
  if (node.taints.some(same))
    return fail(
      'taint',
      `error: node ${a.node} already has ${a.taint.key} taint(s) with same effect(s) and --overwrite is false`,
    );
  node.taints.push({
    key: a.taint.key,
    value: a.taint.value ?? '',
    effect: a.taint.effect,
    timeAdded: ctx.world.time,
  });
  eksOf(ctx.world).schedulerDirty = true;
  return ok(`node/${a.node} tainted`);
};

export const createNamespace: Handler<'k8s.namespace.create'> = (ctx, a) => {
  const t = connect(ctx.world);
  if (isFailure(t)) return t;
  if (own(t.kube.namespaces, a.name))
    return fail(
      'name',
      `Error from server (AlreadyExists): namespaces ${JSON.stringify(a.name)} already exists`,
    );
  t.kube.namespaces[a.name] = {
    object: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: a.name,
        namespace: '',
        labels: { 'kubernetes.io/metadata.name': a.name },
        annotations: {},
      },
    },
    createdAt: ctx.world.time,
  };
  return ok(`namespace/${a.name} created`);
};

/** The cluster a fault names, or the first by name. */
function faultCluster(world: World, name: string | undefined): string | null {
  const eks = eksOf(world);
  if (name !== undefined) return own(eks.clusters, name) ? name : null;
  const names = Object.keys(eks.clusters).sort();
  return names[0] ?? null;
}

export const traffic: Handler<'fault.k8s-traffic'> = (ctx, a) => {
  const cluster = faultCluster(ctx.world, a.cluster);
  if (!cluster) return fail('cluster', 'No EKS cluster to send traffic to.');
  const k = `${cluster}/${a.namespace ?? 'default'}/${a.service}`;
  eksOf(ctx.world).traffic[k] = a.rps;
  return ok(
    `Traffic to service ${a.namespace ?? 'default'}/${a.service} in ${cluster}: ${a.rps} requests per second.`,
  );
};

export const crash: Handler<'fault.k8s-crash'> = (ctx, a) => {
  const cluster = faultCluster(ctx.world, a.cluster);
  if (!cluster) return fail('cluster', 'No EKS cluster.');
  const kube = eksOf(ctx.world).kube[cluster]!;
  const ns = a.namespace ?? 'default';
  const d = own(kube.deployments, key(ns, a.deployment));
  if (!d) return fail('deployment', notFound('deployment', a.deployment));
  const image = d.object.spec.template.spec.containers[0]!.image;
  const oom = a.oom ?? false;
  eksOf(ctx.world).crashFaults[`${cluster}/${ns}/${a.deployment}`] = {
    exitCode: oom ? 137 : (a.exitCode ?? 1),
    oom,
    image,
  };
  // Containers already running with that image exit now.
  for (const k in kube.pods) {
    const p = kube.pods[k]!;
    if (
      p.runtime.state === 'Running' &&
      p.spec.containers[0]!.image === image &&
      p.metadata.namespace === ns
    )
      p.runtime.exitAt = ctx.world.time + (oom ? 5 : 3);
    wakeKubelet(ctx.world, p.runtime.exitAt);
  }
  return ok(
    `Containers of ${image} in deployment ${ns}/${a.deployment} now ${oom ? 'run out of memory (exit 137)' : `exit with code ${a.exitCode ?? 1}`} a few seconds after they start.`,
  );
};

export const imageMissing: Handler<'fault.image-missing'> = (ctx, a) => {
  const eks = eksOf(ctx.world);
  if (!eks.missingImages.includes(a.image)) eks.missingImages.push(a.image);
  return ok(`Image ${a.image} is no longer in its registry: pulls fail with "not found".`);
};
