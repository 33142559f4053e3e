/**
 * Task placement for the EC2 launch type, in the documented order (aws-facts.md §1.5):
 * 1. instances with enough CPU and memory, 2. binding constraints (distinctInstance,
 * memberOf), 3. strategies in order (binpack, spread, random), best-effort, 4. pick.
 * Ties after all strategies go to the instance launched first, so results are hand-checkable.
 * Fargate ignores strategies and constraints: a task goes to the healthy AZ with the fewest
 * of its group's tasks.
 */
import type { Instance, PlacementConstraint, PlacementStrategy, Task, World } from '../model/types.ts';
import { random } from '../engine/rng.ts';
import { canHostTasks, containerInstanceId } from '../engine/world-ops.ts';
import { attribute, parseQuery, type Query } from './cluster-query.ts';

/** The default for services: spread across AZs, then across instances. */
export const DEFAULT_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

export type PlacementFailure =
  | { kind: 'empty-cluster' }
  | { kind: 'insufficient-memory' | 'insufficient-cpu' | 'agent'; containerInstanceId: string; instanceId: string }
  | { kind: 'constraints' };

/** Counts of live tasks per group, per instance and per AZ, kept up to date during a round. */
export class PlacementIndex {
  readonly candidates: Instance[];
  readonly registered: Instance[];
  private byInstance = new Map<string, Map<string, number>>();
  private byAz = new Map<string, Map<string, number>>();
  private groupsOn = new Map<string, Set<string>>();
  private queries = new Map<string, Query | null>();

  constructor(world: World) {
    this.candidates = [];
    this.registered = [];
    for (const id in world.instances) {
      const i = world.instances[id]!;
      if (i.agent && i.agent.status === 'ACTIVE' && i.state === 'running') this.registered.push(i);
      if (canHostTasks(i)) this.candidates.push(i);
    }
    for (const id in world.tasks) {
      const t = world.tasks[id]!;
      if (t.lastStatus !== 'STOPPED' && t.desiredStatus === 'RUNNING' && t.az) this.add(t.group, t.instanceId, t.az);
    }
  }

  add(group: string, instanceId: string | null, az: string): void {
    if (instanceId) {
      bump(this.byInstance, group, instanceId);
      let set = this.groupsOn.get(instanceId);
      if (!set) this.groupsOn.set(instanceId, (set = new Set()));
      set.add(group);
    }
    bump(this.byAz, group, az);
  }

  countOnInstance(group: string, instanceId: string): number {
    return this.byInstance.get(group)?.get(instanceId) ?? 0;
  }
  countInAz(group: string, az: string): number {
    return this.byAz.get(group)?.get(az) ?? 0;
  }
  countByAttribute(group: string, name: string, value: string | null): number {
    let n = 0;
    const perInstance = this.byInstance.get(group);
    if (!perInstance) return 0;
    for (const i of this.registered) if (attribute(i, name) === value) n += perInstance.get(i.id) ?? 0;
    return n;
  }
  groupsOnInstance = (instanceId: string): ReadonlySet<string> => this.groupsOn.get(instanceId) ?? EMPTY;

  query(expression: string): Query | null {
    if (!this.queries.has(expression)) {
      const parsed = parseQuery(expression);
      this.queries.set(expression, parsed.ok ? parsed.value : null);
    }
    return this.queries.get(expression) ?? null;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function bump(map: Map<string, Map<string, number>>, group: string, key: string): void {
  let inner = map.get(group);
  if (!inner) map.set(group, (inner = new Map()));
  inner.set(key, (inner.get(key) ?? 0) + 1);
}

export interface PlacementRequest {
  group: string;
  cpu: number;
  memory: number;
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
}

/** Chooses an instance for one task, or explains why none fits. Draws from the PRNG only for `random`. */
export function chooseInstance(
  world: World,
  index: PlacementIndex,
  req: PlacementRequest,
): { ok: true; instance: Instance } | { ok: false; failure: PlacementFailure } {
  if (index.registered.length === 0) return { ok: false, failure: { kind: 'empty-cluster' } };
  const strategies = req.strategies.length > 0 ? req.strategies : DEFAULT_STRATEGY;
  let best: Instance[] = [];
  let anyFit = false;
  const ctx = { instance: index.candidates[0]!, groupsOnInstance: index.groupsOnInstance };
  const randomAt = strategies.findIndex((s) => s.type === 'random');
  const scored = randomAt === -1 ? strategies : strategies.slice(0, randomAt);
  const n = scored.length;
  const current = new Float64Array(n);
  const bestScores = new Float64Array(n);

  for (const instance of index.candidates) {
    if (instance.cpuUnits - instance.reservedCpu < req.cpu || instance.memoryMiB - instance.reservedMemory < req.memory) continue;
    anyFit = true;
    if (req.constraints.length > 0 && !satisfies(index, instance, req, ctx)) continue;
    let cmp = 0;
    for (let k = 0; k < n; k++) {
      current[k] = score(index, instance, req, scored[k]!);
      if (cmp === 0) cmp = current[k]! - bestScores[k]!;
    }
    if (best.length === 0 || cmp < 0) {
      best.length = 0;
      best.push(instance);
      bestScores.set(current);
    } else if (cmp === 0 && randomAt !== -1) {
      best.push(instance);
    }
  }
  if (best.length > 0) {
    const pick = randomAt === -1 || best.length === 1 ? best[0]! : best[Math.floor(random(world) * best.length)]!;
    return { ok: true, instance: pick };
  }
  if (anyFit) return { ok: false, failure: { kind: 'constraints' } };
  return { ok: false, failure: closest(index, req) };
}

function satisfies(index: PlacementIndex, instance: Instance, req: PlacementRequest, ctx: { instance: Instance; groupsOnInstance: (id: string) => ReadonlySet<string> }): boolean {
  for (const c of req.constraints) {
    if (c.type === 'distinctInstance') {
      if (index.countOnInstance(req.group, instance.id) > 0) return false;
    } else {
      const q = index.query(c.expression ?? '');
      if (!q) return false;
      ctx.instance = instance;
      if (!q(ctx)) return false;
    }
  }
  return true;
}

/** Lower is better. */
function score(index: PlacementIndex, instance: Instance, req: PlacementRequest, s: PlacementStrategy): number {
  if (s.type === 'binpack') {
    return s.field === 'cpu'
      ? instance.cpuUnits - instance.reservedCpu - req.cpu
      : instance.memoryMiB - instance.reservedMemory - req.memory;
  }
  const field = s.field ?? 'instanceId';
  if (field === 'instanceId' || field === 'host') return index.countOnInstance(req.group, instance.id);
  if (field === 'attribute:ecs.availability-zone') return index.countInAz(req.group, instance.az);
  const name = field.startsWith('attribute:') ? field.slice('attribute:'.length) : field;
  return index.countByAttribute(req.group, name, attribute(instance, name));
}

/** The closest matching container instance: the one nearest to fitting, and what it lacks. */
function closest(index: PlacementIndex, req: PlacementRequest): PlacementFailure {
  let best: Instance | null = null;
  let bestRatio = -Infinity;
  for (const i of index.registered) {
    const memRatio = req.memory > 0 ? (i.memoryMiB - i.reservedMemory) / req.memory : Infinity;
    const cpuRatio = req.cpu > 0 ? (i.cpuUnits - i.reservedCpu) / req.cpu : Infinity;
    const ratio = Math.min(memRatio, cpuRatio);
    if (ratio > bestRatio) {
      bestRatio = ratio;
      best = i;
    }
  }
  if (!best) return { kind: 'empty-cluster' };
  const ciid = containerInstanceId(best);
  const fitsMemory = best.memoryMiB - best.reservedMemory >= req.memory;
  const fitsCpu = best.cpuUnits - best.reservedCpu >= req.cpu;
  if (fitsMemory && fitsCpu) return { kind: 'agent', containerInstanceId: ciid, instanceId: best.id };
  return { kind: fitsMemory ? 'insufficient-cpu' : 'insufficient-memory', containerInstanceId: ciid, instanceId: best.id };
}

/** Fargate: the healthy AZ with the fewest of the group's tasks (first AZ wins ties). */
export function chooseFargateAz(world: World, index: PlacementIndex, group: string): string | null {
  let best: string | null = null;
  let bestCount = Infinity;
  for (const az of world.azs) {
    if (world.azDown.includes(az)) continue;
    const n = index.countInAz(group, az);
    if (n < bestCount) {
      bestCount = n;
      best = az;
    }
  }
  return best;
}

/** Tasks of a group to stop on scale-in, in order: not yet running first, then by strategy. */
export function scaleInOrder(world: World, tasks: Task[], strategies: PlacementStrategy[]): Task[] {
  const first = strategies[0] ?? DEFAULT_STRATEGY[0]!;
  const azCount = new Map<string, number>();
  for (const t of tasks) if (t.az) azCount.set(t.az, (azCount.get(t.az) ?? 0) + 1);
  const freeAfter = (t: Task) => {
    const i = t.instanceId ? world.instances[t.instanceId] : undefined;
    return i ? i.memoryMiB - i.reservedMemory + t.memory : 0;
  };
  return [...tasks].sort((a, b) => {
    const ra = a.lastStatus === 'RUNNING' ? 1 : 0;
    const rb = b.lastStatus === 'RUNNING' ? 1 : 0;
    if (ra !== rb) return ra - rb;
    if (first.type === 'binpack') {
      const d = freeAfter(b) - freeAfter(a);
      if (d !== 0) return d;
    } else if (first.type === 'spread') {
      const d = (azCount.get(b.az ?? '') ?? 0) - (azCount.get(a.az ?? '') ?? 0);
      if (d !== 0) return d;
    }
    // Newest first, then by id: deterministic.
    if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
