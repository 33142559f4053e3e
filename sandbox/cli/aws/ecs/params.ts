/** What several `aws ecs` operations share: their common flags and the conversion of shorthand values to action fields. */
import { own } from '../../../model/record.ts';
import type {
  LaunchType,
  TaskDefinition,
  PlacementConstraint,
  PlacementStrategy,
  World,
} from '../../../model/types.ts';
import type { ArgValue, FlagSpec } from '../args.ts';
import { lastSegment, refusal } from '../operation.ts';
import { isDefaultNetwork, networkRefusal, type NetworkInput } from '../../../model/vpc.ts';
import { parseShorthand } from '../../shorthand.ts';
import type { CommandOutput } from '../../types.ts';
import { fail } from '../../types.ts';

/** `aws ecs …`: the operations the sandbox models. */
export const cluster: FlagSpec = {
  name: 'cluster',
  type: 'string',
  help: 'The short name or full ARN of the cluster. If you do not specify a cluster, the default cluster is assumed.',
};

export const launchType: FlagSpec = {
  name: 'launch-type',
  type: 'string',
  choices: ['EC2', 'FARGATE', 'EXTERNAL'],
  help: 'The infrastructure to run on: EC2 (your container instances) or FARGATE (a micro-VM per task).',
};

export const placementStrategy: FlagSpec = {
  name: 'placement-strategy',
  type: 'structure-list',
  placeholder: 'type=string,field=string ...',
  help: 'Placement strategies, applied in order: type=binpack,field=memory | type=spread,field=attribute:ecs.availability-zone | type=random.',
};

export const deploymentConfiguration: FlagSpec = {
  name: 'deployment-configuration',
  type: 'structure',
  placeholder: 'maximumPercent=integer,minimumHealthyPercent=integer',
  help: 'Rolling-update bounds: maximumPercent (default 200) and minimumHealthyPercent (default 100).',
};

export type Conv<T> = { ok: true; value: T } | { ok: false; error: string };

function toInt(v: unknown, path: string): Conv<number> {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n))
    return {
      ok: false,
      error: `Invalid type for parameter ${path}, value: ${JSON.stringify(v)}, valid types: <class 'int'>`,
    };
  return { ok: true, value: n };
}

export function strategies(v: ArgValue | undefined): Conv<PlacementStrategy[] | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const out: PlacementStrategy[] = [];
  for (const [i, item] of (v as unknown[]).entries()) {
    const o = item as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o['type'] !== 'string') {
      return { ok: false, error: `Missing required parameter in placementStrategy[${i}]: "type"` };
    }
    const type = o['type'];
    if (type !== 'binpack' && type !== 'spread' && type !== 'random') {
      return {
        ok: false,
        error: `Invalid placement strategy type '${type}': valid values are binpack, spread, random`,
      };
    }
    out.push(typeof o['field'] === 'string' ? { type, field: o['field'] } : { type });
  }
  return { ok: true, value: out };
}

export function constraints(v: ArgValue | undefined): Conv<PlacementConstraint[] | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const out: PlacementConstraint[] = [];
  for (const [i, item] of (v as unknown[]).entries()) {
    const o = item as Record<string, unknown>;
    const type = typeof o === 'object' && o !== null ? o['type'] : undefined;
    if (type !== 'distinctInstance' && type !== 'memberOf') {
      return {
        ok: false,
        error: `Invalid placementConstraints[${i}].type: valid values are distinctInstance, memberOf`,
      };
    }
    out.push(
      typeof o['expression'] === 'string' ? { type, expression: o['expression'] } : { type },
    );
  }
  return { ok: true, value: out };
}

export function deployment(
  v: ArgValue | undefined,
): Conv<{ minimumHealthyPercent?: number; maximumPercent?: number } | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const o = v as Record<string, unknown>;
  const out: { minimumHealthyPercent?: number; maximumPercent?: number } = {};
  for (const key of Object.keys(o)) {
    if (key !== 'minimumHealthyPercent' && key !== 'maximumPercent') {
      return {
        ok: false,
        error: `Unknown parameter in deploymentConfiguration: "${key}", must be one of: maximumPercent, minimumHealthyPercent`,
      };
    }
  }
  if ('maximumPercent' in o) {
    const n = toInt(o['maximumPercent'], 'deploymentConfiguration.maximumPercent');
    if (!n.ok) return n;
    out.maximumPercent = n.value;
  }
  if ('minimumHealthyPercent' in o) {
    const n = toInt(o['minimumHealthyPercent'], 'deploymentConfiguration.minimumHealthyPercent');
    if (!n.ok) return n;
    out.minimumHealthyPercent = n.value;
  }
  return { ok: true, value: out };
}

const AWSVPC_MEMBERS = ['subnets', 'securityGroups', 'assignPublicIp'];

function stringList(v: unknown, path: string): Conv<string[]> {
  // Shorthand gives a single value without brackets as a string: a list of one.
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list))
    return {
      ok: false,
      error: `Invalid type for parameter ${path}, value: ${JSON.stringify(v)}, type: <class '${typeof v === 'number' ? 'int' : 'dict'}'>, valid types: <class 'list'>, <class 'tuple'>`,
    };
  for (const [i, item] of list.entries()) {
    if (typeof item !== 'string')
      return {
        ok: false,
        error: `Invalid type for parameter ${path}[${i}], value: ${JSON.stringify(item)}, type: <class '${typeof item === 'number' ? 'int' : 'dict'}'>, valid types: <class 'str'>`,
      };
  }
  return { ok: true, value: (list as string[]).map((item) => item.trim()) };
}

/** --network-configuration, checked as botocore checks NetworkConfiguration and AwsVpcConfiguration. */
export function network(v: ArgValue | undefined): Conv<NetworkInput | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'awsvpcConfiguration')
      return {
        ok: false,
        error: `Unknown parameter in networkConfiguration: "${key}", must be one of: awsvpcConfiguration`,
      };
  }
  let inner = o['awsvpcConfiguration'];
  // NetworkConfiguration has no required member: without awsvpcConfiguration it says nothing.
  if (inner === undefined) return { ok: true, value: undefined };
  const path = 'networkConfiguration.awsvpcConfiguration';
  // In shorthand the nested structure (`awsvpcConfiguration={subnets=[…],…}`) arrives as its text.
  if (typeof inner === 'string' && inner.startsWith('{') && inner.endsWith('}')) {
    const text = inner.slice(1, -1).trim();
    const parsed = text === '' ? { ok: true as const, value: {} } : parseShorthand(text);
    if (!parsed.ok)
      return {
        ok: false,
        error: `Error parsing parameter '--network-configuration': ${parsed.error}`,
      };
    inner = parsed.value;
  }
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner))
    return {
      ok: false,
      error: `Invalid type for parameter ${path}, value: ${JSON.stringify(inner)}, type: <class '${Array.isArray(inner) ? 'list' : 'str'}'>, valid types: <class 'dict'>`,
    };
  const c = inner as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (!AWSVPC_MEMBERS.includes(key))
      return {
        ok: false,
        error: `Unknown parameter in ${path}: "${key}", must be one of: ${AWSVPC_MEMBERS.join(', ')}`,
      };
  }
  if (c['subnets'] === undefined)
    return { ok: false, error: `Missing required parameter in ${path}: "subnets"` };
  const subnets = stringList(c['subnets'], `${path}.subnets`);
  if (!subnets.ok) return subnets;
  let securityGroups: string[] | undefined;
  if (c['securityGroups'] !== undefined) {
    const groups = stringList(c['securityGroups'], `${path}.securityGroups`);
    if (!groups.ok) return groups;
    securityGroups = groups.value;
  }
  const ip = c['assignPublicIp'];
  if (ip !== undefined && ip !== 'ENABLED' && ip !== 'DISABLED')
    return {
      ok: false,
      error: `Invalid ${path}.assignPublicIp: valid values are ENABLED, DISABLED`,
    };
  return {
    ok: true,
    value: {
      subnets: subnets.value,
      ...(securityGroups ? { securityGroups } : {}),
      ...(ip !== undefined ? { assignPublicIp: ip } : {}),
    },
  };
}

export function launch(v: ArgValue | undefined): Conv<LaunchType | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  if (v === 'EXTERNAL')
    return { ok: false, error: 'The sandbox models the EC2 and FARGATE launch types only.' };
  return { ok: true, value: v as LaunchType };
}

export function capacityProvider(v: ArgValue | undefined): Conv<LaunchType | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const first = (v as Record<string, unknown>[])[0];
  const provider = first && typeof first === 'object' ? first['capacityProvider'] : undefined;
  if (typeof provider !== 'string')
    return {
      ok: false,
      error: 'Missing required parameter in capacityProviderStrategy[0]: "capacityProvider"',
    };
  if (provider === 'FARGATE_SPOT')
    return {
      ok: false,
      error: 'The sandbox models FARGATE and EC2 capacity only (not FARGATE_SPOT).',
    };
  return { ok: true, value: provider === 'FARGATE' ? 'FARGATE' : 'EC2' };
}

/** Drops undefined fields so actions compare equal to the ones the view builds. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function paramError(text: string): CommandOutput {
  return fail(`\nParameter validation failed:\n${text}`, 252);
}

export function serviceByRef(world: World, ref: string) {
  return own(world.ecs.services, lastSegment(ref));
}

export function failuresFor(
  refs: string[],
  exists: (id: string) => boolean,
  arn: (id: string) => string,
) {
  return refs
    .filter((r) => !exists(lastSegment(r)))
    .map((r) => ({ arn: r.startsWith('arn:') ? r : arn(r), reason: 'MISSING' }));
}

export const FARGATE_PLACEMENT_STRATEGIES =
  'Placement strategies are not supported with FARGATE launch type.';
export const FARGATE_PLACEMENT_CONSTRAINTS =
  'Placement constraints are not supported with FARGATE launch type.';

export const placementConstraints: FlagSpec = {
  name: 'placement-constraints',
  type: 'structure-list',
  placeholder: 'type=string,expression=string ...',
  help: 'type=distinctInstance, or type=memberOf,expression=<cluster query>.',
};

export const NETWORK_CONFIGURATION_NEEDED =
  "Network Configuration must be provided when networkMode 'awsvpc' is specified.";

/**
 * A parsed --network-configuration of a create-service, update-service or run-task, refused
 * where AWS refuses it (networkRefusal). `network` is what the action carries: nothing for the
 * world's default, which is what a service without one has, so the command an action records
 * types back to the same action.
 */
export function networkFor(
  world: World,
  td: TaskDefinition | null | undefined,
  given: NetworkInput | undefined,
  api: string,
): { ok: true; network: NetworkInput | undefined } | { ok: false; output: CommandOutput } {
  if (!given || !td) return { ok: true, network: given };
  const refused = networkRefusal(world, td, given);
  if (refused) return { ok: false, output: refusal(api, refused.error) };
  return { ok: true, network: isDefaultNetwork(world, given) ? undefined : given };
}

/** family:revision, an ARN, or a family alone (its latest ACTIVE revision). */
export function taskDefinitionByRef(
  world: World,
  ref: string | undefined,
): TaskDefinition | undefined {
  if (ref === undefined) return undefined;
  const bare = lastSegment(ref);
  if (bare.includes(':')) return own(world.ecs.taskDefinitions, bare);
  return Object.values(world.ecs.taskDefinitions)
    .filter((t) => t.family === bare && t.status === 'ACTIVE')
    .sort((a, b) => b.revision - a.revision)[0];
}
