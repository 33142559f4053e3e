/**
 * `aws iam list-attached-role-policies` lists what the roles the sandbox names hold: the node
 * role's EKS and ECR policies (its pull policy gone while the registry refuses it, back once
 * attached), the cluster and task execution roles', and the CI role's push policy once it has it.
 */
import { describe, expect, it } from 'vitest';
import { complete, runCommandLine } from '../../sandbox/cli/index.ts';
import { advance, createWorld, type World } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { DEPLOY_WORKFLOW, scenario } from '../pipeline/worlds.ts';
import { ecsWorld } from './worlds.ts';

const env = (world: World) => ({ world, files: {}, session: { dockerContext: null } });
const run = (world: World, line: string) => runCommandLine(line, env(world));

function list(world: World, role: string) {
  const r = run(world, `aws iam list-attached-role-policies --role-name ${role}`);
  expect(r.world).toBe(world);
  return { exit: r.output.exitCode, out: `${r.output.stdout}${r.output.stderr}` };
}

const policies = (world: World, role: string): string[] =>
  (
    JSON.parse(list(world, role).out) as {
      AttachedPolicies: { PolicyName: string; PolicyArn: string }[];
    }
  ).AttachedPolicies.map((p) => p.PolicyArn);

const WORKER = 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy';
const CNI = 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy';
const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly';
const PULL_ONLY = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly';

describe('the node role in ecr-pull-permission', () => {
  const start = createWorld(loadScenario('ecr-pull-permission.yaml'));

  it('holds the node policies and ECR read-only at first, in the API’s shape', () => {
    const r = list(start, 'eks-nodegroup-role');
    expect(r.exit).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      AttachedPolicies: [
        { PolicyName: 'AmazonEC2ContainerRegistryReadOnly', PolicyArn: READ_ONLY },
        { PolicyName: 'AmazonEKSWorkerNodePolicy', PolicyArn: WORKER },
        { PolicyName: 'AmazonEKS_CNI_Policy', PolicyArn: CNI },
      ],
    });
  });

  it('loses the pull policy when it is detached at 00:01:00, and holds the one attached back', () => {
    const detached = advance(start, 90);
    expect(policies(detached, 'eks-nodegroup-role')).toEqual([WORKER, CNI]);
    const back = run(
      detached,
      `aws iam attach-role-policy --role-name eks-nodegroup-role --policy-arn ${PULL_ONLY}`,
    );
    expect(back.output.exitCode).toBe(0);
    expect(policies(back.world, 'eks-nodegroup-role')).toEqual([PULL_ONLY, WORKER, CNI]);
  });

  it('the cluster role holds the cluster policy', () => {
    expect(policies(start, 'eksClusterRole')).toEqual([
      'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
    ]);
  });

  it('a role the sandbox does not name: NoSuchEntity, as IAM words it', () => {
    expect(list(start, 'eks-nodegroup-rol')).toEqual({
      exit: 254,
      out: '\nAn error occurred (NoSuchEntity) when calling the ListAttachedRolePolicies operation: The role with name eks-nodegroup-rol cannot be found.',
    });
  });

  it('an ARN where the name belongs: ValidationError', () => {
    expect(list(start, 'arn:aws:iam::123456789012:role/eks-nodegroup-role')).toEqual({
      exit: 254,
      out: '\nAn error occurred (ValidationError) when calling the ListAttachedRolePolicies operation: The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-',
    });
  });

  it('completes --role-name with the roles the sandbox names', () => {
    expect(
      complete('aws iam list-attached-role-policies --role-name ', env(start)).candidates,
    ).toEqual(['eks-nodegroup-role', 'eksClusterRole']);
  });
});

describe('other roles', () => {
  it('the task execution role in ecr-push-rollout holds its managed policy', () => {
    const w = createWorld(loadScenario('ecr-push-rollout.yaml'));
    expect(policies(w, 'ecsTaskExecutionRole')).toEqual([
      'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    ]);
  });

  it('the CI role holds no managed policy until the push policy is attached', () => {
    const w0 = createWorld(scenario(DEPLOY_WORKFLOW, { push: false }));
    expect(list(w0, 'gha-deploy')).toEqual({ exit: 0, out: '{\n    "AttachedPolicies": []\n}' });
    const w1 = run(
      w0,
      'aws iam attach-role-policy --role-name gha-deploy --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
    ).world;
    expect(JSON.parse(list(w1, 'gha-deploy').out)).toEqual({
      AttachedPolicies: [
        {
          PolicyName: 'AmazonEC2ContainerRegistryPowerUser',
          PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
        },
      ],
    });
  });

  it('a scenario without ECR or a CI role models no IAM', () => {
    expect(list(ecsWorld(), 'ecsTaskExecutionRole')).toEqual({
      exit: 254,
      out: '\nAn error occurred (AccessDenied) when calling the ListAttachedRolePolicies operation: This sandbox scenario models no IAM (the sandbox’s own message).',
    });
  });
});
