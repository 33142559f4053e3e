/**
 * The EKS world slice (`world.eks`): the clusters and what AWS keeps about them (access
 * entries, node groups, Fargate profiles, the kubeconfig the learner wrote), and per cluster
 * the Kubernetes API's objects (namespaces, Deployments, ReplicaSets, Pods, Services, HPAs,
 * PDBs, DaemonSets, Nodes, events) with the runtime state the controllers and kubelets keep.
 * Plain JSON; maps keyed by a learner-supplied name are read with own-property checks.
 *
 * Shapes here are a contract with the terminal and the view: add fields, never rename.
 */
import type { ClusterStatus } from './cluster-machine.ts';
import type { ControlPlane } from './control-plane.ts';
import type { FargateSelector } from './fargate-profiles.ts';
import type { SchedulingDecision } from './scheduler.ts';
import type { PodMachineContext, PodMachineState } from './pod-machine.ts';
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  KubeEvent,
  Labels,
  Namespace,
  Node,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Service,
  Taint,
  UnsimulatedObject,
} from './types.ts';

export type AccessEntryType =
  'STANDARD' | 'EC2_LINUX' | 'EC2_WINDOWS' | 'FARGATE_LINUX' | 'HYBRID_LINUX';

export interface AccessEntry {
  principalArn: string;
  type: AccessEntryType;
  kubernetesGroups: string[];
  username: string;
  createdAt: number;
  policies: { policyArn: string; scope: 'cluster' | 'namespace'; namespaces: string[] }[];
}

export interface ClusterAutoscalerState {
  installedAt: number;
  expander: 'random' | 'most-pods' | 'least-waste';
  scaleDownUtilizationThreshold: number;
  scaleDownUnneededSeconds: number;
  /** Last scan (every 10 s). */
  lastScanAt: number;
  lastScaleUpAt: number | null;
  /** Node name → since when it has been unneeded. */
  unneededSince: Record<string, number>;
}

export interface EksCluster {
  name: string;
  arn: string;
  /** `eks`: the managed control plane; `kubeadm`: a self-managed single master on one EC2 instance. */
  kind: 'eks' | 'kubeadm';
  status: ClusterStatus;
  version: string;
  platformVersion: string;
  supportType: 'STANDARD' | 'EXTENDED';
  authenticationMode: 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP';
  roleArn: string;
  azs: string[];
  createdAt: number;
  /** When the current status's delayed transition completes, or null. */
  nextTransitionAt: number | null;
  endpoint: string;
  certificateAuthority: string;
  controlPlane: ControlPlane;
  /** kubeadm: the instance the control plane runs on. */
  instanceId: string | null;
  accessEntries: Record<string, AccessEntry>;
  clusterAutoscaler: ClusterAutoscalerState | null;
  /** Add-ons installed (`metrics-server` is what an HPA needs to read CPU). */
  addons: string[];
  /** When the API stopped answering (null while it answers), and the seconds it was down in all. */
  downSince: number | null;
  downSeconds: number;
  /** When the cluster first became ACTIVE, or null. */
  activeAt: number | null;
  /** Control plane members lost to AZ outages at the last check (EKS rides it out). */
  membersLost: number;
  /** Whether the last check found the API answering (for events on change). */
  apiAvailable: boolean;
}

export type NodegroupStatus =
  'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'CREATE_FAILED' | 'DELETE_FAILED' | 'DEGRADED';

export interface NodegroupUpdate {
  id: string;
  type: 'VersionUpdate' | 'ConfigUpdate';
  status: 'InProgress' | 'Successful' | 'Failed';
  startedAt: number;
  /** The phase of a rolling update (aws-facts §4.4). */
  phase: 'setup' | 'scale-up' | 'upgrade' | 'scale-down' | 'done';
  /** Sizes before the update (restored in scale-down). */
  originalDesired: number;
  originalMax: number;
  surge: number;
  /** Nodes (names) of the old release still to replace. */
  oldNodes: string[];
  /** The node being drained now, and since when; terminated 60 s after its drain. */
  draining: { node: string; since: number; drainedAt: number | null }[];
  errors: { code: string; message: string }[];
}

export interface Nodegroup {
  cluster: string;
  name: string;
  arn: string;
  status: NodegroupStatus;
  instanceTypes: string[];
  capacityType: 'ON_DEMAND' | 'SPOT';
  amiType: string;
  releaseVersion: string;
  version: string;
  minSize: number;
  desiredSize: number;
  maxSize: number;
  labels: Labels;
  taints: Taint[];
  azs: string[];
  nodeRole: string;
  /** The Auto Scaling group EKS created for it (in `world.ec2.autoScalingGroups`). */
  asg: string;
  maxUnavailable: number;
  createdAt: number;
  health: { code: string; message: string; resourceIds: string[] }[];
  update: NodegroupUpdate | null;
  updates: NodegroupUpdate[];
}

export interface FargateProfileRecord {
  cluster: string;
  name: string;
  arn: string;
  status: 'CREATING' | 'ACTIVE' | 'DELETING' | 'CREATE_FAILED' | 'DELETE_FAILED';
  podExecutionRoleArn: string;
  selectors: FargateSelector[];
  createdAt: number;
  nextTransitionAt: number | null;
}

/** A Node with where it came from. */
export interface EksNode extends Node {
  /** `managed` (a node group), `self-managed` (the learner's EC2), `fargate` (a micro-VM), `control-plane` (kubeadm). */
  origin: 'managed' | 'self-managed' | 'fargate' | 'control-plane';
  nodegroup: string | null;
  az: string;
  instanceType: string | null;
  /** Fargate: the pod this micro-VM runs (`ns/name`) and its provisioned size and price. */
  fargatePod: string | null;
  fargate: { cpu: number; memoryMiB: number; pricePerHour: number; billedSeconds: number } | null;
  /** Images the node's containerd has pulled (a cached image starts without a pull). */
  images: string[];
  /** Whether the cloud provider still has the machine (an EC2 instance that is not terminated). */
  gone: boolean;
}

export interface PodRuntime {
  /** The pod lifecycle chart's state and context (pod-machine.ts). */
  state: PodMachineState;
  machine: PodMachineContext;
  /** When the current state's delayed transition fires, or null. */
  nextTransitionAt: number | null;
  /** When the running container will exit on its own (crash faults, OOM), or null. */
  exitAt: number | null;
  /** When the pod became Ready (readiness probe passed), or null. */
  readyAt: number | null;
  /** When the image pull in progress ends, or null. */
  pullAt: number | null;
  /** When the container stops after SIGTERM (kubelet reachable), or null. */
  stopAt: number | null;
  /** Fargate: when the micro-VM is ready to take the pod, or null. */
  fargateAt: number | null;
  /** When the current container started, and when the last one exited. */
  startedAt: number | null;
  lastExitAt: number | null;
  /** The node controller marked the pod not Ready (its node is NotReady or Unknown). */
  nodeNotReady: boolean;
  /** Why the pod cannot run where it was sent (Fargate limits), or null. */
  unsupported: string | null;
  /** The last scheduling attempt: per-node verdicts (why here, why still Pending). */
  lastDecision: SchedulingDecision | null;
  /** When the pod was first seen unschedulable, or null. */
  pendingSince: number | null;
  /** CPU usage now, millicores (from the load model). */
  cpuUsageMilli: number;
  /** Fargate profile that selected it, or null. */
  fargateProfile: string | null;
  /** The ReplicaSet revision this pod belongs to (for rollouts). */
  revision: number;
}

export interface EksPod extends Pod {
  runtime: PodRuntime;
}

export interface DeploymentState {
  object: Deployment;
  /** Generation and the rollout's progress (kubectl rollout status / history). */
  generation: number;
  revision: number;
  /** When the current rollout made progress last (for progressDeadlineSeconds). */
  lastProgressAt: number;
  progressing:
    | 'NewReplicaSetCreated'
    | 'ReplicaSetUpdated'
    | 'NewReplicaSetAvailable'
    | 'ProgressDeadlineExceeded';
  /** When the current revision's rollout completed (every replica updated and available), or null. */
  completedAt: number | null;
  /** The pod-template-hash of the current template. */
  templateHash: string;
  /** The new ReplicaSet's replicas/available at the last check (progress = a change). */
  progressMark: string;
  /** The change-cause of each revision (`kubectl rollout history`). */
  history: { revision: number; replicaSet: string; changeCause: string | null }[];
  createdAt: number;
}

export interface HpaState {
  object: HorizontalPodAutoscaler;
  createdAt: number;
  lastSyncAt: number;
  lastScaleAt: number | null;
  currentReplicas: number;
  desiredReplicas: number;
  /** Current CPU utilisation (percent of requests), null while unknown. */
  currentUtilization: number | null;
  /** Recommendations in the stabilization window: [time, replicas]. */
  recommendations: [number, number][];
  /** Recent scale changes [time, delta], for the rate limits. */
  scaleEvents: [number, number][];
  /** The last condition the HPA reported (ScalingActive / AbleToScale / ScalingLimited reason). */
  condition: string | null;
}

export interface ServiceState {
  object: Service;
  createdAt: number;
  clusterIP: string;
  /** The ready pods behind it (`ns/name` keys), as Endpoints shows them. */
  endpoints: string[];
  /** LoadBalancer: the AWS load balancer's DNS name. */
  loadBalancerHostname: string | null;
}

/** One cluster's Kubernetes API state. */
export interface KubeState {
  namespaces: Record<string, { object: Namespace; createdAt: number }>;
  /** Keys are `ns/name` for namespaced objects. */
  deployments: Record<string, DeploymentState>;
  replicaSets: Record<string, ReplicaSet>;
  pods: Record<string, EksPod>;
  services: Record<string, ServiceState>;
  hpas: Record<string, HpaState>;
  pdbs: Record<string, { object: PodDisruptionBudget; createdAt: number }>;
  daemonSets: Record<string, { object: DaemonSet; createdAt: number }>;
  configMaps: Record<string, { object: ConfigMap; createdAt: number }>;
  /** Kinds the API stores but the sandbox does not run (Ingress, Secret…). */
  other: Record<string, { object: UnsimulatedObject; createdAt: number }>;
  nodes: Record<string, EksNode>;
  /** Events for `kubectl get events` and `describe` (repeats counted). */
  events: KubeEvent[];
}

export interface Kubeconfig {
  /** Context name (the cluster ARN, or the alias) → cluster name. */
  contexts: Record<string, { cluster: string; server: string }>;
  currentContext: string | null;
}

/** Traffic offered to a Kubernetes Service, and what was served. */
export interface K8sLoad {
  rps: number;
  served: number;
  failed: number;
  failedTotal: number;
  /** Average CPU of the ready pods, percent of requests. */
  cpu: number;
}

export interface EksSlice {
  clusters: Record<string, EksCluster>;
  nodegroups: Record<string, Nodegroup>;
  fargateProfiles: Record<string, FargateProfileRecord>;
  kubeconfig: Kubeconfig;
  /** Per cluster name. */
  kube: Record<string, KubeState>;
  /** EC2 instance id → the cluster its kubelet was bootstrapped for (self-managed nodes). */
  bootstrapped: Record<string, string>;
  /** Traffic per Service (`cluster/ns/name`). */
  traffic: Record<string, number>;
  load: Record<string, K8sLoad>;
  /** Image references removed from the registry (the missing-tag fault). */
  missingImages: string[];
  /** Crash faults per Deployment (`cluster/ns/name`): the exit code and OOM flag. */
  crashFaults: Record<string, { exitCode: number; oom: boolean; image: string }>;
  /** Longest wait of any pod before it was scheduled (`cluster/ns/name` of its owner). */
  longestPending: Record<string, { seconds: number; pod: string; since: number }>;
  /** Counter for names (uids, IPs). */
  counter: number;
  /** EC2 instances whose kubelet will register (managed nodes, bootstrapped self-managed ones). */
  pendingJoins: Record<
    string,
    { cluster: string; nodegroup: string | null; at: number; refused?: boolean }
  >;
  /** The IAM role each EKS node instance runs with (instance id → role ARN). */
  instanceRoles: Record<string, string>;
  /** Something the scheduler cares about changed (a node, a pod): try the Pending pods again. */
  schedulerDirty: boolean;
  /** `kubectl drain` in progress per `cluster/node`: evictions a PodDisruptionBudget refused are retried. */
  drains: Record<string, { since: number; lastTry: number }>;
  /** The earliest pod timer of any kubelet (the kubelets have nothing to do before it). */
  kubeletWakeAt: number;
  /** Pods or workload specs changed: the workload controllers reconcile now (else every 10 s). */
  workloadsDirty: boolean;
  /** Pod readiness or labels changed: Service endpoints are recomputed. */
  endpointsDirty: boolean;
  /** The next scheduled retry of unschedulable pods (the scheduler's periodic flush). */
  nextScheduleAt: number;
}

export function emptyKubeState(): KubeState {
  return {
    namespaces: {},
    deployments: {},
    replicaSets: {},
    pods: {},
    services: {},
    hpas: {},
    pdbs: {},
    daemonSets: {},
    configMaps: {},
    other: {},
    nodes: {},
    events: [],
  };
}

export function emptyEksSlice(): EksSlice {
  return {
    clusters: {},
    nodegroups: {},
    fargateProfiles: {},
    kubeconfig: { contexts: {}, currentContext: null },
    kube: {},
    bootstrapped: {},
    traffic: {},
    load: {},
    missingImages: [],
    crashFaults: {},
    longestPending: {},
    counter: 0,
    pendingJoins: {},
    instanceRoles: {},
    schedulerDirty: false,
    drains: {},
    kubeletWakeAt: 0,
    workloadsDirty: true,
    endpointsDirty: true,
    nextScheduleAt: 0,
  };
}
