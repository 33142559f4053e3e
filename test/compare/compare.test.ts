/**
 * The five compute models, run in lockstep to the end: the final table is the lesson's claim,
 * so every cell is pinned (numbers and texts). Why each number is what it is: the lane's
 * scenario summary and the golden logs (test/golden/logs/compare-*.txt).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashWorld, loadServices, replay } from '../../sandbox/index.ts';
import {
  buildRows,
  grade,
  startComparison,
  stepComparison,
  winners,
  type Comparison,
} from '../../src/lib/compare/index.ts';
import { engine, fiveScenarios } from './run-five.ts';
import { badRevisionTasks } from './scripted-faults.ts';

let final: Comparison;

beforeAll(async () => {
  await loadServices();
  final = stepComparison(engine, startComparison(engine, fiveScenarios()), 1800);
}, 120_000);

const cellTexts = (id: string) =>
  buildRows(final)
    .find((r) => r.id === id)!
    .cells.map((c) => c.text);

describe('five compute models side by side, after 30 simulated minutes', () => {
  it('ran every world to the end, with every operator action accepted', () => {
    expect(final.time).toBe(1800);
    expect(final.lanes.map((l) => [l.model.id, l.world.time, l.refused])).toEqual([
      ['ecs-ec2', 1800, []],
      ['ecs-fargate', 1800, []],
      ['eks-managed', 1800, []],
      ['eks-self-managed', 1800, []],
      ['eks-fargate', 1800, []],
    ]);
  });

  it('ends each world exactly where replaying its scenario solution ends (the golden run)', () => {
    for (const lane of final.lanes) {
      const log = lane.scenario.solution.map((s) => ({
        at: s.at,
        by: 'learner' as const,
        action: s.action,
      }));
      const { world } = replay(lane.scenario, log, { until: lane.scenario.duration });
      expect(hashWorld(lane.world), lane.model.id).toBe(hashWorld(world));
    }
  });

  it('shows where the replicas run: nothing in the lost AZ, capacity in the two left', () => {
    expect(cellTexts('placements')).toEqual([
      'eu-west-3a: down, nothing runs; eu-west-3b: 2 instances, 7 replicas; eu-west-3c: 2 instances, 7 replicas',
      'eu-west-3a: down, nothing runs; eu-west-3b: 7 micro-VMs; eu-west-3c: 7 micro-VMs',
      'eu-west-3a: down, nothing runs; eu-west-3b: 3 nodes, 8 replicas; eu-west-3c: 2 nodes, 6 replicas',
      'eu-west-3a: down, nothing runs; eu-west-3b: 3 nodes, 8 replicas; eu-west-3c: 3 nodes, 6 replicas',
      'eu-west-3a: down, nothing runs; eu-west-3b: 7 micro-VMs; eu-west-3c: 7 micro-VMs',
    ]);
  });

  it('times each recovery from the events, in seconds', () => {
    expect(cellTexts('spike')).toEqual([
      '2 min 47 s',
      '3 min 23 s',
      '1 min 12 s',
      '2 min 17 s',
      '1 min 7 s',
    ]);
    expect(cellTexts('outage')).toEqual([
      '3 min 7 s',
      '1 min 38 s',
      '1 min 51 s',
      '5 min 48 s',
      '6 min 51 s',
    ]);
    expect(cellTexts('deploy')).toEqual([
      '2 min 10 s',
      '2 min 11 s',
      '2 min 9 s',
      '2 min 9 s',
      '2 min 58 s',
    ]);
  });

  it('counts the manual actions, what broke and the bill', () => {
    expect(cellTexts('manual')).toEqual([
      '3 actions',
      '1 action',
      '2 actions',
      '3 actions',
      '1 action',
    ]);
    expect(cellTexts('failed')).toEqual([
      '41,015 requests',
      '49,857 requests',
      '40,845 requests',
      '17,768 requests',
      '45,857 requests',
    ]);
    expect(cellTexts('missing')).toEqual([
      '984 replica-seconds',
      '995 replica-seconds',
      '701 replica-seconds',
      '1,953 replica-seconds',
      '2,328 replica-seconds',
    ]);
    expect(cellTexts('bill')).toEqual([
      '$0.1044 (now $0.2360/h)',
      '$0.1648 (now $0.3407/h)',
      '$0.1627 (now $0.3360/h)',
      '$0.1899 (now $0.4304/h)',
      '$0.2410 (now $0.5020/h)',
    ]);
  });

  it('splits what broke by phase: ECS loses no api replica in the bad deploy, EKS loses one', () => {
    expect(final.lanes.map((l) => [l.model.id, l.tracker.missing])).toEqual([
      ['ecs-ec2', { before: 0, spike: 513, outage: 471, deploy: 0 }],
      ['ecs-fargate', { before: 0, spike: 452, outage: 543, deploy: 0 }],
      ['eks-managed', { before: 0, spike: 310, outage: 262, deploy: 129 }],
      ['eks-self-managed', { before: 0, spike: 593, outage: 1231, deploy: 129 }],
      ['eks-fargate', { before: 0, spike: 354, outage: 1796, deploy: 178 }],
    ]);
    expect(final.lanes.map((l) => Object.values(l.tracker.failed).map(Math.round))).toEqual([
      [0, 41015, 0, 0],
      [0, 49857, 0, 0],
      [0, 4793, 36053, 0],
      [0, 5768, 12000, 0],
      [0, 15855, 30002, 0],
    ]);
  });

  it('names the winner of each row (ties share it)', () => {
    expect(Object.fromEntries(buildRows(final).map((r) => [r.id, winners(r)]))).toEqual({
      placements: [],
      spike: ['eks-fargate'],
      outage: ['ecs-fargate'],
      deploy: ['eks-managed', 'eks-self-managed'],
      manual: ['ecs-fargate', 'eks-fargate'],
      failed: ['eks-self-managed'],
      missing: ['eks-managed'],
      bill: ['ecs-ec2'],
    });
  });

  it('grades predictions in words, a tie counting every tied model as right', () => {
    const verdicts = grade(
      {
        cheapest: 'ecs-fargate',
        outage: 'ecs-fargate',
        manual: 'eks-fargate',
        deploy: 'eks-self-managed',
      },
      buildRows(final),
    );
    expect(verdicts.map((v) => [v.question.id, v.right, v.text])).toEqual([
      ['cheapest', false, 'Wrong: you predicted ECS on Fargate; ECS on EC2 wins.'],
      ['outage', true, 'Right: you predicted ECS on Fargate; ECS on Fargate wins.'],
      [
        'deploy',
        true,
        'Right: you predicted EKS, self-managed nodes; EKS, managed node group and EKS, self-managed nodes tie.',
      ],
      [
        'manual',
        true,
        'Right: you predicted EKS on Fargate; ECS on Fargate and EKS on Fargate tie.',
      ],
      ['failed', false, 'No prediction. EKS, self-managed nodes wins.'],
    ]);
  });
});

describe('the table while the worlds run', () => {
  it('says "not yet" before a fault, "recovering" while a world is short, and ranks nobody until the end', () => {
    let c = stepComparison(engine, startComparison(engine, fiveScenarios()), 100);
    expect(
      buildRows(c)
        .find((r) => r.id === 'outage')!
        .cells.map((x) => x.text),
    ).toEqual(Array(5).fill('not yet'));
    c = stepComparison(engine, c, 600 - 100 + 30);
    expect(
      buildRows(c)
        .find((r) => r.id === 'outage')!
        .cells.map((x) => [x.text, x.value]),
    ).toEqual([
      // ECS stops the tasks of the lost AZ at once; the EKS pods there still count as Ready
      // until their node is marked NotReady (50 s after its last heartbeat) or removed,
      // though the requests the Service sends them fail.
      ['recovering (30 s so far)', null],
      ['recovering (30 s so far)', null],
      ['nothing lost so far', null],
      ['nothing lost so far', null],
      ['nothing lost so far', null],
    ]);
    expect(winners(buildRows(c).find((r) => r.id === 'outage')!)).toEqual([]);
  }, 60_000);

  it('never steps past the end', () => {
    expect(stepComparison(engine, final, 100).time).toBe(1800);
  });
});

describe("the comparison's faults", () => {
  const scenarios = fiveScenarios();
  it('crashes every ECS task of the bad revision 3 s after it starts, until the rollback', () => {
    for (const [scenario, started] of [
      [scenarios[0]!, 25],
      [scenarios[1]!, 6],
    ] as const) {
      const tasks = badRevisionTasks(scenario);
      expect(tasks).toHaveLength(started);
      // Every task started before the rollback (at 00:22:00) crashed; none outlived 3 s.
      expect(tasks.filter((t) => t.stoppedAt === t.startedAt + 3)).toEqual(
        tasks.filter((t) => t.startedAt + 3 <= 1320),
      );
      for (const t of tasks.filter((t) => t.stoppedAt === t.startedAt + 3)) {
        expect(t).toMatchObject({ exitCode: 1, stopCode: 'EssentialContainerExited' });
      }
    }
  });
  it('lets the engine evict the EKS Fargate pods of the lost AZ: no scripted deletions', () => {
    const scenario = scenarios[4]!;
    expect(scenario.script.map((e) => [e.at, e.action.type])).toEqual([
      [120, 'fault.k8s-traffic'],
      [600, 'fault.az-outage'],
      [1200, 'k8s.deployment.set-image'],
      [1201, 'fault.k8s-crash'],
    ]);
    const log = scenario.solution.map((s) => ({
      at: s.at,
      by: 'learner' as const,
      action: s.action,
    }));
    const { world } = replay(scenario, log, { until: 1000 });
    const lines = world.events
      .filter((e) => /NodeNotReady|TaintManagerEviction/.test(e.message))
      .map((e) => `${e.time} ${e.message.includes('NodeNotReady') ? 'NodeNotReady' : 'evicted'}`);
    // The five micro-VMs of eu-west-3a (four web, one api) last reported at 590 or 594 (every
    // 10 s since they started at 0 or 4): Unknown 50 s later, evicted after the 300 s toleration.
    expect(lines).toEqual([
      ...Array(4).fill('640 NodeNotReady'),
      '644 NodeNotReady',
      ...Array(4).fill('940 evicted'),
      '944 evicted',
    ]);
  });
});
