/**
 * The read-only helpers the view draws with, as a public entry point of their own. It imports
 * no composition, no engine and no schema, so a page that draws a world (the build-time world
 * before the learner's first interaction) loads none of them: importing a value from
 * `@sandbox` (sandbox/index.ts) runs the composition, and with it every service's schemas.
 * sandbox/index.ts exports the same names.
 */
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
export { podRequest, verdictsOf } from './services/eks/scheduler.ts';
export { podStatus } from './services/eks/kubectl-format.ts';
export { nodeStatusText } from './services/eks/node-health.ts';
export { controlPlaneHealth, controlPlanePricePerHour } from './services/eks/control-plane.ts';

/**
 * `kubectl apply -f`'s pure parser (YAML with the sandbox's limits, then each document judged in
 * kubectl's words), for the manifest editor. Loaded on demand, so the YAML parser stays out of
 * the pages and chunks that do not need it.
 */
export function loadManifestParser() {
  return import('./services/eks/manifest-editor.ts');
}
export type ManifestParser = Awaited<ReturnType<typeof loadManifestParser>>;
/** The workflow parser, its catalogue of actions and keys, and the equivalent buildspec and Jenkinsfile (on demand). */
export function loadWorkflowTools() {
  return import('./services/pipeline/workflow-tools.ts');
}
export type WorkflowTools = Awaited<ReturnType<typeof loadWorkflowTools>>;
