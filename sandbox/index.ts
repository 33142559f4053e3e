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
  ContainerInstanceAgent,
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
  ActionType,
  ActionResult,
  RegisterTaskDefinitionInput,
} from './model/actions.ts';
export type { Scenario, ScenarioError, GoalSpec } from './scenarios/schema.ts';
export type { GoalResult } from './goals/goal.ts';
export type { SandboxActor, SandboxContext, SandboxEvent } from './machines/sandbox-machine.ts';

export { parseScenario, scenarioErrorsToText, validateScenarioData } from './scenarios/parse.ts';
export { parseActionsFile } from './scenarios/load.ts';
export { createWorld } from './engine/create-world.ts';
export { applyAction, validateAction } from './engine/apply-action.ts';
export { advance } from './engine/step.ts';
export { checkGoals } from './goals/check.ts';
export { commandFor } from './engine/commands.ts';
export { serializeWorld, deserializeWorld, hashWorld } from './engine/serialize.ts';
export { replay } from './engine/replay.ts';
export { createSandbox, sandboxMachine, CHECKPOINTS_KEPT } from './machines/sandbox-machine.ts';
export { CONTROLLER_ORDER, ORCHESTRATORS } from './engine/orchestrators.ts';
export type {
  OrchestratorPlugin,
  Controller,
  ControllerName,
  ActionHandler,
} from './engine/orchestrators.ts';
export { instanceUsage, serviceSummary, unplacedContainers } from './engine/queries.ts';
export { INSTANCE_TYPES, FARGATE_CPU_MEMORY, REGIONS } from './model/aws-data.ts';
export {
  SECURITY_GROUP_ID,
  VPC_ID,
  instanceProfileOf,
  serviceNetworkConfiguration,
  subnetIdFor,
} from './model/vpc.ts';
