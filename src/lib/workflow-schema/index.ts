/**
 * The workflow editor's JSON schema: the GitHub Actions subset the sandbox runs, built from the
 * sandbox's own catalogue (sandbox/services/pipeline/catalog.ts), so the hover docs, the allowed
 * keys and each action's inputs are the ones the parser accepts. Every key has a description
 * (Monaco shows it on hover); unknown keys and unknown inputs are refused, as the parser does.
 */
import type { WorkflowTools } from '@sandbox';

type Catalog = Pick<WorkflowTools, 'ACTIONS' | 'WORKFLOW_KEYS' | 'PERMISSION_SCOPES'>;
type Schema = Record<string, unknown>;

export const WORKFLOW_SCHEMA_URI = 'https://shipyard.local/schemas/github-workflow-subset.json';
/** Models whose URI matches get the schema (the editor names workflow documents so). */
export const WORKFLOW_FILE_MATCH = '*.workflow.yaml';

const stringMap = (description: string): Schema => ({
  type: 'object',
  description,
  additionalProperties: { type: ['string', 'number', 'boolean'] },
});

export function buildWorkflowSchema(catalog: Catalog): Schema {
  const { ACTIONS, WORKFLOW_KEYS, PERMISSION_SCOPES } = catalog;
  const permissions: Schema = {
    description: WORKFLOW_KEYS.top.permissions,
    oneOf: [
      { type: 'string', enum: ['read-all', 'write-all'] },
      {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          PERMISSION_SCOPES.map((s) => [
            s,
            s === 'id-token'
              ? {
                  type: 'string',
                  enum: ['write', 'none'],
                  description:
                    'write: the job may request a GitHub OIDC token (needed to assume an AWS role with configure-aws-credentials).',
                }
              : {
                  type: 'string',
                  enum: ['read', 'write', 'none'],
                  description: `The GITHUB_TOKEN's ${s} permission.`,
                },
          ]),
        ),
      },
    ],
  };
  const actionSteps: Schema[] = ACTIONS.map((a) => ({
    if: {
      properties: { uses: { type: 'string', pattern: `^${a.name.replace('/', '\\/')}@` } },
      required: ['uses'],
    },
    then: {
      properties: {
        with: {
          type: 'object',
          description: `Inputs of ${a.name}.`,
          additionalProperties: false,
          properties: Object.fromEntries(
            a.inputs.map((i) => [
              i.name,
              {
                type: ['string', 'number', 'boolean'],
                description: `${i.description}${i.required ? ' (required)' : ''}${i.default !== undefined ? ` Default: ${i.default}.` : ''}`,
              },
            ]),
          ),
          required: a.inputs.filter((i) => i.required).map((i) => i.name),
        },
      },
    },
  }));
  const step: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', description: WORKFLOW_KEYS.step.name },
      id: {
        type: 'string',
        pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
        description: WORKFLOW_KEYS.step.id,
      },
      run: { type: 'string', description: WORKFLOW_KEYS.step.run },
      uses: {
        type: 'string',
        description: `${WORKFLOW_KEYS.step.uses} The sandbox runs: ${ACTIONS.map((a) => `${a.name}@${a.versions[a.versions.length - 1]}`).join(', ')}.`,
        enum: ACTIONS.flatMap((a) => a.versions.map((v) => `${a.name}@${v}`)),
      },
      with: { type: 'object', description: WORKFLOW_KEYS.step.with },
      env: stringMap(WORKFLOW_KEYS.step.env),
      if: { type: ['string', 'boolean'], description: WORKFLOW_KEYS.step.if },
    },
    oneOf: [{ required: ['run'] }, { required: ['uses'] }],
    allOf: actionSteps,
  };
  const job: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['runs-on', 'steps'],
    properties: {
      name: { type: 'string', description: WORKFLOW_KEYS.job.name },
      'runs-on': {
        type: 'string',
        description: WORKFLOW_KEYS.job['runs-on'],
        examples: ['ubuntu-latest'],
      },
      needs: {
        description: WORKFLOW_KEYS.job.needs,
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      permissions: { ...permissions, description: WORKFLOW_KEYS.job.permissions },
      env: stringMap(WORKFLOW_KEYS.job.env),
      outputs: stringMap(WORKFLOW_KEYS.job.outputs),
      if: { type: ['string', 'boolean'], description: WORKFLOW_KEYS.job.if },
      steps: { type: 'array', description: WORKFLOW_KEYS.job.steps, items: step, maxItems: 50 },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: WORKFLOW_SCHEMA_URI,
    title: 'GitHub Actions workflow (the subset the Shipyard sandbox runs)',
    type: 'object',
    additionalProperties: false,
    required: ['on', 'jobs'],
    properties: {
      name: { type: 'string', description: WORKFLOW_KEYS.top.name },
      on: {
        description: WORKFLOW_KEYS.top.on,
        oneOf: [
          { type: 'string', enum: ['push'] },
          { type: 'array', items: { type: 'string', enum: ['push'] } },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              push: {
                description: 'Runs the workflow on a push (git push).',
                oneOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      branches: {
                        description:
                          'Branches whose pushes start the workflow (globs * and ** allowed).',
                        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
                      },
                    },
                  },
                ],
              },
            },
          },
        ],
      },
      permissions,
      env: stringMap(WORKFLOW_KEYS.top.env),
      jobs: {
        type: 'object',
        description: WORKFLOW_KEYS.top.jobs,
        minProperties: 1,
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
        additionalProperties: job,
      },
    },
  };
}
