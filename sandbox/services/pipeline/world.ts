/**
 * The pipeline module's slice: a simulated GitHub repository holding the application, the CI
 * role the workflow assumes through OIDC, and the workflow runs with their jobs, steps and logs.
 * Plain JSON data, like every slice.
 */
import type { Workflow } from './workflow.ts';

export type RunStatus = 'queued' | 'in_progress' | 'success' | 'failure' | 'cancelled';
export type StepStatus =
  'pending' | 'in_progress' | 'success' | 'failure' | 'skipped' | 'cancelled';
export type JobStatus =
  'pending' | 'queued' | 'in_progress' | 'success' | 'failure' | 'skipped' | 'cancelled';

export interface Commit {
  sha: string;
  message: string;
  /** Sim time of the commit. */
  at: number;
  files: Record<string, string>;
}

export interface Repo {
  /** `owner/name` on the simulated GitHub. */
  name: string;
  branch: string;
  /** The working tree (what the editor and the form change). */
  files: Record<string, string>;
  /** Local commits, oldest first (the last is HEAD). */
  commits: Commit[];
  /** The commit the remote branch points at (null = never pushed). */
  pushed: string | null;
}

export interface CiRole {
  arn: string;
  /** The `token.actions.githubusercontent.com:sub` the trust policy accepts. */
  trustSubject: string;
  /** The OIDC audience the trust policy accepts. */
  audience: string;
  /** Whether its policies allow pushing to ECR (ecr:InitiateLayerUpload and the rest). */
  push: boolean;
}

export interface LogLine {
  /** Sim time the line was printed. */
  at: number;
  text: string;
  level?: 'error' | 'warning' | 'command' | 'group';
}

/** A command a `run:` script is waiting on (kubectl rollout status watches). */
export interface Waiting {
  deployment: string;
  namespace: string | null;
  since: number;
  /** Seconds; 0 = wait forever (kubectl's default). */
  timeout: number;
  last: string;
}

export interface StepRun {
  /** 'setup' | 'complete' | the workflow step's index. */
  kind: 'setup' | 'step' | 'complete';
  index: number;
  name: string;
  status: StepStatus;
  startedAt: number | null;
  completedAt: number | null;
  log: LogLine[];
  /** The commands of a `run:` script still to run, and when the next one starts. */
  script: string[];
  nextAt: number;
  waiting: Waiting | null;
  outputs: Record<string, string>;
  /** Env the step's run sees (resolved when it starts). */
  env: Record<string, string>;
  result: 'success' | 'failure' | null;
  /** The step's line number of the `run:` script being run (1-based, for bash's messages). */
  scriptLine: number;
}

export interface Identity {
  roleArn: string;
  sessionName: string;
  region: string;
  account: string;
}

export interface JobRun {
  id: string;
  name: string;
  status: JobStatus;
  startedAt: number | null;
  completedAt: number | null;
  steps: StepRun[];
  outputs: Record<string, string>;
  /** Env set by steps for later steps (configure-aws-credentials sets AWS_REGION…). */
  env: Record<string, string>;
  identity: Identity | null;
  /** The registries amazon-ecr-login logged the runner's docker in to. */
  dockerLogins: string[];
  /** The runner's kubeconfig target (aws eks update-kubeconfig in a step). */
  kubeCluster: string | null;
}

export interface PipelineRun {
  /** The run number (#1, #2…). */
  number: number;
  sha: string;
  message: string;
  branch: string;
  workflowName: string;
  path: string;
  status: RunStatus;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  /** GitHub's text when the workflow file is invalid (the run fails at once). */
  error: string | null;
  workflow: Workflow | null;
  jobs: JobRun[];
  /** The commit's files (what actions/checkout gives the runner). */
  files: Record<string, string>;
}

/** An EventBridge rule on ECR pushes whose target deploys the pushed image (CodePipeline: ECR source, EKS deploy). */
export interface ImagePushRule {
  rule: string;
  repository: string;
  /** null = any tag. */
  tag: string | null;
  deployment: string;
  /** null = the Deployment's first container. */
  container: string | null;
  namespace: string | null;
}

export interface PipelineSlice {
  repo: Repo | null;
  role: CiRole | null;
  runs: PipelineRun[];
  nextRun: number;
  /** Images a run built, by reference (`<registry>/<repo>:<tag>`): what they run. */
  builds: Record<string, { version: string; starts: boolean; sha: string }>;
  /** Every change of a Deployment's image (`cluster/ns/name`), oldest first: the release history. */
  releases: { deployment: string; image: string; at: number }[];
  /** The image each Deployment last ran, by `cluster/ns/name`. */
  current: Record<string, string>;
  /** ECR push rules that deploy (only present when the scenario has some). */
  pushRules?: ImagePushRule[];
}

export const WORKFLOW_PATH = '.github/workflows/deploy.yml';
/** Runs kept (oldest dropped). */
export const RUNS_KEPT = 50;

export function emptyPipelineSlice(): PipelineSlice {
  return { repo: null, role: null, runs: [], nextRun: 1, builds: {}, releases: [], current: {} };
}
