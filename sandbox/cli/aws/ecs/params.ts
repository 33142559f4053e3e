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
import { lastSegment } from '../operation.ts';
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
