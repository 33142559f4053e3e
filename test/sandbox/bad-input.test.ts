import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  createSandbox,
  applyAction,
  createWorld,
  deserializeWorld,
  parseScenario,
  serializeWorld,
  type Action,
} from '../../sandbox/index.ts';
import { parseActionsFile } from '../../sandbox/scenarios/load.ts';
import { loadScenario } from './helpers.ts';

// A fixed copy of a valid scenario, so line numbers in these tests do not move with formatting.
const good = `id: ecs-no-agent
title: An instance without the ECS agent never joins
lesson: ecs
summary: >-
  A colleague launched a second host for the web service, but it runs plain Docker without the
  ECS agent: it never registers, so one web task cannot be placed. Get web to four running
  tasks on two ACTIVE container instances.
seed: 5
region: eu-west-3
orchestrator: ecs
duration: 600
initial:
  cluster: {name: demo}
  instances:
    - {name: ecs-a, type: t3.medium, az: eu-west-3a, software: ecs}
    - {name: plain-docker-b, type: t3.medium, az: eu-west-3b, software: docker}
  taskDefinitions:
    - family: web
      containerDefinitions: [{name: web, image: nginx:1.27, cpu: 512, memory: 1024}]
  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 4}
allowedActions: [ec2.instance.launch, ec2.instance.terminate]
script: []
goals:
  - id: two-container-instances
    goal: activeContainerInstancesAtLeast
    params: {count: 2, by: 300}
  - id: web-four
    goal: runningAtLeast
    params: {service: web, count: 4, from: 300}
hints:
  - The cluster only sees instances whose agent registered (status ACTIVE).
  - An instance needs the container runtime and the ECS agent, configured with ECS_CLUSTER=demo.
  - Replace the plain Docker host with one launched with software ecs.
solution:
  - {at: 10, action: {type: ec2.instance.terminate, instanceId: plain-docker-b}}
  - {at: 10, action: {type: ec2.instance.launch, instanceType: t3.medium, az: eu-west-3b, software: ecs}}
`;

describe('bad scenario files', () => {
  it('malformed YAML names the line and column', () => {
    const r = parseScenario('id: x\ntitle: [unclosed\norchestrator: ecs\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.line).toBeGreaterThanOrEqual(2);
    expect(r.error[0]!.message).toMatch(/^YAML: /);
  });

  it('an unknown field is named, with its line and column', () => {
    const r = parseScenario(good.replace('duration: 600', 'duration: 600\ndurration: 900'));
    expect(r).toEqual({
      ok: false,
      error: [{ path: 'durration', line: 12, column: 1, message: "unknown field 'durration'" }],
    });
  });

  it('a desired count of 10^9 is refused with the quota', () => {
    const r = parseScenario(good.replace('desiredCount: 4', 'desiredCount: 1000000000'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({
      path: 'initial.services[0].desiredCount',
      line: 21,
      column: 47,
      message: 'must be at most 5000 (ECS tasks-per-service quota)',
    });
  });

  it('a 10^6-instance scenario is refused before anything is built', () => {
    const r = parseScenario(good.replace('software: ecs}', 'software: ecs, count: 1000000}'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({
      path: 'initial.instances[0].count',
      message: 'must be at most 1000 (sandbox limit)',
    });
  });

  it('1,001 instances over two entries is over the total', () => {
    const r = parseScenario(good.replace('software: ecs}', 'software: ecs, count: 1000}'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toEqual({
      path: 'initial.instances',
      line: 14,
      column: 3,
      message: 'the scenario asks for 1001 instances; the sandbox runs at most 1000',
    });
  });

  it('goal params are validated by the goal’s own schema', () => {
    const r = parseScenario(
      good.replace('params: {count: 2, by: 300}', 'params: {count: -2, by: 300, colour: red}'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'goals[0].params.count: Too small: expected number to be >=1',
      "goals[0].params.colour: unknown field 'colour'",
    ]);
  });

  it('an unknown goal name is refused', () => {
    const r = parseScenario(
      good.replace('goal: activeContainerInstancesAtLeast', 'goal: eval("1+1")'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('goals[0].goal');
  });

  it('hostile strings are refused, not interpreted', () => {
    for (const name of [
      "web'; rm -rf /",
      '__proto__',
      'constructor',
      '<script>alert(1)</script>',
      'w'.repeat(300),
    ]) {
      const r = parseScenario(
        good.replace('serviceName: web', `serviceName: ${JSON.stringify(name)}`),
      );
      if (name === 'constructor') {
        expect(r.ok).toBe(true);
        continue;
      }
      expect(r.ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a billion-laughs alias bomb stops quickly', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const r = parseScenario(bomb);
    expect(r.ok).toBe(false);
  });

  it('actions files name the entry, field and line', () => {
    const r = parseActionsFile(
      '- at: 10\n  action: {type: ecs.service.update, service: web, desiredCount: -3}\n',
    );
    expect(r).toEqual({
      ok: false,
      error: [
        { path: '[0].action.desiredCount', line: 2, column: 66, message: 'must not be negative' },
      ],
    });
  });
});

describe('bad actions', () => {
  const scenario = loadScenario('ecs-outgrows-capacity.yaml');
  const world = createWorld(scenario);

  it('absurd numbers are refused with the limit, and nothing changes', () => {
    const cases: [unknown, string, string][] = [
      [
        { type: 'ecs.service.update', service: 'web', desiredCount: 1e9 },
        'desiredCount',
        'desiredCount: must be at most 5000 (the ECS quota of tasks per service)',
      ],
      [
        { type: 'ecs.task.run', taskDefinition: 'web', count: 11 },
        'count',
        'count: must be at most 10 (RunTask limit)',
      ],
      [
        {
          type: 'ec2.instance.launch',
          instanceType: 't3.medium',
          az: 'eu-west-3a',
          software: 'ecs',
          count: 1e6,
        },
        'count',
        'count: must be at most 100 per call (sandbox limit)',
      ],
      [{ type: 'fault.traffic', service: 'web', rps: -5 }, 'rps', 'rps: must not be negative'],
      [
        { type: 'ecs.service.update', service: 'web', desiredCount: 2.5 },
        'desiredCount',
        'desiredCount: must be a whole number',
      ],
      [{ type: 'ecs.service.update', service: 'web', colour: 'red' }, '', ''],
    ];
    const before = serializeWorld(world);
    for (const [action, field, error] of cases) {
      const r = applyAction(world, action as Action);
      expect(r.result.ok).toBe(false);
      if (field) expect(r.result).toEqual({ ok: false, field, error });
      expect(r.world).toBe(world);
    }
    expect(serializeWorld(world)).toBe(before);
  });

  it('a learner cannot use actions the scenario does not offer', () => {
    const r = applyAction(world, { type: 'ecs.task.run', taskDefinition: 'web' });
    expect(r.result).toEqual({
      ok: false,
      field: 'type',
      error: 'This scenario does not offer ecs.task.run.',
    });
  });

  it('advance ignores negative, NaN and infinite durations', () => {
    expect(advance(world, -5)).toBe(world);
    expect(advance(world, Number.NaN)).toBe(world);
    expect(advance(world, Number.POSITIVE_INFINITY)).toBe(world);
  });

  it('never throws and never changes the world on a refused action (property)', () => {
    const anyAction = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.constantFrom(
            'ecs.service.update',
            'ecs.task.run',
            'ecs.task.stop',
            'ec2.instance.launch',
            'fault.crash',
            'docker.container.place',
            'ecs.service.create',
            'ecs.taskdef.register',
            'ec2.asg.update',
          ),
          service: fc.string(),
          desiredCount: fc.oneof(fc.integer(), fc.double()),
          taskId: fc.string(),
          count: fc.integer(),
          instanceType: fc.string(),
          az: fc.string(),
          software: fc.string(),
          taskDefinition: fc.anything(),
        },
        { requiredKeys: ['type'] },
      ),
    );
    fc.assert(
      fc.property(anyAction, (action) => {
        const r = applyAction(world, action as Action, 'instructor');
        if (!r.result.ok) expect(r.world).toBe(world);
      }),
      { numRuns: 400 },
    );
    expect(serializeWorld(world)).toBe(serializeWorld(createWorld(scenario)));
  }, 60_000);

  it('parseScenario never throws on arbitrary or mutated text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(good.length), (junk, at) => {
        const mutated = good.slice(0, at) + junk + good.slice(at);
        const r = parseScenario(mutated);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) for (const e of r.error) expect(typeof e.message).toBe('string');
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('deserializeWorld never throws (property) and refuses wrong shapes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = deserializeWorld(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    expect(deserializeWorld('{"time": 1}')).toEqual({
      ok: false,
      error: 'snapshot field seed must be a number',
    });
  }, 60_000);
});

describe('damaged snapshots', () => {
  it('restoring then running a snapshot with fields removed or retyped never throws (property)', () => {
    const scenario = loadScenario('ecs-outgrows-capacity.yaml');
    const base = createSandbox(scenario);
    base.send({ type: 'sim.advance', seconds: 130 });
    const snapshot = JSON.parse(serializeWorld(base.getSnapshot().context.world)) as Record<
      string,
      unknown
    >;
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[], depth: number) => {
      if (depth > 4 || value === null || typeof value !== 'object') return;
      for (const key of Object.keys(value)) {
        paths.push([...path, key]);
        walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    };
    walk(snapshot, [], 0);
    fc.assert(
      fc.property(
        fc.nat(paths.length - 1),
        fc.oneof(
          fc.constant(undefined),
          fc.constant(null),
          fc.string(),
          fc.integer(),
          fc.constant([]),
        ),
        (index, replacement) => {
          const copy = structuredClone(snapshot);
          const path = paths[index]!;
          let parent = copy as Record<string, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
          if (replacement === undefined) delete parent[path.at(-1)!];
          else parent[path.at(-1)!] = replacement;
          const actor = createSandbox(scenario);
          const before = actor.getSnapshot().context.world;
          actor.send({ type: 'sim.restore', snapshot: JSON.stringify(copy) });
          actor.send({ type: 'sim.advance', seconds: 120 });
          actor.send({
            type: 'learner.action',
            action: { type: 'ecs.service.update', service: 'web', desiredCount: 5 },
          });
          const after = actor.getSnapshot();
          expect(after.status).toBe('active');
          if (
            after.context.lastResult &&
            !after.context.lastResult.ok &&
            after.context.lastResult.field === 'snapshot'
          ) {
            expect(after.context.world).toBe(before);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
