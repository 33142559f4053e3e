/** `aws eks` Fargate profile and access entry operations. */
import type { Action } from '../../../model/actions.ts';
import { own } from '../../../model/record.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import { accessEntryJson, clusterName, fargateJson, findCluster, stringMap } from './shapes.ts';

type Selectors = Extract<Action, { type: 'eks.fargate-profile.create' }>['selectors'];

const profileName = {
  name: 'fargate-profile-name',
  type: 'string' as const,
  required: true,
  help: 'The name of the Fargate profile.',
};

function selectors(v: unknown): { ok: true; value: Selectors } | { ok: false; error: string } {
  const out: Selectors = [];
  for (const [i, raw] of ((v as unknown[] | undefined) ?? []).entries()) {
    const o = (raw ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (k !== 'namespace' && k !== 'labels')
        return {
          ok: false,
          error: `Unknown parameter in selectors[${i}]: "${k}", must be one of: namespace, labels`,
        };
    if (typeof o['namespace'] !== 'string')
      return { ok: false, error: `Missing required parameter in selectors[${i}]: "namespace"` };
    const labels = stringMap(o['labels'], 'selectors');
    if (!labels.ok) return labels;
    out.push({
      namespace: o['namespace'],
      ...(o['labels'] === undefined ? {} : { labels: labels.value }),
    });
  }
  return { ok: true, value: out };
}

export const createFargateProfile: AwsOperation = {
  service: 'eks',
  name: 'create-fargate-profile',
  api: 'CreateFargateProfile',
  summary:
    'Creates a Fargate profile: pods whose namespace (and labels) match a selector run on Fargate, one pod per micro-VM.',
  flags: [
    profileName,
    clusterName,
    {
      name: 'pod-execution-role-arn',
      type: 'string',
      required: true,
      help: 'The role Fargate pods pull images and write logs with.',
    },
    {
      name: 'subnets',
      type: 'list',
      help: 'Private subnets for the pods (default: every subnet of the cluster).',
    },
    {
      name: 'selectors',
      type: 'structure-list',
      placeholder: 'namespace=string,labels={KeyName1=string} ...',
      help: 'Up to five selectors; each names a namespace and optional labels that must all match.',
    },
  ],
  examples: [
    'aws eks create-fargate-profile --cluster-name demo --fargate-profile-name web --pod-execution-role-arn arn:aws:iam::123456789012:role/AmazonEKSFargatePodExecutionRole --selectors namespace=web',
  ],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const sel = selectors(args['selectors']);
    if (!sel.ok) return output({ stdout: '', stderr: `\n${sel.error}`, exitCode: 252 });
    // Zero or more than five selectors: the API's own limits, answered by the engine.
    const action: Action = {
      type: 'eks.fargate-profile.create',
      cluster: found.cluster.name,
      name: args['fargate-profile-name'] as string,
      podExecutionRoleArn: args['pod-execution-role-arn'] as string,
      selectors: sel.value,
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const p = after.eks
          ? own(after.eks.fargateProfiles, `${action.cluster}/${action.name}`)
          : undefined;
        return awsOut({ fargateProfile: p ? fargateJson(p, after) : {} }, globals, this.api);
      },
    );
  },
};

function findProfile(
  env: Parameters<AwsOperation['run']>[1],
  cluster: string,
  name: string,
  api: string,
) {
  const c = findCluster(env.world, cluster, api);
  if (!c.ok) return c;
  const p = env.world.eks ? own(env.world.eks.fargateProfiles, `${cluster}/${name}`) : undefined;
  if (!p)
    return {
      ok: false as const,
      out: awsError(
        api,
        'ResourceNotFoundException',
        `No Fargate Profile found with name: ${name}.`,
      ),
    };
  return { ok: true as const, profile: p };
}

export const describeFargateProfile: AwsOperation = {
  service: 'eks',
  name: 'describe-fargate-profile',
  api: 'DescribeFargateProfile',
  summary: 'Describes a Fargate profile.',
  flags: [clusterName, profileName],
  examples: ['aws eks describe-fargate-profile --cluster-name demo --fargate-profile-name web'],
  run(args, env, globals) {
    const f = findProfile(
      env,
      args['cluster-name'] as string,
      args['fargate-profile-name'] as string,
      this.api,
    );
    if (!f.ok) return output(f.out);
    return output(awsOut({ fargateProfile: fargateJson(f.profile, env.world) }, globals, this.api));
  },
};

export const deleteFargateProfile: AwsOperation = {
  service: 'eks',
  name: 'delete-fargate-profile',
  api: 'DeleteFargateProfile',
  summary: 'Deletes a Fargate profile: its pods stop and go back to Pending.',
  flags: [clusterName, profileName],
  examples: ['aws eks delete-fargate-profile --cluster-name demo --fargate-profile-name web'],
  run(args, env, globals) {
    const f = findProfile(
      env,
      args['cluster-name'] as string,
      args['fargate-profile-name'] as string,
      this.api,
    );
    if (!f.ok) return output(f.out);
    const action: Action = {
      type: 'eks.fargate-profile.delete',
      cluster: f.profile.cluster,
      name: f.profile.name,
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      () =>
        awsOut(
          { fargateProfile: { ...fargateJson(f.profile, env.world), status: 'DELETING' } },
          globals,
          this.api,
        ),
    );
  },
};

export const createAccessEntry: AwsOperation = {
  service: 'eks',
  name: 'create-access-entry',
  api: 'CreateAccessEntry',
  summary:
    'Gives an IAM principal access to the cluster (EC2_LINUX for the role of self-managed nodes).',
  flags: [
    clusterName,
    { name: 'principal-arn', type: 'string', required: true, help: 'The IAM role or user ARN.' },
    {
      name: 'type',
      type: 'string',
      choices: ['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX'],
      help: 'STANDARD (default) for people and tools, EC2_LINUX for node roles.',
    },
    {
      name: 'kubernetes-groups',
      type: 'list',
      help: 'Kubernetes groups the principal belongs to (STANDARD only).',
    },
    { name: 'username', type: 'string', help: 'The Kubernetes user name.' },
  ],
  examples: [
    'aws eks create-access-entry --cluster-name demo --principal-arn arn:aws:iam::123456789012:role/eksSelfManagedNodeRole --type EC2_LINUX',
  ],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const principalArn = args['principal-arn'] as string;
    const action: Action = {
      type: 'eks.access-entry.create',
      cluster: found.cluster.name,
      principalArn,
      ...(args['type'] === undefined ? {} : { accessEntryType: args['type'] as 'STANDARD' }),
      ...(args['kubernetes-groups'] === undefined
        ? {}
        : { kubernetesGroups: args['kubernetes-groups'] as string[] }),
      ...(args['username'] === undefined ? {} : { username: args['username'] as string }),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const c = after.eks ? own(after.eks.clusters, found.cluster.name) : undefined;
        const entry = c ? own(c.accessEntries, principalArn) : undefined;
        return awsOut(
          { accessEntry: c && entry ? accessEntryJson(after, c, entry) : {} },
          globals,
          this.api,
        );
      },
    );
  },
};

export const listAccessEntries: AwsOperation = {
  service: 'eks',
  name: 'list-access-entries',
  api: 'ListAccessEntries',
  summary: 'Lists the access entries of a cluster.',
  flags: [clusterName],
  examples: ['aws eks list-access-entries --cluster-name demo'],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    return output(
      awsOut({ accessEntries: Object.keys(found.cluster.accessEntries).sort() }, globals, this.api),
    );
  },
};

export const associateAccessPolicy: AwsOperation = {
  service: 'eks',
  name: 'associate-access-policy',
  api: 'AssociateAccessPolicy',
  summary:
    'Grants an access entry an EKS access policy (AmazonEKSClusterAdminPolicy…) for the cluster or some namespaces.',
  flags: [
    clusterName,
    {
      name: 'principal-arn',
      type: 'string',
      required: true,
      help: "The access entry's principal.",
    },
    {
      name: 'policy-arn',
      type: 'string',
      required: true,
      help: 'arn:aws:eks::aws:cluster-access-policy/<name>.',
    },
    {
      name: 'access-scope',
      type: 'structure',
      required: true,
      placeholder: 'type=cluster|namespace,namespaces=string,string',
      help: 'Where the policy applies.',
    },
  ],
  examples: [
    'aws eks associate-access-policy --cluster-name demo --principal-arn arn:aws:iam::123456789012:role/dev --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=namespace,namespaces=web',
  ],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const scope = args['access-scope'] as Record<string, unknown>;
    const type = scope['type'];
    if (type !== 'cluster' && type !== 'namespace')
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'The access scope type must be cluster or namespace.',
        ),
      );
    const rawNs = scope['namespaces'];
    const namespaces = Array.isArray(rawNs)
      ? rawNs.map(String)
      : typeof rawNs === 'string'
        ? rawNs.split(',')
        : [];
    const action: Action = {
      type: 'eks.access-policy.associate',
      cluster: found.cluster.name,
      principalArn: args['principal-arn'] as string,
      policyArn: args['policy-arn'] as string,
      scope: type,
      ...(namespaces.length === 0 ? {} : { namespaces }),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      () =>
        awsOut(
          {
            clusterName: action.cluster,
            principalArn: action.principalArn,
            associatedAccessPolicy: {
              policyArn: action.policyArn,
              accessScope: { type, namespaces },
            },
          },
          globals,
          this.api,
        ),
    );
  },
};
