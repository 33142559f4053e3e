/**
 * Plain-data Kubernetes objects and EKS cluster state (aws-facts.md §4–§5).
 *
 * Every value here is JSON-serialisable (no classes, no Maps, no functions) so a world slice
 * can hold it as it is. Quantities are stored already parsed: CPU in millicores, memory in
 * bytes. Times are simulated seconds. Maps keyed by a learner-supplied name must be read with
 * own-property checks (`Object.hasOwn`), never `obj[name]` alone.
 */

export type Labels = Record<string, string>;

/** `intstr.IntOrString`: a count or a percentage such as `"25%"`. */
export type IntOrPercent = number | string;

export interface ObjectMeta {
  name: string;
  /** `''` for cluster-scoped objects (Namespace, Node). */
  namespace: string;
  labels: Labels;
  annotations: Labels;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Labels;
  matchExpressions: LabelSelectorRequirement[];
}

export interface ResourceAmounts {
  /** Millicores; `null` when not set. */
  cpuMilli: number | null;
  /** Bytes; `null` when not set. */
  memoryBytes: number | null;
}

export interface ContainerPort {
  containerPort: number;
  hostPort: number | null;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  name: string | null;
}

export interface Probe {
  handler: 'httpGet' | 'tcpSocket' | 'exec' | 'grpc';
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export interface ContainerSpec {
  name: string;
  image: string;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  ports: ContainerPort[];
  privileged: boolean;
  livenessProbe: Probe | null;
  readinessProbe: Probe | null;
  startupProbe: Probe | null;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value: string;
  effect: TaintEffect;
  /** When the node controller added it (NoExecute eviction timing); `null` if set by hand. */
  timeAdded: number | null;
}

export interface Toleration {
  /** `''` with operator Exists tolerates every taint. */
  key: string;
  operator: 'Exists' | 'Equal';
  value: string;
  /** `null` matches every effect. */
  effect: TaintEffect | null;
  tolerationSeconds: number | null;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: string[];
}

/** A node selector term: every requirement must hold. */
export interface NodeSelectorTerm {
  matchExpressions: NodeSelectorRequirement[];
}

export interface NodeAffinity {
  /** Terms are ORed; `null` when absent. */
  required: NodeSelectorTerm[] | null;
  preferred: { weight: number; preference: NodeSelectorTerm }[];
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector: LabelSelector | null;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export interface PodSpec {
  containers: ContainerSpec[];
  initContainers: ContainerSpec[];
  restartPolicy: RestartPolicy;
  terminationGracePeriodSeconds: number;
  nodeSelector: Labels;
  nodeAffinity: NodeAffinity | null;
  tolerations: Toleration[];
  topologySpreadConstraints: TopologySpreadConstraint[];
  hostNetwork: boolean;
  /** Set by the scheduler on binding (or by hand in a manifest). */
  nodeName: string | null;
  priority: number;
}

export interface PodTemplate {
  labels: Labels;
  annotations: Labels;
  spec: PodSpec;
}

// ── manifests (what `kubectl apply` accepts) ─────────────────────────────────────────────

export type DeploymentStrategy =
  | { type: 'RollingUpdate'; maxSurge: IntOrPercent; maxUnavailable: IntOrPercent }
  | { type: 'Recreate' };

export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    selector: LabelSelector;
    template: PodTemplate;
    strategy: DeploymentStrategy;
    minReadySeconds: number;
    revisionHistoryLimit: number;
    progressDeadlineSeconds: number;
    paused: boolean;
  };
}

export interface DaemonSet {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: {
    selector: LabelSelector;
    template: PodTemplate;
    updateStrategy:
      | { type: 'RollingUpdate'; maxSurge: IntOrPercent; maxUnavailable: IntOrPercent }
      | { type: 'OnDelete' };
  };
}

export interface ServicePort {
  name: string | null;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort: number | string;
  nodePort: number | null;
}

export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    /** `null`: a Service without a selector (its endpoints are managed by hand). */
    selector: Labels | null;
    ports: ServicePort[];
    clusterIP: string | null;
  };
}

export type HpaTarget =
  | { type: 'Utilization'; averageUtilization: number }
  | { type: 'AverageValue'; averageValue: number }
  | { type: 'Value'; value: number };

export type HpaMetric =
  | { type: 'Resource'; resource: 'cpu' | 'memory'; target: HpaTarget }
  /** Pods, Object, External and ContainerResource metrics: accepted, not simulated. */
  | { type: 'Pods' | 'Object' | 'External' | 'ContainerResource'; name: string };

export interface HpaScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: { type: 'Pods' | 'Percent'; value: number; periodSeconds: number }[];
}

export interface HorizontalPodAutoscaler {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  metadata: ObjectMeta;
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
    metrics: HpaMetric[];
    behavior: { scaleUp: HpaScalingRules; scaleDown: HpaScalingRules };
  };
}

export interface PodDisruptionBudget {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  metadata: ObjectMeta;
  spec: {
    selector: LabelSelector | null;
    minAvailable: IntOrPercent | null;
    maxUnavailable: IntOrPercent | null;
  };
}

export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
}

export interface ConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  data: Record<string, string>;
}

/** A bare Pod (no controller owns it). */
export interface PodManifest {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
}

/** A kind the API server knows and `kubectl apply` creates, but the sandbox does not run. */
export interface UnsimulatedObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  simulated: false;
}

export type KubeObject =
  | Deployment
  | DaemonSet
  | PodManifest
  | Service
  | HorizontalPodAutoscaler
  | PodDisruptionBudget
  | Namespace
  | ConfigMap;

// ── what controllers create and the scheduler and kubelet run ────────────────────────────

export type ContainerState =
  | { state: 'waiting'; reason: string; message: string | null }
  | { state: 'running'; startedAt: number }
  | {
      state: 'terminated';
      reason: string;
      exitCode: number;
      startedAt: number;
      finishedAt: number;
    };

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState | null;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface Pod {
  metadata: ObjectMeta & {
    uid: string;
    creationTime: number;
    /** When `kubectl delete` (or an eviction) started; the pod is Terminating meanwhile. */
    deletionTime: number | null;
    owner: { kind: 'ReplicaSet' | 'DaemonSet'; name: string } | null;
  };
  spec: PodSpec;
  status: {
    phase: PodPhase;
    /** `Evicted`, `NodeLost`…; `null` otherwise. */
    reason: string | null;
    message: string | null;
    podIP: string | null;
    startTime: number | null;
    containerStatuses: ContainerStatus[];
  };
}

export interface ReplicaSet {
  metadata: ObjectMeta & {
    creationTime: number;
    owner: { kind: 'Deployment'; name: string } | null;
    revision: number;
  };
  spec: { replicas: number; selector: LabelSelector; template: PodTemplate };
  status: { replicas: number; readyReplicas: number; availableReplicas: number };
}

export type NodeReadiness = 'True' | 'False' | 'Unknown';

export interface NodeResources {
  cpuMilli: number;
  memoryBytes: number;
  pods: number;
}

export interface Node {
  name: string;
  labels: Labels;
  taints: Taint[];
  /** `kubectl cordon`. */
  unschedulable: boolean;
  capacity: NodeResources;
  allocatable: NodeResources;
  ready: NodeReadiness;
  /** Last kubelet status report (simulated seconds). */
  lastHeartbeat: number;
  /** When `ready` last changed. */
  readySince: number;
  creationTime: number;
  kubeletVersion: string;
  internalIP: string;
  externalIP: string | null;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
  /** `ec2` instance (self-managed or node group) or a Fargate micro-VM. */
  compute: 'ec2' | 'fargate';
  /** EC2 instance id, or null on Fargate. */
  instanceId: string | null;
}

export interface KubeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** `pod/web-7d9f8c6b5-x2n4q`, `node/ip-…`, `deployment/web`… */
  object: string;
  namespace: string;
  source: string;
  message: string;
  firstTimestamp: number;
  lastTimestamp: number;
  count: number;
}
