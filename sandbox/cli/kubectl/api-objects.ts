/**
 * The sandbox's objects as the Kubernetes API returns them, for `kubectl get -o json|yaml`:
 * apiVersion, kind, metadata (creationTimestamp as RFC 3339 from the simulated clock), spec
 * and status with quantities in canonical form (`250m`, `256Mi`, `1Gi`). Fields the sandbox
 * does not keep (resourceVersion, managedFields, owner uids) are left out rather than made up.
 */
import { stringify } from 'yaml';
import type {
  ContainerSpec,
  ContainerState,
  KubeEvent,
  LabelSelector,
  Labels,
  PodSpec,
  PodTemplate,
  ResourceAmounts,
  Taint,
  Toleration,
} from '../../services/eks/types.ts';
import type {
  DeploymentState,
  EksNode,
  EksPod,
  HpaState,
  KubeState,
  ServiceState,
} from '../../services/eks/world.ts';
import { isoTime } from '../format.ts';

type Json = Record<string, unknown>;

/** RFC 3339 in UTC, as the API server writes timestamps. */
export function kubeTime(simSeconds: number): string {
  return isoTime(simSeconds).replace('+00:00', 'Z');
}

const GI = 2 ** 30;
const MI = 2 ** 20;

export function cpuQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

export function memoryQuantity(bytes: number): string {
  if (bytes !== 0 && bytes % GI === 0) return `${bytes / GI}Gi`;
  if (bytes !== 0 && bytes % MI === 0) return `${bytes / MI}Mi`;
  if (bytes !== 0 && bytes % 1024 === 0) return `${bytes / 1024}Ki`;
  return String(bytes);
}

/** Drops undefined values and empty maps/lists, as omitempty does. */
function compact(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as Json).length === 0) continue;
    out[k] = v;
  }
  return out;
}

function resources(r: ResourceAmounts): Json | undefined {
  const out = compact({
    cpu: r.cpuMilli === null ? undefined : cpuQuantity(r.cpuMilli),
    memory: r.memoryBytes === null ? undefined : memoryQuantity(r.memoryBytes),
  });
  return Object.keys(out).length === 0 ? undefined : out;
}

function container(c: ContainerSpec): Json {
  return compact({
    image: c.image,
    imagePullPolicy:
      c.image.endsWith(':latest') || !c.image.includes(':') ? 'Always' : 'IfNotPresent',
    name: c.name,
    ports: c.ports.map((p) =>
      compact({
        containerPort: p.containerPort,
        hostPort: p.hostPort ?? undefined,
        name: p.name ?? undefined,
        protocol: p.protocol,
      }),
    ),
    resources: compact({ limits: resources(c.limits), requests: resources(c.requests) }),
    securityContext: c.privileged ? { privileged: true } : undefined,
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  });
}

function toleration(t: Toleration): Json {
  return compact({
    effect: t.effect ?? undefined,
    key: t.key === '' ? undefined : t.key,
    operator: t.operator,
    tolerationSeconds: t.tolerationSeconds ?? undefined,
    value: t.value === '' ? undefined : t.value,
  });
}

function podSpec(s: PodSpec): Json {
  return compact({
    containers: s.containers.map(container),
    initContainers: s.initContainers.map(container),
    dnsPolicy: 'ClusterFirst',
    hostNetwork: s.hostNetwork ? true : undefined,
    nodeName: s.nodeName ?? undefined,
    nodeSelector: s.nodeSelector,
    priority: s.priority,
    restartPolicy: s.restartPolicy,
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
    tolerations: s.tolerations.map(toleration),
    topologySpreadConstraints: s.topologySpreadConstraints.map((c) =>
      compact({
        labelSelector: c.labelSelector ? selector(c.labelSelector) : undefined,
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        whenUnsatisfiable: c.whenUnsatisfiable,
      }),
    ),
  });
}

function selector(s: LabelSelector): Json {
  return compact({
    matchExpressions: s.matchExpressions.map((e) =>
      compact({ key: e.key, operator: e.operator, values: e.values }),
    ),
    matchLabels: s.matchLabels,
  });
}

function template(t: PodTemplate): Json {
  return {
    metadata: compact({ annotations: t.annotations, labels: t.labels }),
    spec: podSpec(t.spec),
  };
}

function meta(m: {
  name: string;
  namespace: string;
  labels: Labels;
  annotations: Labels;
  createdAt: number;
  uid?: string;
  extra?: Json;
}): Json {
  return compact({
    annotations: m.annotations,
    creationTimestamp: kubeTime(m.createdAt),
    labels: m.labels,
    name: m.name,
    namespace: m.namespace === '' ? undefined : m.namespace,
    uid: m.uid,
    ...m.extra,
  });
}

function containerState(s: ContainerState | null): Json {
  if (!s) return {};
  if (s.state === 'running') return { running: { startedAt: kubeTime(s.startedAt) } };
  if (s.state === 'waiting')
    return { waiting: compact({ message: s.message ?? undefined, reason: s.reason }) };
  return {
    terminated: {
      exitCode: s.exitCode,
      finishedAt: kubeTime(s.finishedAt),
      reason: s.reason,
      startedAt: kubeTime(s.startedAt),
    },
  };
}

export function podJson(p: EksPod): Json {
  const m = p.metadata;
  const ready =
    p.status.containerStatuses.every((c) => c.ready) && p.status.containerStatuses.length > 0;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta({
      ...m,
      createdAt: m.creationTime,
      extra: {
        deletionTimestamp: m.deletionTime === null ? undefined : kubeTime(m.deletionTime),
        ownerReferences: m.owner
          ? [
              {
                apiVersion: 'apps/v1',
                blockOwnerDeletion: true,
                controller: true,
                kind: m.owner.kind,
                name: m.owner.name,
              },
            ]
          : undefined,
      },
    }),
    spec: podSpec(p.spec),
    status: compact({
      conditions: [
        { status: p.spec.nodeName ? 'True' : 'False', type: 'PodScheduled' },
        ...(p.spec.nodeName ? [{ status: ready ? 'True' : 'False', type: 'Ready' }] : []),
      ],
      containerStatuses: p.status.containerStatuses.map((c) =>
        compact({
          image: c.image,
          lastState: containerState(c.lastState),
          name: c.name,
          ready: c.ready,
          restartCount: c.restartCount,
          started: c.state.state === 'running',
          state: containerState(c.state),
        }),
      ),
      hostIP: undefined,
      message: p.status.message ?? undefined,
      phase: p.status.phase,
      podIP: p.status.podIP ?? undefined,
      qosClass: qosClass(p.spec),
      reason: p.status.reason ?? undefined,
      startTime: p.status.startTime === null ? undefined : kubeTime(p.status.startTime),
    }),
  };
}

/** Guaranteed, Burstable or BestEffort, from requests and limits. */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all = [...spec.containers, ...spec.initContainers];
  const none = all.every(
    (c) =>
      c.requests.cpuMilli === null &&
      c.requests.memoryBytes === null &&
      c.limits.cpuMilli === null &&
      c.limits.memoryBytes === null,
  );
  if (none) return 'BestEffort';
  const guaranteed = all.every(
    (c) =>
      c.limits.cpuMilli !== null &&
      c.limits.memoryBytes !== null &&
      (c.requests.cpuMilli === null || c.requests.cpuMilli === c.limits.cpuMilli) &&
      (c.requests.memoryBytes === null || c.requests.memoryBytes === c.limits.memoryBytes),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function taint(t: Taint): Json {
  return compact({
    effect: t.effect,
    key: t.key,
    timeAdded: t.timeAdded === null ? undefined : kubeTime(t.timeAdded),
    value: t.value === '' ? undefined : t.value,
  });
}

function nodeResources(r: EksNode['capacity']): Json {
  return {
    cpu: cpuQuantity(r.cpuMilli),
    memory: memoryQuantity(r.memoryBytes),
    pods: String(r.pods),
  };
}

export function nodeJson(n: EksNode): Json {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta({
      name: n.name,
      namespace: '',
      labels: n.labels,
      annotations: {},
      createdAt: n.creationTime,
    }),
    spec: compact({
      providerID: n.instanceId !== null ? `aws:///${n.az}/${n.instanceId}` : undefined,
      taints: n.taints.map(taint),
      unschedulable: n.unschedulable ? true : undefined,
    }),
    status: {
      addresses: [
        { address: n.internalIP, type: 'InternalIP' },
        ...(n.externalIP ? [{ address: n.externalIP, type: 'ExternalIP' }] : []),
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: nodeResources(n.allocatable),
      capacity: nodeResources(n.capacity),
      conditions: [
        {
          lastHeartbeatTime: kubeTime(n.lastHeartbeat),
          lastTransitionTime: kubeTime(n.readySince),
          status: n.ready,
          type: 'Ready',
        },
      ],
      nodeInfo: {
        containerRuntimeVersion: n.containerRuntime,
        kernelVersion: n.kernelVersion,
        kubeletVersion: n.kubeletVersion,
        osImage: n.osImage,
      },
    },
  };
}

export function deploymentJson(d: DeploymentState, kube: KubeState): Json {
  const o = d.object;
  const counts = deploymentCounts(d, kube);
  const strategy =
    o.spec.strategy.type === 'Recreate'
      ? { type: 'Recreate' }
      : {
          rollingUpdate: {
            maxSurge: o.spec.strategy.maxSurge,
            maxUnavailable: o.spec.strategy.maxUnavailable,
          },
          type: 'RollingUpdate',
        };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta({
      ...o.metadata,
      createdAt: d.createdAt,
      annotations: {
        ...o.metadata.annotations,
        'deployment.kubernetes.io/revision': String(d.revision),
      },
      extra: { generation: d.generation },
    }),
    spec: {
      minReadySeconds: o.spec.minReadySeconds || undefined,
      paused: o.spec.paused || undefined,
      progressDeadlineSeconds: o.spec.progressDeadlineSeconds,
      replicas: o.spec.replicas,
      revisionHistoryLimit: o.spec.revisionHistoryLimit,
      selector: selector(o.spec.selector),
      strategy,
      template: template(o.spec.template),
    },
    status: compact({
      availableReplicas: counts.available || undefined,
      observedGeneration: d.generation,
      readyReplicas: counts.ready || undefined,
      replicas: counts.total || undefined,
      unavailableReplicas:
        o.spec.replicas - counts.available > 0 ? o.spec.replicas - counts.available : undefined,
      updatedReplicas: counts.updated || undefined,
    }),
  };
}

/** Pods of a Deployment: all, on the newest ReplicaSet, ready, available. */
export function deploymentCounts(
  d: DeploymentState,
  kube: KubeState,
): { total: number; updated: number; ready: number; available: number } {
  const ns = d.object.metadata.namespace;
  const name = d.object.metadata.name;
  const sets = Object.values(kube.replicaSets).filter(
    (rs) =>
      rs.metadata.namespace === ns &&
      rs.metadata.owner?.kind === 'Deployment' &&
      rs.metadata.owner.name === name,
  );
  const newest = sets.reduce<(typeof sets)[number] | null>(
    (best, rs) => (best === null || rs.metadata.revision > best.metadata.revision ? rs : best),
    null,
  );
  let total = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  for (const rs of sets) {
    total += rs.status.replicas;
    ready += rs.status.readyReplicas;
    available += rs.status.availableReplicas;
    if (rs === newest) updated += rs.status.replicas;
  }
  return { total, updated, ready, available };
}

export function replicaSetJson(rs: KubeState['replicaSets'][string]): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta({
      ...rs.metadata,
      createdAt: rs.metadata.creationTime,
      annotations: {
        ...rs.metadata.annotations,
        'deployment.kubernetes.io/revision': String(rs.metadata.revision),
      },
      extra: {
        ownerReferences: rs.metadata.owner
          ? [
              {
                apiVersion: 'apps/v1',
                blockOwnerDeletion: true,
                controller: true,
                kind: 'Deployment',
                name: rs.metadata.owner.name,
              },
            ]
          : undefined,
      },
    }),
    spec: {
      replicas: rs.spec.replicas,
      selector: selector(rs.spec.selector),
      template: template(rs.spec.template),
    },
    status: compact({
      availableReplicas: rs.status.availableReplicas || undefined,
      readyReplicas: rs.status.readyReplicas || undefined,
      replicas: rs.status.replicas,
    }),
  };
}

export function serviceJson(s: ServiceState): Json {
  const o = s.object;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta({ ...o.metadata, createdAt: s.createdAt }),
    spec: compact({
      clusterIP: s.clusterIP,
      clusterIPs: [s.clusterIP],
      ports: o.spec.ports.map((p) =>
        compact({
          name: p.name ?? undefined,
          nodePort: p.nodePort ?? undefined,
          port: p.port,
          protocol: p.protocol,
          targetPort: p.targetPort,
        }),
      ),
      selector: o.spec.selector ?? undefined,
      type: o.spec.type,
    }),
    status: {
      loadBalancer:
        o.spec.type === 'LoadBalancer' && s.loadBalancerHostname
          ? { ingress: [{ hostname: s.loadBalancerHostname }] }
          : {},
    },
  };
}

export function hpaJson(h: HpaState): Json {
  const o = h.object;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta({ ...o.metadata, createdAt: h.createdAt }),
    spec: {
      maxReplicas: o.spec.maxReplicas,
      metrics: o.spec.metrics.map((m) =>
        m.type === 'Resource'
          ? {
              resource: {
                name: m.resource,
                target:
                  m.target.type === 'Utilization'
                    ? { averageUtilization: m.target.averageUtilization, type: 'Utilization' }
                    : m.target.type === 'AverageValue'
                      ? { averageValue: String(m.target.averageValue), type: 'AverageValue' }
                      : { type: 'Value', value: String(m.target.value) },
              },
              type: 'Resource',
            }
          : { type: m.type },
      ),
      minReplicas: o.spec.minReplicas,
      scaleTargetRef: o.spec.scaleTargetRef,
    },
    status: compact({
      currentMetrics:
        h.currentUtilization === null
          ? undefined
          : [
              {
                resource: { current: { averageUtilization: h.currentUtilization }, name: 'cpu' },
                type: 'Resource',
              },
            ],
      currentReplicas: h.currentReplicas,
      desiredReplicas: h.desiredReplicas,
      lastScaleTime: h.lastScaleAt === null ? undefined : kubeTime(h.lastScaleAt),
    }),
  };
}

export function namespaceJson(name: string, createdAt: number, labels: Labels): Json {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta({
      name,
      namespace: '',
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
      annotations: {},
      createdAt,
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function eventJson(e: KubeEvent): Json {
  const [kind, name] = e.object.split('/');
  const kinds: Record<string, string> = {
    pod: 'Pod',
    node: 'Node',
    deployment: 'Deployment',
    replicaset: 'ReplicaSet',
    horizontalpodautoscaler: 'HorizontalPodAutoscaler',
    service: 'Service',
  };
  return {
    apiVersion: 'v1',
    count: e.count,
    firstTimestamp: kubeTime(e.firstTimestamp),
    involvedObject: compact({
      kind: Object.hasOwn(kinds, kind ?? '') ? kinds[kind ?? ''] : kind,
      name,
      namespace: e.namespace,
    }),
    kind: 'Event',
    lastTimestamp: kubeTime(e.lastTimestamp),
    message: e.message,
    metadata: { name: `${name}.${e.firstTimestamp}`, namespace: e.namespace },
    reason: e.reason,
    source: { component: e.source },
    type: e.type,
  };
}

/** `-o json`: one object, or a List of several, indented as kubectl prints it. */
export function printJson(objects: Json[], single: boolean): string {
  const value = single
    ? objects[0]
    : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  return JSON.stringify(value, null, 4);
}

/** `-o yaml`: keys in order, lists not indented under their key (sigs.k8s.io/yaml's style). */
export function printYaml(objects: Json[], single: boolean): string {
  const value = single
    ? objects[0]
    : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  return stringify(value, { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).trimEnd();
}
