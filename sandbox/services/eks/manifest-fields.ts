/**
 * The fields of the Kubernetes API objects the sandbox reads (Kubernetes 1.30 API reference),
 * for strict field validation: a field not listed is an unknown field, as the API server's
 * strict decoding reports it; a field marked `ignored` is real and accepted, but the sandbox
 * does not simulate it (and says so). `any` subtrees are real API structures the sandbox
 * neither reads nor checks (volumes, env, security contexts…): accepted and ignored whole.
 *
 * Each object carries its Go type name, because the decoder's type errors name it
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`).
 */

export type FieldType =
  | { k: 'int'; go: 'int32' | 'int64' }
  | { k: 'str' }
  | { k: 'bool' }
  | { k: 'intstr' }
  | { k: 'quantity' }
  | { k: 'strmap' }
  | { k: 'any' }
  | { k: 'obj'; go: string; fields: Record<string, Field> }
  | { k: 'list'; go: string; of: FieldType }
  | { k: 'map'; go: string; of: FieldType };

export type Field = FieldType & { ignored?: boolean };

const int32: FieldType = { k: 'int', go: 'int32' };
const int64: FieldType = { k: 'int', go: 'int64' };
const str: FieldType = { k: 'str' };
const bool: FieldType = { k: 'bool' };
const intstr: FieldType = { k: 'intstr' };
const strmap: FieldType = { k: 'strmap' };
const any: FieldType = { k: 'any' };
const obj = (go: string, fields: Record<string, Field>): FieldType => ({ k: 'obj', go, fields });
const list = (go: string, of: FieldType): FieldType => ({ k: 'list', go, of });
/** A real field the sandbox accepts without simulating it. */
const ignored = (t: FieldType): Field => ({ ...t, ignored: true });

const ownerReference = obj('OwnerReference', {
  apiVersion: str,
  kind: str,
  name: str,
  uid: str,
  controller: bool,
  blockOwnerDeletion: bool,
});

export const OBJECT_META = obj('ObjectMeta', {
  name: str,
  generateName: ignored(str),
  namespace: str,
  labels: strmap,
  annotations: strmap,
  uid: ignored(str),
  resourceVersion: ignored(str),
  generation: ignored(int64),
  creationTimestamp: ignored(any),
  deletionTimestamp: ignored(any),
  deletionGracePeriodSeconds: ignored(int64),
  ownerReferences: ignored(list('[]v1.OwnerReference', ownerReference)),
  finalizers: ignored(list('[]string', str)),
  managedFields: ignored(any),
  selfLink: ignored(str),
});

const labelSelector = obj('LabelSelector', {
  matchLabels: strmap,
  matchExpressions: list(
    '[]v1.LabelSelectorRequirement',
    obj('LabelSelectorRequirement', { key: str, operator: str, values: list('[]string', str) }),
  ),
});

const nodeSelectorTerm = obj('NodeSelectorTerm', {
  matchExpressions: list(
    '[]v1.NodeSelectorRequirement',
    obj('NodeSelectorRequirement', { key: str, operator: str, values: list('[]string', str) }),
  ),
  matchFields: ignored(any),
});

const affinity = obj('Affinity', {
  nodeAffinity: obj('NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: obj('NodeSelector', {
      nodeSelectorTerms: list('[]v1.NodeSelectorTerm', nodeSelectorTerm),
    }),
    preferredDuringSchedulingIgnoredDuringExecution: list(
      '[]v1.PreferredSchedulingTerm',
      obj('PreferredSchedulingTerm', { weight: int32, preference: nodeSelectorTerm }),
    ),
  }),
  podAffinity: ignored(any),
  podAntiAffinity: ignored(any),
});

const toleration = obj('Toleration', {
  key: str,
  operator: str,
  value: str,
  effect: str,
  tolerationSeconds: int64,
});

const topologySpreadConstraint = obj('TopologySpreadConstraint', {
  maxSkew: int32,
  topologyKey: str,
  whenUnsatisfiable: str,
  labelSelector,
  minDomains: ignored(int32),
  matchLabelKeys: ignored(list('[]string', str)),
  nodeAffinityPolicy: ignored(str),
  nodeTaintsPolicy: ignored(str),
});

const quantityMap: FieldType = { k: 'map', go: 'v1.ResourceList', of: { k: 'quantity' } };

const probe = obj('Probe', {
  exec: any,
  httpGet: any,
  tcpSocket: any,
  grpc: any,
  initialDelaySeconds: int32,
  periodSeconds: int32,
  timeoutSeconds: int32,
  successThreshold: int32,
  failureThreshold: int32,
  terminationGracePeriodSeconds: ignored(int64),
});

const containerSecurityContext = obj('SecurityContext', {
  privileged: bool,
  allowPrivilegeEscalation: ignored(bool),
  appArmorProfile: ignored(any),
  capabilities: ignored(any),
  procMount: ignored(str),
  readOnlyRootFilesystem: ignored(bool),
  runAsGroup: ignored(int64),
  runAsNonRoot: ignored(bool),
  runAsUser: ignored(int64),
  seLinuxOptions: ignored(any),
  seccompProfile: ignored(any),
  windowsOptions: ignored(any),
});

const container = obj('Container', {
  name: str,
  image: str,
  imagePullPolicy: ignored(str),
  command: ignored(list('[]string', str)),
  args: ignored(list('[]string', str)),
  workingDir: ignored(str),
  env: ignored(any),
  envFrom: ignored(any),
  ports: list(
    '[]v1.ContainerPort',
    obj('ContainerPort', {
      name: str,
      containerPort: int32,
      hostPort: int32,
      hostIP: ignored(str),
      protocol: str,
    }),
  ),
  resources: obj('ResourceRequirements', {
    requests: quantityMap,
    limits: quantityMap,
    claims: ignored(any),
  }),
  resizePolicy: ignored(any),
  restartPolicy: ignored(str),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: ignored(any),
  securityContext: containerSecurityContext,
  volumeMounts: ignored(any),
  volumeDevices: ignored(any),
  terminationMessagePath: ignored(str),
  terminationMessagePolicy: ignored(str),
  stdin: ignored(bool),
  stdinOnce: ignored(bool),
  tty: ignored(bool),
});

export const POD_SPEC = obj('PodSpec', {
  containers: list('[]v1.Container', container),
  initContainers: list('[]v1.Container', container),
  ephemeralContainers: ignored(any),
  restartPolicy: str,
  terminationGracePeriodSeconds: int64,
  activeDeadlineSeconds: ignored(int64),
  dnsPolicy: ignored(str),
  dnsConfig: ignored(any),
  nodeSelector: strmap,
  serviceAccountName: ignored(str),
  serviceAccount: ignored(str),
  automountServiceAccountToken: ignored(bool),
  nodeName: str,
  hostNetwork: bool,
  hostPID: ignored(bool),
  hostIPC: ignored(bool),
  hostUsers: ignored(bool),
  shareProcessNamespace: ignored(bool),
  securityContext: ignored(any),
  imagePullSecrets: ignored(any),
  hostname: ignored(str),
  subdomain: ignored(str),
  setHostnameAsFQDN: ignored(bool),
  affinity,
  schedulerName: ignored(str),
  tolerations: list('[]v1.Toleration', toleration),
  hostAliases: ignored(any),
  priorityClassName: ignored(str),
  priority: int32,
  preemptionPolicy: ignored(str),
  readinessGates: ignored(any),
  runtimeClassName: ignored(str),
  enableServiceLinks: ignored(bool),
  overhead: ignored(any),
  topologySpreadConstraints: list('[]v1.TopologySpreadConstraint', topologySpreadConstraint),
  os: ignored(any),
  schedulingGates: ignored(any),
  resourceClaims: ignored(any),
  volumes: ignored(any),
});

const podTemplate = obj('PodTemplateSpec', { metadata: OBJECT_META, spec: POD_SPEC });

const rollingUpdate = (go: string) => obj(go, { maxSurge: intstr, maxUnavailable: intstr });

const status = ignored(any);

/** Top-level shapes by `apiVersion/kind`, for the kinds the sandbox simulates. */
export const SIMULATED_KINDS: Record<string, FieldType> = {
  'apps/v1/Deployment': obj('Deployment', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: obj('DeploymentSpec', {
      replicas: int32,
      selector: labelSelector,
      template: podTemplate,
      strategy: obj('DeploymentStrategy', {
        type: str,
        rollingUpdate: rollingUpdate('RollingUpdateDeployment'),
      }),
      minReadySeconds: int32,
      revisionHistoryLimit: int32,
      paused: bool,
      progressDeadlineSeconds: int32,
    }),
    status,
  }),
  'apps/v1/DaemonSet': obj('DaemonSet', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: obj('DaemonSetSpec', {
      selector: labelSelector,
      template: podTemplate,
      updateStrategy: obj('DaemonSetUpdateStrategy', {
        type: str,
        rollingUpdate: rollingUpdate('RollingUpdateDaemonSet'),
      }),
      minReadySeconds: ignored(int32),
      revisionHistoryLimit: ignored(int32),
    }),
    status,
  }),
  'v1/Pod': obj('Pod', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: POD_SPEC,
    status,
  }),
  'v1/Service': obj('Service', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: obj('ServiceSpec', {
      type: str,
      selector: strmap,
      ports: list(
        '[]v1.ServicePort',
        obj('ServicePort', {
          name: str,
          protocol: str,
          appProtocol: ignored(str),
          port: int32,
          targetPort: intstr,
          nodePort: int32,
        }),
      ),
      clusterIP: str,
      clusterIPs: ignored(list('[]string', str)),
      externalIPs: ignored(list('[]string', str)),
      externalName: ignored(str),
      externalTrafficPolicy: ignored(str),
      internalTrafficPolicy: ignored(str),
      healthCheckNodePort: ignored(int32),
      ipFamilies: ignored(list('[]v1.IPFamily', str)),
      ipFamilyPolicy: ignored(str),
      loadBalancerClass: ignored(str),
      loadBalancerIP: ignored(str),
      loadBalancerSourceRanges: ignored(list('[]string', str)),
      allocateLoadBalancerNodePorts: ignored(bool),
      publishNotReadyAddresses: ignored(bool),
      sessionAffinity: ignored(str),
      sessionAffinityConfig: ignored(any),
      trafficDistribution: ignored(str),
    }),
    status,
  }),
  'autoscaling/v2/HorizontalPodAutoscaler': obj('HorizontalPodAutoscaler', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: obj('HorizontalPodAutoscalerSpec', {
      scaleTargetRef: obj('CrossVersionObjectReference', {
        apiVersion: str,
        kind: str,
        name: str,
      }),
      minReplicas: int32,
      maxReplicas: int32,
      metrics: list(
        '[]v2.MetricSpec',
        obj('MetricSpec', {
          type: str,
          resource: obj('ResourceMetricSource', {
            name: str,
            target: obj('MetricTarget', {
              type: str,
              averageUtilization: int32,
              averageValue: { k: 'quantity' },
              value: { k: 'quantity' },
            }),
          }),
          pods: ignored(any),
          object: ignored(any),
          external: ignored(any),
          containerResource: ignored(any),
        }),
      ),
      behavior: obj('HorizontalPodAutoscalerBehavior', {
        scaleUp: scalingRules(),
        scaleDown: scalingRules(),
      }),
    }),
    status,
  }),
  'policy/v1/PodDisruptionBudget': obj('PodDisruptionBudget', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: obj('PodDisruptionBudgetSpec', {
      selector: labelSelector,
      minAvailable: intstr,
      maxUnavailable: intstr,
      unhealthyPodEvictionPolicy: ignored(str),
    }),
    status,
  }),
  'v1/Namespace': obj('Namespace', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: ignored(any),
    status,
  }),
  'v1/ConfigMap': obj('ConfigMap', {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    data: strmap,
    binaryData: ignored(any),
    immutable: ignored(bool),
  }),
};

function scalingRules(): FieldType {
  return obj('HPAScalingRules', {
    stabilizationWindowSeconds: int32,
    selectPolicy: str,
    policies: list(
      '[]v2.HPAScalingPolicy',
      obj('HPAScalingPolicy', { type: str, value: int32, periodSeconds: int32 }),
    ),
    tolerance: ignored(any),
  });
}

/**
 * Kinds the API server serves and `kubectl apply` creates, which the sandbox stores but does
 * not run. Their fields are not checked.
 */
export const UNSIMULATED_KINDS: ReadonlySet<string> = new Set([
  'v1/ServiceAccount',
  'v1/Secret',
  'v1/PersistentVolumeClaim',
  'v1/LimitRange',
  'v1/ResourceQuota',
  'apps/v1/StatefulSet',
  'apps/v1/ReplicaSet',
  'batch/v1/Job',
  'batch/v1/CronJob',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1/IngressClass',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'storage.k8s.io/v1/StorageClass',
  'scheduling.k8s.io/v1/PriorityClass',
]);

/** The plural resource name kubectl prints (`deployment.apps/web created`). */
export function resourceName(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const lower = kind.toLowerCase();
  return group ? `${lower}.${group}` : lower;
}

/** Cluster-scoped kinds (no namespace). */
export const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
]);
