import { describe, expect, it } from 'vitest';
import {
  checkGoals,
  createSandbox,
  hashWorld,
  replay,
  type Scenario,
  type World,
} from '../../sandbox/index.ts';
import { bucketMarks, marksOf, sliderText } from '../../src/lib/timeline/marks.ts';
import { CHECKPOINT_EVERY, createRewind } from '../../src/lib/timeline/rewind.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const engine = { replay, checkGoals };

/** Plays a scenario's solution as the island does (odd advance sizes), keeping every world it shows. */
function playLive(scenario: Scenario, until: number) {
  const actor = createSandbox(scenario);
  const rewind = createRewind(scenario, scenario.seed, engine);
  const seen = new Map<number, World>();
  const show = () => {
    const world = actor.getSnapshot().context.world;
    rewind.observe(world);
    seen.set(world.time, world);
  };
  show();
  const steps = [...scenario.solution].sort((a, b) => a.at - b.at);
  const advanceTo = (t: number) => {
    while (actor.getSnapshot().context.world.time < t) {
      const now = actor.getSnapshot().context.world.time;
      actor.send({ type: 'sim.advance', seconds: Math.min(7, t - now) });
      show();
    }
  };
  for (const step of steps) {
    advanceTo(step.at);
    actor.send({ type: 'learner.action', action: step.action });
    show();
  }
  advanceTo(until);
  return { actor, rewind, seen };
}

describe('rewinding a sandbox', () => {
  const scenario = loadScenario('ecs-instance-lost.yaml');
  const end = 420;

  it('keeps a checkpoint every ten seconds of simulated time', () => {
    const { rewind } = playLive(scenario, end);
    // The island shows worlds every 7 s here (and at the action at 02:10): a checkpoint is the
    // first world shown at least ten seconds after the previous one.
    expect(CHECKPOINT_EVERY).toBe(10);
    expect(rewind.checkpoints().map((c) => c.time)).toEqual([
      0, 14, 28, 42, 56, 70, 84, 98, 112, 126, 137, 151, 165, 179, 193, 207, 221, 235, 249, 263,
      277, 291, 305, 319, 333, 347, 361, 375, 389, 403, 417,
    ]);
  });

  it('rebuilds the world at any second exactly as it was (same hash as the live world then, and as a replay)', () => {
    const { actor, rewind, seen } = playLive(scenario, end);
    const live = actor.getSnapshot().context.world;
    for (const t of [0, 1, 59, 60, 61, 129, 130, 131, 200, 299, 333, 419]) {
      const rebuilt = rewind.worldAt(t, live);
      expect(rebuilt.time).toBe(t);
      const fromScratch = replay(
        scenario,
        live.log.filter((e) => e.at <= t),
        { until: t },
      ).world;
      expect(hashWorld(rebuilt)).toBe(hashWorld(fromScratch));
      const shown = seen.get(t);
      if (shown) expect(hashWorld(rebuilt)).toBe(hashWorld(shown));
    }
  });

  it('scrubbing back and forth gives the same worlds whatever the order', () => {
    const { actor, rewind } = playLive(scenario, end);
    const live = actor.getSnapshot().context.world;
    const forward = [10, 20, 150, 151, 400].map((t) => hashWorld(rewind.worldAt(t, live)));
    const backward = [400, 151, 150, 20, 10].map((t) => hashWorld(rewind.worldAt(t, live)));
    expect(backward.reverse()).toEqual(forward);
  });

  it('answers the live world itself at or after now', () => {
    const { actor, rewind } = playLive(scenario, end);
    const live = actor.getSnapshot().context.world;
    expect(rewind.worldAt(end, live)).toBe(live);
    expect(rewind.worldAt(end + 100, live)).toBe(live);
  });

  it('drops the checkpoints an undo made stale, and keeps the earlier ones', () => {
    const { actor, rewind } = playLive(scenario, end);
    const before = rewind.checkpoints().map((c) => c.time);
    actor.send({ type: 'learner.undo' });
    const undone = actor.getSnapshot().context.world;
    rewind.observe(undone);
    const after = rewind.checkpoints().map((c) => c.time);
    const actionAt = scenario.solution[0]!.at;
    // The undone world (still at 07:00) becomes the newest checkpoint.
    expect(after).toEqual([...before.filter((t) => t < actionAt), end]);
    // And the rebuilt past now follows the new history.
    const t = 300;
    const rebuilt = rewind.worldAt(t, undone);
    const expected = replay(
      scenario,
      undone.log.filter((e) => e.at <= t),
      { until: t },
    ).world;
    expect(hashWorld(rebuilt)).toBe(hashWorld(expected));
  });

  it('continuing from a rewound second branches: the later actions are gone, the past is kept', () => {
    const { actor, rewind } = playLive(scenario, end);
    const live = actor.getSnapshot().context.world;
    const actionAt = scenario.solution[0]!.at;
    const branchAt = actionAt - 10;
    const past = rewind.worldAt(branchAt, live);
    expect(past.log.filter((e) => e.by === 'learner')).toEqual([]);
    actor.send({ type: 'sim.restore', snapshot: JSON.stringify(past) });
    const branched = actor.getSnapshot().context.world;
    expect(branched.time).toBe(branchAt);
    expect(hashWorld(branched)).toBe(hashWorld(past));
    rewind.observe(branched);
    expect(rewind.checkpoints().every((c) => c.time <= branchAt)).toBe(true);
  });
});

describe('timeline marks', () => {
  const scenario = loadScenario('ecs-instance-lost.yaml');

  it('marks the learner action, the scripted fault and the goal changes, each with its words', () => {
    const actor = createSandbox(scenario);
    const rewind = createRewind(scenario, scenario.seed, engine);
    rewind.observe(actor.getSnapshot().context.world);
    for (const step of scenario.solution) {
      actor.send({
        type: 'sim.advance',
        seconds: step.at - actor.getSnapshot().context.world.time,
      });
      rewind.observe(actor.getSnapshot().context.world);
      actor.send({ type: 'learner.action', action: step.action });
    }
    for (let i = 0; i < 10; i++) {
      actor.send({ type: 'sim.advance', seconds: 60 });
      rewind.observe(actor.getSnapshot().context.world);
    }
    const world = actor.getSnapshot().context.world;
    expect(marksOf(world, rewind.checkpoints())).toEqual([
      { time: 120, kind: 'scripted', text: 'The scenario: i-032588e8653e08023 is shutting down.' },
      {
        time: 130,
        kind: 'goal',
        text: 'Goal “At least 3 ACTIVE container instances by 00:05:30”: met → not yet met (by 00:02:10)',
      },
      {
        time: 130,
        kind: 'action',
        text: 'You: Launching i-0b934bc579e5d6bfc (t3.medium, eu-west-3a, Docker + ECS agent).',
      },
      {
        time: 250,
        kind: 'goal',
        text: 'Goal “At least 3 ACTIVE container instances by 00:05:30”: not yet met → met (by 00:04:10)',
      },
      {
        time: 600,
        kind: 'goal',
        text: 'Goal “8 web tasks running from 00:05:30 to the end”: not yet met → met (by 00:10:00)',
      },
    ]);
  });

  it('groups marks into slots, the most telling kind on top, and counts them', () => {
    const marks = [
      { time: 10, kind: 'scaling' as const, text: 'a' },
      { time: 12, kind: 'fault' as const, text: 'b' },
      { time: 14, kind: 'action' as const, text: 'c' },
      { time: 900, kind: 'goal' as const, text: 'd' },
    ];
    expect(bucketMarks(marks, 1000, 10)).toEqual([
      { time: 12, kind: 'fault', count: 3 },
      { time: 900, kind: 'goal', count: 1 },
    ]);
  });

  it('speaks the slider value with the events at that second', () => {
    const marks = [
      { time: 754, kind: 'fault' as const, text: 'a' },
      { time: 754, kind: 'scaling' as const, text: 'b' },
      { time: 754, kind: 'action' as const, text: 'c' },
    ];
    expect(sliderText(754, 3600, marks)).toBe('00:12:34 of 01:00:00, 3 events');
    expect(sliderText(755, 3600, marks)).toBe('00:12:35 of 01:00:00');
  });
});
