/**
 * Why an ECS task went where it did, or why it still waits: the placement steps of
 * placement.ts applied to every container instance one at a time, in the order chooseInstance
 * applies them (agent, CPU and memory, host ports, constraints, then the strategies), and the
 * pick taken from chooseInstance itself, so the explanation cannot drift from the decision.
 *
 * A placed task is explained against the world at the moment it was placed. Nothing about a
 * placement is stored: the caller rebuilds the world right after the placement round (by
 * replay) and names the tasks that had a place before it; the tasks that round placed after
 * this one are taken back out here, which gives the world exactly as this task found it.
 * A pure function of its inputs: it draws from no PRNG the world keeps.
 */
import type {
  ContainerInstance,
  PlacementConstraint,
  PlacementStrategy,
  Task,
  World,
} from '../../model/types.ts';
import { ECS_RESERVED_PORTS } from '../../model/aws-data.ts';
import { own } from '../../model/record.ts';
import { subnetIdFor, taskAzs } from '../../model/vpc.ts';
import { taskList } from '../../engine/task-list.ts';
import { canHostTasks, containerInstanceId } from './ecs-ops.ts';
import {
  DEFAULT_STRATEGY,
  PlacementIndex,
  chooseFargateAz,
  chooseInstance,
  meetsConstraint,
  taskConstraints,
  portsTaken,
  strategyValue,
  type PlacementFailure,
  type PlacementRequest,
} from './placement.ts';
import { failureMessage } from './placement-controller.ts';

/** The world right after the placement round that placed a task. */
export interface PlacementMoment {
  world: World;
  /** Ids of the tasks that already had a place before that round. */
  placedBefore: ReadonlySet<string>;
}

/** The step that ruled an instance out, or the ranking it got. */
export type PlacementStep =
  | {
      step: 'agent';
      /** The host is not running, cannot be reached, or its agent is not ACTIVE and connected. */
      reason: 'host-not-running' | 'unreachable' | 'not-active' | 'disconnected';
      status: string;
    }
  | {
      step: 'resources';
      cpu: { free: number; needs: number } | null;
      memory: { free: number; needs: number } | null;
    }
  /** The ports already taken; `reserved`: those the ECS agent reserves. */
  | { step: 'ports'; ports: number[]; reserved: number[] }
  | { step: 'constraint'; constraint: PlacementConstraint }
  | { step: 'ranked'; values: number[] };

export interface InstanceVerdict {
  instanceId: string;
  containerInstanceId: string;
  az: string;
  type: string;
  outcome: 'chosen' | 'fits' | 'ruled out';
  verdict: PlacementStep;
}

export interface Ec2PlacementExplanation {
  kind: 'ec2';
  taskId: string;
  service: string | null;
  /** True for a task that has a place (the explanation is of that moment). */
  placed: boolean;
  cpu: number;
  memory: number;
  ports: number[];
  /** The strategies that ranked the candidates, in order (the default when none were set). */
  strategies: PlacementStrategy[];
  /** A `random` strategy broke the tie among the best (it comes after those listed). */
  random: boolean;
  constraints: PlacementConstraint[];
  /** The instance chooseInstance picks (for a waiting task: would pick now), or null. */
  chosen: string | null;
  /** For a placed task: the instance it is on. */
  actual: string | null;
  /** Instances that rank level with the chosen one on every strategy (more than one: a tie). */
  tied: string[];
  verdicts: InstanceVerdict[];
  /** EC2 instances that are up but not in the cluster: no ECS agent registered from them. */
  notInCluster: string[];
  /** Why no instance was picked, and ECS's service event for it. */
  failure: PlacementFailure | null;
  serviceMessage: string | null;
}

export interface FargatePlacementExplanation {
  kind: 'fargate';
  taskId: string;
  service: string | null;
  placed: boolean;
  /** The AZ chosen (for a waiting task: would be chosen now), or null when every AZ is down. */
  chosen: string | null;
  actual: string | null;
  azs: { az: string; subnet: string; down: boolean; tasks: number }[];
}

export type PlacementExplanation = Ec2PlacementExplanation | FargatePlacementExplanation;

/** The moment's world with the tasks the round placed after `taskId` (and it) taken back out. */
export function worldAsTaskFoundIt(moment: PlacementMoment, taskId: string): World {
  const world = moment.world;
  const list = taskList(world);
  const at = list.findIndex((t) => t.id === taskId);
  if (at === -1) return world;
  const tasks = { ...world.ecs.tasks };
  const instances = { ...world.ecs.containerInstances };
  for (let k = at; k < list.length; k++) {
    const t = list[k]!;
    if (t.az === null || moment.placedBefore.has(t.id)) continue;
    tasks[t.id] = { ...t, az: null, instanceId: null };
    const ci = t.instanceId ? own(instances, t.instanceId) : undefined;
    if (!ci) continue;
    const usedPorts = [...ci.usedPorts];
    for (const p of t.hostPorts) {
      const i = usedPorts.lastIndexOf(p);
      if (i >= 0) usedPorts.splice(i, 1);
    }
    instances[ci.id] = {
      ...ci,
      reservedCpu: ci.reservedCpu - t.cpu,
      reservedMemory: ci.reservedMemory - t.memory,
      usedPorts,
    };
  }
  return { ...world, ecs: { ...world.ecs, tasks, containerInstances: instances } };
}

/**
 * Explains a task's placement: for a task with a place, against `moment` (required: without
 * it the answer would be about the world now, not then); for one still waiting, against
 * `world` as it is. Null for a task that does not exist or stopped without ever being placed.
 */
export function explainTaskPlacement(
  world: World,
  taskId: string,
  moment?: PlacementMoment,
): PlacementExplanation | null {
  const now = own(world.ecs.tasks, taskId);
  if (!now) return null;
  if (now.az === null) {
    if (now.lastStatus === 'STOPPED') return null;
    return explainIn(world, now, false);
  }
  if (!moment) return null;
  const then = worldAsTaskFoundIt(moment, taskId);
  const task = own(then.ecs.tasks, taskId);
  if (!task) return null;
  const explained = explainIn(then, task, true);
  explained.actual = now.launchType === 'FARGATE' ? now.az : now.instanceId;
  return explained;
}

function explainIn(world: World, task: Task, placed: boolean): PlacementExplanation {
  const index = new PlacementIndex(world);
  const service = task.service ? own(world.ecs.services, task.service) : undefined;
  if (task.launchType === 'FARGATE') {
    const azs = taskAzs(world, task, service);
    return {
      kind: 'fargate',
      taskId: task.id,
      service: task.service,
      placed,
      chosen: chooseFargateAz(world, index, task.group, azs),
      actual: null,
      azs: azs.map((az) => ({
        az,
        subnet: subnetIdFor(az),
        down: world.azDown.includes(az),
        tasks: index.countInAz(task.group, az),
      })),
    };
  }
  const req: PlacementRequest = {
    group: task.group,
    cpu: task.cpu,
    memory: task.memory,
    ports: task.hostPorts,
    strategies: service?.placementStrategy ?? [],
    constraints: taskConstraints(world, task, service),
  };
  const strategies = req.strategies.length > 0 ? req.strategies : DEFAULT_STRATEGY;
  const randomAt = strategies.findIndex((s) => s.type === 'random');
  const scored = randomAt === -1 ? strategies : strategies.slice(0, randomAt);
  const verdicts: InstanceVerdict[] = [];
  const notInCluster: string[] = [];
  for (const id in world.ec2.instances) {
    const ci = own(world.ecs.containerInstances, id);
    if (!ci) {
      const state = world.ec2.instances[id]!.state;
      if (state === 'pending' || state === 'running') notInCluster.push(id);
      continue;
    }
    if (ci.status === 'INACTIVE') continue;
    const verdict = stepFor(world, index, ci, req, scored);
    verdicts.push({
      instanceId: ci.id,
      containerInstanceId: containerInstanceId(ci),
      az: ci.az,
      type: ci.type,
      outcome: verdict.step === 'ranked' ? 'fits' : 'ruled out',
      verdict,
    });
  }
  // A copy of the world for the pick: a `random` draw advances the copy's PRNG, not the world's.
  const choice = chooseInstance({ ...world }, index, req);
  const chosen = choice.ok ? choice.instance.id : null;
  const best = verdicts.find((v) => v.instanceId === chosen);
  const bestValues = best?.verdict.step === 'ranked' ? best.verdict.values : null;
  const azFirst = scored[0]?.type === 'spread' && scored[0].field === DEFAULT_STRATEGY[0]!.field;
  const tied = bestValues
    ? verdicts
        .filter(
          (v) =>
            v.verdict.step === 'ranked' &&
            v.verdict.values.every((x, k) => x === bestValues[k]) &&
            (!azFirst || v.az === best!.az),
        )
        .map((v) => v.instanceId)
    : [];
  for (const v of verdicts) if (v.instanceId === chosen) v.outcome = 'chosen';
  const failure = choice.ok ? null : choice.failure;
  return {
    kind: 'ec2',
    taskId: task.id,
    service: task.service,
    placed,
    cpu: task.cpu,
    memory: task.memory,
    ports: [...task.hostPorts],
    strategies: scored,
    random: randomAt !== -1,
    constraints: req.constraints,
    chosen,
    actual: null,
    tied,
    verdicts,
    notInCluster,
    failure,
    serviceMessage: failure && service ? failureMessage(service.name, failure) : null,
  };
}

function stepFor(
  world: World,
  index: PlacementIndex,
  ci: ContainerInstance,
  req: PlacementRequest,
  scored: PlacementStrategy[],
): PlacementStep {
  if (!canHostTasks(world, ci)) {
    const host = own(world.ec2.instances, ci.id);
    const reason =
      !host || host.state !== 'running'
        ? 'host-not-running'
        : !host.reachable
          ? 'unreachable'
          : ci.status !== 'ACTIVE'
            ? 'not-active'
            : 'disconnected';
    return {
      step: 'agent',
      reason,
      status: reason === 'not-active' ? ci.status : (host?.state ?? 'terminated'),
    };
  }
  const freeCpu = ci.cpuUnits - ci.reservedCpu;
  const freeMemory = ci.memoryMiB - ci.reservedMemory;
  if (freeCpu < req.cpu || freeMemory < req.memory) {
    return {
      step: 'resources',
      cpu: freeCpu < req.cpu ? { free: freeCpu, needs: req.cpu } : null,
      memory: freeMemory < req.memory ? { free: freeMemory, needs: req.memory } : null,
    };
  }
  const ports = req.ports ?? [];
  if (ports.length > 0 && portsTaken(ci, ports)) {
    const taken = ports.filter((p) => portsTaken(ci, [p]));
    return {
      step: 'ports',
      ports: taken,
      reserved: taken.filter((p) => ECS_RESERVED_PORTS.includes(p)),
    };
  }
  for (const c of req.constraints)
    if (!meetsConstraint(index, ci, req.group, c)) return { step: 'constraint', constraint: c };
  return { step: 'ranked', values: scored.map((s) => strategyValue(index, ci, req, s)) };
}
