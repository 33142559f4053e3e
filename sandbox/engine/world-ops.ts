/**
 * Small helpers every module shares. They work on a draft world (a private copy made by
 * applyAction/advance), never on a world the caller still holds.
 */
import { own } from '../model/record.ts';
import type { Instance, World } from '../model/types.ts';

/** Adds to the bill: the total, the resource's line and its kind's line. */
export function charge(world: World, resource: string, kind: string, usd: number): void {
  world.cost.total += usd;
  world.cost.byResource[resource] = (world.cost.byResource[resource] ?? 0) + usd;
  world.cost.byKind[kind] = (world.cost.byKind[kind] ?? 0) + usd;
}

/** Find an instance by id or Name tag (own properties only: 'constructor' is no instance). */
export function findInstance(world: World, ref: string): Instance | null {
  const instances = world.ec2.instances;
  const byId = own(instances, ref);
  if (byId) return byId;
  for (const id in instances) {
    const i = instances[id]!;
    if (i.name === ref && i.state !== 'terminated') return i;
  }
  return null;
}
