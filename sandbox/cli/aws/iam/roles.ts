/**
 * The IAM roles a sandbox world names, with the AWS managed policies attached to each — what
 * `aws iam list-attached-role-policies` reads. The sandbox holds no IAM service: roles are named
 * by the slices that use them (EKS clusters, node groups, self-managed nodes, Fargate profiles,
 * ECS task definitions, the pipeline's CI role), and each kind carries the managed policies AWS's
 * guides attach to it (EKS User Guide: cluster IAM role, node IAM role, pod execution role; ECS
 * Developer Guide: task execution IAM role).
 *
 * The pull permission is the one the registry checks: a role it refuses (`ecr.pullDenied`) has
 * no pull policy; a role given one back with attach-role-policy has the one attached (the
 * sandbox keeps one pull permission per role, so the last attach names it).
 */
import { PUSH_POLICY } from '../../../services/pipeline/actions.ts';
import type { World } from '../../../model/types.ts';

const AWS_POLICY = 'arn:aws:iam::aws:policy/';
const CLUSTER_POLICIES = [`${AWS_POLICY}AmazonEKSClusterPolicy`];
const NODE_POLICIES = [
  `${AWS_POLICY}AmazonEKSWorkerNodePolicy`,
  `${AWS_POLICY}AmazonEKS_CNI_Policy`,
];
const NODE_PULL = `${AWS_POLICY}AmazonEC2ContainerRegistryReadOnly`;
const FARGATE_POLICIES = [`${AWS_POLICY}AmazonEKSFargatePodExecutionRolePolicy`];
const EXECUTION_PULL = `${AWS_POLICY}service-role/AmazonECSTaskExecutionRolePolicy`;

export interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}

interface Role {
  policies: Set<string>;
  /** The pull policy the role has unless the registry refuses it (null: none by default). */
  pull: string | null;
}

/** Every role the world names, by ARN. */
function roles(world: World): Map<string, Role> {
  const out = new Map<string, Role>();
  const add = (arn: string, policies: readonly string[], pull: string | null = null) => {
    if (arn === '') return;
    const role = out.get(arn) ?? { policies: new Set<string>(), pull: null };
    for (const p of policies) role.policies.add(p);
    role.pull ??= pull;
    out.set(arn, role);
  };
  const eks = world.eks;
  if (eks) {
    for (const c of Object.values(eks.clusters))
      if (c.kind === 'eks') add(c.roleArn, CLUSTER_POLICIES);
    for (const ng of Object.values(eks.nodegroups)) add(ng.nodeRole, NODE_POLICIES, NODE_PULL);
    for (const r of Object.values(eks.instanceRoles)) add(r, NODE_POLICIES, NODE_PULL);
    for (const p of Object.values(eks.fargateProfiles))
      add(p.podExecutionRoleArn, FARGATE_POLICIES);
  }
  for (const td of Object.values(world.ecs.taskDefinitions))
    if (td.executionRoleArn !== null) add(td.executionRoleArn, [], EXECUTION_PULL);
  const ci = world.pipeline?.role;
  if (ci) add(ci.arn, ci.push ? [PUSH_POLICY] : []);
  for (const arn of world.ecr?.pullDenied ?? []) add(arn, []);
  for (const { action } of world.log)
    if (action.type === 'iam.role-policy.attach') add(action.role, [], action.policyArn);
  return out;
}

/** The pull policy attached to the role now, or null. */
function pullPolicy(world: World, arn: string, role: Role): string | null {
  if (world.ecr?.pullDenied.includes(arn)) return null;
  let attached: string | null = null;
  for (const { action } of world.log)
    if (action.type === 'iam.role-policy.attach' && action.role === arn)
      attached = action.policyArn;
  return attached ?? role.pull;
}

/** The role's attached managed policies, by name; null if the world names no such role. */
export function attachedPolicies(world: World, roleName: string): AttachedPolicy[] | null {
  for (const [arn, role] of roles(world)) {
    if (arn.slice(arn.lastIndexOf('/') + 1) !== roleName) continue;
    const policies = new Set(role.policies);
    const pull = pullPolicy(world, arn, role);
    if (pull !== null) policies.add(pull);
    return [...policies]
      .map((p) => ({ PolicyName: p.slice(p.lastIndexOf('/') + 1), PolicyArn: p }))
      .sort((a, b) => (a.PolicyName < b.PolicyName ? -1 : a.PolicyName > b.PolicyName ? 1 : 0));
  }
  return null;
}

/** The role names the world knows, for completion. */
export function roleNames(world: World): string[] {
  return [...roles(world).keys()].map((arn) => arn.slice(arn.lastIndexOf('/') + 1));
}
