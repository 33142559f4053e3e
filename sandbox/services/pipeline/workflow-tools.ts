/**
 * What the workflow editor and the run view need, in one chunk loaded on demand: the parser,
 * the catalogue of actions and keys (for the JSON schema's hover docs), and the same pipeline
 * as a CodeBuild buildspec and a Jenkinsfile (read-only texts beside the workflow).
 */
export { parseWorkflow, workflowErrorText, WORKFLOW_LIMITS } from './workflow.ts';
export { ACTIONS, WORKFLOW_KEYS, KNOWN_UNSUPPORTED, PERMISSION_SCOPES } from './catalog.ts';
export { BUILDSPEC, JENKINSFILE, REFERENCE_WORKFLOW } from './templates.ts';
