/** `aws eks` managed node group operations: create, describe, list, update-config, update-version, delete. */
import type { Action } from '../../../model/actions.ts';
import { own } from '../../../model/record.ts';
import type { World } from '../../../model/types.ts';
import { isoTime } from '../../format.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import {
  azsOfSubnets,
  badSubnet,
  checkVersion,
  clusterName,
  findCluster,
  findNodegroup,
  nodegroupJson,
  nodegroupName,
  stringMap,
} from './shapes.ts';

type NodegroupCreate = Extract<Action, { type: 'eks.nodegroup.create' }>;
type Taints = NonNullable<NodegroupCreate['taints']>;

const AMI_TYPES = [
  'AL2023_x86_64_STANDARD',
  'AL2023_ARM_64_STANDARD',
  'AL2_x86_64',
  'AL2_ARM_64',
  'BOTTLEROCKET_x86_64',
  'BOTTLEROCKET_ARM_64',
];

/** `minSize=1,maxSize=3,desiredSize=2` → sizes, with the CLI's parameter errors. */
function scaling(
  v: unknown,
): { ok: true; min?: number; max?: number; desired?: number } | { ok: false; error: string } {
  if (v === undefined) return { ok: true };
  const o = v as Record<string, unknown>;
  const out: { min?: number; max?: number; desired?: number } = {};
  for (const [k, raw] of Object.entries(o)) {
    const field =
      k === 'minSize' ? 'min' : k === 'maxSize' ? 'max' : k === 'desiredSize' ? 'desired' : null;
    if (field === null)
      return {
        ok: false,
        error: `Unknown parameter in scalingConfig: "${k}", must be one of: minSize, maxSize, desiredSize`,
      };
    const n = Number(raw);
    if (!Number.isInteger(n))
      return {
        ok: false,
        error: `Invalid type for parameter scalingConfig.${k}, value: ${String(raw)}, type: <class 'str'>, valid types: <class 'int'>`,
      };
    out[field] = n;
  }
  return { ok: true, ...out };
}

function taints(v: unknown): { ok: true; value: Taints } | { ok: false; error: string } {
  if (v === undefined) return { ok: true, value: [] };
  const out: Taints = [];
  for (const [i, raw] of (v as unknown[]).entries()) {
    const o = (raw ?? {}) as Record<string, unknown>;
    if (typeof o['key'] !== 'string')
      return { ok: false, error: `Missing required parameter in taints[${i}]: "key"` };
    const effect = o['effect'];
    if (effect !== 'NO_SCHEDULE' && effect !== 'NO_EXECUTE' && effect !== 'PREFER_NO_SCHEDULE')
      return {
        ok: false,
        error: `Value at 'taints.${i + 1}.member.effect' failed to satisfy constraint: Member must satisfy enum value set: [NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE]`,
      };
    out.push({
      key: o['key'],
      ...(typeof o['value'] === 'string' ? { value: o['value'] } : {}),
      effect,
    });
  }
  return { ok: true, value: out };
}

const paramError = (error: string) => ({ stdout: '', stderr: `\n${error}`, exitCode: 252 });

export const createNodegroup: AwsOperation = {
  service: 'eks',
  name: 'create-nodegroup',
  api: 'CreateNodegroup',
  summary:
    'Creates a managed node group: EKS runs an Auto Scaling group of worker nodes that join by themselves.',
  flags: [
    clusterName,
    nodegroupName,
    {
      name: 'scaling-config',
      type: 'structure',
      placeholder: 'minSize=integer,maxSize=integer,desiredSize=integer',
      help: "The group's sizes (EKS does not scale it by itself).",
    },
    { name: 'subnets', type: 'list', required: true, help: 'The subnets (AZs) the nodes run in.' },
    { name: 'instance-types', type: 'list', help: 'Instance types (default t3.medium).' },
    { name: 'node-role', type: 'string', required: true, help: 'The IAM role the nodes run with.' },
    {
      name: 'capacity-type',
      type: 'string',
      choices: ['ON_DEMAND', 'SPOT'],
      help: 'ON_DEMAND (default) or SPOT.',
    },
    {
      name: 'ami-type',
      type: 'string',
      choices: AMI_TYPES,
      help: 'The AMI family (default AL2023_x86_64_STANDARD).',
    },
    {
      name: 'labels',
      type: 'structure',
      placeholder: 'KeyName1=string,KeyName2=string',
      help: 'Kubernetes labels for the nodes.',
    },
    {
      name: 'taints',
      type: 'structure-list',
      placeholder: 'key=string,value=string,effect=string ...',
      help: 'Kubernetes taints for the nodes (effect NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE).',
    },
    {
      name: 'update-config',
      type: 'structure',
      placeholder: 'maxUnavailable=integer',
      help: 'How many nodes an update may take down at once (default 1).',
    },
  ],
  examples: [
    'aws eks create-nodegroup --cluster-name demo --nodegroup-name ng-1 --scaling-config minSize=1,maxSize=4,desiredSize=2 --instance-types t3.medium --node-role arn:aws:iam::123456789012:role/eksNodeRole --subnets subnet-0a1b2c3d4e5f6071 subnet-0b1b2c3d4e5f6071',
  ],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const sizes = scaling(args['scaling-config']);
    if (!sizes.ok) return output(paramError(sizes.error));
    const subnets = azsOfSubnets(env.world, args['subnets'] as string[]);
    if (!subnets.ok) return output(badSubnet(this.api, subnets.bad));
    const labels = stringMap(args['labels'], 'labels');
    if (!labels.ok) return output(paramError(labels.error));
    const t = taints(args['taints']);
    if (!t.ok) return output(paramError(t.error));
    const update = args['update-config'] as Record<string, unknown> | undefined;
    const maxUnavailable =
      update?.['maxUnavailable'] === undefined ? undefined : Number(update['maxUnavailable']);
    // The API's defaults: minSize 1, maxSize 2, desiredSize 2.
    const min = sizes.min ?? 1;
    const max = sizes.max ?? 2;
    const desired = sizes.desired ?? 2;
    const action: Action = {
      type: 'eks.nodegroup.create',
      cluster: found.cluster.name,
      name: args['nodegroup-name'] as string,
      instanceTypes: (args['instance-types'] as string[] | undefined) ?? ['t3.medium'],
      min,
      desired,
      max,
      ...(args['capacity-type'] === undefined
        ? {}
        : { capacityType: args['capacity-type'] as 'SPOT' }),
      ...(args['ami-type'] === undefined ? {} : { amiType: args['ami-type'] as 'AL2_x86_64' }),
      ...(args['labels'] === undefined ? {} : { labels: labels.value }),
      ...(t.value.length === 0 ? {} : { taints: t.value }),
      azs: subnets.azs,
      nodeRole: args['node-role'] as string,
      ...(maxUnavailable === undefined ? {} : { maxUnavailable }),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const ng = after.eks
          ? own(after.eks.nodegroups, `${action.cluster}/${action.name}`)
          : undefined;
        return awsOut({ nodegroup: ng ? nodegroupJson(ng) : {} }, globals, this.api);
      },
    );
  },
};

export const describeNodegroup: AwsOperation = {
  service: 'eks',
  name: 'describe-nodegroup',
  api: 'DescribeNodegroup',
  summary: 'Describes a managed node group: status, sizes, health issues.',
  flags: [clusterName, nodegroupName],
  examples: ['aws eks describe-nodegroup --cluster-name demo --nodegroup-name ng-1'],
  run(args, env, globals) {
    const found = findNodegroup(
      env.world,
      args['cluster-name'] as string,
      args['nodegroup-name'] as string,
      this.api,
    );
    if (!found.ok) return output(found.out);
    return output(awsOut({ nodegroup: nodegroupJson(found.ng) }, globals, this.api));
  },
};

export const listNodegroups: AwsOperation = {
  service: 'eks',
  name: 'list-nodegroups',
  api: 'ListNodegroups',
  summary: 'Lists the managed node groups of a cluster.',
  flags: [clusterName],
  examples: ['aws eks list-nodegroups --cluster-name demo'],
  run(args, env, globals) {
    const found = findCluster(env.world, args['cluster-name'] as string, this.api);
    if (!found.ok) return output(found.out);
    const names = Object.values(env.world.eks?.nodegroups ?? {})
      .filter((n) => n.cluster === found.cluster.name)
      .map((n) => n.name)
      .sort();
    return output(awsOut({ nodegroups: names }, globals, this.api));
  },
};

/** The update record `update-nodegroup-*` answer with. */
function updateJson(
  after: World,
  key: string,
  type: 'ConfigUpdate' | 'VersionUpdate',
  params: { type: string; value: string }[],
) {
  const ng = after.eks ? own(after.eks.nodegroups, key) : undefined;
  const u = ng?.update ?? ng?.updates[ng.updates.length - 1] ?? null;
  return {
    update: {
      id: u?.id ?? '',
      status: u?.status ?? 'Successful',
      type,
      params,
      createdAt: isoTime(u?.startedAt ?? after.time),
      errors: u?.errors ?? [],
    },
  };
}

export const updateNodegroupConfig: AwsOperation = {
  service: 'eks',
  name: 'update-nodegroup-config',
  api: 'UpdateNodegroupConfig',
  summary:
    "Changes a node group's sizes, labels or update settings (sizes change without rolling the nodes).",
  flags: [
    clusterName,
    nodegroupName,
    {
      name: 'scaling-config',
      type: 'structure',
      placeholder: 'minSize=integer,maxSize=integer,desiredSize=integer',
      help: 'New sizes.',
    },
    {
      name: 'labels',
      type: 'structure',
      placeholder: 'addOrUpdateLabels={KeyName1=string},removeLabels=string,string',
      help: 'Kubernetes labels to add, change or remove.',
    },
    {
      name: 'update-config',
      type: 'structure',
      placeholder: 'maxUnavailable=integer',
      help: 'How many nodes an update may take down at once.',
    },
  ],
  examples: [
    'aws eks update-nodegroup-config --cluster-name demo --nodegroup-name ng-1 --scaling-config minSize=1,maxSize=6,desiredSize=4',
  ],
  run(args, env, globals) {
    const found = findNodegroup(
      env.world,
      args['cluster-name'] as string,
      args['nodegroup-name'] as string,
      this.api,
    );
    if (!found.ok) return output(found.out);
    const sizes = scaling(args['scaling-config']);
    if (!sizes.ok) return output(paramError(sizes.error));
    const labels = (args['labels'] ?? {}) as Record<string, unknown>;
    const add = stringMap(labels['addOrUpdateLabels'], 'labels');
    if (!add.ok) return output(paramError(add.error));
    const rawRemove = labels['removeLabels'];
    const remove = Array.isArray(rawRemove)
      ? rawRemove.map(String)
      : typeof rawRemove === 'string'
        ? rawRemove.split(',')
        : [];
    const update = args['update-config'] as Record<string, unknown> | undefined;
    const maxUnavailable =
      update?.['maxUnavailable'] === undefined ? undefined : Number(update['maxUnavailable']);
    if (
      sizes.min === undefined &&
      sizes.max === undefined &&
      sizes.desired === undefined &&
      args['labels'] === undefined &&
      maxUnavailable === undefined
    )
      return output(awsError(this.api, 'InvalidParameterException', 'No changes needed'));
    const action: Action = {
      type: 'eks.nodegroup.update-config',
      cluster: found.ng.cluster,
      name: found.ng.name,
      ...(sizes.min === undefined ? {} : { min: sizes.min }),
      ...(sizes.desired === undefined ? {} : { desired: sizes.desired }),
      ...(sizes.max === undefined ? {} : { max: sizes.max }),
      ...(labels['addOrUpdateLabels'] === undefined ? {} : { addLabels: add.value }),
      ...(remove.length === 0 ? {} : { removeLabels: remove }),
      ...(maxUnavailable === undefined ? {} : { maxUnavailable }),
    };
    const params: { type: string; value: string }[] = [];
    if (sizes.min !== undefined) params.push({ type: 'MinSize', value: String(sizes.min) });
    if (sizes.max !== undefined) params.push({ type: 'MaxSize', value: String(sizes.max) });
    if (sizes.desired !== undefined)
      params.push({ type: 'DesiredSize', value: String(sizes.desired) });
    if (labels['addOrUpdateLabels'] !== undefined)
      params.push({ type: 'LabelsToAdd', value: JSON.stringify(add.value) });
    if (remove.length > 0) params.push({ type: 'LabelsToRemove', value: JSON.stringify(remove) });
    if (maxUnavailable !== undefined)
      params.push({ type: 'MaxUnavailable', value: String(maxUnavailable) });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          updateJson(after, `${found.ng.cluster}/${found.ng.name}`, 'ConfigUpdate', params),
          globals,
          this.api,
        ),
    );
  },
};

export const updateNodegroupVersion: AwsOperation = {
  service: 'eks',
  name: 'update-nodegroup-version',
  api: 'UpdateNodegroupVersion',
  summary:
    'Rolls a node group to a new AMI release or Kubernetes version: new nodes first, then cordon, drain, terminate.',
  flags: [
    clusterName,
    nodegroupName,
    {
      name: 'kubernetes-version',
      type: 'string',
      help: "The Kubernetes version to update to (default: the cluster's).",
    },
    {
      name: 'release-version',
      type: 'string',
      help: 'The AMI release version (default: the latest for the version).',
    },
    {
      name: 'force',
      type: 'boolean',
      help: 'Replace nodes even when a PodDisruptionBudget blocks their drain.',
    },
  ],
  examples: ['aws eks update-nodegroup-version --cluster-name demo --nodegroup-name ng-1'],
  run(args, env, globals) {
    const found = findNodegroup(
      env.world,
      args['cluster-name'] as string,
      args['nodegroup-name'] as string,
      this.api,
    );
    if (!found.ok) return output(found.out);
    const bad = checkVersion(this.api, args['kubernetes-version']);
    if (bad) return output(bad);
    const action: Action = {
      type: 'eks.nodegroup.update-version',
      cluster: found.ng.cluster,
      name: found.ng.name,
      ...(args['kubernetes-version'] === undefined
        ? {}
        : { version: String(args['kubernetes-version']) as '1.31' }),
      ...(args['release-version'] === undefined
        ? {}
        : { releaseVersion: String(args['release-version']) }),
      ...(args['force'] === true ? { force: true } : {}),
    };
    const params: { type: string; value: string }[] = [];
    if (action.version) params.push({ type: 'Version', value: action.version });
    if (action.releaseVersion)
      params.push({ type: 'ReleaseVersion', value: action.releaseVersion });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          updateJson(after, `${found.ng.cluster}/${found.ng.name}`, 'VersionUpdate', params),
          globals,
          this.api,
        ),
    );
  },
};

export const deleteNodegroup: AwsOperation = {
  service: 'eks',
  name: 'delete-nodegroup',
  api: 'DeleteNodegroup',
  summary: 'Deletes a managed node group: its nodes are drained and terminated.',
  flags: [clusterName, nodegroupName],
  examples: ['aws eks delete-nodegroup --cluster-name demo --nodegroup-name ng-1'],
  run(args, env, globals) {
    const found = findNodegroup(
      env.world,
      args['cluster-name'] as string,
      args['nodegroup-name'] as string,
      this.api,
    );
    if (!found.ok) return output(found.out);
    const action: Action = {
      type: 'eks.nodegroup.delete',
      cluster: found.ng.cluster,
      name: found.ng.name,
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const ng = after.eks
          ? own(after.eks.nodegroups, `${action.cluster}/${action.name}`)
          : undefined;
        return awsOut(
          { nodegroup: nodegroupJson(ng ?? { ...found.ng, status: 'DELETING' }) },
          globals,
          this.api,
        );
      },
    );
  },
};
