/**
 * The presenter's pure parts: the fault catalogue built from a world, and the checks on what
 * arrives over the BroadcastChannel.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Scenario } from '../../sandbox/index.ts';
import { faultCatalogue } from '../../src/lib/teaching/fault-catalogue.ts';
import {
  lessonOfPath,
  parseConsoleMessage,
  parseProjectorMessage,
} from '../../src/lib/teaching/presenter-channel.ts';
import { loadScenario } from '../sandbox/helpers.ts';

function worldAfterSolution(scenario: Scenario, extra: number) {
  const actor = createSandbox(scenario);
  for (const step of [...scenario.solution].sort((a, b) => a.at - b.at)) {
    const now = actor.getSnapshot().context.world.time;
    if (step.at > now) actor.send({ type: 'sim.advance', seconds: step.at - now });
    actor.send({ type: 'learner.action', action: step.action });
  }
  actor.send({ type: 'sim.advance', seconds: extra });
  return actor;
}

describe('the fault catalogue', () => {
  it('offers an ECS world its task, instance, AZ, agent and traffic faults, targeting what runs', () => {
    const actor = worldAfterSolution(loadScenario('ecs-first-service.yaml'), 120);
    const world = actor.getSnapshot().context.world;
    const catalogue = faultCatalogue(world);
    expect(catalogue.map((kind) => [kind.id, kind.targets.length])).toEqual([
      ['crash-task', 3],
      ['oom-task', 3],
      ['bad-release', 1],
      ['terminate-instance', 2],
      ['az-outage', 3],
      ['az-recover', 0],
      ['agent-disconnect', 2],
      ['agent-reconnect', 0],
      ['traffic', 1],
    ]);
    const running = Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING');
    expect(catalogue[0]!.targets.map((t) => t.action)).toEqual(
      expect.arrayContaining(
        running.map((t) => ({ type: 'fault.crash', targetId: t.id, exitCode: 1 })),
      ),
    );
    expect(catalogue.find((k) => k.id === 'bad-release')!.targets).toEqual([
      {
        label: 'web:1 · used by web',
        action: { type: 'fault.ecs-crash-on-start', taskDefinition: 'web:1' },
      },
    ]);
    expect(catalogue.find((k) => k.id === 'traffic')!.amount).toEqual({
      field: 'rps',
      label: 'Requests per second',
      min: 0,
      max: 1_000_000,
      initial: 200,
    });
  });

  it('follows the world: an AZ that went down moves from outage to recovery, and its agents to reconnect', () => {
    const actor = worldAfterSolution(loadScenario('ecs-first-service.yaml'), 120);
    actor.send({
      type: 'instructor.action',
      action: { type: 'fault.az-outage', az: 'eu-west-3a' },
    });
    const catalogue = faultCatalogue(actor.getSnapshot().context.world);
    const labels = (id: string) => catalogue.find((k) => k.id === id)!.targets.map((t) => t.label);
    expect(labels('az-outage')).toEqual(['eu-west-3b', 'eu-west-3c']);
    expect(labels('az-recover')).toEqual(['eu-west-3a']);
    expect(labels('agent-reconnect')).toHaveLength(1);
    expect(labels('agent-disconnect')).toHaveLength(1);
  });

  it('offers plain Docker hosts container faults, and no task, agent or traffic faults', () => {
    const world = createSandbox(loadScenario('why-orchestration-by-hand.yaml')).getSnapshot()
      .context.world;
    expect(faultCatalogue(world).map((kind) => kind.id)).toEqual([
      'crash-container',
      'oom-container',
      'terminate-instance',
      'az-outage',
      'az-recover',
    ]);
  });

  it('every target it offers is accepted by the engine as the instructor', () => {
    for (const file of [
      'ecs-first-service.yaml',
      'why-orchestration-orchestrated.yaml',
      'fargate-service.yaml',
    ]) {
      const actor = worldAfterSolution(loadScenario(file), 120);
      for (const kind of faultCatalogue(actor.getSnapshot().context.world)) {
        for (const target of kind.targets) {
          const probe = createSandbox(actor.getSnapshot().context.scenario);
          probe.send({
            type: 'sim.restore',
            snapshot: JSON.stringify(actor.getSnapshot().context.world),
          });
          probe.send({ type: 'instructor.action', action: target.action });
          expect(
            probe.getSnapshot().context.lastResult,
            `${file} ${kind.id} ${target.label}`,
          ).toMatchObject({ ok: true });
        }
      }
    }
  }, 60_000);
});

describe('presenter channel messages', () => {
  it('accepts the console’s messages and refuses anything else', () => {
    expect(parseConsoleMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
    expect(parseConsoleMessage({ kind: 'control', control: 'step' })).toEqual({
      kind: 'control',
      control: 'step',
    });
    expect(parseConsoleMessage({ kind: 'speed', speed: 16 })).toEqual({ kind: 'speed', speed: 16 });
    expect(parseConsoleMessage({ kind: 'speed', speed: 1000 })).toBeNull();
    expect(parseConsoleMessage({ kind: 'control', control: 'delete-everything' })).toBeNull();
    expect(
      parseConsoleMessage({
        kind: 'fault',
        label: 'AZ',
        action: { type: 'fault.az-outage', az: 'eu-west-3a' },
      }),
    ).toEqual({
      kind: 'fault',
      label: 'AZ',
      action: { type: 'fault.az-outage', az: 'eu-west-3a' },
    });
    // Only faults travel as the instructor; a learner action over the channel is dropped.
    expect(
      parseConsoleMessage({
        kind: 'fault',
        label: 'x',
        action: { type: 'service.delete', service: 'web' },
      }),
    ).toBeNull();
    expect(
      parseConsoleMessage({
        kind: 'fault',
        label: 'x'.repeat(301),
        action: { type: 'fault.crash' },
      }),
    ).toBeNull();
    for (const junk of [null, 'hello', 42, [], { kind: '__proto__' }])
      expect(parseConsoleMessage(junk)).toBeNull();
  });

  it('accepts the projector’s messages by shape', () => {
    expect(parseProjectorMessage({ kind: 'gone' })).toEqual({ kind: 'gone' });
    expect(
      parseProjectorMessage({ kind: 'fired', fired: { at: 5, label: 'x', ok: true, text: 'y' } }),
    ).toEqual({
      kind: 'fired',
      fired: { at: 5, label: 'x', ok: true, text: 'y' },
    });
    expect(parseProjectorMessage({ kind: 'fired', fired: { at: '5' } })).toBeNull();
    expect(parseProjectorMessage({ kind: 'status', status: { lesson: 'ecs' } })).toBeNull();
  });

  it('finds the lesson of a lesson page path', () => {
    expect(lessonOfPath('/lessons/ecs/')).toBe('ecs');
    expect(lessonOfPath('/lessons/why-orchestration/')).toBe('why-orchestration');
    expect(lessonOfPath('/instructors/')).toBeNull();
  });
});
