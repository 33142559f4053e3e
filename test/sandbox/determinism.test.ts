import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAction,
  createSandbox,
  createWorld,
  deserializeWorld,
  hashWorld,
  replay,
  serializeWorld,
} from '../../sandbox/index.ts';
import { loadScenario } from './helpers.ts';

const scenario = loadScenario('ecs-outgrows-capacity.yaml');
const solution = scenario.solution.map((s) => ({
  at: s.at,
  by: 'learner' as const,
  action: s.action,
}));

function hashesEvery(seconds: number, seed?: number): string[] {
  let world = createWorld(scenario, { seed });
  const hashes = [hashWorld(world)];
  let next = 0;
  for (let t = 0; t < 600; t += seconds) {
    while (next < solution.length && solution[next]!.at <= world.time) {
      world = applyAction(world, solution[next]!.action).world;
      next++;
    }
    world = advance(world, seconds);
    hashes.push(hashWorld(world));
  }
  return hashes;
}

describe('determinism', () => {
  it('same scenario, seed and actions give identical hashes at every step', () => {
    expect(hashesEvery(10)).toEqual(hashesEvery(10));
  });
  it('a different seed gives a different world (ids, delays)', () => {
    expect(hashesEvery(60, 99).at(-1)).not.toBe(hashesEvery(60).at(-1));
  });
  it('replaying the log gives the same event log and hash', () => {
    const a = replay(scenario, solution, { until: 900 }).world;
    const b = replay(scenario, solution, { until: 900 }).world;
    expect(serializeWorld(a)).toBe(serializeWorld(b));
    expect(a.events.length).toBeGreaterThan(10);
  });
  it('advancing 1 s at a time equals advancing 300 s at once', () => {
    let stepwise = createWorld(scenario);
    for (let i = 0; i < 300; i++) stepwise = advance(stepwise, 1);
    expect(hashWorld(stepwise)).toBe(hashWorld(advance(createWorld(scenario), 300)));
  });
  it('snapshot → restore → continue equals never stopping', () => {
    const mid = replay(scenario, solution, { until: 400 }).world;
    const restored = deserializeWorld(serializeWorld(mid));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(serializeWorld(restored.value)).toBe(serializeWorld(mid));
    const continued = advance(restored.value, 500);
    const straight = replay(scenario, solution, { until: 900 }).world;
    expect(hashWorld(continued)).toBe(hashWorld(straight));
  });
  it('advance does not change the world it is given', () => {
    const world = createWorld(scenario);
    const before = serializeWorld(world);
    advance(world, 120);
    expect(serializeWorld(world)).toBe(before);
  });
});

describe('the sandbox actor', () => {
  it('applies learner actions, advances, and reports the result with the real command', () => {
    const actor = createSandbox(scenario);
    actor.send({
      type: 'learner.action',
      action: { type: 'ecs.service.update', service: 'web', desiredCount: 6 },
    });
    const result = actor.getSnapshot().context.lastResult;
    expect(result).toEqual({
      ok: true,
      message: 'Updated service web: desired count 6.',
      command: 'aws ecs update-service --cluster demo --service web --desired-count 6',
    });
    actor.send({ type: 'sim.advance', seconds: 30 });
    expect(actor.getSnapshot().context.world.time).toBe(30);
    expect(actor.getSnapshot().context.world.ecs.services.web!.runningCount).toBe(6);
  });
  it('undo rebuilds the world without the last learner action, at the same time', () => {
    const actor = createSandbox(scenario);
    actor.send({ type: 'sim.advance', seconds: 20 });
    const before = serializeWorld(actor.getSnapshot().context.world);
    actor.send({
      type: 'learner.action',
      action: { type: 'ecs.service.update', service: 'web', desiredCount: 5 },
    });
    actor.send({ type: 'learner.undo' });
    expect(serializeWorld(actor.getSnapshot().context.world)).toBe(before);
    actor.send({
      type: 'learner.action',
      action: { type: 'ecs.service.update', service: 'web', desiredCount: 5 },
    });
    actor.send({ type: 'sim.advance', seconds: 60 });
    actor.send({ type: 'learner.undo' });
    const expected = advance(createWorld(scenario), 80);
    expect(hashWorld(actor.getSnapshot().context.world)).toBe(hashWorld(expected));
  });
  it('undo without checkpoints replays from the scenario', () => {
    const actor = createSandbox(scenario);
    for (let i = 0; i < 12; i++) {
      actor.send({
        type: 'learner.action',
        action: { type: 'ecs.service.update', service: 'web', desiredCount: 4 + (i % 3) },
      });
      actor.send({ type: 'sim.advance', seconds: 10 });
    }
    actor.send({ type: 'learner.undo' });
    actor.send({ type: 'learner.undo' });
    const log = actor.getSnapshot().context.world.log.filter((e) => e.by === 'learner');
    expect(log.length).toBe(10);
    const rebuilt = replay(scenario, log, { until: 120 }).world;
    expect(hashWorld(actor.getSnapshot().context.world)).toBe(hashWorld(rebuilt));
  });
  it('reaches finished at the scenario duration and reset starts over', () => {
    const actor = createSandbox(loadScenario('ecs-no-agent.yaml'));
    actor.send({ type: 'sim.advance', seconds: 10_000 });
    expect(actor.getSnapshot().value).toBe('finished');
    expect(actor.getSnapshot().context.world.time).toBe(600);
    actor.send({ type: 'sim.reset' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(actor.getSnapshot().context.world.time).toBe(0);
  });
  it('restore refuses a corrupt snapshot and changes nothing', () => {
    const actor = createSandbox(scenario);
    const before = serializeWorld(actor.getSnapshot().context.world);
    actor.send({ type: 'sim.restore', snapshot: '{"time": "soon"' });
    expect(actor.getSnapshot().context.lastResult?.ok).toBe(false);
    expect(serializeWorld(actor.getSnapshot().context.world)).toBe(before);
  });
});
