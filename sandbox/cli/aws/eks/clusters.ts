/** `aws eks` cluster operations: create-cluster, describe-cluster, list-clusters, delete-cluster, update-kubeconfig, create-addon. */
import type { Action } from '../../../model/actions.ts';
import { own } from '../../../model/record.ts';
import { isoTime } from '../../format.ts';
import { ok } from '../../types.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import { azsOfSubnets, badSubnet, checkVersion, clusterJson, findCluster } from './shapes.ts';

const name = {
  name: 'name',
  type: 'string' as const,
  required: true,
  help: 'The name of the cluster.',
};

export const createCluster: AwsOperation = {
  service: 'eks',
  name: 'create-cluster',
  api: 'CreateCluster',
  summary: 'Creates an Amazon EKS control plane (CREATING for about 9–10 minutes, then ACTIVE).',
  flags: [
    name,
    {
      name: 'kubernetes-version',
      type: 'string',
      help: 'The desired Kubernetes version (1.29–1.33; default 1.31).',
    },
    {
      name: 'role-arn',
      type: 'string',
      required: true,
      help: 'The cluster IAM role that lets the control plane manage AWS resources.',
    },
    {
      name: 'resources-vpc-config',
      type: 'structure',
      required: true,
      placeholder: 'subnetIds=string,string,securityGroupIds=string,...',
      help: 'The subnets (in at least two AZs) for the control plane ENIs.',
    },
    {
      name: 'access-config',
      type: 'structure',
      placeholder: 'authenticationMode=API|API_AND_CONFIG_MAP|CONFIG_MAP',
      help: 'How IAM principals get access: access entries (API), the aws-auth ConfigMap, or both.',
    },
    {
      name: 'upgrade-policy',
      type: 'structure',
      placeholder: 'supportType=STANDARD|EXTENDED',
      help: 'STANDARD ($0.10 per cluster-hour) or EXTENDED ($0.60 once the version leaves standard support).',
    },
  ],
  examples: [
    'aws eks create-cluster --name demo --kubernetes-version 1.31 --role-arn arn:aws:iam::123456789012:role/eksClusterRole --resources-vpc-config subnetIds=subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071',
  ],
  run(args, env, globals) {
    const bad = checkVersion(this.api, args['kubernetes-version']);
    if (bad) return output(bad);
    const vpc = args['resources-vpc-config'] as Record<string, unknown>;
    const rawSubnets = vpc['subnetIds'];
    const ids = Array.isArray(rawSubnets)
      ? rawSubnets.map(String)
      : typeof rawSubnets === 'string'
        ? rawSubnets.split(',')
        : [];
    if (ids.length === 0)
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'Subnets specified must be in at least two different AZs',
        ),
      );
    const subnets = azsOfSubnets(env.world, ids);
    if (!subnets.ok) return output(badSubnet(this.api, subnets.bad));
    if (subnets.azs.length < 2)
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'Subnets specified must be in at least two different AZs',
        ),
      );
    const access = args['access-config'] as Record<string, unknown> | undefined;
    const mode = access?.['authenticationMode'];
    if (
      mode !== undefined &&
      mode !== 'API' &&
      mode !== 'API_AND_CONFIG_MAP' &&
      mode !== 'CONFIG_MAP'
    )
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          `Invalid authenticationMode: ${String(mode)}`,
        ),
      );
    const upgrade = args['upgrade-policy'] as Record<string, unknown> | undefined;
    const support = upgrade?.['supportType'];
    if (support !== undefined && support !== 'STANDARD' && support !== 'EXTENDED')
      return output(
        awsError(this.api, 'InvalidParameterException', `Invalid supportType: ${String(support)}`),
      );
    const action: Action = {
      type: 'eks.cluster.create',
      name: args['name'] as string,
      ...(args['kubernetes-version'] === undefined
        ? {}
        : { version: String(args['kubernetes-version']) as '1.31' }),
      ...(support === undefined ? {} : { supportType: support }),
      roleArn: args['role-arn'] as string,
      azs: subnets.azs,
      ...(mode === undefined ? {} : { authenticationMode: mode }),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const c = after.eks ? own(after.eks.clusters, action.name) : undefined;
        return awsOut({ cluster: c ? clusterJson(after, c) : {} }, globals, this.api);
      },
    );
  },
};

export const describeCluster: AwsOperation = {
  service: 'eks',
  name: 'describe-cluster',
  api: 'DescribeCluster',
  summary: 'Describes a cluster: status, endpoint, certificate authority, version.',
  flags: [name],
  examples: ['aws eks describe-cluster --name demo'],
  run(args, env, globals) {
    const found = findCluster(env.world, args['name'] as string, this.api);
    if (!found.ok) return output(found.out);
    return output(awsOut({ cluster: clusterJson(env.world, found.cluster) }, globals, this.api));
  },
};

export const listClusters: AwsOperation = {
  service: 'eks',
  name: 'list-clusters',
  api: 'ListClusters',
  summary: 'Lists the Amazon EKS clusters in the Region.',
  flags: [],
  examples: ['aws eks list-clusters'],
  run(_args, env, globals) {
    const names = Object.keys(env.world.eks?.clusters ?? {}).sort();
    return output(awsOut({ clusters: names }, globals, this.api));
  },
};

export const deleteCluster: AwsOperation = {
  service: 'eks',
  name: 'delete-cluster',
  api: 'DeleteCluster',
  summary: 'Deletes a cluster (its node groups and Fargate profiles must be deleted first).',
  flags: [name],
  examples: ['aws eks delete-cluster --name demo'],
  run(args, env, globals) {
    const found = findCluster(env.world, args['name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const action: Action = { type: 'eks.cluster.delete', name: found.cluster.name };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const c = after.eks ? own(after.eks.clusters, action.name) : undefined;
        return awsOut(
          {
            cluster: c
              ? clusterJson(after, c)
              : { ...clusterJson(env.world, found.cluster), status: 'DELETING' },
          },
          globals,
          this.api,
        );
      },
    );
  },
};

export const updateKubeconfig: AwsOperation = {
  service: 'eks',
  name: 'update-kubeconfig',
  api: 'DescribeCluster',
  summary:
    'Writes the cluster into ~/.kube/config (a context, and makes it current) so kubectl can reach it.',
  flags: [
    name,
    {
      name: 'alias',
      type: 'string',
      help: 'An alias for the cluster context name (default: the cluster ARN).',
    },
    { name: 'kubeconfig', type: 'string', help: 'Accepted: the sandbox has one kubeconfig.' },
    {
      name: 'role-arn',
      type: 'string',
      help: 'Accepted and ignored: the sandbox has one identity.',
    },
  ],
  examples: ['aws eks update-kubeconfig --region eu-west-3 --name demo'],
  run(args, env) {
    const found = findCluster(env.world, args['name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const alias = args['alias'] as string | undefined;
    const action: Action = {
      type: 'eks.kubeconfig.update',
      cluster: found.cluster.name,
      ...(alias === undefined ? {} : { alias }),
    };
    const context = alias ?? found.cluster.arn;
    const existed = env.world.eks
      ? Object.hasOwn(env.world.eks.kubeconfig.contexts, context)
      : false;
    return applyAll(
      env.world,
      [action],
      // The CLI's own error (not an API error) when the cluster is not ACTIVE yet.
      (e) =>
        e.startsWith('Cluster status is')
          ? { stdout: '', stderr: `\n${e}`, exitCode: 255 }
          : refusal(this.api, e),
      () =>
        ok(
          existed
            ? `Updated context ${context} in /home/cloudshell-user/.kube/config`
            : `Added new context ${context} to /home/cloudshell-user/.kube/config`,
        ),
    );
  },
};

export const createAddon: AwsOperation = {
  service: 'eks',
  name: 'create-addon',
  api: 'CreateAddon',
  summary: 'Installs an EKS add-on (metrics-server is what kubectl top and HPAs read CPU from).',
  flags: [
    { name: 'cluster-name', type: 'string', required: true, help: 'The name of your cluster.' },
    {
      name: 'addon-name',
      type: 'string',
      required: true,
      choices: ['metrics-server', 'vpc-cni', 'kube-proxy', 'coredns', 'eks-pod-identity-agent'],
      help: 'The add-on to install.',
    },
  ],
  examples: ['aws eks create-addon --cluster-name demo --addon-name metrics-server'],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const action: Action = {
      type: 'eks.addon.create',
      cluster: found.cluster.name,
      addonName: args['addon-name'] as 'metrics-server',
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          {
            addon: {
              addonName: action.addonName,
              clusterName: action.cluster,
              status: 'CREATING',
              addonArn: `arn:aws:eks:${after.region}:${after.accountId}:addon/${action.cluster}/${action.addonName}`,
              createdAt: isoTime(after.time),
              modifiedAt: isoTime(after.time),
              tags: {},
            },
          },
          globals,
          this.api,
        ),
    );
  },
};
