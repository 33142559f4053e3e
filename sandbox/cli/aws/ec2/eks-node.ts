/**
 * `aws ec2 run-instances` from the EKS-optimized AMI (`resolve:ssm:/aws/service/eks/optimized-ami/
 * <version>/…`): a self-managed Kubernetes node, `eks.node.launch`. Its user data may carry a
 * nodeadm NodeConfig (inline, or `file://<name>` from the editor) naming the cluster to join;
 * the sandbox's own recorded commands name that file `nodeconfig-<cluster>.yaml`.
 */
import { parse } from 'yaml';
import type { Action } from '../../../model/actions.ts';
import { own } from '../../../model/record.ts';
import type { World } from '../../../model/types.ts';

const EKS_AMI = /^resolve:ssm:\/aws\/service\/eks\/optimized-ami\/(\d+\.\d+)\//;

export function eksAmiVersion(imageId: string): string | null {
  return EKS_AMI.exec(imageId)?.[1] ?? null;
}

/** The cluster a NodeConfig names (`spec.cluster.name`), or null. */
function nodeConfigCluster(text: string): string | null {
  try {
    const docs = text.split(/^---\s*$/m);
    for (const doc of docs) {
      const v = parse(doc, { maxAliasCount: 10 }) as unknown;
      const spec = (v as { spec?: { cluster?: { name?: unknown } } } | null)?.spec;
      if (typeof spec?.cluster?.name === 'string') return spec.cluster.name;
    }
  } catch {
    // Not YAML (a shell script, say): no NodeConfig.
  }
  return null;
}

export function eksNodeAction(
  world: World,
  files: Readonly<Record<string, string>>,
  args: {
    version: string;
    instanceType: string;
    az: string;
    count?: number;
    name?: string;
    profile?: unknown;
    userData?: string;
  },
): { ok: true; action: Action } | { ok: false; error: string } {
  let cluster: string | undefined;
  if (args.userData !== undefined) {
    const file = /^file:\/\/(.+)$/.exec(args.userData)?.[1];
    const text = file === undefined ? args.userData : own(files, file);
    if (text !== undefined) cluster = nodeConfigCluster(text) ?? undefined;
    else {
      const named = /^nodeconfig-(.+)\.yaml$/.exec(file ?? '');
      if (!named)
        return {
          ok: false,
          error: `Error parsing parameter '--user-data': Unable to load paramfile ${args.userData}: [Errno 2] No such file or directory: '${file}'`,
        };
      cluster = named[1];
    }
  }
  const profile = args.profile as Record<string, unknown> | undefined;
  const roleName = typeof profile?.['Name'] === 'string' ? profile['Name'] : undefined;
  return {
    ok: true,
    action: {
      type: 'eks.node.launch',
      instanceType: args.instanceType,
      az: args.az,
      version: args.version as '1.31',
      ...(args.count !== undefined ? { count: args.count } : {}),
      ...(args.name !== undefined ? { name: args.name } : {}),
      ...(roleName !== undefined
        ? { nodeRole: `arn:aws:iam::${world.accountId}:role/${roleName}` }
        : {}),
      ...(cluster !== undefined ? { cluster } : {}),
    },
  };
}
