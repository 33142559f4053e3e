/**
 * The world: one plain, serialisable value. Everything the simulation knows lives here,
 * including the PRNG state and the timers of every entity, so that
 * (scenario, seed, action log) ⇒ world, byte for byte.
 */
import type { Action } from './actions.ts';
import type { EcrSlice } from '../services/ecr/world.ts';
import type { EksSlice } from '../services/eks/world.ts';
import type { PipelineSlice } from '../services/pipeline/world.ts';

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** `eks`: Amazon EKS (Kubernetes) runs the workloads. */
export type Orchestrator = 'none' | 'ecs' | 'eks';
export type LaunchType = 'EC2' | 'FARGATE';
/** What a task definition is validated for: a launch type, or EXTERNAL (ECS Anywhere, registration only). */
export type Compatibility = LaunchType | 'EXTERNAL';
/** What `ec2.instance.launch` starts from its user data: Docker alone, or Docker + the ECS agent. */
export type Software = 'docker' | 'ecs';
/**
 * What an EC2 host runs: a launch's software, or the EKS-optimized AMI (containerd + kubelet,
 * which joins a cluster once nodeadm runs; launched by the EKS module and node groups).
 */
export type HostSoftware = Software | 'eks';
/** The service modules a world can hold (see services/); 'ec2' and 'elb' are in every world. */
export type ModuleName = 'ec2' | 'elb' | 'docker' | 'ecs' | 'eks' | 'ecr' | 'pipeline';
export type Actor = 'learner' | 'instructor' | 'scenario';

export type EventSource =
  | 'ec2'
  | 'ecs'
  | 'fargate'
  | 'docker'
  | 'autoscaling'
  | 'elb'
  | 'cloudwatch'
  | 'eks'
  | 'kubernetes'
  | 'ecr'
  | 'pipeline'
  | 'scenario'
  | 'learner'
  | 'instructor';
export type EventLevel = 'info' | 'warning' | 'error';

export interface SimEvent {
  id: number;
  /** Simulated seconds since the scenario started. */
  time: number;
  source: EventSource;
  level: EventLevel;
  /** The message in the real service's wording. */
  message: string;
  /** For learner/instructor actions: the equivalent real command. */
  command?: string;
  /** The id or name of the entity the event is about (instance id, task id, service name…). */
  subject?: string;
  /** Why it happened: the action, fault, timer or earlier event it came from (see README "Causes"). */
  cause: Cause;
}

/**
 * Why an event happened. Walking `event` links back always ends at an action, a fault, a
 * timer or a controller's own decision:
 * - `action`: a learner, instructor or scenario action; `logIndex` is its index in world.log.
 * - `fault`: a `fault.*` action (scripted by the scenario or fired by an instructor), also logged.
 * - `timer`: an entity's delayed transition fired (`subject` is the entity, `timer` the delay's name).
 * - `event`: it follows from an earlier learner-visible event (`eventId`), e.g. a task lost
 *   because the EC2 notification `eventId` said its host was shutting down.
 * - `controller`: a control loop acting on the world as it found it (`controller` names it);
 *   `after`, when known, is what last changed the thing it reconciles.
 * - `scenario`: the scenario's initial state.
 */
export type Cause =
  | { kind: 'action'; logIndex: number; actionType: string; by: Actor }
  | { kind: 'fault'; logIndex: number; actionType: string; by: Actor }
  | { kind: 'timer'; subject: string; timer: string }
  | { kind: 'event'; eventId: number }
  | { kind: 'controller'; controller: string; subject?: string; after?: Cause }
  | { kind: 'scenario' };

/**
 * Domain events: facts infrastructure announces and each service answers for its own
 * workloads (an instance going away loses the ECS tasks and Docker containers on it).
 * `eventId` is the learner-visible event that announced it, so answers can cite it as cause.
 */
export type DomainEvent =
  /** `initial`: part of the scenario's starting state (already registered, no boot). */
  | { type: 'instance.running'; instanceId: string; initial: boolean; eventId: number | null }
  /** The instance is shutting down or stopping: what ran on it is gone. */
  | { type: 'instance.lost'; instanceId: string; eventId: number | null }
  | { type: 'az.down'; az: string; eventId: number | null }
  | { type: 'az.up'; az: string; eventId: number | null }
  /** A service was created; `loadBalancer` names the load balancer it asked for, or null. */
  | {
      type: 'service.created';
      service: string;
      loadBalancer: string | null;
      eventId: number | null;
    }
  /**
   * Something asks for a new deployment of a service (`update-service --force-new-deployment`):
   * `by` names who asked (an EventBridge rule on an image push); the orchestrator answers.
   */
  | { type: 'deployment.requested'; service: string; by: string; eventId: number | null }
  /** An image was pushed to the account's registry (ECR's `ECR Image Action` PUSH, event `eventId`). */
  | {
      type: 'image.pushed';
      repository: string;
      tag: string;
      digest: string;
      /** `<registry>/<repository>:<tag>` */
      uri: string;
      eventId: number | null;
    };

/** EC2 instance states, as `aws ec2 describe-instances` reports them. */
export type InstanceState =
  'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
/** ECS container-instance status (the agent's registration). */
export type AgentStatus = 'REGISTERING' | 'ACTIVE' | 'DRAINING' | 'INACTIVE';

/** An ECS container instance: the ECS agent's registration of an EC2 host, and what ECS placed on it. */
export interface ContainerInstance {
  /** The EC2 instance id (the key in `world.ecs.containerInstances`). */
  id: string;
  containerInstanceArn: string;
  status: AgentStatus;
  connected: boolean;
  registeredAt: number | null;
  /** When the current registration step completes (sim seconds), or null. */
  nextTransitionAt: number | null;
  /** Attributes the agent registers (ecs.availability-zone, ecs.instance-type). */
  az: string;
  type: string;
  /** Registered resources: CPU units and MiB. */
  cpuUnits: number;
  memoryMiB: number;
  /** CPU units and MiB reserved by tasks placed on it. */
  reservedCpu: number;
  reservedMemory: number;
  /** Host ports taken by tasks on it (bridge/host network modes); the agent's reserved ports are always taken. */
  usedPorts: number[];
  /** Running task count. */
  runningCount: number;
}

/** What the Docker daemon on a host runs by hand (orchestrator none). */
export interface DockerHost {
  id: string;
  reservedCpu: number;
  reservedMemory: number;
  runningCount: number;
}

export interface Instance {
  id: string;
  /** The Name tag, if the scenario or learner gave one. */
  name: string | null;
  type: string;
  az: string;
  state: InstanceState;
  /** What the user data starts on boot: Docker, Docker + the ECS agent, or the EKS AMI's kubelet. */
  bootstrap: HostSoftware;
  launchedAt: number;
  /** CPU units the host offers (vCPU × 1024). */
  cpuUnits: number;
  /** Memory the host offers to containers (what an ECS agent registers), MiB. */
  memoryMiB: number;
  /** On-Demand Linux price in this region, USD per hour. */
  pricePerHour: number;
  asg: string | null;
  /** Host chores the learner still owns on EC2 (OS patches, agent updates). */
  chores: string[];
  /** False while the instance's AZ is out: running, but nothing reaches it. */
  reachable: boolean;
  /** When it became unreachable (an Auto Scaling group replaces it after a health-check delay). */
  impairedAt: number | null;
  /** Average CPU utilisation of the host, percent, from the load model. */
  cpuUtilization: number;
  /** When the current state's delayed transition fires, or null. */
  nextTransitionAt: number | null;
}

export type ContainerState = 'created' | 'running' | 'exited';

/** A Docker container on a plain Docker host (orchestrator `none`). */
export interface Container {
  id: string;
  name: string;
  image: string;
  /** null = still in the unplaced tray. */
  hostId: string | null;
  /** CPU units (`--cpus 0.5` = 512). */
  cpu: number;
  memoryMiB: number;
  state: ContainerState;
  exitCode: number | null;
  oomKilled: boolean;
  startedAt: number | null;
  finishedAt: number | null;
  restartCount: number;
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export type StopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice'
  | 'InfrastructureHealth';

export interface TaskContainer {
  name: string;
  image: string;
  essential: boolean;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode: number | null;
  reason: string | null;
}

export interface Task {
  /** 32 hex characters. */
  id: string;
  arn: string;
  /** 'family:revision' */
  taskDefinition: string;
  /** 'service:web' or 'family:web' */
  group: string;
  service: string | null;
  /** The service deployment that started it (`ecs-svc/…`), if any. */
  deploymentId: string | null;
  launchType: LaunchType;
  instanceId: string | null;
  az: string | null;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  /** Task size used for placement and billing: CPU units and MiB. */
  cpu: number;
  memory: number;
  createdAt: number;
  startedAt: number | null;
  stoppingAt: number | null;
  stoppedAt: number | null;
  stopCode: StopCode | null;
  stoppedReason: string | null;
  containers: TaskContainer[];
  /** Counts as healthy for deployments and the load balancer. */
  healthy: boolean;
  /** Percent of the task's CPU the load model gives it. */
  cpuUtilization: number;
  /** When the current state's delayed transition fires, or null. */
  nextTransitionAt: number | null;
  /** Fixed host ports the task needs on its instance (bridge with a hostPort, or host mode). */
  hostPorts: number[];
  /** A standalone task's own network configuration from RunTask (absent: every subnet of the world). */
  network?: AwsVpcNetwork;
}

export interface ContainerDefinition {
  name: string;
  image: string;
  cpu: number;
  memory: number | null;
  memoryReservation: number | null;
  essential: boolean;
  portMappings: { containerPort: number; hostPort: number | null; protocol: 'tcp' | 'udp' }[];
}

export interface TaskDefinition {
  family: string;
  revision: number;
  arn: string;
  status: 'ACTIVE' | 'INACTIVE';
  requiresCompatibilities: Compatibility[];
  networkMode: 'bridge' | 'awsvpc' | 'host' | 'none';
  /** Task-level CPU units / MiB, or null when only container-level sizes are given (EC2). */
  cpu: number | null;
  memory: number | null;
  containerDefinitions: ContainerDefinition[];
  /** The IAM role the application's code gets (its AWS permissions), or null. */
  taskRoleArn: string | null;
  /** The IAM role ECS or Fargate uses to pull the image and write logs for the task, or null. */
  executionRoleArn: string | null;
  registeredAt: number;
  /** Fields AWS accepted that the sandbox does not model ("logConfiguration", "volumes"…); absent when none. */
  notModelled?: string[];
}

export interface PlacementStrategy {
  type: 'binpack' | 'spread' | 'random';
  /** binpack: 'cpu' | 'memory'; spread: 'instanceId' | 'host' | 'attribute:ecs.availability-zone' | 'attribute:…' */
  field?: string;
}

export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface DeploymentConfiguration {
  minimumHealthyPercent: number;
  maximumPercent: number;
}

export interface Deployment {
  /** 'ecs-svc/' + 19 digits */
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  launchType: LaunchType;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  createdAt: number;
  /** Whether the "unable to stop or start tasks" event was already reported for it. */
  stuckReported: boolean;
}

export interface ServiceAutoScaling {
  minCapacity: number;
  maxCapacity: number;
  /** Target average CPU utilisation, percent (ECSServiceAverageCPUUtilization). */
  targetCpu: number;
  scaleOutCooldown: number;
  scaleInCooldown: number;
  lastScaleOutAt: number | null;
  lastScaleInAt: number | null;
  /** One-minute datapoints of average CPU, newest last (at most 15 kept). */
  datapoints: number[];
}

export interface Service {
  name: string;
  arn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  launchType: LaunchType;
  placementStrategy: PlacementStrategy[];
  placementConstraints: PlacementConstraint[];
  deploymentConfiguration: DeploymentConfiguration;
  deployments: Deployment[];
  loadBalancer: string | null;
  autoScaling: ServiceAutoScaling | null;
  createdAt: number;
  /** The last "unable to place" message, suppressed while it repeats (cleared when a task is placed). */
  lastPlacementFailure: string | null;
  /** Counters kept up to date by the scheduler (describe-services). */
  runningCount: number;
  pendingCount: number;
  /** Whether the last check found the service at a steady state. */
  steady: boolean;
  /** AZ rebalancing (default ENABLED for new services since 30 June 2025; off with binpack). */
  availabilityZoneRebalancing: 'ENABLED' | 'DISABLED';
  /** The extra task started to rebalance AZs, until it is healthy and a task elsewhere stopped. */
  rebalancingTaskId: string | null;
  /** Whether the service was AZ balanced at the last check (null before any check). */
  azBalanced: boolean | null;
  /** The awsvpc network configuration it was created or updated with (absent: every subnet of the world). */
  network?: AwsVpcNetwork;
}

/** An awsvpc service's network configuration, as CreateService takes it and DescribeServices shows it. */
export interface AwsVpcNetwork {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: 'ENABLED' | 'DISABLED';
}

export interface AutoScalingGroup {
  name: string;
  instanceType: string;
  software: HostSoftware;
  minSize: number;
  desiredCapacity: number;
  maxSize: number;
  azs: string[];
}

export interface LoadBalancer {
  name: string;
  arn: string;
  targetGroupArn: string;
  service: string;
}

export interface LoadStats {
  /** Offered requests per second. */
  rps: number;
  served: number;
  failed: number;
  /** Requests that failed since the start, total. */
  failedTotal: number;
  /** Average CPU of the service's healthy tasks, percent. */
  cpu: number;
}

export interface Cost {
  /** USD accrued since the start. */
  total: number;
  /** USD per hour at the current moment. */
  perHour: number;
  /** USD by resource id (instance id, Fargate task id). */
  byResource: Record<string, number>;
  /** USD by kind: 'ec2' | 'fargate'. */
  byKind: Record<string, number>;
}

export interface MetricSample {
  time: number;
  /** Per service (ECS) or per workload (orchestrator none: containers `name-N` grouped by `name`).
   *  cpu = average CPU % of running tasks; memory = MiB reserved; azs = running count per AZ ('FARGATE' counts Fargate tasks). */
  services: Record<
    string,
    {
      desired: number;
      running: number;
      pending: number;
      cpu: number;
      memory: number;
      azs: Record<string, number>;
    }
  >;
  instances: Record<string, { cpu: number; memory: number }>;
  pendingTasks: number;
  costPerHour: number;
  costTotal: number;
  /** EKS worlds: Ready nodes per cluster, by kind (absent elsewhere). */
  k8sNodes?: Record<
    string,
    { ready: number; managed: number; selfManaged: number; fargate: number }
  >;
  /** EKS worlds: whether each cluster's API answered at this sample. */
  k8sApi?: Record<string, boolean>;
}

export interface TimedAction {
  at: number;
  by: Actor;
  action: Action;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

export interface Cluster {
  name: string;
  arn: string;
  status: 'ACTIVE';
  /**
   * The capacity providers associated with put-cluster-capacity-providers (none when absent, as
   * after create-cluster): a service's capacity provider strategy may name only these.
   */
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[];
}

/** EC2 and Auto Scaling. */
export interface Ec2Slice {
  instances: Record<string, Instance>;
  autoScalingGroups: Record<string, AutoScalingGroup>;
  /**
   * Billable seconds so far in each instance's current billing period (for the 60 s minimum),
   * by instance id. Kept beside the instances, not in them, so a second of billing changes one
   * small record instead of every instance. Absent until an instance is billed.
   */
  billedSeconds?: Record<string, number>;
}

/** Elastic Load Balancing and the traffic model. */
export interface ElbSlice {
  loadBalancers: Record<string, LoadBalancer>;
  /** Requests per second offered to each service now. */
  traffic: Record<string, number>;
  load: Record<string, LoadStats>;
}

/** Docker hosts by hand (orchestrator none). */
export interface DockerSlice {
  containers: Record<string, Container>;
  hosts: Record<string, DockerHost>;
  /** Manual learner container operations. */
  toil: number;
}

/** Amazon ECS, both launch types. */
export interface EcsSlice {
  cluster: Cluster | null;
  containerInstances: Record<string, ContainerInstance>;
  taskDefinitions: Record<string, TaskDefinition>;
  tasks: Record<string, Task>;
  services: Record<string, Service>;
  /** Longest time any task of a group spent before RUNNING (or before it gave up), for goals. */
  longestPending: Record<string, { seconds: number; taskId: string; since: number }>;
  /**
   * Task definitions ('family:revision') whose essential container exits soon after it starts
   * (`fault.ecs-crash-on-start`); `since` is when the fault began. Absent until a fault sets it.
   */
  crashOnStart?: Record<string, { exitCode: number; oom: boolean; since: number }>;
  /**
   * Billable seconds so far of each Fargate task (for the 60 s minimum), by task id: beside
   * the tasks for the reason `Ec2Slice.billedSeconds` is. Absent until a task is billed.
   */
  billedSeconds?: Record<string, number>;
}

/** The core every module shares: time, PRNG, region and AZs, events, metrics, action log, cost. */
export interface CoreWorld {
  scenarioId: string;
  seed: number;
  /** PRNG state (mulberry32). */
  rng: number;
  /** Simulated seconds since the start. */
  time: number;
  region: string;
  azs: string[];
  azDown: string[];
  /** The scenario's orchestrator, as the view names it. */
  orchestrator: Orchestrator;
  /** The service modules active in this world, in composition order. */
  modules: ModuleName[];
  accountId: string;
  cost: Cost;
  events: SimEvent[];
  metrics: MetricSample[];
  log: TimedAction[];
  /** Learner action types the scenario allows (empty = all). */
  allowedActions: string[];
  /** Scripted actions (from the scenario), fired by the `script` controller. */
  script: TimedAction[];
  /** Index of the next scripted scenario event to fire. */
  scriptCursor: number;
  /** Counter for event ids. */
  nextEventId: number;
}

export interface World extends CoreWorld {
  ec2: Ec2Slice;
  elb: ElbSlice;
  docker: DockerSlice;
  ecs: EcsSlice;
  /** Amazon EKS and the Kubernetes objects of its clusters: present only where the EKS module is active. */
  eks?: EksSlice;
  /** The ECR registry and the workstation's docker: present only where the ECR module is active. */
  ecr?: EcrSlice;
  /** The CI/CD pipeline (repository, CI role, workflow runs): present only where the pipeline module is active. */
  pipeline?: PipelineSlice;
}
