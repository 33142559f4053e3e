import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAction,
  createSandbox,
  createWorld,
  replay,
  deserializeWorld,
  hashWorld,
  serializeWorld,
  type Action,
  type Actor,
  type PlacementStrategy,
  type World,
} from '../../sandbox/index.ts';
import { loadScenario } from './helpers.ts';

const scenario = loadScenario('ecs-az-outage-spread.yaml');

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('ecs.service.update' as const),
    service: fc.constant('web'),
    desiredCount: fc.integer({ min: 0, max: 12 }),
  }),
  fc.record({
    type: fc.constant('ec2.instance.launch' as const),
    instanceType: fc.constantFrom('t3.medium', 'm5.large'),
    az: fc.constantFrom('eu-west-3a', 'eu-west-3b', 'eu-west-3c'),
    software: fc.constantFrom('ecs' as const, 'docker' as const),
  }),
  fc.record({
    type: fc.constant('fault.crash' as const),
    service: fc.constant('web'),
    oom: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('fault.az-outage' as const),
    az: fc.constantFrom('eu-west-3a', 'eu-west-3b'),
  }),
  fc.record({
    type: fc.constant('fault.az-recover' as const),
    az: fc.constantFrom('eu-west-3a', 'eu-west-3b'),
  }),
  fc.record({
    type: fc.constant('fault.traffic' as const),
    service: fc.constant('web'),
    rps: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({
    type: fc.constant('ecs.service.update' as const),
    service: fc.constant('web'),
    placementStrategy: fc.constantFrom<PlacementStrategy[]>(
      [{ type: 'binpack' as const, field: 'memory' }],
      [{ type: 'random' as const }],
      [{ type: 'spread' as const, field: 'instanceId' }],
    ),
  }),
);
const stepsArb = fc.array(fc.record({ wait: fc.integer({ min: 0, max: 90 }), action: actionArb }), {
  maxLength: 12,
});

function run(
  steps: { wait: number; action: Action }[],
  snapshotAt = -1,
): { hashes: string[]; world: World } {
  let world = createWorld(scenario);
  const hashes: string[] = [];
  steps.forEach((step, i) => {
    if (i === snapshotAt) {
      const restored = deserializeWorld(serializeWorld(world));
      if (!restored.ok) throw new Error(restored.error);
      world = restored.value;
    }
    world = advance(world, step.wait);
    world = applyAction(world, step.action, 'instructor').world;
    hashes.push(hashWorld(world));
  });
  world = advance(world, 60);
  hashes.push(hashWorld(world));
  return { hashes, world };
}

describe('determinism under random action sequences (property)', () => {
  it('the same actions give the same hash after every step, and a snapshot/restore anywhere changes nothing', () => {
    fc.assert(
      fc.property(stepsArb, fc.nat(12), (steps, cut) => {
        const a = run(steps);
        const b = run(steps, steps.length > 0 ? cut % steps.length : -1);
        expect(b.hashes).toEqual(a.hashes);
        expect(serializeWorld(b.world)).toBe(serializeWorld(a.world));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('metrics are sampled every 10 sim seconds, and the world invariants hold', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { world } = run(steps);
        expect(world.metrics.map((m) => m.time)).toEqual(
          Array.from({ length: Math.floor(world.time / 10) + 1 }, (_, i) => i * 10),
        );
        for (const i of [
          ...Object.values(world.ecs.containerInstances),
          ...Object.values(world.docker.hosts),
        ]) {
          const host = world.ec2.instances[i.id]!;
          expect(i.reservedCpu).toBeLessThanOrEqual(host.cpuUnits);
          expect(i.reservedMemory).toBeLessThanOrEqual(host.memoryMiB);
          expect(i.reservedCpu).toBeGreaterThanOrEqual(0);
        }
        for (const t of Object.values(world.ecs.tasks)) {
          if (t.lastStatus === 'RUNNING' && t.launchType === 'EC2')
            expect(world.ec2.instances[t.instanceId!]!.state).toBe('running');
        }
        expect(world.cost.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe('the live world equals a replay of its own log (property)', () => {
  /** As the UI plays: one simulated second per frame, actions between frames. */
  function live(start: World, steps: { wait: number; action: Action }[], by: Actor): World {
    let world = start;
    for (const step of steps) {
      for (let k = 0; k < step.wait; k++) world = advance(world, 1);
      world = applyAction(world, step.action, by).world;
    }
    for (let k = 0; k < 30; k++) world = advance(world, 1);
    return world;
  }

  it('ECS: random actions between advances give the hash replay(scenario, world.log) gives', () => {
    fc.assert(
      fc.property(stepsArb, fc.constantFrom<Actor>('learner', 'instructor'), (steps, by) => {
        const world = live(createWorld(scenario), steps, by);
        const replayed = replay(scenario, world.log, { until: world.time }).world;
        expect(hashWorld(replayed)).toBe(hashWorld(world));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  const byHand = loadScenario('why-orchestration-by-hand.yaml');
  const names = byHand.initial.containers.map((c) => c.name);
  const hosts = ['host-a', 'host-b', 'host-c'];
  const dockerArb: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      type: fc.constant('docker.container.place' as const),
      containerId: fc.constantFrom(...names),
      hostId: fc.constantFrom(...hosts),
    }),
    fc.record({
      type: fc.constantFrom(
        'docker.container.start' as const,
        'docker.container.stop' as const,
        'docker.container.remove' as const,
      ),
      containerId: fc.constantFrom(...names),
    }),
    fc.record({
      type: fc.constant('fault.crash' as const),
      targetId: fc.constantFrom(...names),
      oom: fc.boolean(),
    }),
  );

  it('Docker hosts: the same, toil included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ wait: fc.integer({ min: 0, max: 20 }), action: dockerArb }), {
          maxLength: 15,
        }),
        (steps) => {
          const world = live(createWorld(byHand), steps, 'learner');
          const replayed = replay(byHand, world.log, { until: world.time }).world;
          expect(replayed.docker.toil).toBe(world.docker.toil);
          expect(hashWorld(replayed)).toBe(hashWorld(world));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('undo, reset and restore keep working across the new shape', () => {
    const actor = createSandbox(byHand);
    actor.send({ type: 'sim.advance', seconds: 5 });
    const before = hashWorld(actor.getSnapshot().context.world);
    actor.send({
      type: 'learner.action',
      action: { type: 'docker.container.place', containerId: 'orders', hostId: 'host-a' },
    });
    expect(actor.getSnapshot().context.world.docker.toil).toBe(1);
    actor.send({ type: 'learner.undo' });
    expect(hashWorld(actor.getSnapshot().context.world)).toBe(before);
    const snapshot = serializeWorld(actor.getSnapshot().context.world);
    actor.send({ type: 'sim.reset' });
    expect(actor.getSnapshot().context.world.time).toBe(0);
    actor.send({ type: 'sim.restore', snapshot });
    expect(actor.getSnapshot().context.lastResult).toMatchObject({ ok: true });
    expect(hashWorld(actor.getSnapshot().context.world)).toBe(before);
  });
});
