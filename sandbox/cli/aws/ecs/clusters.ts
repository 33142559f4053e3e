/**
 * `aws ecs` cluster operations: create-cluster, describe-clusters, list-clusters and
 * put-cluster-capacity-providers. A sandbox world holds at most one cluster; CreateCluster is
 * idempotent, so creating the cluster that exists answers with it, as AWS does.
 */
import { own } from '../../../model/record.ts';
import { containerInstancesOf } from './container-instances.ts';
import type { Action } from '../../../model/actions.ts';
import type { CapacityProviderStrategyItem, Cluster, World } from '../../../model/types.ts';
import type { AwsOperation } from '../operation.ts';
import {
  applyAll,
  awsError,
  awsOut,
  checkCluster,
  lastSegment,
  output,
  refusal,
} from '../operation.ts';
import { cluster, paramError } from './params.ts';
import type { ArgValue } from '../args.ts';

/** The capacity providers every account has (an Auto Scaling group provider is the sandbox's `<cluster>-ec2`). */
export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

export function describeCluster(world: World, c: Cluster): Record<string, unknown> {
  const services = Object.values(world.ecs.services).filter((s) => s.status === 'ACTIVE');
  const tasks = Object.values(world.ecs.tasks);
  return {
    clusterArn: c.arn,
    clusterName: c.name,
    status: c.status,
    registeredContainerInstancesCount: containerInstancesOf(world).filter(
      (i) => i.status !== 'INACTIVE' && own(world.ec2.instances, i.id)?.state !== 'terminated',
    ).length,
    runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter(
      (t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING',
    ).length,
    activeServicesCount: services.length,
    statistics: [],
    tags: [],
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: c.capacityProviders ?? [],
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy ?? [],
  };
}

/** The sandbox's own refusal (not AWS's) for a second cluster. */
function oneClusterOnly(world: World, name: string): string {
  return world.ecs.cluster
    ? `\nThe sandbox holds one cluster per world, '${world.ecs.cluster.name}'; a second cluster ('${name}') is not modelled. (This is the sandbox's own message, not AWS's.)`
    : `\nThis sandbox has no ECS cluster: its hosts run plain Docker, and creating one is not modelled. (This is the sandbox's own message, not AWS's.)`;
}

type Strategy = { ok: true; value: CapacityProviderStrategyItem[] } | { ok: false; error: string };

/** `capacityProvider=FARGATE,weight=1 …` → strategy items, with the AWS CLI's messages. */
export function strategyItems(v: ArgValue | undefined, param: string): Strategy {
  if (v === undefined) return { ok: true, value: [] };
  const out: CapacityProviderStrategyItem[] = [];
  for (const [i, raw] of (v as unknown[]).entries()) {
    const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (key !== 'capacityProvider' && key !== 'weight' && key !== 'base')
        return {
          ok: false,
          error: `Unknown parameter in ${param}[${i}]: "${key}", must be one of: capacityProvider, weight, base`,
        };
    }
    if (typeof o['capacityProvider'] !== 'string')
      return {
        ok: false,
        error: `Missing required parameter in ${param}[${i}]: "capacityProvider"`,
      };
    const item: CapacityProviderStrategyItem = { capacityProvider: o['capacityProvider'] };
    for (const key of ['weight', 'base'] as const) {
      if (!(key in o)) continue;
      const n = typeof o[key] === 'number' ? o[key] : Number(o[key]);
      const max = key === 'weight' ? 1000 : 100000;
      if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > max)
        return {
          ok: false,
          error: `Invalid value for parameter ${param}[${i}].${key}, value: ${String(o[key])}, valid min value: 0, valid max value: ${max}`,
        };
      item[key] = n as number;
    }
    out.push(item);
  }
  return { ok: true, value: out };
}

const createCluster: AwsOperation = {
  service: 'ecs',
  name: 'create-cluster',
  api: 'CreateCluster',
  summary: 'Creates a cluster (idempotent: the cluster that already exists is returned as it is).',
  flags: [
    {
      name: 'cluster-name',
      type: 'string',
      help: 'The name of the cluster (default: default).',
    },
    {
      name: 'capacity-providers',
      type: 'list',
      help: 'Capacity providers to associate (FARGATE, FARGATE_SPOT); put-cluster-capacity-providers changes them later.',
    },
    {
      name: 'default-capacity-provider-strategy',
      type: 'structure-list',
      placeholder: 'capacityProvider=string,weight=integer,base=integer ...',
      help: 'The strategy services and tasks use when they name neither a launch type nor a strategy.',
    },
    { name: 'settings', type: 'structure-list', help: 'Accepted and ignored (containerInsights).' },
    { name: 'tags', type: 'structure-list', help: 'Accepted and ignored.' },
  ],
  examples: ['aws ecs create-cluster --cluster-name demo'],
  run(args, env, globals) {
    const name = typeof args['cluster-name'] === 'string' ? args['cluster-name'] : 'default';
    const w = env.world;
    if (!w.ecs.cluster || w.ecs.cluster.name !== name)
      return output({ stdout: '', stderr: oneClusterOnly(w, name), exitCode: 254 });
    const strategy = strategyItems(
      args['default-capacity-provider-strategy'],
      'defaultCapacityProviderStrategy',
    );
    if (!strategy.ok) return output(paramError(strategy.error));
    const asked = (args['capacity-providers'] as string[] | undefined) ?? [];
    const same =
      JSON.stringify(asked) === JSON.stringify(w.ecs.cluster.capacityProviders ?? []) &&
      JSON.stringify(strategy.value) ===
        JSON.stringify(w.ecs.cluster.defaultCapacityProviderStrategy ?? []);
    if (!same)
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
        ),
      );
    return output(awsOut({ cluster: describeCluster(w, w.ecs.cluster) }, globals, this.api));
  },
};

const describeClusters: AwsOperation = {
  service: 'ecs',
  name: 'describe-clusters',
  api: 'DescribeClusters',
  summary: 'Shows clusters: status, counts of instances, tasks and services, capacity providers.',
  flags: [
    { name: 'clusters', type: 'list', help: 'Cluster names or ARNs (default: default).' },
    {
      name: 'include',
      type: 'list',
      help: 'Accepted: the sandbox always includes what it models.',
    },
  ],
  examples: ['aws ecs describe-clusters --clusters demo'],
  run(args, env, globals) {
    const w = env.world;
    const refs = (args['clusters'] as string[] | undefined) ?? ['default'];
    const clusters: Record<string, unknown>[] = [];
    const failures: { arn: string; reason: string }[] = [];
    for (const ref of refs) {
      if (w.ecs.cluster && (lastSegment(ref) === w.ecs.cluster.name || ref === w.ecs.cluster.arn))
        clusters.push(describeCluster(w, w.ecs.cluster));
      else
        failures.push({
          arn: ref.startsWith('arn:')
            ? ref
            : `arn:aws:ecs:${w.region}:${w.accountId}:cluster/${ref}`,
          reason: 'MISSING',
        });
    }
    return output(awsOut({ clusters, failures }, globals, this.api));
  },
};

const listClusters: AwsOperation = {
  service: 'ecs',
  name: 'list-clusters',
  api: 'ListClusters',
  summary: 'Lists the ARNs of the clusters.',
  flags: [],
  examples: ['aws ecs list-clusters'],
  run(_args, env, globals) {
    const arns = env.world.ecs.cluster ? [env.world.ecs.cluster.arn] : [];
    return output(awsOut({ clusterArns: arns }, globals, this.api));
  },
};

const putClusterCapacityProviders: AwsOperation = {
  service: 'ecs',
  name: 'put-cluster-capacity-providers',
  api: 'PutClusterCapacityProviders',
  summary:
    "Sets the cluster's capacity providers (FARGATE, FARGATE_SPOT) and its default strategy: a service can use only the providers listed here.",
  flags: [
    { ...cluster, required: true },
    {
      name: 'capacity-providers',
      type: 'list',
      required: true,
      help: 'The whole list: FARGATE, FARGATE_SPOT (or [] for none). Providers left out are removed.',
    },
    {
      name: 'default-capacity-provider-strategy',
      type: 'structure-list',
      required: true,
      placeholder: 'capacityProvider=string,weight=integer,base=integer ...',
      help: 'Providers from the list, with weight and base (or [] for none).',
    },
  ],
  examples: [
    'aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const strategy = strategyItems(
      args['default-capacity-provider-strategy'],
      'defaultCapacityProviderStrategy',
    );
    if (!strategy.ok) return output(paramError(strategy.error));
    const providers = args['capacity-providers'] as string[];
    const ec2Provider = `${env.world.ecs.cluster?.name ?? 'default'}-ec2`;
    const unknown = providers.find((p) => !FARGATE_PROVIDERS.includes(p) && p !== ec2Provider);
    if (unknown !== undefined)
      return output({
        stdout: '',
        stderr: `\nThe sandbox knows the capacity providers ${[...FARGATE_PROVIDERS, ec2Provider].join(', ')}; '${unknown}' would be one you create with create-capacity-provider, which the sandbox does not model. (This is the sandbox's own message, not AWS's.)`,
        exitCode: 254,
      });
    const action: Action = {
      type: 'ecs.cluster.put-capacity-providers',
      capacityProviders: providers,
      defaultCapacityProviderStrategy: strategy.value,
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          { cluster: after.ecs.cluster ? describeCluster(after, after.ecs.cluster) : {} },
          globals,
          this.api,
        ),
    );
  },
};

export const CLUSTER_OPERATIONS = [
  createCluster,
  describeClusters,
  listClusters,
  putClusterCapacityProviders,
];
