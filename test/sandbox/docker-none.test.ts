import { describe, expect, it } from 'vitest';
import { advance, applyAction, commandFor, createWorld, type World } from '../../sandbox/index.ts';
import { loadScenario } from './helpers.ts';

const scenario = loadScenario('why-orchestration-by-hand.yaml');
const host = (w: World, name: string) =>
  Object.values(w.ec2.instances).find((i) => i.name === name)!;
const container = (w: World, name: string) =>
  Object.values(w.docker.containers).find((c) => c.name === name)!;

describe('orchestrator none: Docker hosts by hand', () => {
  it('starts with 15 containers in the tray and 5 storefront replicas running', () => {
    const world = createWorld(scenario);
    expect(Object.values(world.docker.containers).filter((c) => c.hostId === null)).toHaveLength(
      15,
    );
    expect(
      Object.values(world.docker.containers).filter((c) => c.state === 'running'),
    ).toHaveLength(5);
    expect(host(world, 'host-a').memoryMiB).toBe(3952);
    expect(host(world, 'host-a').cpuUnits).toBe(2048);
  });

  it('places a container with the real docker command and counts toil', () => {
    const world = createWorld(scenario);
    const action = {
      type: 'docker.container.place',
      containerId: 'orders',
      hostId: 'host-a',
    } as const;
    const command = commandFor(action, world);
    expect(command).toBe(
      `docker --context ${host(world, 'host-a').id} run -d --name orders --cpus 0.5 --memory 768m shipyard/orders:1.0`,
    );
    const { world: after, result } = applyAction(world, action);
    expect(result).toEqual({
      ok: true,
      message: `orders is running on host-a (${host(world, 'host-a').id}).`,
      command,
    });
    expect(after.docker.toil).toBe(1);
    expect(container(after, 'orders').state).toBe('running');
    expect(after.docker.hosts[host(after, 'host-a').id]!.reservedCpu).toBe(256 + 512);
  });

  it('refuses a container that does not fit, saying what is short, and changes nothing', () => {
    let world = createWorld(scenario);
    for (const name of ['orders', 'payments', 'catalog', 'cart'])
      world = applyAction(world, {
        type: 'docker.container.place',
        containerId: name,
        hostId: 'host-a',
      }).world;
    const { world: after, result } = applyAction(world, {
      type: 'docker.container.place',
      containerId: 'search',
      hostId: 'host-a',
    });
    expect(result).toEqual({
      ok: false,
      field: 'hostId',
      error: `Refused: search does not fit on host-a (${host(world, 'host-a').id}): not enough CPU (needs 0.50 vCPU, 0.00 vCPU free) and memory (needs 1024 MiB, 368 MiB free).`,
    });
    expect(after).toBe(world);
    expect(after.docker.toil).toBe(4);
  });

  it('a crashed container stays dead until the learner starts it again', () => {
    let world = createWorld(scenario);
    world = applyAction(world, {
      type: 'docker.container.place',
      containerId: 'orders',
      hostId: 'host-a',
    }).world;
    world = applyAction(
      world,
      { type: 'fault.crash', targetId: 'orders', oom: true },
      'instructor',
    ).world;
    const c = container(world, 'orders');
    expect([c.state, c.exitCode, c.oomKilled]).toEqual(['exited', 137, true]);
    expect(world.events.slice(-3).map((e) => e.message)).toEqual([
      `container oom ${c.id} (image=shipyard/orders:1.0, name=orders)`,
      `container die ${c.id} (exitCode=137, image=shipyard/orders:1.0, name=orders)`,
      'orders exited with code 137 (OOMKilled).',
    ]);
    world = advance(world, 600);
    expect(container(world, 'orders').state).toBe('exited');
    const toil = world.docker.toil;
    world = applyAction(world, { type: 'docker.container.start', containerId: 'orders' }).world;
    expect(container(world, 'orders').state).toBe('running');
    expect(container(world, 'orders').restartCount).toBe(1);
    expect(world.docker.toil).toBe(toil + 1);
  });

  it('scaling down by hand: stop then remove, one by one', () => {
    let world = createWorld(scenario);
    const refused = applyAction(world, {
      type: 'docker.container.remove',
      containerId: 'storefront-1',
    });
    expect(refused.result.ok).toBe(false);
    world = applyAction(world, {
      type: 'docker.container.stop',
      containerId: 'storefront-1',
    }).world;
    world = applyAction(world, {
      type: 'docker.container.remove',
      containerId: 'storefront-1',
    }).world;
    expect(Object.values(world.docker.containers).some((c) => c.name === 'storefront-1')).toBe(
      false,
    );
    expect(world.docker.toil).toBe(2);
    world = advance(world, 10);
    expect(world.metrics.at(-1)!.services.storefront).toMatchObject({ desired: 4, running: 4 });
  });

  it('ECS actions are refused without an orchestrator', () => {
    const world = createWorld(scenario);
    const r = applyAction(
      world,
      { type: 'ecs.service.update', service: 'storefront', desiredCount: 0 },
      'instructor',
    );
    expect(r.result).toEqual({
      ok: false,
      field: 'type',
      error:
        'ecs.service.update needs an orchestrator; this scenario runs plain Docker hosts (orchestrator none).',
    });
  });

  it('terminating a host kills its containers; they can be placed again elsewhere', () => {
    let world = createWorld(scenario);
    world = applyAction(
      world,
      { type: 'fault.terminate-instance', instanceId: 'host-c' },
      'instructor',
    ).world;
    expect(container(world, 'storefront-5')).toMatchObject({ state: 'exited', exitCode: 137 });
    world = advance(world, 30);
    expect(host(world, 'host-c').state).toBe('terminated');
    const placed = applyAction(world, {
      type: 'docker.container.place',
      containerId: 'storefront-5',
      hostId: 'host-b',
    });
    expect(placed.result.ok).toBe(true);
  });
});
