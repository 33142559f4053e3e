/**
 * The Docker module (orchestrator none): containers placed, started, stopped and removed by
 * hand on Docker hosts. Nothing restarts a dead container; every manual step is toil.
 *
 * The behaviour half of the module (loaded by index.ts's `load()`).
 */
import type { ServiceBehaviour } from '../../engine/module.ts';
import type { ActionResult } from '../../model/actions.ts';
import type { MetricSample, World } from '../../model/types.ts';
import { own } from '../../model/record.ts';
import { ids } from '../../engine/rng.ts';
import { findInstance } from '../../engine/world-ops.ts';
import {
  crashContainer,
  dockerHost,
  findContainer,
  loseContainersOn,
  place,
  remove,
  start,
  stop,
} from './docker-actions.ts';

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.:/=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
const hostRef = (world: World, ref: string) => findInstance(world, ref)?.id ?? ref;

/** `storefront-3` → `storefront`: replicas of one workload share a name with a number suffix. */
export function workloadName(containerName: string): string {
  const m = /^(.*)-\d+$/.exec(containerName);
  return m ? m[1]! : containerName;
}

function lifecycleCommand(world: World, verb: string, ref: string): string {
  const c = findContainer(world, ref);
  return `docker --context ${c?.hostId ?? 'default'} ${verb} ${c?.name ?? shellQuote(ref)}`;
}

export const dockerBehaviour: ServiceBehaviour<'docker'> = {
  name: 'docker',
  build(ctx, scenario, errors) {
    const world = ctx.world;
    const names = new Set<string>();
    for (const [i, spec] of scenario.initial.containers.entries()) {
      if (names.has(spec.name)) {
        errors.push({
          path: `initial.containers[${i}].name`,
          message: `container name '${spec.name}' is used twice`,
        });
        continue;
      }
      names.add(spec.name);
      let hostId: string | null = null;
      if (spec.host !== undefined) {
        const host = Object.values(world.ec2.instances).find((h) => h.name === spec.host);
        if (!host) {
          errors.push({
            path: `initial.containers[${i}].host`,
            message: `no instance named '${spec.host}'`,
          });
          continue;
        }
        hostId = host.id;
      }
      const id = ids.container(world);
      world.docker.containers[id] = {
        id,
        name: spec.name,
        image: spec.image,
        hostId,
        cpu: spec.cpu,
        memoryMiB: spec.memoryMiB,
        state: hostId ? 'running' : 'created',
        exitCode: null,
        oomKilled: false,
        startedAt: hostId ? 0 : null,
        finishedAt: null,
        restartCount: 0,
      };
      if (hostId) {
        const host = dockerHost(world, hostId);
        host.reservedCpu += spec.cpu;
        host.reservedMemory += spec.memoryMiB;
        host.runningCount++;
      }
    }
  },
  actions: {
    'docker.container.place': {
      handle: place,
      command: (action, world) => {
        const c = findContainer(world, action.containerId);
        if (!c)
          return `docker --context ${hostRef(world, action.hostId)} run -d --name ${shellQuote(action.containerId)}`;
        const cpus = String(Math.round((c.cpu / 1024) * 100) / 100);
        return `docker --context ${hostRef(world, action.hostId)} run -d --name ${c.name} --cpus ${cpus} --memory ${c.memoryMiB}m ${shellQuote(c.image)}`;
      },
    },
    'docker.container.start': {
      handle: start,
      command: (a, world) => lifecycleCommand(world, 'start', a.containerId),
    },
    'docker.container.stop': {
      handle: stop,
      command: (a, world) => lifecycleCommand(world, 'stop', a.containerId),
    },
    'docker.container.remove': {
      handle: remove,
      command: (a, world) => lifecycleCommand(world, 'rm', a.containerId),
    },
  },
  run: {},
  on(ctx, event) {
    if (event.type !== 'instance.lost') return;
    const instance = own(ctx.world.ec2.instances, event.instanceId);
    if (instance) loseContainersOn(ctx.world, instance);
  },
  crash(ctx, request): ActionResult | null {
    const ref = request.service ?? request.targetId;
    if (ref === undefined) return null;
    const c = findContainer(ctx.world, ref);
    return c ? crashContainer(ctx.world, c, request.exitCode, request.oom) : null;
  },
  metrics(world, sample: MetricSample) {
    const azs: Record<string, Record<string, number>> = {};
    for (const id in world.docker.containers) {
      const c = world.docker.containers[id]!;
      const name = workloadName(c.name);
      const s = (sample.services[name] ??= {
        desired: 0,
        running: 0,
        pending: 0,
        cpu: 0,
        memory: 0,
        azs: {},
      });
      s.desired++;
      const host = c.hostId ? own(world.ec2.instances, c.hostId) : undefined;
      if (c.state === 'running' && host && host.reachable && host.state === 'running') {
        s.running++;
        s.memory += c.memoryMiB;
        const perAz = (azs[name] ??= {});
        perAz[host.az] = (perAz[host.az] ?? 0) + 1;
      } else if (c.hostId === null) {
        s.pending++;
        sample.pendingTasks++;
      }
    }
    for (const name in sample.services) sample.services[name]!.azs = azs[name] ?? {};
    // A Docker host's CPU and memory are what its containers reserve.
    for (const id in sample.instances) {
      const i = world.ec2.instances[id]!;
      const d = own(world.docker.hosts, id);
      sample.instances[id] = {
        cpu: round2(((d?.reservedCpu ?? 0) / i.cpuUnits) * 100),
        memory: round2(((d?.reservedMemory ?? 0) / i.memoryMiB) * 100),
      };
    }
  },
};

const round2 = (n: number) => Math.round(n * 100) / 100;
