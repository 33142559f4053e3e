/**
 * The sandbox's public API. Everything outside `sandbox/` imports from here only.
 * See sandbox/README.md for the contract.
 */
export type {
  Result,
  Orchestrator,
  LaunchType,
  Software,
  Actor,
  EventSource,
  EventLevel,
  SimEvent,
  InstanceState,
  AgentStatus,
  ContainerInstance,
  DockerHost,
  Cause,
  DomainEvent,
  ModuleName,
  CoreWorld,
  Ec2Slice,
  ElbSlice,
  DockerSlice,
  EcsSlice,
  Instance,
  ContainerState,
  Container,
  TaskStatus,
  StopCode,
  TaskContainer,
  Task,
  ContainerDefinition,
  TaskDefinition,
  PlacementStrategy,
  PlacementConstraint,
  DeploymentConfiguration,
  Deployment,
  ServiceAutoScaling,
  Service,
  AutoScalingGroup,
  LoadBalancer,
  LoadStats,
  Cost,
  MetricSample,
  TimedAction,
  Cluster,
  World,
} from './model/types.ts';
export type {
  Action,
  ActionOf,
  ActionType,
  ActionResult,
  RegisterTaskDefinitionInput,
} from './model/actions.ts';
export type { Scenario, ScenarioError, GoalSpec } from './scenarios/schema.ts';
export type { GoalResult } from './goals/goal.ts';
export type { SandboxActor, SandboxContext, SandboxEvent } from './machines/sandbox-machine.ts';

export { parseScenario, scenarioErrorsToText, validateScenarioData } from './scenarios/parse.ts';
export { parseActionsFile } from './scenarios/load.ts';
export {
  loadServices,
  loadServicesFor,
  servicesFor,
  servicesLoaded,
  emptyWorld,
  createWorld,
  applyAction,
  validateAction,
  advance,
  commandFor,
  deserializeWorld,
  replay,
  CONTROLLER_ORDER,
} from './composition.ts';
export { checkGoals } from './goals/check.ts';
export { serializeWorld, hashWorld } from './engine/serialize.ts';
export { createSandbox, sandboxMachine, CHECKPOINTS_KEPT } from './machines/sandbox-machine.ts';
export type {
  ServiceModule,
  ServiceBehaviour,
  EngineContext,
  ActionDef,
  ControllerDecl,
  ControllerDef,
} from './engine/module.ts';
export {
  instanceUsage,
  serviceSummary,
  unplacedContainers,
  hostRunningCount,
  containerInstanceOf,
} from './engine/queries.ts';
export { INSTANCE_TYPES, FARGATE_CPU_MEMORY, REGIONS } from './model/aws-data.ts';
export {
  SECURITY_GROUP_ID,
  VPC_ID,
  instanceProfileOf,
  serviceNetworkConfiguration,
  subnetIdFor,
} from './model/vpc.ts';
export { loadManifestParser, loadPlacementExplain, loadWorkflowTools } from './view.ts';
export type { ManifestParser, PlacementExplain, WorkflowTools } from './view.ts';
export type {
  PlacementExplanation,
  PlacementMoment,
  InstanceVerdict as EcsInstanceVerdict,
} from './services/ecs/placement-explain.ts';
export type { PipelineRun, PipelineSlice, JobRun, StepRun } from './services/pipeline/world.ts';
export type { ParsedDocument, ManifestResult } from './services/eks/manifest.ts';
export type { TextRange, YamlDocumentIndex } from './services/eks/manifest-locate.ts';
export type {
  EksCluster,
  EksNode,
  EksPod,
  EksSlice,
  KubeState,
  Nodegroup,
  FargateProfileRecord,
} from './services/eks/world.ts';
export type { NodeVerdict, SchedulingDecision } from './services/eks/scheduler.ts';
export { podRequest, verdictsOf } from './services/eks/scheduler.ts';
export { podStatus } from './services/eks/kubectl-format.ts';
export { nodeStatusText } from './services/eks/node-health.ts';
export { controlPlaneHealth, controlPlanePricePerHour } from './services/eks/control-plane.ts';
