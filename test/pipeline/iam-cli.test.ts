/**
 * The CI role from the terminal: `aws iam attach-role-policy` with the ECR push policy and
 * `aws iam update-assume-role-policy` with an OIDC trust policy change the pipeline's role, and
 * refuse a role or a document they cannot read, naming what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../sandbox/cli/index.ts';
import { trustOf } from '../../sandbox/cli/aws/iam/index.ts';
import { createWorld, type World } from '../../sandbox/index.ts';
import { DEPLOY_WORKFLOW, scenario } from './worlds.ts';

function run(world: World, command: string, files: Record<string, string> = {}) {
  const r = runCommandLine(command, { world, files, session: { dockerContext: null } });
  return { world: r.world, out: `${r.output.stdout}${r.output.stderr}`, exit: r.output.exitCode };
}

const POLICY = (sub: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': sub },
        },
      },
    ],
  });

describe('aws iam attach-role-policy for the CI role', () => {
  it('attaches the ECR push policy: the role may push, and it prints nothing', () => {
    const w0 = createWorld(scenario(DEPLOY_WORKFLOW, { push: false }));
    expect(w0.pipeline!.role!.push).toBe(false);
    const r = run(
      w0,
      'aws iam attach-role-policy --role-name gha-deploy --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
    );
    expect([r.exit, r.out]).toEqual([0, '']);
    expect(r.world.pipeline!.role!.push).toBe(true);
  });

  it('names a role that does not exist, and changes nothing', () => {
    const w0 = createWorld(scenario(DEPLOY_WORKFLOW, { push: false }));
    const r = run(
      w0,
      'aws iam attach-role-policy --role-name gha-deplyo --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
    );
    expect(r.exit).toBe(254);
    expect(r.out).toBe(
      '\nAn error occurred (NoSuchEntity) when calling the AttachRolePolicy operation: The role with name gha-deplyo cannot be found.',
    );
    expect(r.world.pipeline!.role!.push).toBe(false);
  });
});

describe('aws iam update-assume-role-policy', () => {
  const w0 = () =>
    createWorld(scenario(DEPLOY_WORKFLOW, { trust: 'repo:shipyard/web:ref:refs/heads/master' }));

  it('reads the sub and aud conditions of an inline policy', () => {
    const r = run(
      w0(),
      `aws iam update-assume-role-policy --role-name gha-deploy --policy-document '${POLICY('repo:shipyard/web:ref:refs/heads/main')}'`,
    );
    expect([r.exit, r.out]).toEqual([0, '']);
    expect(r.world.pipeline!.role).toMatchObject({
      trustSubject: 'repo:shipyard/web:ref:refs/heads/main',
      audience: 'sts.amazonaws.com',
    });
  });

  it('reads file://trust-policy.json from the editor', () => {
    const r = run(
      w0(),
      'aws iam update-assume-role-policy --role-name gha-deploy --policy-document file://trust-policy.json',
      { 'trust-policy.json': POLICY(['repo:shipyard/web:*']) },
    );
    expect(r.exit).toBe(0);
    expect(r.world.pipeline!.role!.trustSubject).toBe('repo:shipyard/web:*');
  });

  it.each([
    ['{"Statement": [', 'Syntax errors in policy.'],
    [
      JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }),
      'The policy has no Allow statement for sts:AssumeRoleWithWebIdentity (the sandbox’s own message).',
    ],
    [
      JSON.stringify({
        Statement: { Effect: 'Allow', Action: ['sts:AssumeRoleWithWebIdentity'] },
      }),
      'The statement allows sts:AssumeRoleWithWebIdentity without a token.actions.githubusercontent.com:sub condition: any repository could assume the role (the sandbox refuses it; its own message).',
    ],
    [
      POLICY(['repo:a/b:*', 'repo:c/d:*']),
      "The sandbox reads one token.actions.githubusercontent.com:sub and one token.actions.githubusercontent.com:aud value (the sandbox's own message).",
    ],
  ])('refuses %s', (doc, message) => {
    expect(trustOf(doc)).toBe(message);
    const before = w0();
    const r = run(
      before,
      'aws iam update-assume-role-policy --role-name gha-deploy --policy-document file://p.json',
      { 'p.json': doc },
    );
    expect(r.exit).toBe(254);
    expect(r.out).toBe(
      `\nAn error occurred (MalformedPolicyDocument) when calling the UpdateAssumeRolePolicy operation: ${message}`,
    );
    expect(r.world.pipeline!.role!.trustSubject).toBe('repo:shipyard/web:ref:refs/heads/master');
  });
});
