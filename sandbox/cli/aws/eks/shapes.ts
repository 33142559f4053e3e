/**
 * `aws eks` output shapes (the EKS API's Cluster, Nodegroup, FargateProfile, AccessEntry),
 * from the world's EKS slice, and the parameter helpers the operations share.
 */
import { own } from '../../../model/record.ts';
import type { World } from '../../../model/types.ts';
import { SECURITY_GROUP_ID, VPC_ID, subnetIdFor } from '../../../model/vpc.ts';
import { KUBERNETES_VERSIONS } from '../../../services/eks/actions.ts';
import { fnv32a } from '../../../services/eks/names.ts';
import type {
  AccessEntry,
  EksCluster,
  FargateProfileRecord,
  Nodegroup,
} from '../../../services/eks/world.ts';
import { isoTime } from '../../format.ts';
import { parseShorthand } from '../../shorthand.ts';
import type { FlagSpec } from '../args.ts';
import type { CommandOutput } from '../../types.ts';
import { awsError } from '../operation.ts';

export const clusterName: FlagSpec = {
  name: 'cluster-name',
  type: 'string',
  required: true,
  help: 'The name of your cluster.',
};

export const nodegroupName: FlagSpec = {
  name: 'nodegroup-name',
  type: 'string',
  required: true,
  help: 'The name of the managed node group.',
};

/** The cluster by name, or the EKS API's ResourceNotFoundException. */
export function findCluster(
  world: World,
  name: string,
  api: string,
): { ok: true; cluster: EksCluster } | { ok: false; out: CommandOutput } {
  const cluster = world.eks ? own(world.eks.clusters, name) : undefined;
  if (!cluster)
    return {
      ok: false,
      out: awsError(api, 'ResourceNotFoundException', `No cluster found for name: ${name}.`),
    };
  return { ok: true, cluster };
}

export function findNodegroup(
  world: World,
  cluster: string,
  name: string,
  api: string,
): { ok: true; ng: Nodegroup } | { ok: false; out: CommandOutput } {
  const c = findCluster(world, cluster, api);
  if (!c.ok) return c;
  const ng = world.eks ? own(world.eks.nodegroups, `${cluster}/${name}`) : undefined;
  if (!ng)
    return {
      ok: false,
      out: awsError(api, 'ResourceNotFoundException', `No node group found for name: ${name}.`),
    };
  return { ok: true, ng };
}

/** Subnet ids → their AZs (one subnet per AZ in the sandbox's VPC), or the id no AZ has. */
export function azsOfSubnets(
  world: World,
  ids: string[],
): { ok: true; azs: string[] } | { ok: false; bad: string } {
  const azs: string[] = [];
  for (const id of ids) {
    const az = world.azs.find((a) => subnetIdFor(a) === id);
    if (!az) return { ok: false, bad: id };
    if (!azs.includes(az)) azs.push(az);
  }
  return { ok: true, azs };
}

export function badSubnet(api: string, id: string): CommandOutput {
  return awsError(
    api,
    'InvalidParameterException',
    `The subnet ID '${id}' does not exist (the sandbox's VPC has one subnet per AZ: aws ec2 describe-instances shows them)`,
  );
}

export function checkVersion(api: string, v: unknown): CommandOutput | null {
  if (v === undefined) return null;
  if ((KUBERNETES_VERSIONS as readonly string[]).includes(String(v))) return null;
  return awsError(api, 'InvalidParameterException', `unsupported Kubernetes version ${String(v)}`);
}

/** The id in `https://<ID>.gr7.<region>.eks.amazonaws.com`, the OIDC issuer's too. */
function endpointId(endpoint: string): string | null {
  const m = /^https:\/\/([0-9A-F]+)\./.exec(endpoint);
  return m ? (m[1] as string) : null;
}

export function clusterJson(world: World, c: EksCluster): Record<string, unknown> {
  const active = c.status === 'ACTIVE' || c.status === 'UPDATING';
  const id = endpointId(c.endpoint);
  return {
    name: c.name,
    arn: c.arn,
    createdAt: isoTime(c.createdAt),
    version: c.version,
    ...(active ? { endpoint: c.endpoint } : {}),
    roleArn: c.roleArn,
    resourcesVpcConfig: {
      subnetIds: c.azs.map(subnetIdFor),
      securityGroupIds: [],
      clusterSecurityGroupId: SECURITY_GROUP_ID,
      vpcId: VPC_ID,
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' },
    logging: {
      clusterLogging: [
        {
          types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
          enabled: false,
        },
      ],
    },
    ...(active && id
      ? {
          identity: { oidc: { issuer: `https://oidc.eks.${world.region}.amazonaws.com/id/${id}` } },
        }
      : {}),
    status: c.status,
    certificateAuthority: active ? { data: c.certificateAuthority } : {},
    platformVersion: c.platformVersion,
    tags: {},
    accessConfig: {
      bootstrapClusterCreatorAdminPermissions: true,
      authenticationMode: c.authenticationMode,
    },
    upgradePolicy: { supportType: c.supportType },
  };
}

const TAINT_EFFECT_API: Record<string, string> = {
  NoSchedule: 'NO_SCHEDULE',
  PreferNoSchedule: 'PREFER_NO_SCHEDULE',
  NoExecute: 'NO_EXECUTE',
};

export function nodegroupJson(ng: Nodegroup): Record<string, unknown> {
  return {
    nodegroupName: ng.name,
    nodegroupArn: ng.arn,
    clusterName: ng.cluster,
    version: ng.version,
    releaseVersion: ng.releaseVersion,
    createdAt: isoTime(ng.createdAt),
    modifiedAt: isoTime(Math.max(ng.createdAt, ng.update?.startedAt ?? ng.createdAt)),
    status: ng.status,
    capacityType: ng.capacityType,
    scalingConfig: { minSize: ng.minSize, maxSize: ng.maxSize, desiredSize: ng.desiredSize },
    instanceTypes: ng.instanceTypes,
    subnets: ng.azs.map(subnetIdFor),
    amiType: ng.amiType,
    nodeRole: ng.nodeRole,
    labels: ng.labels,
    ...(ng.taints.length > 0
      ? {
          taints: ng.taints.map((t) => ({
            key: t.key,
            ...(t.value === '' ? {} : { value: t.value }),
            effect: TAINT_EFFECT_API[t.effect] ?? t.effect,
          })),
        }
      : {}),
    ...(ng.status === 'CREATING' ? {} : { resources: { autoScalingGroups: [{ name: ng.asg }] } }),
    health: { issues: ng.health },
    updateConfig: { maxUnavailable: ng.maxUnavailable },
    tags: {},
  };
}

export function fargateJson(p: FargateProfileRecord, world: World): Record<string, unknown> {
  return {
    fargateProfileName: p.name,
    fargateProfileArn: p.arn,
    clusterName: p.cluster,
    createdAt: isoTime(p.createdAt),
    podExecutionRoleArn: p.podExecutionRoleArn,
    subnets: world.azs.map(subnetIdFor),
    selectors: p.selectors.map((s) =>
      Object.keys(s.labels).length > 0
        ? { namespace: s.namespace, labels: s.labels }
        : { namespace: s.namespace },
    ),
    status: p.status,
    tags: {},
  };
}

export function accessEntryJson(
  world: World,
  cluster: EksCluster,
  e: AccessEntry,
): Record<string, unknown> {
  const principal = e.principalArn.slice(e.principalArn.lastIndexOf('/') + 1);
  const kind = e.principalArn.includes(':user/') ? 'user' : 'role';
  return {
    clusterName: cluster.name,
    principalArn: e.principalArn,
    kubernetesGroups: e.kubernetesGroups,
    accessEntryArn: `arn:aws:eks:${world.region}:${world.accountId}:access-entry/${cluster.name}/${kind}/${world.accountId}/${principal}/${fnv32a(e.principalArn).toString(16).padStart(8, '0')}`,
    createdAt: isoTime(e.createdAt),
    modifiedAt: isoTime(e.createdAt),
    tags: {},
    username: e.username,
    type: e.type,
  };
}

/** A shorthand map value (`k=v,k2=v2` parsed as a structure) as string labels, or why not. */
export function stringMap(
  v: unknown,
  param: string,
): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  if (v === undefined) return { ok: true, value: {} };
  // A nested shorthand map (`labels={k=v,k2=v2}`) arrives as its text.
  if (typeof v === 'string' && v.startsWith('{') && v.endsWith('}')) {
    const inner = v.slice(1, -1).trim();
    if (inner === '') return { ok: true, value: {} };
    const parsed = parseShorthand(inner);
    if (!parsed.ok)
      return { ok: false, error: `Error parsing parameter '--${param}': ${parsed.error}` };
    return stringMap(parsed.value, param);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return {
      ok: false,
      error: `Error parsing parameter '--${param}': expected a map (key=value,...)`,
    };
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val === 'object' && val !== null && !Array.isArray(val))
      return { ok: false, error: `Error parsing parameter '--${param}': ${k} must be a string` };
    // `k=a,b` in shorthand reads as a list: a label value cannot hold a comma anyway.
    out[k] = Array.isArray(val) ? val.join(',') : String(val);
  }
  return { ok: true, value: out };
}
