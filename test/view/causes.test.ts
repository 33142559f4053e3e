import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox/index.ts';
import { causeChain, chainText, latestEventAbout } from '../../src/lib/timeline/causes.ts';
import { loadScenario } from '../sandbox/helpers.ts';

function worldAfter(file: string, seconds: number) {
  const actor = createSandbox(loadScenario(file));
  actor.send({ type: 'sim.advance', seconds });
  return actor.getSnapshot().context.world;
}

describe('why did this happen: cause chains', () => {
  it('a task stopped because its instance shut down, because of the scripted fault', () => {
    const world = worldAfter('ecs-instance-lost.yaml', 200);
    const stopped = world.events.find(
      (e) => e.message.includes('service:web STOPPED') && e.time === 120,
    )!;
    const steps = causeChain(world, stopped.id);
    expect(steps.map((s) => [s.time, s.root])).toEqual([
      [120, false],
      [120, false],
      [120, true],
    ]);
    expect(steps[1]!.text).toBe(
      'EC2 Instance State-change Notification: i-032588e8653e08023 (t3.medium, eu-west-3a) is shutting-down',
    );
    expect(steps[2]!.text).toBe(
      'i-032588e8653e08023 is shutting down. (fault scripted by the scenario at 00:02:00)',
    );
  });

  it('an instance terminated when its shutdown timer ran out, a timer the fault started', () => {
    const world = worldAfter('ecs-instance-lost.yaml', 200);
    const terminated = world.events.find((e) => e.time === 140 && e.source === 'ec2')!;
    expect(chainText(causeChain(world, terminated.id))).toBe(
      `${terminated.message} ← i-032588e8653e08023's shutdownDelay timer ran out (a delay the simulation models) ← EC2 Instance State-change Notification: i-032588e8653e08023 (t3.medium, eu-west-3a) is shutting-down ← i-032588e8653e08023 is shutting down. (fault scripted by the scenario at 00:02:00)`,
    );
  });

  it('finds the newest event about an entity', () => {
    const world = worldAfter('ecs-instance-lost.yaml', 200);
    expect(latestEventAbout(world, 'i-032588e8653e08023')?.time).toBe(140);
    expect(latestEventAbout(world, 'i-032588e8653e08023', 130)?.time).toBe(120);
    expect(latestEventAbout(world, 'no-such-thing')).toBeNull();
  });

  it('answers nothing for an event id it does not have', () => {
    const world = worldAfter('ecs-instance-lost.yaml', 10);
    expect(causeChain(world, 999_999)).toEqual([]);
  });
});
