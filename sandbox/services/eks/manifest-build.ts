/**
 * Decoded manifest JSON → the sandbox's plain objects (types.ts), with the API server's
 * defaults applied (aws-facts.md §5.1–§5.2, §5.6): replicas 1, RollingUpdate 25 %/25 %,
 * revisionHistoryLimit 10, progressDeadlineSeconds 600, restartPolicy Always, a 30 s grace
 * period, requests defaulted from limits, probe timings, Service type ClusterIP and
 * targetPort = port, HPA minReplicas 1 and the default scaling behaviour.
 *
 * The input has already passed strict decoding, so every present field has its type.
 */
import { parseCpuMilli, parseMemoryBytes, parseQuantity } from './quantity.ts';
import type {
  ConfigMap,
  ContainerSpec,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  HpaMetric,
  HpaScalingRules,
  LabelSelector,
  Labels,
  Namespace,
  NodeAffinity,
  NodeSelectorTerm,
  ObjectMeta,
  PodDisruptionBudget,
  PodManifest,
  PodSpec,
  PodTemplate,
  Probe,
  ResourceAmounts,
  Service,
  Toleration,
  TopologySpreadConstraint,
} from './types.ts';

type Json = Record<string, unknown>;

const o = (v: unknown): Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const s = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const n = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);
const b = (v: unknown): boolean => v === true;
const has = (j: Json, k: string): boolean => Object.hasOwn(j, k) && j[k] !== null;

export function labels(v: unknown): Labels {
  const out: Labels = {};
  for (const [k, val] of Object.entries(o(v))) if (typeof val === 'string') out[k] = val;
  return out;
}

export function meta(v: unknown, defaultNamespace: string): ObjectMeta {
  const m = o(v);
  return {
    name: s(m.name),
    namespace: s(m.namespace, defaultNamespace) || defaultNamespace,
    labels: labels(m.labels),
    annotations: labels(m.annotations),
  };
}

export function selector(v: unknown): LabelSelector | null {
  if (v === null || v === undefined) return null;
  const j = o(v);
  return {
    matchLabels: labels(j.matchLabels),
    matchExpressions: arr(j.matchExpressions).map((e) => {
      const x = o(e);
      return {
        key: s(x.key),
        operator: s(x.operator) as LabelSelector['matchExpressions'][number]['operator'],
        values: arr(x.values).map((y) => s(y)),
      };
    }),
  };
}

function amounts(v: unknown): ResourceAmounts {
  const j = o(v);
  const cpu = j.cpu;
  const mem = j.memory;
  return {
    cpuMilli: typeof cpu === 'string' || typeof cpu === 'number' ? parseCpuMilli(cpu) : null,
    memoryBytes: typeof mem === 'string' || typeof mem === 'number' ? parseMemoryBytes(mem) : null,
  };
}

function probe(v: unknown): Probe | null {
  if (v === null || v === undefined) return null;
  const j = o(v);
  const handler = (['httpGet', 'tcpSocket', 'exec', 'grpc'] as const).find((h) => has(j, h));
  return {
    handler: handler ?? 'exec',
    initialDelaySeconds: n(j.initialDelaySeconds, 0),
    periodSeconds: n(j.periodSeconds, 10),
    timeoutSeconds: n(j.timeoutSeconds, 1),
    successThreshold: n(j.successThreshold, 1),
    failureThreshold: n(j.failureThreshold, 3),
  };
}

function container(v: unknown): ContainerSpec {
  const j = o(v);
  const resources = o(j.resources);
  const limits = amounts(resources.limits);
  const requested = amounts(resources.requests);
  return {
    name: s(j.name),
    image: s(j.image),
    // The API server defaults a missing request to the limit.
    requests: {
      cpuMilli: requested.cpuMilli ?? limits.cpuMilli,
      memoryBytes: requested.memoryBytes ?? limits.memoryBytes,
    },
    limits,
    ports: arr(j.ports).map((p) => {
      const x = o(p);
      return {
        containerPort: n(x.containerPort, 0),
        hostPort: typeof x.hostPort === 'number' && x.hostPort !== 0 ? x.hostPort : null,
        protocol: s(x.protocol, 'TCP') as ContainerSpec['ports'][number]['protocol'],
        name: typeof x.name === 'string' ? x.name : null,
      };
    }),
    privileged: b(o(j.securityContext).privileged),
    livenessProbe: probe(j.livenessProbe),
    readinessProbe: probe(j.readinessProbe),
    startupProbe: probe(j.startupProbe),
  };
}

function term(v: unknown): NodeSelectorTerm {
  return {
    matchExpressions: arr(o(v).matchExpressions).map((e) => {
      const x = o(e);
      return {
        key: s(x.key),
        operator: s(x.operator) as NodeSelectorTerm['matchExpressions'][number]['operator'],
        values: arr(x.values).map((y) => s(y)),
      };
    }),
  };
}

function nodeAffinity(v: unknown): NodeAffinity | null {
  const na = o(o(v).nodeAffinity);
  if (Object.keys(na).length === 0) return null;
  const required = has(na, 'requiredDuringSchedulingIgnoredDuringExecution')
    ? arr(o(na.requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms).map(term)
    : null;
  return {
    required,
    preferred: arr(na.preferredDuringSchedulingIgnoredDuringExecution).map((p) => ({
      weight: n(o(p).weight, 0),
      preference: term(o(p).preference),
    })),
  };
}

function toleration(v: unknown): Toleration {
  const j = o(v);
  return {
    key: s(j.key),
    operator: s(j.operator, 'Equal') as Toleration['operator'],
    value: s(j.value),
    effect: (s(j.effect) || null) as Toleration['effect'],
    tolerationSeconds: typeof j.tolerationSeconds === 'number' ? j.tolerationSeconds : null,
  };
}

function spread(v: unknown): TopologySpreadConstraint {
  const j = o(v);
  return {
    maxSkew: n(j.maxSkew, 0),
    topologyKey: s(j.topologyKey),
    whenUnsatisfiable: s(j.whenUnsatisfiable) as TopologySpreadConstraint['whenUnsatisfiable'],
    labelSelector: selector(j.labelSelector),
  };
}

export function podSpec(v: unknown): PodSpec {
  const j = o(v);
  return {
    containers: arr(j.containers).map(container),
    initContainers: arr(j.initContainers).map(container),
    restartPolicy: s(j.restartPolicy, 'Always') as PodSpec['restartPolicy'],
    terminationGracePeriodSeconds: n(j.terminationGracePeriodSeconds, 30),
    nodeSelector: labels(j.nodeSelector),
    nodeAffinity: nodeAffinity(j.affinity),
    tolerations: arr(j.tolerations).map(toleration),
    topologySpreadConstraints: arr(j.topologySpreadConstraints).map(spread),
    hostNetwork: b(j.hostNetwork),
    nodeName: typeof j.nodeName === 'string' && j.nodeName ? j.nodeName : null,
    priority: n(j.priority, 0),
  };
}

function template(v: unknown): PodTemplate {
  const j = o(v);
  return {
    labels: labels(o(j.metadata).labels),
    annotations: labels(o(j.metadata).annotations),
    spec: podSpec(j.spec),
  };
}

export function deployment(j: Json, ns: string): Deployment {
  const spec = o(j.spec);
  const strategy = o(spec.strategy);
  const ru = o(strategy.rollingUpdate);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(j.metadata, ns),
    spec: {
      replicas: n(spec.replicas, 1),
      selector: selector(spec.selector) ?? { matchLabels: {}, matchExpressions: [] },
      template: template(spec.template),
      strategy:
        s(strategy.type, 'RollingUpdate') === 'Recreate'
          ? { type: 'Recreate' }
          : {
              type: 'RollingUpdate',
              maxSurge: has(ru, 'maxSurge') ? (ru.maxSurge as number | string) : '25%',
              maxUnavailable: has(ru, 'maxUnavailable')
                ? (ru.maxUnavailable as number | string)
                : '25%',
            },
      minReadySeconds: n(spec.minReadySeconds, 0),
      revisionHistoryLimit: n(spec.revisionHistoryLimit, 10),
      progressDeadlineSeconds: n(spec.progressDeadlineSeconds, 600),
      paused: b(spec.paused),
    },
  };
}

export function daemonSet(j: Json, ns: string): DaemonSet {
  const spec = o(j.spec);
  const strategy = o(spec.updateStrategy);
  const ru = o(strategy.rollingUpdate);
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(j.metadata, ns),
    spec: {
      selector: selector(spec.selector) ?? { matchLabels: {}, matchExpressions: [] },
      template: template(spec.template),
      updateStrategy:
        s(strategy.type, 'RollingUpdate') === 'OnDelete'
          ? { type: 'OnDelete' }
          : {
              type: 'RollingUpdate',
              maxSurge: has(ru, 'maxSurge') ? (ru.maxSurge as number | string) : 0,
              maxUnavailable: has(ru, 'maxUnavailable')
                ? (ru.maxUnavailable as number | string)
                : 1,
            },
    },
  };
}

export function service(j: Json, ns: string): Service {
  const spec = o(j.spec);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(j.metadata, ns),
    spec: {
      type: s(spec.type, 'ClusterIP') as Service['spec']['type'],
      selector: has(spec, 'selector') ? labels(spec.selector) : null,
      ports: arr(spec.ports).map((p) => {
        const x = o(p);
        const port = n(x.port, 0);
        return {
          name: typeof x.name === 'string' ? x.name : null,
          protocol: s(x.protocol, 'TCP') as Service['spec']['ports'][number]['protocol'],
          port,
          targetPort: has(x, 'targetPort') ? (x.targetPort as number | string) : port,
          nodePort: typeof x.nodePort === 'number' ? x.nodePort : null,
        };
      }),
      clusterIP: typeof spec.clusterIP === 'string' ? spec.clusterIP : null,
    },
  };
}

/** The default behaviour of autoscaling/v2 (aws-facts.md §5.6). */
export const DEFAULT_SCALE_UP: HpaScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const DEFAULT_SCALE_DOWN: HpaScalingRules = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

function rules(v: unknown, d: HpaScalingRules): HpaScalingRules {
  if (v === null || v === undefined) return d;
  const j = o(v);
  return {
    stabilizationWindowSeconds: n(j.stabilizationWindowSeconds, d.stabilizationWindowSeconds),
    selectPolicy: s(j.selectPolicy, d.selectPolicy) as HpaScalingRules['selectPolicy'],
    policies: has(j, 'policies')
      ? arr(j.policies).map((p) => ({
          type: s(o(p).type) as 'Pods' | 'Percent',
          value: n(o(p).value, 0),
          periodSeconds: n(o(p).periodSeconds, 0),
        }))
      : d.policies,
  };
}

function metric(v: unknown): HpaMetric {
  const j = o(v);
  const type = s(j.type);
  if (type === 'Resource') {
    const r = o(j.resource);
    const t = o(r.target);
    const tt = s(t.type);
    const q = (x: unknown) =>
      typeof x === 'string' || typeof x === 'number' ? (parseQuantity(x) ?? 0) : 0;
    return {
      type: 'Resource',
      resource: s(r.name) as 'cpu' | 'memory',
      target:
        tt === 'AverageValue'
          ? { type: 'AverageValue', averageValue: q(t.averageValue) }
          : tt === 'Value'
            ? { type: 'Value', value: q(t.value) }
            : { type: 'Utilization', averageUtilization: n(t.averageUtilization, 0) },
    };
  }
  const source = o(j[type.charAt(0).toLowerCase() + type.slice(1)]);
  return {
    type: type as 'Pods' | 'Object' | 'External' | 'ContainerResource',
    name: s(o(source.metric).name, s(source.name)),
  };
}

export function hpa(j: Json, ns: string): HorizontalPodAutoscaler {
  const spec = o(j.spec);
  const ref = o(spec.scaleTargetRef);
  const behavior = o(spec.behavior);
  const metrics = arr(spec.metrics).map(metric);
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(j.metadata, ns),
    spec: {
      scaleTargetRef: { apiVersion: s(ref.apiVersion), kind: s(ref.kind), name: s(ref.name) },
      minReplicas: n(spec.minReplicas, 1),
      maxReplicas: n(spec.maxReplicas, 0),
      // "If not set, the default metric will be set to 80% average CPU utilization."
      metrics:
        metrics.length > 0
          ? metrics
          : [
              {
                type: 'Resource',
                resource: 'cpu',
                target: { type: 'Utilization', averageUtilization: 80 },
              },
            ],
      behavior: {
        scaleUp: rules(behavior.scaleUp, DEFAULT_SCALE_UP),
        scaleDown: rules(behavior.scaleDown, DEFAULT_SCALE_DOWN),
      },
    },
  };
}

export function pdb(j: Json, ns: string): PodDisruptionBudget {
  const spec = o(j.spec);
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(j.metadata, ns),
    spec: {
      selector: selector(spec.selector),
      minAvailable: has(spec, 'minAvailable') ? (spec.minAvailable as number | string) : null,
      maxUnavailable: has(spec, 'maxUnavailable') ? (spec.maxUnavailable as number | string) : null,
    },
  };
}

export function namespace(j: Json): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(j.metadata, '') };
}

export function configMap(j: Json, ns: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(j.metadata, ns),
    data: labels(j.data),
  };
}

export function pod(j: Json, ns: string): PodManifest {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(j.metadata, ns), spec: podSpec(j.spec) };
}
