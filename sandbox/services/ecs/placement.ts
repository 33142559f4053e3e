/**
 * Task placement for the EC2 launch type, in the documented order (aws-facts.md §1.5):
 * 1. instances with enough CPU and memory, 2. binding constraints (distinctInstance,
 * memberOf), 3. strategies in order (binpack, spread, random), best-effort, 4. pick.
 * Ties after all strategies go to the instance launched first, so results are hand-checkable.
 * Fargate ignores strategies and constraints: a task goes to the healthy AZ with the fewest
 * of its group's tasks.
 */
import type {
  ContainerInstance,
  PlacementConstraint,
  PlacementStrategy,
  Service,
  Task,
  World,
} from '../../model/types.ts';
import { subnetIdFor } from '../../model/vpc.ts';
import { ECS_RESERVED_PORTS } from '../../model/aws-data.ts';
import { random } from '../../engine/rng.ts';
import { canHostTasks, containerInstanceId } from './ecs-ops.ts';
import { attribute, parseQuery, type Query } from './cluster-query.ts';
import { taskList } from '../../engine/task-list.ts';

/** The default for services: spread across AZs, then across instances. */
export const DEFAULT_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

/**
 * The binding constraints of a service's tasks on EC2: its own and, when it was given fewer
 * subnets than the world has, that the instance is in one of them (an awsvpc task's network
 * interface goes in one of the service's subnets, in its instance's AZ).
 */
export function serviceConstraints(
  world: Pick<World, 'azs'>,
  service: Pick<Service, 'placementConstraints' | 'network'>,
): PlacementConstraint[] {
  const subnets = service.network?.subnets;
  if (!subnets || world.azs.every((az) => subnets.includes(subnetIdFor(az))))
    return service.placementConstraints;
  return [
    ...service.placementConstraints,
    { type: 'memberOf', expression: `attribute:ecs.subnet-id in [${subnets.join(', ')}]` },
  ];
}

/** A task's binding constraints on EC2: its service's (serviceConstraints), or a standalone task's subnets. */
export function taskConstraints(
  world: Pick<World, 'azs'>,
  task: Pick<Task, 'network'>,
  service: Pick<Service, 'placementConstraints' | 'network'> | undefined,
): PlacementConstraint[] {
  return serviceConstraints(world, service ?? { placementConstraints: [], network: task.network });
}

export type PlacementFailure =
  | { kind: 'empty-cluster' }
  | {
      kind: 'insufficient-memory' | 'insufficient-cpu' | 'ports' | 'agent';
      containerInstanceId: string;
      instanceId: string;
    }
  | { kind: 'constraints' };

interface GroupCounts {
  /** Live tasks of the group on each candidate instance (by candidate index). */
  perCandidate: Int32Array;
  /** Live tasks of the group per AZ (by index into world.azs). */
  perAz: Int32Array;
  /** Live tasks per instance id, for instances that are not candidates too. */
  perInstance: Map<string, number>;
  /** histogram[v] = candidates holding v tasks of the group; minimum = lowest v with any. */
  histogram: number[];
  minimum: number;
  /** Per AZ: candidates before `cursor` in that AZ's list hold more than `cursorLevel` tasks of the group. */
  cursor: Int32Array;
  cursorLevel: Int32Array;
}

/**
 * Counts of live tasks per group, per instance and per AZ, kept up to date during a round.
 * Typed arrays indexed by candidate keep the inner placement loop to plain array reads.
 */
export class PlacementIndex {
  readonly candidates: ContainerInstance[];
  readonly registered: ContainerInstance[];
  private readonly azs: string[];
  private readonly candidateIndex = new Map<string, number>();
  private readonly candidateAz: Int32Array;
  private readonly azHasCandidates: boolean[];
  /** Candidate indices per AZ, in launch order. */
  readonly candidatesByAz: number[][];
  private readonly groups = new Map<string, GroupCounts>();
  private readonly groupsOn = new Map<string, Set<string>>();
  private readonly queries = new Map<string, Query | null>();

  constructor(world: World) {
    this.candidates = [];
    this.registered = [];
    this.azs = world.azs;
    // In launch order (the EC2 instances' order), so ties go to the instance launched first.
    for (const id in world.ec2.instances) {
      const host = world.ec2.instances[id]!;
      const i = world.ecs.containerInstances[id];
      if (!i) continue;
      if (i.status === 'ACTIVE' && host.state === 'running') this.registered.push(i);
      if (canHostTasks(world, i)) {
        this.candidateIndex.set(i.id, this.candidates.length);
        this.candidates.push(i);
      }
    }
    this.candidateAz = new Int32Array(this.candidates.length);
    this.azHasCandidates = this.azs.map(() => false);
    this.candidatesByAz = this.azs.map(() => []);
    this.candidates.forEach((c, k) => {
      const a = Math.max(0, this.azs.indexOf(c.az));
      this.candidateAz[k] = a;
      this.azHasCandidates[a] = true;
      this.candidatesByAz[a]!.push(k);
    });
    for (const t of taskList(world)) {
      if (t.lastStatus !== 'STOPPED' && t.desiredStatus === 'RUNNING' && t.az)
        this.add(t.group, t.instanceId, t.az);
    }
  }

  private counts(group: string): GroupCounts {
    let g = this.groups.get(group);
    if (!g) {
      g = {
        perCandidate: new Int32Array(this.candidates.length),
        perAz: new Int32Array(this.azs.length),
        perInstance: new Map(),
        histogram: [this.candidates.length],
        minimum: 0,
        cursor: new Int32Array(this.azs.length),
        cursorLevel: new Int32Array(this.azs.length).fill(-1),
      };
      this.groups.set(group, g);
    }
    return g;
  }

  add(group: string, instanceId: string | null, az: string): void {
    const g = this.counts(group);
    if (instanceId) {
      const k = this.candidateIndex.get(instanceId);
      if (k !== undefined) {
        const before = g.perCandidate[k]!++;
        g.histogram[before]!--;
        g.histogram[before + 1] = (g.histogram[before + 1] ?? 0) + 1;
        while (g.minimum < g.histogram.length && g.histogram[g.minimum] === 0) g.minimum++;
      }
      g.perInstance.set(instanceId, (g.perInstance.get(instanceId) ?? 0) + 1);
      let set = this.groupsOn.get(instanceId);
      if (!set) this.groupsOn.set(instanceId, (set = new Set()));
      set.add(group);
    }
    const a = this.azs.indexOf(az);
    if (a >= 0) g.perAz[a]!++;
  }

  countOnInstance(group: string, instanceId: string): number {
    return this.groups.get(group)?.perInstance.get(instanceId) ?? 0;
  }
  countInAz(group: string, az: string): number {
    const a = this.azs.indexOf(az);
    return a >= 0 ? (this.groups.get(group)?.perAz[a] ?? 0) : 0;
  }
  countByAttribute(group: string, name: string, value: string | null): number {
    const perInstance = this.groups.get(group)?.perInstance;
    if (!perInstance) return 0;
    let n = 0;
    for (const i of this.registered)
      if (attribute(i, name) === value) n += perInstance.get(i.id) ?? 0;
    return n;
  }
  /** The per-candidate and per-AZ counters of a group, for the placement loop. */
  arrays(group: string): {
    perCandidate: Int32Array;
    perAz: Int32Array;
    candidateAz: Int32Array;
    minimumPerCandidate: number;
    minimumPerAz: number;
    cursor: Int32Array;
    cursorLevel: Int32Array;
  } {
    const g = this.counts(group);
    let minimumPerAz = Infinity;
    for (let a = 0; a < g.perAz.length; a++)
      if (this.azHasCandidates[a] && g.perAz[a]! < minimumPerAz) minimumPerAz = g.perAz[a]!;
    return {
      perCandidate: g.perCandidate,
      perAz: g.perAz,
      candidateAz: this.candidateAz,
      minimumPerCandidate: g.minimum,
      minimumPerAz,
      cursor: g.cursor,
      cursorLevel: g.cursorLevel,
    };
  }
  groupsOnInstance = (instanceId: string): ReadonlySet<string> =>
    this.groupsOn.get(instanceId) ?? EMPTY;

  query(expression: string): Query | null {
    if (!this.queries.has(expression)) {
      const parsed = parseQuery(expression);
      this.queries.set(expression, parsed.ok ? parsed.value : null);
    }
    return this.queries.get(expression) ?? null;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

export interface PlacementRequest {
  group: string;
  cpu: number;
  memory: number;
  /** Fixed host ports the task needs (empty for awsvpc, Fargate and dynamic ports). */
  ports?: readonly number[];
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
}

const BINPACK_CPU = 0;
const BINPACK_MEMORY = 1;
const SPREAD_INSTANCE = 2;
const SPREAD_AZ = 3;
const SPREAD_ATTRIBUTE = 4;

function strategyKind(s: PlacementStrategy): number {
  if (s.type === 'binpack') return s.field === 'cpu' ? BINPACK_CPU : BINPACK_MEMORY;
  const field = s.field ?? 'instanceId';
  if (field === 'instanceId' || field === 'host') return SPREAD_INSTANCE;
  if (field === 'attribute:ecs.availability-zone') return SPREAD_AZ;
  return SPREAD_ATTRIBUTE;
}

/** Chooses an instance for one task, or explains why none fits. Draws from the PRNG only for `random`. */
export function chooseInstance(
  world: World,
  index: PlacementIndex,
  req: PlacementRequest,
): { ok: true; instance: ContainerInstance } | { ok: false; failure: PlacementFailure } {
  if (index.registered.length === 0) return { ok: false, failure: { kind: 'empty-cluster' } };
  const strategies = req.strategies.length > 0 ? req.strategies : DEFAULT_STRATEGY;
  const randomAt = strategies.findIndex((s) => s.type === 'random');
  const scored = randomAt === -1 ? strategies : strategies.slice(0, randomAt);
  const kinds = scored.map(strategyKind);
  const n = kinds.length;
  const current = new Float64Array(n);
  const bestScores = new Float64Array(n);
  const {
    perCandidate,
    perAz,
    candidateAz,
    minimumPerCandidate,
    minimumPerAz,
    cursor,
    cursorLevel,
  } = index.arrays(req.group);
  // The best score each strategy could possibly give: a candidate that reaches all of them
  // is the first of the best, so the scan can stop there (same result, far fewer steps).
  const lowerBound = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    lowerBound[k] =
      kinds[k] === SPREAD_AZ
        ? minimumPerAz
        : kinds[k] === SPREAD_INSTANCE
          ? minimumPerCandidate
          : 0;
  }
  const canStopEarly = randomAt === -1;
  const ports = req.ports ?? [];
  const candidates = index.candidates;
  const ctx = { instance: candidates[0]!, groupsOnInstance: index.groupsOnInstance };
  const best: ContainerInstance[] = [];

  // Scans candidates (all, or one AZ's) keeping the lexicographically best; true if any fit.
  let hitBound: boolean;
  const scan = (order: readonly number[] | null, start = 0): boolean => {
    let fit = false;
    const count = order ? order.length : candidates.length;
    for (let j = start; j < count; j++) {
      const c = order ? order[j]! : j;
      const instance = candidates[c]!;
      const freeCpu = instance.cpuUnits - instance.reservedCpu - req.cpu;
      const freeMemory = instance.memoryMiB - instance.reservedMemory - req.memory;
      if (freeCpu < 0 || freeMemory < 0) continue;
      if (ports.length > 0 && portsTaken(instance, ports)) continue;
      fit = true;
      if (req.constraints.length > 0 && !satisfies(index, instance, req, ctx)) continue;
      let cmp = 0;
      for (let k = 0; k < n; k++) {
        const kind = kinds[k]!;
        const v =
          kind === SPREAD_AZ
            ? perAz[candidateAz[c]!]!
            : kind === SPREAD_INSTANCE
              ? perCandidate[c]!
              : kind === BINPACK_MEMORY
                ? freeMemory
                : kind === BINPACK_CPU
                  ? freeCpu
                  : spreadByAttribute(index, instance, req.group, scored[k]!);
        current[k] = v;
        if (cmp === 0) cmp = v - bestScores[k]!;
      }
      if (best.length === 0 || cmp < 0) {
        best.length = 0;
        best.push(instance);
        bestScores.set(current);
        if (canStopEarly) {
          let atBound = true;
          for (let k = 0; k < n && atBound; k++) atBound = current[k] === lowerBound[k];
          if (atBound) {
            hitBound = true;
            break;
          }
        }
      } else if (cmp === 0 && randomAt !== -1) {
        best.push(instance);
      }
    }
    return fit;
  };

  let anyFit = false;
  if (kinds[0] === SPREAD_AZ) {
    // Spread by AZ first: every candidate in the AZ with the fewest of the group's tasks beats
    // every candidate elsewhere, so scan AZs from the emptiest and stop at the first with a winner.
    const azOrder = index.candidatesByAz
      .map((_, a) => a)
      .sort((x, y) => perAz[x]! - perAz[y]! || x - y);
    const byInstanceNext = n >= 2 && kinds[1] === SPREAD_INSTANCE;
    for (const a of azOrder) {
      const order = index.candidatesByAz[a]!;
      let start = 0;
      if (byInstanceNext && canStopEarly) {
        // Skip the leading candidates that already hold more than the fewest tasks of the group:
        // counts only grow within a round, so they cannot be the first of the best.
        if (cursorLevel[a] !== minimumPerCandidate) {
          cursorLevel[a] = minimumPerCandidate;
          cursor[a] = 0;
        }
        let p = cursor[a]!;
        while (p < order.length && perCandidate[order[p]!]! > minimumPerCandidate) p++;
        cursor[a] = p;
        start = p;
      }
      hitBound = false;
      best.length = 0;
      let fit = scan(order, start);
      if (start > 0 && !hitBound) {
        // Nothing reached the bound: fall back to a full scan of the AZ, lowest index first.
        best.length = 0;
        fit = scan(order, 0) || fit;
      }
      if (fit) anyFit = true;
      if (best.length > 0) break;
    }
  } else {
    anyFit = scan(null);
  }
  if (best.length > 0) {
    const pick =
      randomAt === -1 || best.length === 1
        ? best[0]!
        : best[Math.floor(random(world) * best.length)]!;
    return { ok: true, instance: pick };
  }
  if (anyFit) return { ok: false, failure: { kind: 'constraints' } };
  return { ok: false, failure: closest(world, index, req) };
}

function spreadByAttribute(
  index: PlacementIndex,
  instance: ContainerInstance,
  group: string,
  s: PlacementStrategy,
): number {
  const field = s.field ?? '';
  const name = field.startsWith('attribute:') ? field.slice('attribute:'.length) : field;
  return index.countByAttribute(group, name, attribute(instance, name));
}

function satisfies(
  index: PlacementIndex,
  instance: ContainerInstance,
  req: PlacementRequest,
  ctx: { instance: ContainerInstance; groupsOnInstance: (id: string) => ReadonlySet<string> },
): boolean {
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

/** Whether an instance meets one binding constraint, checked as chooseInstance checks it. */
export function meetsConstraint(
  index: PlacementIndex,
  instance: ContainerInstance,
  group: string,
  constraint: PlacementConstraint,
): boolean {
  const req = { group, cpu: 0, memory: 0, strategies: [], constraints: [constraint] };
  return satisfies(index, instance, req, { instance, groupsOnInstance: index.groupsOnInstance });
}

/**
 * The value one strategy gives a candidate, as chooseInstance's scan computes it (lower ranks
 * first): the group's tasks in its AZ or on it, or the CPU units or MiB left after placing.
 */
export function strategyValue(
  index: PlacementIndex,
  instance: ContainerInstance,
  req: PlacementRequest,
  s: PlacementStrategy,
): number {
  switch (strategyKind(s)) {
    case SPREAD_AZ:
      return index.countInAz(req.group, instance.az);
    case SPREAD_INSTANCE:
      return index.countOnInstance(req.group, instance.id);
    case BINPACK_MEMORY:
      return instance.memoryMiB - instance.reservedMemory - req.memory;
    case BINPACK_CPU:
      return instance.cpuUnits - instance.reservedCpu - req.cpu;
    default:
      return spreadByAttribute(index, instance, req.group, s);
  }
}

/** Whether any of the ports is reserved by the agent or already used on the instance. */
export function portsTaken(instance: ContainerInstance, ports: readonly number[]): boolean {
  for (const p of ports)
    if (ECS_RESERVED_PORTS.includes(p) || instance.usedPorts.includes(p)) return true;
  return false;
}

/** The closest matching container instance: the one nearest to fitting, and what it lacks. */
function closest(world: World, index: PlacementIndex, req: PlacementRequest): PlacementFailure {
  let best: ContainerInstance | null = null;
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
  if (fitsMemory && fitsCpu) {
    const ports = req.ports ?? [];
    const kind =
      canHostTasks(world, best) && ports.length > 0 && portsTaken(best, ports) ? 'ports' : 'agent';
    return { kind, containerInstanceId: ciid, instanceId: best.id };
  }
  return {
    kind: fitsMemory ? 'insufficient-cpu' : 'insufficient-memory',
    containerInstanceId: ciid,
    instanceId: best.id,
  };
}

/**
 * Fargate: the healthy AZ with the fewest of the group's tasks (first AZ wins ties), among the
 * AZs of the service's subnets (serviceAzs; a standalone task may go in any).
 */
export function chooseFargateAz(
  world: World,
  index: PlacementIndex,
  group: string,
  azs: readonly string[] = world.azs,
): string | null {
  let best: string | null = null;
  let bestCount = Infinity;
  for (const az of azs) {
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
    const i = t.instanceId ? world.ecs.containerInstances[t.instanceId] : undefined;
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
