/**
 * The actions a workflow may `uses:` in the sandbox, with their inputs and outputs as their
 * action.yml files declare them (the subset the sandbox models), and the workflow keys it
 * understands. The JSON schema for the editor (src/lib/workflow-schema/) and the parser both
 * read this table, so the editor's hover docs and the parser never disagree.
 */

export interface ActionInput {
  name: string;
  required: boolean;
  description: string;
  default?: string;
}

export interface CatalogAction {
  /** `owner/repo`. */
  name: string;
  /** The major versions that exist (tags `v1`…), newest last. */
  versions: readonly string[];
  description: string;
  inputs: readonly ActionInput[];
  outputs: readonly { name: string; description: string }[];
}

export const ACTIONS: readonly CatalogAction[] = [
  {
    name: 'actions/checkout',
    versions: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'],
    description: 'Checks out the repository under $GITHUB_WORKSPACE so the job can read it.',
    inputs: [
      { name: 'ref', required: false, description: 'The branch, tag or SHA to check out.' },
      {
        name: 'fetch-depth',
        required: false,
        default: '1',
        description: 'Number of commits to fetch. 0 fetches all history.',
      },
    ],
    outputs: [{ name: 'commit', description: 'The commit SHA that was checked out.' }],
  },
  {
    name: 'aws-actions/configure-aws-credentials',
    versions: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'],
    description:
      "Configures AWS credentials for the job's later steps. With role-to-assume and no access keys it uses GitHub's OIDC provider (needs `permissions: id-token: write`).",
    inputs: [
      { name: 'aws-region', required: true, description: 'AWS Region, e.g. us-east-1.' },
      {
        name: 'role-to-assume',
        required: false,
        description: 'The ARN of the IAM role to assume (OIDC when no access keys are given).',
      },
      {
        name: 'role-session-name',
        required: false,
        default: 'GitHubActions',
        description: 'Role session name.',
      },
      {
        name: 'audience',
        required: false,
        default: 'sts.amazonaws.com',
        description: 'The audience of the OIDC token.',
      },
      {
        name: 'role-duration-seconds',
        required: false,
        default: '3600',
        description: 'Role duration in seconds.',
      },
      {
        name: 'aws-access-key-id',
        required: false,
        description: 'Static access key (not OIDC); the sandbox has none to give.',
      },
      {
        name: 'aws-secret-access-key',
        required: false,
        description: 'Static secret key (not OIDC); the sandbox has none to give.',
      },
      {
        name: 'mask-aws-account-id',
        required: false,
        description: 'Whether to mask the AWS account ID in logs.',
      },
    ],
    outputs: [{ name: 'aws-account-id', description: 'The AWS account ID of the credentials.' }],
  },
  {
    name: 'aws-actions/amazon-ecr-login',
    versions: ['v1', 'v2'],
    description:
      'Logs the local Docker client in to Amazon ECR (GetAuthorizationToken, then docker login). Output `registry`: the registry URI.',
    inputs: [
      {
        name: 'registries',
        required: false,
        description:
          'A comma-delimited list of AWS account IDs (default: the credentials’ account).',
      },
      {
        name: 'mask-password',
        required: false,
        default: 'true',
        description: 'Mask the docker password output (default true since v2).',
      },
      {
        name: 'registry-type',
        required: false,
        default: 'private',
        description: 'private or public.',
      },
    ],
    outputs: [
      {
        name: 'registry',
        description:
          'The URI of the ECR registry, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com (set when one registry is logged in).',
      },
    ],
  },
];

export function catalogAction(name: string): CatalogAction | undefined {
  const lower = name.toLowerCase();
  return ACTIONS.find((a) => a.name === lower);
}

/** The workflow keys the sandbox supports, with what each means (the editor's hover docs). */
export const WORKFLOW_KEYS = {
  top: {
    name: 'The name of the workflow, shown in the runs list.',
    on: 'The events that start the workflow. The sandbox supports push (with branches).',
    permissions:
      'Permissions of the GITHUB_TOKEN for every job. Unlisted scopes become none. OIDC to AWS needs id-token: write.',
    env: 'Environment variables for every step of every job.',
    jobs: 'The jobs of the workflow; they run in parallel unless `needs` orders them.',
  },
  job: {
    name: 'The job name shown in the run view.',
    'runs-on': 'The runner, e.g. ubuntu-latest.',
    needs: 'Jobs that must complete successfully before this one runs.',
    permissions: "This job's GITHUB_TOKEN permissions (override the workflow's).",
    env: 'Environment variables for every step of this job.',
    outputs: 'Values later jobs read as needs.<job>.outputs.<name>.',
    if: 'Run the job only when this expression is true.',
    steps: 'The steps, in order: each runs a command (run) or an action (uses).',
  },
  step: {
    name: 'The step name shown in the log.',
    id: 'An id so later steps can read steps.<id>.outputs.<name>.',
    run: 'Shell commands (bash -e): the sandbox runs its own docker, aws and kubectl.',
    uses: 'An action, owner/repo@version.',
    with: "The action's inputs.",
    env: 'Environment variables for this step.',
    if: 'Run the step only when this expression is true (default: success()).',
  },
} as const;

/** Keys GitHub knows that the sandbox's subset leaves out (refused with a note saying so). */
export const KNOWN_UNSUPPORTED = {
  top: ['concurrency', 'defaults', 'run-name'],
  job: [
    'concurrency',
    'container',
    'continue-on-error',
    'defaults',
    'environment',
    'services',
    'strategy',
    'timeout-minutes',
    'uses',
    'secrets',
    'with',
  ],
  step: ['continue-on-error', 'shell', 'timeout-minutes', 'working-directory'],
  on: [
    'pull_request',
    'pull_request_target',
    'workflow_dispatch',
    'schedule',
    'release',
    'workflow_call',
    'workflow_run',
  ],
} as const;

export const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;
