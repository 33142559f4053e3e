/**
 * The IAM calls the sandbox models: `aws iam attach-role-policy` (a node role's ECR pull policy
 * back, or the CI role's push policy), `aws iam list-attached-role-policies` (what a role holds)
 * and `aws iam update-assume-role-policy` (the CI role's OIDC trust policy: which repository and
 * branch may assume it).
 */
import type { Action } from '../../../model/actions.ts';
import { PULL_POLICIES } from '../../../services/ecr/actions.ts';
import { PUSH_POLICY } from '../../../services/pipeline/actions.ts';
import { own } from '../../../model/record.ts';
import type { CliEnv } from '../../types.ts';
import { ok } from '../../types.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import { attachedPolicies } from './roles.ts';

function noIam(api: string) {
  return awsError(
    api,
    'AccessDenied',
    'This sandbox scenario models no IAM (the sandbox\u2019s own message).',
  );
}

/** IAM's answer for a role name it cannot take (an ARN, a space), or null. */
function invalidRoleName(api: string, name: string) {
  if (/^[\w+=,.@-]{1,64}$/.test(name)) return null;
  return awsError(
    api,
    'ValidationError',
    'The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-',
  );
}

const attachRolePolicy: AwsOperation = {
  service: 'iam',
  name: 'attach-role-policy',
  api: 'AttachRolePolicy',
  summary: 'Attaches a managed policy to a role (the sandbox models the ECR pull policies).',
  flags: [
    {
      name: 'role-name',
      type: 'string',
      required: true,
      help: 'The role (its name, not its ARN).',
    },
    {
      name: 'policy-arn',
      type: 'string',
      required: true,
      help: 'The managed policy, e.g. arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly.',
    },
  ],
  examples: [
    'aws iam attach-role-policy --role-name eks-nodegroup-role --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  ],
  run(args, env) {
    const policy = args['policy-arn'] as string;
    if (policy === PUSH_POLICY && env.world.pipeline?.role) {
      const role = ciRole(env, args['role-name'] as string, this.api);
      if ('stdout' in role) return output(role);
      return applyAll(
        env.world,
        [{ type: 'pipeline.role.allow-push' }],
        (e) => refusal(this.api, e),
        () => ok(''),
      );
    }
    if (!env.world.ecr) return output(noIam(this.api));
    if (!(PULL_POLICIES as readonly string[]).includes(policy))
      return output(
        awsError(
          this.api,
          'NoSuchEntity',
          `Policy ${policy} does not exist or is not attachable. (The sandbox models ${PULL_POLICIES.join(', ')}.)`,
        ),
      );
    const name = args['role-name'] as string;
    const invalid = invalidRoleName(this.api, name);
    if (invalid) return output(invalid);
    const action: Action = {
      type: 'iam.role-policy.attach',
      role: `arn:aws:iam::${env.world.accountId}:role/${name}`,
      policyArn: policy as (typeof PULL_POLICIES)[number],
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      () => ok(''),
    );
  },
};

const OIDC_SUB = 'token.actions.githubusercontent.com:sub';
const OIDC_AUD = 'token.actions.githubusercontent.com:aud';

/** The pipeline's CI role by name, or the IAM CLI's NoSuchEntity answer. */
function ciRole(env: CliEnv, name: string, api: string) {
  const role = env.world.pipeline?.role;
  const roleName = role ? role.arn.slice(role.arn.lastIndexOf('/') + 1) : null;
  if (role && name === roleName) return role;
  return awsError(api, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
}

/** The `sub` (and `aud`) a trust policy's web-identity statement accepts, or why it cannot be read. */
export function trustOf(text: string): { subject: string; audience?: string } | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'Syntax errors in policy.';
  }
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  for (const st of list as Record<string, unknown>[]) {
    if (typeof st !== 'object' || st === null || st['Effect'] !== 'Allow') continue;
    const actions = Array.isArray(st['Action']) ? st['Action'] : [st['Action']];
    if (!actions.includes('sts:AssumeRoleWithWebIdentity')) continue;
    const cond = (st['Condition'] ?? {}) as Record<string, Record<string, unknown>>;
    const pick = (key: string): string | null | undefined => {
      for (const op of ['StringEquals', 'StringLike']) {
        const block = typeof cond[op] === 'object' && cond[op] !== null ? cond[op] : {};
        const v = own(block, key);
        if (typeof v === 'string') return v;
        if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
        if (v !== undefined) return null;
      }
      return undefined;
    };
    const subject = pick(OIDC_SUB);
    const audience = pick(OIDC_AUD);
    if (subject === null || audience === null)
      return `The sandbox reads one ${OIDC_SUB} and one ${OIDC_AUD} value (the sandbox's own message).`;
    if (subject === undefined)
      return `The statement allows sts:AssumeRoleWithWebIdentity without a ${OIDC_SUB} condition: any repository could assume the role (the sandbox refuses it; its own message).`;
    return audience === undefined ? { subject } : { subject, audience };
  }
  return 'The policy has no Allow statement for sts:AssumeRoleWithWebIdentity (the sandbox\u2019s own message).';
}

const updateAssumeRolePolicy: AwsOperation = {
  service: 'iam',
  name: 'update-assume-role-policy',
  api: 'UpdateAssumeRolePolicy',
  summary:
    'Replaces the trust policy of a role (the sandbox models the CI role\u2019s OIDC trust).',
  flags: [
    { name: 'role-name', type: 'string', required: true, help: 'The role (its name).' },
    {
      name: 'policy-document',
      type: 'string',
      required: true,
      help: 'The trust policy JSON, inline or from a file (file://trust-policy.json reads the editor\u2019s document).',
    },
  ],
  examples: [
    'aws iam update-assume-role-policy --role-name gha-deploy --policy-document file://trust-policy.json',
  ],
  run(args, env) {
    const raw = args['policy-document'] as string;
    const text = raw.startsWith('file://')
      ? own(env.files, raw.slice('file://'.length).replace(/^\.\//, ''))
      : raw;
    if (text === undefined)
      return output(
        awsError(
          this.api,
          'MalformedPolicyDocument',
          `No such file: ${raw.slice('file://'.length)}`,
        ),
      );
    const trust = trustOf(text);
    if (typeof trust === 'string')
      return output(awsError(this.api, 'MalformedPolicyDocument', trust));
    const role = ciRole(env, args['role-name'] as string, this.api);
    if ('stdout' in role) return output(role);
    return applyAll(
      env.world,
      [{ type: 'pipeline.role.trust', ...trust }],
      (e) => refusal(this.api, e),
      () => ok(''),
    );
  },
};

const listAttachedRolePolicies: AwsOperation = {
  service: 'iam',
  name: 'list-attached-role-policies',
  api: 'ListAttachedRolePolicies',
  summary:
    'Lists the managed policies attached to a role (the roles the sandbox names: node, cluster, task execution, Fargate pod and CI roles).',
  flags: [
    {
      name: 'role-name',
      type: 'string',
      required: true,
      help: 'The role (its name, not its ARN).',
    },
  ],
  examples: ['aws iam list-attached-role-policies --role-name eks-nodegroup-role'],
  run(args, env, globals) {
    if (!env.world.ecr && !env.world.pipeline?.role) return output(noIam(this.api));
    const name = args['role-name'] as string;
    const invalid = invalidRoleName(this.api, name);
    if (invalid) return output(invalid);
    const policies = attachedPolicies(env.world, name);
    if (policies === null)
      return output(
        awsError(this.api, 'NoSuchEntity', `The role with name ${name} cannot be found.`),
      );
    return output(awsOut({ AttachedPolicies: policies }, globals, this.api));
  },
};

export const IAM_OPERATIONS: AwsOperation[] = [
  attachRolePolicy,
  listAttachedRolePolicies,
  updateAssumeRolePolicy,
];
