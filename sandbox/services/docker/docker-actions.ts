/**
 * Orchestrator `none`: Docker hosts by hand. Every placement, start, stop and removal is a
 * manual action; nothing restarts a dead container. Refusals say what does not fit.
 */
import { own } from '../../model/record.ts';
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import type { Container, ContainerState, DockerHost, Instance, World } from '../../model/types.ts';
import { runEffects, transitionFor, type GuardCheck } from '../../engine/machine-table.ts';
import { CONTAINER_TABLE } from './container-machine.ts';
import type { EngineContext } from '../../engine/module.ts';
import { emit } from '../../engine/events.ts';
import { findInstance } from '../../engine/world-ops.ts';

type Handler<T extends ActionType> = (ctx: EngineContext, action: ActionOf<T>) => ActionResult;

export function findContainer(world: World, ref: string): Container | null {
  const byId = own(world.docker.containers, ref);
  if (byId) return byId;
  for (const id in world.docker.containers)
    if (world.docker.containers[id]!.name === ref) return world.docker.containers[id]!;
  for (const id in world.docker.containers)
    if (id.startsWith(ref) && ref.length >= 4) return world.docker.containers[id]!;
  return null;
}

export function hostFree(world: World, host: Instance): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const id in world.docker.containers) {
    const c = world.docker.containers[id]!;
    if (c.hostId === host.id && c.state === 'running') {
      cpu += c.cpu;
      memory += c.memoryMiB;
    }
  }
  return { cpu: host.cpuUnits - cpu, memory: host.memoryMiB - memory };
}

interface ContainerStep {
  hostId?: string;
  exitCode?: number;
  oom?: boolean;
}

/** What the container chart's named actions do (container-machine.ts names them). */
const CONTAINER_EFFECTS: Record<string, (world: World, c: Container, step: ContainerStep) => void> =
  {
    assignHost: (_world, c, step) => {
      c.hostId = step.hostId ?? c.hostId;
    },
    markStarted: (world, c) => {
      c.exitCode = null;
      c.oomKilled = false;
      c.startedAt = world.time;
      c.finishedAt = null;
    },
    countRestart: (_world, c) => {
      c.restartCount++;
    },
    recordStop: (_world, c) => {
      c.exitCode = 0;
    },
    recordExit: (_world, c, step) => {
      c.exitCode = step.exitCode ?? 1;
      c.oomKilled = step.oom ?? false;
    },
    markFinished: (world, c) => {
      c.finishedAt = world.time;
    },
    destroy: (world, c) => {
      delete world.docker.containers[c.id];
    },
  };

/** Sends an event to a container's chart and carries out the effects it names. */
function sendContainer(
  world: World,
  c: Container,
  eventType: string,
  step: ContainerStep = {},
  guards?: GuardCheck,
): boolean {
  const transition = transitionFor(CONTAINER_TABLE, c.state, eventType, guards);
  if (!transition) return false;
  const previous = c.state;
  if (transition.target !== 'removed') c.state = transition.target as ContainerState;
  runEffects(CONTAINER_TABLE, previous, transition, CONTAINER_EFFECTS, world, c, step);
  return true;
}

/** The Docker daemon's view of a host, created when it first runs a container. */
export function dockerHost(world: World, id: string): DockerHost {
  return (world.docker.hosts[id] ??= { id, reservedCpu: 0, reservedMemory: 0, runningCount: 0 });
}

export function syncHost(world: World, host: Instance): void {
  const free = hostFree(world, host);
  const d = dockerHost(world, host.id);
  d.reservedCpu = host.cpuUnits - free.cpu;
  d.reservedMemory = host.memoryMiB - free.memory;
  let n = 0;
  for (const id in world.docker.containers) {
    const c = world.docker.containers[id]!;
    if (c.hostId === host.id && c.state === 'running') n++;
  }
  d.runningCount = n;
}

/** Every manual container operation a learner does by hand is toil. */
function countToil(ctx: EngineContext): void {
  if (ctx.by === 'learner') ctx.world.docker.toil++;
}

const label = (h: Instance) => (h.name ? `${h.name} (${h.id})` : h.id);
const vcpu = (units: number) => `${(units / 1024).toFixed(2)} vCPU`;

function refuseIfNoRoom(world: World, host: Instance, c: Container): ActionResult | null {
  const free = hostFree(world, host);
  const short: string[] = [];
  if (free.cpu < c.cpu)
    short.push(`CPU (needs ${vcpu(c.cpu)}, ${vcpu(Math.max(0, free.cpu))} free)`);
  if (free.memory < c.memoryMiB)
    short.push(`memory (needs ${c.memoryMiB} MiB, ${Math.max(0, free.memory)} MiB free)`);
  if (short.length === 0) return null;
  return {
    ok: false,
    field: 'hostId',
    error: `Refused: ${c.name} does not fit on ${label(host)}: not enough ${short.join(' and ')}.`,
  };
}

function usableHost(world: World, ref: string): Instance | ActionResult {
  const host = findInstance(world, ref);
  if (!host) return { ok: false, field: 'hostId', error: `No host named ${ref}.` };
  if (host.state !== 'running')
    return {
      ok: false,
      field: 'hostId',
      error: `${label(host)} is ${host.state}; Docker is not reachable on it.`,
    };
  if (!host.reachable)
    return {
      ok: false,
      field: 'hostId',
      error: `${label(host)} is unreachable (Availability Zone ${host.az} is down).`,
    };
  return host;
}

export const place: Handler<'docker.container.place'> = (ctx, action) => {
  const world = ctx.world;
  const c = findContainer(world, action.containerId);
  if (!c)
    return { ok: false, field: 'containerId', error: `No container named ${action.containerId}.` };
  const host = usableHost(world, action.hostId);
  if ('ok' in host) return host;
  const current = c.hostId ? own(world.ec2.instances, c.hostId) : undefined;
  const hostGone = !current || current.state === 'terminated' || current.state === 'shutting-down';
  if (c.state !== 'created' && !(c.state === 'exited' && hostGone)) {
    return {
      ok: false,
      field: 'containerId',
      error: `${c.name} is already on ${current ? label(current) : 'a host'}; stop and remove it first, or start it there.`,
    };
  }
  const refusal = refuseIfNoRoom(world, host, c);
  if (refusal) return refusal;
  sendContainer(
    world,
    c,
    'container.place',
    { hostId: host.id },
    (g) => g === 'hostGone' && hostGone,
  );
  syncHost(world, host);
  emit(
    world,
    'docker',
    'info',
    `container start ${c.id} (image=${c.image}, name=${c.name}) on ${label(host)}`,
    { subject: c.id },
  );
  countToil(ctx);
  return { ok: true, message: `${c.name} is running on ${label(host)}.`, command: '' };
};

export const start: Handler<'docker.container.start'> = (ctx, action) => {
  const world = ctx.world;
  const c = findContainer(world, action.containerId);
  if (!c)
    return { ok: false, field: 'containerId', error: `No container named ${action.containerId}.` };
  if (!c.hostId)
    return {
      ok: false,
      field: 'containerId',
      error: `${c.name} is not on a host yet; place it first.`,
    };
  if (c.state === 'running')
    return { ok: false, field: 'containerId', error: `${c.name} is already running.` };
  const host = usableHost(world, c.hostId);
  if ('ok' in host) return { ...host, field: 'containerId' };
  const refusal = refuseIfNoRoom(world, host, c);
  if (refusal) return refusal;
  sendContainer(world, c, 'container.start');
  syncHost(world, host);
  emit(world, 'docker', 'info', `container start ${c.id} (image=${c.image}, name=${c.name})`, {
    subject: c.id,
  });
  countToil(ctx);
  return { ok: true, message: `${c.name} restarted on ${label(host)}.`, command: '' };
};

export const stop: Handler<'docker.container.stop'> = (ctx, action) => {
  const world = ctx.world;
  const c = findContainer(world, action.containerId);
  if (!c)
    return { ok: false, field: 'containerId', error: `No container named ${action.containerId}.` };
  if (c.state !== 'running')
    return { ok: false, field: 'containerId', error: `${c.name} is not running.` };
  sendContainer(world, c, 'container.stop');
  const host = c.hostId ? own(world.ec2.instances, c.hostId) : undefined;
  if (host) syncHost(world, host);
  emit(world, 'docker', 'info', `container stop ${c.id} (image=${c.image}, name=${c.name})`, {
    subject: c.id,
  });
  countToil(ctx);
  return { ok: true, message: `${c.name} stopped.`, command: '' };
};

export const remove: Handler<'docker.container.remove'> = (ctx, action) => {
  const world = ctx.world;
  const c = findContainer(world, action.containerId);
  if (!c)
    return { ok: false, field: 'containerId', error: `No container named ${action.containerId}.` };
  if (c.state === 'running') {
    return {
      ok: false,
      field: 'containerId',
      error: `Error response from daemon: You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
    };
  }
  const host = c.hostId ? own(world.ec2.instances, c.hostId) : undefined;
  sendContainer(world, c, 'container.remove');
  if (host) syncHost(world, host);
  emit(world, 'docker', 'info', `container destroy ${c.id} (image=${c.image}, name=${c.name})`, {
    subject: c.id,
  });
  countToil(ctx);
  return { ok: true, message: `${c.name} removed.`, command: '' };
};

/** A running container dies (crash or OOM kill). It stays dead until someone starts it. */
export function crashContainer(
  world: World,
  c: Container,
  exitCode: number,
  oom: boolean,
): ActionResult {
  if (c.state !== 'running')
    return { ok: false, field: 'targetId', error: `${c.name} is not running.` };
  sendContainer(world, c, 'container.exit', { exitCode: oom ? 137 : exitCode, oom });
  const host = c.hostId ? own(world.ec2.instances, c.hostId) : undefined;
  if (host) syncHost(world, host);
  if (oom)
    emit(world, 'docker', 'error', `container oom ${c.id} (image=${c.image}, name=${c.name})`, {
      subject: c.id,
    });
  emit(
    world,
    'docker',
    'error',
    `container die ${c.id} (exitCode=${c.exitCode}, image=${c.image}, name=${c.name})`,
    { subject: c.id },
  );
  return {
    ok: true,
    message: `${c.name} exited with code ${c.exitCode}${oom ? ' (OOMKilled)' : ''}.`,
    command: '',
  };
}

/** The host went away: its running containers die with it. */
export function loseContainersOn(world: World, instance: Instance): void {
  for (const id in world.docker.containers) {
    const c = world.docker.containers[id]!;
    if (c.hostId === instance.id && c.state === 'running') {
      sendContainer(world, c, 'container.exit', { exitCode: 137 });
      emit(
        world,
        'docker',
        'error',
        `container die ${c.id} (exitCode=137, image=${c.image}, name=${c.name}): host ${instance.id} is ${instance.state}`,
        { subject: c.id },
      );
    }
  }
  const d = own(world.docker.hosts, instance.id);
  if (d) {
    d.reservedCpu = 0;
    d.reservedMemory = 0;
    d.runningCount = 0;
  }
}
