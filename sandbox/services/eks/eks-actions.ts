/**
 * The Amazon EKS API side: clusters, kubeconfig, access entries, managed node groups,
 * Fargate profiles, the Cluster Autoscaler, self-managed nodes and the kubeadm contrast.
 * Refusals use the AWS CLI's wording (`An error occurred (…) when calling the … operation: …`).
 */
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import type { EngineContext } from '../../engine/module.ts';
import { randomHex } from '../../engine/rng.ts';
import { findInstance } from '../../engine/world-ops.ts';
import { DEFAULT_KUBERNETES_VERSION } from './actions.ts';
import { CLUSTER_CREATE_SECONDS } from './cluster-machine.ts';
import { eksControlPlane, kubeadmControlPlane } from './control-plane.ts';
import { MAX_PODS } from './node-capacity.ts';
import { sizeProblem, taintEffectFromApi } from './nodegroups.ts';
import {
  DEFAULT_NODEGROUP_ROLE,
  DEFAULT_SELF_MANAGED_ROLE,
  launchNodeInstance,
  nodeByInstance,
  scheduleJoin,
} from './nodes.ts';
import { clusterArn, eksOf, kubeOf } from './state.ts';
import { emptyKubeState, type EksCluster, type Nodegroup } from './world.ts';
import { SYSTEM_NAMESPACES, kubernetesService } from './k8s-system.ts';

type Handler<T extends ActionType> = (ctx: EngineContext, action: ActionOf<T>) => ActionResult;

export const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });
const awsError = (code: string, operation: string, message: string) =>
  `An error occurred (${code}) when calling the ${operation} operation: ${message}`;
const ok = (message: string): ActionResult => ({ ok: true, message, command: '' });

export const KUBECONFIG_PATH = '/home/cloudshell-user/.kube/config';
export const DEFAULT_CLUSTER_ROLE = 'arn:aws:iam::123456789012:role/eksClusterRole';
export const FARGATE_POD_ROLE = 'arn:aws:iam::123456789012:role/AmazonEKSFargatePodExecutionRole';

function findCluster(world: World, name: string, operation: string) {
  const cluster = own(eksOf(world).clusters, name);
  return cluster
    ? { cluster }
    : {
        error: fail(
          'cluster',
          awsError('ResourceNotFoundException', operation, `No cluster found for name: ${name}.`),
        ),
      };
}

function requireActive(cluster: EksCluster, operation: string): ActionResult | null {
  return cluster.status === 'ACTIVE'
    ? null
    : fail(
        'cluster',
        awsError(
          'InvalidRequestException',
          operation,
          `Cluster '${cluster.name}' is not in ACTIVE status`,
        ),
      );
}

/** A new cluster's record (CREATING), and its Kubernetes API with the system namespaces. */
export function newCluster(
  ctx: EngineContext,
  spec: {
    name: string;
    kind: 'eks' | 'kubeadm';
    version: string;
    supportType: 'STANDARD' | 'EXTENDED';
    authenticationMode: EksCluster['authenticationMode'];
    roleArn: string;
    azs: string[];
    instanceId: string | null;
    instanceAz?: string;
    active: boolean;
  },
): EksCluster {
  const world = ctx.world;
  const eks = eksOf(world);
  const id = randomHex(world, 32).toUpperCase();
  const endpoint =
    spec.kind === 'eks'
      ? `https://${id}.gr7.${world.region}.eks.amazonaws.com`
      : `https://10.0.${world.azs.indexOf(spec.instanceAz ?? world.azs[0]!) * 16}.10:6443`;
  const cluster: EksCluster = {
    name: spec.name,
    arn: clusterArn(world, spec.name),
    kind: spec.kind,
    status: spec.active ? 'ACTIVE' : 'CREATING',
    version: spec.version,
    platformVersion: spec.kind === 'eks' ? 'eks.1' : 'kubeadm',
    supportType: spec.supportType,
    authenticationMode: spec.authenticationMode,
    roleArn: spec.roleArn,
    azs: spec.azs,
    createdAt: world.time,
    nextTransitionAt: spec.active ? null : world.time + CLUSTER_CREATE_SECONDS,
    endpoint,
    certificateAuthority: `LS0tLS1CRUdJTi${randomHex(world, 24)}`,
    controlPlane:
      spec.kind === 'eks'
        ? eksControlPlane(spec.azs, endpoint)
        : kubeadmControlPlane(spec.instanceAz ?? world.azs[0]!, endpoint.slice(8, -5)),
    instanceId: spec.instanceId,
    accessEntries: {},
    clusterAutoscaler: null,
    addons: spec.kind === 'eks' ? ['vpc-cni', 'kube-proxy', 'coredns'] : [],
    membersLost: 0,
    downSince: null,
    downSeconds: 0,
    activeAt: spec.active ? world.time : null,
    apiAvailable: spec.active,
  };
  eks.clusters[spec.name] = cluster;
  const kube = emptyKubeState();
  for (const ns of SYSTEM_NAMESPACES)
    kube.namespaces[ns] = {
      object: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns,
          namespace: '',
          labels: { 'kubernetes.io/metadata.name': ns },
          annotations: {},
        },
      },
      createdAt: world.time,
    };
  kube.services['default/kubernetes'] = kubernetesService(world.time);
  eks.kube[spec.name] = kube;
  return cluster;
}

export const createCluster: Handler<'eks.cluster.create'> = (ctx, a) => {
  const world = ctx.world;
  if (own(eksOf(world).clusters, a.name))
    return fail(
      'name',
      awsError(
        'ResourceInUseException',
        'CreateCluster',
        `Cluster already exists with name: ${a.name}`,
      ),
    );
  const azs = a.azs ?? world.azs;
  const bad = azs.find((az) => !world.azs.includes(az));
  if (bad)
    return fail(
      'azs',
      awsError(
        'InvalidParameterException',
        'CreateCluster',
        `Subnets specified must be in at least two different AZs; ${bad} is not an Availability Zone of ${world.region}`,
      ),
    );
  newCluster(ctx, {
    name: a.name,
    kind: 'eks',
    version: a.version ?? DEFAULT_KUBERNETES_VERSION,
    supportType: a.supportType ?? 'STANDARD',
    authenticationMode: a.authenticationMode ?? 'API_AND_CONFIG_MAP',
    roleArn: a.roleArn ?? DEFAULT_CLUSTER_ROLE,
    azs: [...azs],
    instanceId: null,
    active: false,
  });
  return ok(
    `Creating EKS cluster ${a.name} (Kubernetes ${a.version ?? DEFAULT_KUBERNETES_VERSION}): status CREATING.`,
  );
};

export const deleteCluster: Handler<'eks.cluster.delete'> = (ctx, a) => {
  const found = findCluster(ctx.world, a.name, 'DeleteCluster');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  const eks = eksOf(ctx.world);
  for (const k in eks.nodegroups)
    if (eks.nodegroups[k]!.cluster === a.name)
      return fail(
        'name',
        awsError('ResourceInUseException', 'DeleteCluster', `Cluster has nodegroups attached`),
      );
  if (cluster.status === 'DELETING')
    return fail(
      'name',
      awsError(
        'ResourceInUseException',
        'DeleteCluster',
        `Cluster ${a.name} is already being deleted`,
      ),
    );
  cluster.status = 'DELETING';
  cluster.nextTransitionAt = ctx.world.time + 240;
  return ok(`Deleting EKS cluster ${a.name}: status DELETING.`);
};

export const updateKubeconfig: Handler<'eks.kubeconfig.update'> = (ctx, a) => {
  const found = findCluster(ctx.world, a.cluster, 'DescribeCluster');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING')
    return fail('cluster', `Cluster status is ${cluster.status}`);
  const eks = eksOf(ctx.world);
  const context = a.alias ?? cluster.arn;
  const existed = Object.hasOwn(eks.kubeconfig.contexts, context);
  eks.kubeconfig.contexts[context] = { cluster: cluster.name, server: cluster.endpoint };
  eks.kubeconfig.currentContext = context;
  return ok(
    `${existed ? 'Updated context' : 'Added new context'} ${context} to ${KUBECONFIG_PATH}`,
  );
};

export const useContext: Handler<'eks.kubeconfig.use-context'> = (ctx, a) => {
  const eks = eksOf(ctx.world);
  if (!Object.hasOwn(eks.kubeconfig.contexts, a.context))
    return fail('context', `error: no context exists with the name: "${a.context}"`);
  eks.kubeconfig.currentContext = a.context;
  return ok(`Switched to context "${a.context}".`);
};

export const createAccessEntry: Handler<'eks.access-entry.create'> = (ctx, a) => {
  const found = findCluster(ctx.world, a.cluster, 'CreateAccessEntry');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  if (cluster.authenticationMode === 'CONFIG_MAP')
    return fail(
      'cluster',
      awsError(
        'InvalidRequestException',
        'CreateAccessEntry',
        `The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.`,
      ),
    );
  if (Object.hasOwn(cluster.accessEntries, a.principalArn))
    return fail(
      'principalArn',
      awsError(
        'ResourceInUseException',
        'CreateAccessEntry',
        `The specified access entry resource is already in use on this cluster.`,
      ),
    );
  const type = a.accessEntryType ?? 'STANDARD';
  if (type !== 'STANDARD' && (a.kubernetesGroups?.length ?? 0) > 0)
    return fail(
      'kubernetesGroups',
      awsError(
        'InvalidParameterException',
        'CreateAccessEntry',
        `Kubernetes groups cannot be specified for access entries of type ${type}.`,
      ),
    );
  cluster.accessEntries[a.principalArn] = {
    principalArn: a.principalArn,
    type,
    kubernetesGroups: a.kubernetesGroups ?? [],
    username:
      a.username ?? (type === 'EC2_LINUX' ? 'system:node:{{EC2PrivateDNSName}}' : a.principalArn),
    createdAt: ctx.world.time,
    policies: [],
  };
  return ok(`Access entry ${a.principalArn} (${type}) created in cluster ${a.cluster}.`);
};

export const associatePolicy: Handler<'eks.access-policy.associate'> = (ctx, a) => {
  const found = findCluster(ctx.world, a.cluster, 'AssociateAccessPolicy');
  if (!found.cluster) return found.error!;
  const entry = own(found.cluster.accessEntries, a.principalArn);
  if (!entry)
    return fail(
      'principalArn',
      awsError(
        'ResourceNotFoundException',
        'AssociateAccessPolicy',
        `The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.`,
      ),
    );
  entry.policies.push({ policyArn: a.policyArn, scope: a.scope, namespaces: a.namespaces ?? [] });
  return ok(`Associated ${a.policyArn} with ${a.principalArn} (${a.scope} scope).`);
};

export const nodegroupKey = (cluster: string, name: string) => `${cluster}/${name}`;

/** The managed node group's Auto Scaling group, as EKS names it (`eks-<nodegroup>-<uuid>`). */
function asgName(ctx: EngineContext, nodegroup: string): string {
  const h = randomHex(ctx.world, 32);
  return `eks-${nodegroup}-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function newNodegroup(
  ctx: EngineContext,
  cluster: EksCluster,
  a: Omit<ActionOf<'eks.nodegroup.create'>, 'type'>,
  options: { active: boolean },
): Nodegroup {
  const world = ctx.world;
  const eks = eksOf(world);
  const asg = asgName(ctx, a.name);
  const azs = a.azs ?? cluster.azs;
  const ng: Nodegroup = {
    cluster: cluster.name,
    name: a.name,
    arn: `arn:aws:eks:${world.region}:${world.accountId}:nodegroup/${cluster.name}/${a.name}/${asg.slice(5 + a.name.length)}`,
    status: options.active ? 'ACTIVE' : 'CREATING',
    instanceTypes: [...a.instanceTypes],
    capacityType: a.capacityType ?? 'ON_DEMAND',
    amiType: a.amiType ?? 'AL2023_x86_64_STANDARD',
    releaseVersion: `${cluster.version}.0-20251120`,
    version: cluster.version,
    minSize: a.min,
    desiredSize: a.desired,
    maxSize: a.max,
    labels: { ...(a.labels ?? {}) },
    taints: (a.taints ?? []).map((t) => ({
      key: t.key,
      value: t.value ?? '',
      effect: taintEffectFromApi(t.effect)!,
      timeAdded: null,
    })),
    azs: [...azs],
    nodeRole: a.nodeRole ?? DEFAULT_NODEGROUP_ROLE,
    asg,
    maxUnavailable: a.maxUnavailable ?? 1,
    createdAt: world.time,
    health: [],
    update: null,
    updates: [],
  };
  eks.nodegroups[nodegroupKey(cluster.name, a.name)] = ng;
  // EKS creates the node role's access entry itself.
  if (!Object.hasOwn(cluster.accessEntries, ng.nodeRole))
    cluster.accessEntries[ng.nodeRole] = {
      principalArn: ng.nodeRole,
      type: 'EC2_LINUX',
      kubernetesGroups: [],
      username: 'system:node:{{EC2PrivateDNSName}}',
      createdAt: world.time,
      policies: [],
    };
  world.ec2.autoScalingGroups[asg] = {
    name: asg,
    instanceType: a.instanceTypes[0]!,
    software: 'eks',
    minSize: a.min,
    desiredCapacity: a.desired,
    maxSize: a.max,
    azs: [...azs],
  };
  return ng;
}

export const createNodegroup: Handler<'eks.nodegroup.create'> = (ctx, a) => {
  const world = ctx.world;
  const found = findCluster(world, a.cluster, 'CreateNodegroup');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  if (cluster.kind !== 'eks')
    return fail(
      'cluster',
      awsError(
        'ResourceNotFoundException',
        'CreateNodegroup',
        `No cluster found for name: ${a.cluster}.`,
      ),
    );
  const inactive = requireActive(cluster, 'CreateNodegroup');
  if (inactive) return inactive;
  if (own(eksOf(world).nodegroups, nodegroupKey(a.cluster, a.name)))
    return fail(
      'name',
      awsError(
        'ResourceInUseException',
        'CreateNodegroup',
        `NodeGroup already exists with name ${a.name} and cluster name ${a.cluster}`,
      ),
    );
  const size = sizeProblem(a.min, a.desired, a.max);
  if (size) return fail('desired', awsError('InvalidParameterException', 'CreateNodegroup', size));
  for (const t of a.instanceTypes)
    if (!own(INSTANCE_TYPES, t) || !own(MAX_PODS, t))
      return fail(
        'instanceTypes',
        awsError(
          'InvalidParameterException',
          'CreateNodegroup',
          `Instance type ${t} is not supported in the sandbox (use one of ${Object.keys(MAX_PODS).join(', ')})`,
        ),
      );
  const badAz = (a.azs ?? []).find((az) => !cluster.azs.includes(az));
  if (badAz)
    return fail(
      'azs',
      awsError(
        'InvalidParameterException',
        'CreateNodegroup',
        `Subnet in ${badAz} is not part of the cluster's VPC subnets`,
      ),
    );
  const ng = newNodegroup(ctx, cluster, a, { active: false });
  return ok(
    `Creating node group ${a.name} in ${a.cluster}: ${a.desired} × ${a.instanceTypes[0]} (min ${a.min}, max ${a.max}), status CREATING; Auto Scaling group ${ng.asg}.`,
  );
};

function findNodegroup(world: World, cluster: string, name: string, operation: string) {
  const ng = own(eksOf(world).nodegroups, nodegroupKey(cluster, name));
  return ng
    ? { ng }
    : {
        error: fail(
          'name',
          awsError(
            'ResourceNotFoundException',
            operation,
            `No node group found for name: ${name}.`,
          ),
        ),
      };
}

export const updateNodegroupConfig: Handler<'eks.nodegroup.update-config'> = (ctx, a) => {
  const world = ctx.world;
  const found = findNodegroup(world, a.cluster, a.name, 'UpdateNodegroupConfig');
  if (!found.ng) return found.error!;
  const ng = found.ng;
  if (ng.status !== 'ACTIVE' && ng.status !== 'DEGRADED')
    return fail(
      'name',
      awsError(
        'ResourceInUseException',
        'UpdateNodegroupConfig',
        `Nodegroup ${a.name} is currently in ${ng.status} state`,
      ),
    );
  const min = a.min ?? ng.minSize;
  const max = a.max ?? ng.maxSize;
  const desired = a.desired ?? ng.desiredSize;
  const size = sizeProblem(min, desired, max);
  if (size)
    return fail('desired', awsError('InvalidParameterException', 'UpdateNodegroupConfig', size));
  ng.minSize = min;
  ng.maxSize = max;
  ng.desiredSize = desired;
  for (const [k, v] of Object.entries(a.addLabels ?? {})) ng.labels[k] = v;
  for (const k of a.removeLabels ?? []) delete ng.labels[k];
  if (a.maxUnavailable !== undefined) ng.maxUnavailable = a.maxUnavailable;
  const asg = own(world.ec2.autoScalingGroups, ng.asg);
  if (asg) {
    asg.minSize = min;
    asg.maxSize = max;
    asg.desiredCapacity = desired;
  }
  // Label changes reach the existing nodes too.
  if (a.addLabels || a.removeLabels) {
    const kube = kubeOf(world, ng.cluster);
    for (const n in kube.nodes) {
      const node = kube.nodes[n]!;
      if (node.nodegroup !== ng.name) continue;
      for (const [k, v] of Object.entries(a.addLabels ?? {})) node.labels[k] = v;
      for (const k of a.removeLabels ?? []) delete node.labels[k];
    }
    eksOf(world).schedulerDirty = true;
  }
  return ok(`Node group ${a.name}: min ${min}, desired ${desired}, max ${max}.`);
};

export const updateNodegroupVersion: Handler<'eks.nodegroup.update-version'> = (ctx, a) => {
  const world = ctx.world;
  const found = findNodegroup(world, a.cluster, a.name, 'UpdateNodegroupVersion');
  if (!found.ng) return found.error!;
  const ng = found.ng;
  if (ng.status !== 'ACTIVE')
    return fail(
      'name',
      awsError(
        'ResourceInUseException',
        'UpdateNodegroupVersion',
        `Nodegroup ${a.name} is currently in ${ng.status} state`,
      ),
    );
  const kube = kubeOf(world, ng.cluster);
  const old = Object.values(kube.nodes)
    .filter((n) => n.nodegroup === ng.name)
    .map((n) => n.name)
    .sort();
  const surge = Math.max(2 * ng.azs.length, ng.maxUnavailable);
  const id = `${randomHex(world, 8)}-${randomHex(world, 4)}-${randomHex(world, 4)}-${randomHex(world, 4)}-${randomHex(world, 12)}`;
  ng.status = 'UPDATING';
  if (a.version) ng.version = a.version;
  ng.releaseVersion = a.releaseVersion ?? `${ng.version}.0-20251201`;
  ng.update = {
    id,
    type: 'VersionUpdate',
    status: 'InProgress',
    startedAt: world.time,
    phase: 'scale-up',
    originalDesired: ng.desiredSize,
    originalMax: ng.maxSize,
    surge,
    oldNodes: old,
    draining: [],
    errors: [],
  };
  ng.maxSize += surge;
  ng.desiredSize += surge;
  const asg = own(world.ec2.autoScalingGroups, ng.asg);
  if (asg) {
    asg.maxSize = ng.maxSize;
    asg.desiredCapacity = ng.desiredSize;
  }
  return ok(
    `Update ${id} (VersionUpdate) of node group ${a.name}: InProgress; scaling up by ${surge} new nodes before draining ${old.length} old ones.`,
  );
};

export const deleteNodegroup: Handler<'eks.nodegroup.delete'> = (ctx, a) => {
  const world = ctx.world;
  const found = findNodegroup(world, a.cluster, a.name, 'DeleteNodegroup');
  if (!found.ng) return found.error!;
  const ng = found.ng;
  ng.status = 'DELETING';
  const asg = own(world.ec2.autoScalingGroups, ng.asg);
  if (asg) {
    asg.minSize = 0;
    asg.desiredCapacity = 0;
  }
  return ok(`Deleting node group ${a.name}: status DELETING.`);
};

export const fargateKey = nodegroupKey;

export const createFargateProfile: Handler<'eks.fargate-profile.create'> = (ctx, a) => {
  const world = ctx.world;
  const found = findCluster(world, a.cluster, 'CreateFargateProfile');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  if (cluster.kind !== 'eks')
    return fail(
      'cluster',
      awsError(
        'ResourceNotFoundException',
        'CreateFargateProfile',
        `No cluster found for name: ${a.cluster}.`,
      ),
    );
  const inactive = requireActive(cluster, 'CreateFargateProfile');
  if (inactive) return inactive;
  const eks = eksOf(world);
  if (own(eks.fargateProfiles, fargateKey(a.cluster, a.name)))
    return fail(
      'name',
      awsError(
        'ResourceInUseException',
        'CreateFargateProfile',
        `A Fargate Profile already exists with this name in this cluster.`,
      ),
    );
  for (const k in eks.fargateProfiles)
    if (
      eks.fargateProfiles[k]!.cluster === a.cluster &&
      eks.fargateProfiles[k]!.status === 'CREATING'
    )
      return fail(
        'name',
        awsError(
          'ResourceLimitExceededException',
          'CreateFargateProfile',
          `Cannot create Fargate Profile ${a.name} because cluster ${a.cluster} currently has Fargate profile ${eks.fargateProfiles[k]!.name} in status CREATING`,
        ),
      );
  const role = a.podExecutionRoleArn ?? FARGATE_POD_ROLE;
  eks.fargateProfiles[fargateKey(a.cluster, a.name)] = {
    cluster: a.cluster,
    name: a.name,
    arn: `arn:aws:eks:${world.region}:${world.accountId}:fargateprofile/${a.cluster}/${a.name}/${randomHex(world, 8)}-${randomHex(world, 4)}-${randomHex(world, 4)}-${randomHex(world, 4)}-${randomHex(world, 12)}`,
    status: 'CREATING',
    podExecutionRoleArn: role,
    selectors: a.selectors.map((s) => ({
      namespace: s.namespace,
      labels: { ...(s.labels ?? {}) },
    })),
    createdAt: world.time,
    nextTransitionAt: world.time + FARGATE_PROFILE_CREATE_SECONDS,
  };
  if (!Object.hasOwn(cluster.accessEntries, role))
    cluster.accessEntries[role] = {
      principalArn: role,
      type: 'FARGATE_LINUX',
      kubernetesGroups: [],
      username: 'system:node:{{SessionName}}',
      createdAt: world.time,
      policies: [],
    };
  return ok(
    `Creating Fargate profile ${a.name} in ${a.cluster} (selectors: ${a.selectors
      .map(
        (s) =>
          s.namespace +
          (s.labels && Object.keys(s.labels).length
            ? ` with ${Object.entries(s.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(',')}`
            : ''),
      )
      .join('; ')}): status CREATING.`,
  );
};

/** A Fargate profile becomes ACTIVE after this long (approx: "a few minutes" in practice). */
export const FARGATE_PROFILE_CREATE_SECONDS = 120;

export const deleteFargateProfile: Handler<'eks.fargate-profile.delete'> = (ctx, a) => {
  const eks = eksOf(ctx.world);
  const p = own(eks.fargateProfiles, fargateKey(a.cluster, a.name));
  if (!p)
    return fail(
      'name',
      awsError(
        'ResourceNotFoundException',
        'DeleteFargateProfile',
        `No Fargate Profile found with name: ${a.name}.`,
      ),
    );
  p.status = 'DELETING';
  p.nextTransitionAt = ctx.world.time + 60;
  return ok(`Deleting Fargate profile ${a.name}: its pods stop and go back to Pending.`);
};

export const enableClusterAutoscaler: Handler<'eks.cluster-autoscaler.enable'> = (ctx, a) => {
  const found = findCluster(ctx.world, a.cluster, 'DescribeCluster');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  if (cluster.status !== 'ACTIVE')
    return fail(
      'cluster',
      `Error: INSTALLATION FAILED: Kubernetes cluster unreachable: cluster ${a.cluster} is ${cluster.status}`,
    );
  if (cluster.clusterAutoscaler)
    return fail('cluster', 'Error: INSTALLATION FAILED: cannot re-use a name that is still in use');
  cluster.clusterAutoscaler = {
    installedAt: ctx.world.time,
    expander: a.expander ?? 'random',
    scaleDownUtilizationThreshold: a.scaleDownUtilizationThreshold ?? 0.5,
    scaleDownUnneededSeconds: a.scaleDownUnneededSeconds ?? 600,
    lastScanAt: ctx.world.time,
    lastScaleUpAt: null,
    unneededSince: {},
  };
  return ok(
    `Cluster Autoscaler installed in kube-system of ${a.cluster} (auto-discovery of node groups tagged k8s.io/cluster-autoscaler/${a.cluster}).`,
  );
};

export const createAddon: Handler<'eks.addon.create'> = (ctx, a) => {
  const found = findCluster(ctx.world, a.cluster, 'CreateAddon');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  const inactive = requireActive(cluster, 'CreateAddon');
  if (inactive) return inactive;
  if (cluster.addons.includes(a.addonName))
    return fail(
      'addonName',
      awsError('ResourceInUseException', 'CreateAddon', `Addon already exists.`),
    );
  cluster.addons.push(a.addonName);
  return ok(`Add-on ${a.addonName} installed in ${a.cluster}.`);
};

export const launchNodes: Handler<'eks.node.launch'> = (ctx, a) => {
  const world = ctx.world;
  if (!own(INSTANCE_TYPES, a.instanceType) || !own(MAX_PODS, a.instanceType))
    return fail(
      'instanceType',
      awsError(
        'InvalidParameterValue',
        'RunInstances',
        `Invalid value '${a.instanceType}' for InstanceType (the sandbox runs EKS nodes on ${Object.keys(MAX_PODS).join(', ')})`,
      ),
    );
  if (!world.azs.includes(a.az))
    return fail(
      'az',
      awsError('InvalidParameterValue', 'RunInstances', `Invalid availability zone: [${a.az}]`),
    );
  if (a.cluster !== undefined && !own(eksOf(world).clusters, a.cluster))
    return fail(
      'cluster',
      `No cluster ${a.cluster} to put in the node's NodeConfig (create it first).`,
    );
  const count = a.count ?? 1;
  const launched: string[] = [];
  for (let k = 0; k < count; k++) {
    const name = a.name ? (count > 1 ? `${a.name}-${k + 1}` : a.name) : null;
    const instance = launchNodeInstance(ctx, {
      type: a.instanceType,
      az: a.az,
      name,
      asg: null,
      running: false,
    });
    eksOf(world).instanceRoles[instance.id] = a.nodeRole ?? DEFAULT_SELF_MANAGED_ROLE;
    if (a.cluster !== undefined) eksOf(world).bootstrapped[instance.id] = a.cluster;
    launched.push(instance.id);
  }
  return ok(
    `Launching ${launched.join(', ')} (${a.instanceType}, ${a.az}) from the EKS-optimized AMI${a.cluster ? `, with a NodeConfig for ${a.cluster}` : ' (no NodeConfig: the kubelet does not join any cluster)'}.`,
  );
};

export const bootstrapNode: Handler<'eks.node.bootstrap'> = (ctx, a) => {
  const world = ctx.world;
  const instance = findInstance(world, a.instanceId);
  if (!instance)
    return fail(
      'instanceId',
      awsError(
        'InvalidInstanceID.NotFound',
        'SendCommand',
        `The instance ID '${a.instanceId}' does not exist`,
      ),
    );
  if (instance.bootstrap !== 'eks')
    return fail(
      'instanceId',
      `nodeadm: command not found (${instance.id} was not launched from the EKS-optimized AMI)`,
    );
  if (instance.state !== 'running')
    return fail(
      'instanceId',
      `${instance.id} is ${instance.state}; nodeadm runs on a running instance.`,
    );
  const found = findCluster(world, a.cluster, 'DescribeCluster');
  if (!found.cluster) return found.error!;
  const cluster = found.cluster;
  const eks = eksOf(world);
  if (nodeByInstance(world, cluster.name, instance.id))
    return fail('instanceId', `${instance.id} is already a node of ${cluster.name}.`);
  eks.bootstrapped[instance.id] = cluster.name;
  if (!Object.hasOwn(eks.instanceRoles, instance.id))
    eks.instanceRoles[instance.id] = DEFAULT_SELF_MANAGED_ROLE;
  scheduleJoin(ctx, instance, cluster.name, null);
  return ok(
    `nodeadm init on ${instance.id}: kubelet configured for ${cluster.name} (${cluster.endpoint}) and started.`,
  );
};

export const kubeadmInit: Handler<'eks.kubeadm.init'> = (ctx, a) => {
  const world = ctx.world;
  const instance = findInstance(world, a.instanceId);
  if (!instance)
    return fail(
      'instanceId',
      awsError(
        'InvalidInstanceID.NotFound',
        'SendCommand',
        `The instance ID '${a.instanceId}' does not exist`,
      ),
    );
  if (instance.state !== 'running')
    return fail(
      'instanceId',
      `${instance.id} is ${instance.state}; kubeadm runs on a running instance.`,
    );
  if (own(eksOf(world).clusters, a.name))
    return fail('name', `A cluster named ${a.name} already exists in the sandbox.`);
  newCluster(ctx, {
    name: a.name,
    kind: 'kubeadm',
    version: DEFAULT_KUBERNETES_VERSION,
    supportType: 'STANDARD',
    authenticationMode: 'CONFIG_MAP',
    roleArn: '',
    azs: [instance.az],
    instanceId: instance.id,
    instanceAz: instance.az,
    active: true,
  });
  const cluster = own(eksOf(world).clusters, a.name)!;
  eksOf(world).kubeconfig.contexts[`kubernetes-admin@${a.name}`] = {
    cluster: a.name,
    server: cluster.endpoint,
  };
  eksOf(world).kubeconfig.currentContext = `kubernetes-admin@${a.name}`;
  return ok(
    `Your Kubernetes control-plane has initialized successfully! (${a.name} on ${instance.id} in ${instance.az}: one API server, one etcd member)`,
  );
};
