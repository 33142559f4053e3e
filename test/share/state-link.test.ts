/**
 * Exact-state links: every scenario's solution round-trips to the same world hash, every kind
 * of bad link is refused with its message, and no fragment at all can make decoding throw.
 */
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createSandbox, hashWorld, type Scenario, type World } from '../../sandbox/index.ts';
import { toBase64Url } from '../../src/lib/share/base64url.ts';
import { encodeV1 } from '../../src/lib/share/link-v1.ts';
import { rebuildWorld } from '../../src/lib/share/rebuild.ts';
import { LIMITS, stateOfWorld, type SharedState } from '../../src/lib/share/shared-state.ts';
import { decodeStateLink, encodeStateLink } from '../../src/lib/share/state-link.ts';
import { loadScenario, scenarioFiles } from '../sandbox/helpers.ts';

/** The world a learner reaches in the page: the actor, stepped and sent actions as the island does. */
function playSolution(scenario: Scenario, extraSeconds: number): World {
  const actor = createSandbox(scenario);
  for (const step of [...scenario.solution].sort((a, b) => a.at - b.at)) {
    const now = actor.getSnapshot().context.world.time;
    if (step.at > now) actor.send({ type: 'sim.advance', seconds: step.at - now });
    actor.send({ type: 'learner.action', action: step.action });
    expect(actor.getSnapshot().context.lastResult?.ok, `${scenario.id} step at ${step.at}`).toBe(
      true,
    );
  }
  actor.send({ type: 'sim.advance', seconds: extraSeconds });
  return actor.getSnapshot().context.world;
}

/** A link body of v1 bytes made by hand, for the refusals past the base64 layer. */
const v1 = (json: string) => `#sbx=v1.${toBase64Url(deflateSync(new TextEncoder().encode(json)))}`;

const first = loadScenario('ecs-first-service.yaml');
const firstLink = encodeStateLink(stateOfWorld(playSolution(first, 60)));
const prefix = 'This sandbox link was not opened: ';

describe('a link round-trips to the same world', () => {
  const lengths: [string, number][] = [];
  for (const file of scenarioFiles()) {
    it(`${file}: its solution, 2 minutes on, rebuilds to the same hashWorld`, () => {
      const scenario = loadScenario(file);
      const world = playSolution(scenario, Math.min(120, scenario.duration - world0Time(scenario)));
      const fragment = encodeStateLink(stateOfWorld(world));
      const decoded = decodeStateLink(fragment);
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(decoded.value).toEqual(stateOfWorld(world));
      const rebuilt = rebuildWorld(decoded.value, scenario);
      if (!rebuilt.ok) throw new Error(rebuilt.error.message);
      expect(hashWorld(rebuilt.value)).toBe(hashWorld(world));
      // The whole address a learner copies, on a plausible course host.
      const url = `https://shipyard.example.org/lessons/${scenario.lesson ?? 'ecs'}/${fragment}`;
      lengths.push([scenario.id, url.length]);
      expect(url.length).toBeLessThan(2_000);
    }, 60_000);
  }
  it('reports the longest solution link', () => {
    const longest = [...lengths].sort((a, b) => b[1] - a[1])[0]!;
    console.log(`share link, longest solution: ${longest[1]} characters (${longest[0]})`);
    expect(lengths).toHaveLength(scenarioFiles().length);
  });

  it('keeps instructor faults and their author through the link', () => {
    const actor = createSandbox(first);
    actor.send({ type: 'sim.advance', seconds: 30 });
    actor.send({
      type: 'instructor.action',
      action: { type: 'fault.az-outage', az: 'eu-west-3a' },
    });
    actor.send({ type: 'sim.advance', seconds: 15 });
    const world = actor.getSnapshot().context.world;
    const decoded = decodeStateLink(encodeStateLink(stateOfWorld(world)));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value).toEqual({
      scenarioId: 'ecs-first-service',
      seed: first.seed,
      time: 45,
      log: [{ at: 30, by: 'instructor', action: { type: 'fault.az-outage', az: 'eu-west-3a' } }],
    });
    const rebuilt = rebuildWorld(decoded.value, first);
    expect(rebuilt.ok && hashWorld(rebuilt.value)).toBe(hashWorld(world));
  });

  it('carries a seed other than the scenario’s', () => {
    const world = createSandbox(first, { seed: 4242 }).getSnapshot().context.world;
    const decoded = decodeStateLink(encodeStateLink(stateOfWorld(world)));
    expect(decoded.ok && decoded.value.seed).toBe(4242);
    const rebuilt = decoded.ok ? rebuildWorld(decoded.value, first) : null;
    expect(rebuilt?.ok && hashWorld(rebuilt.value)).toBe(hashWorld(world));
  });
});

describe('links made by earlier versions keep opening', () => {
  /**
   * Copied from a v1 link made on 2026-12-02 (ecs-first-service solved with seed 7, an
   * instructor AZ outage at 00:30, shared at 01:10). Never regenerate it: a new encoder must
   * leave this link opening to this state.
   */
  const SHIPPED_V1 =
    '#sbx=v1.XVHNTsMwDH4Xn7NCNw1QroPjEAduVQ9p627W2iQkDtNW7d1x6AQDRUok29-Pv0wQQQO2cdFTiLyIGD6pRVAQQD8qYLnvFQygq2qdXzUBnzzOoIJNPHTYFwF3FBmD4HLpGXuyxOQs6Al6M9JwEsQRm0yMH4kCxo0bvWFqaJBJFBsVvGyWUCuwyEcXDlvXZZ0mULfLjlpn2ZDF8EufURNYM-bBmZ5GI9Ma4p78yYTuTsq6LO4zgU-gl-sHBSOOLoildblUgDGiZTKyJIeECrwLvDXek93NAj_Kb9IB_SSJ-ODYtU4wwK2HSy3nUquq_E7rb0rXUIs2oOG8ybXweuv7f265rEtpdBglrm7jkhXtldCbZNv9-8yfI8u6K9GlG93epIELc164xDkQBeac7aTFEeWfV42g6ssX';

  it('v1: decodes to the state it was made from and rebuilds the world that state plays to', () => {
    const decoded = decodeStateLink(SHIPPED_V1);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value).toEqual({
      scenarioId: 'ecs-first-service',
      seed: 7,
      time: 70,
      log: [
        {
          at: 5,
          by: 'learner',
          action: {
            type: 'ecs.taskdef.register',
            taskDefinition: {
              family: 'web',
              requiresCompatibilities: ['EC2'],
              networkMode: 'bridge',
              containerDefinitions: [
                {
                  name: 'web',
                  image: 'shipyard/web:1.0',
                  cpu: 256,
                  memory: 512,
                  essential: true,
                  portMappings: [{ containerPort: 80, protocol: 'tcp' }],
                },
              ],
            },
          },
        },
        {
          at: 10,
          by: 'learner',
          action: {
            type: 'ecs.service.create',
            serviceName: 'web',
            taskDefinition: 'web:1',
            desiredCount: 3,
            launchType: 'EC2',
          },
        },
        { at: 30, by: 'instructor', action: { type: 'fault.az-outage', az: 'eu-west-3b' } },
      ],
    });
    // The world is the engine's today: the same log played in the sandbox, step by step.
    const actor = createSandbox(first, { seed: 7 });
    actor.send({ type: 'sim.advance', seconds: 5 });
    actor.send({ type: 'learner.action', action: decoded.value.log[0]!.action as never });
    actor.send({ type: 'sim.advance', seconds: 5 });
    actor.send({ type: 'learner.action', action: decoded.value.log[1]!.action as never });
    actor.send({ type: 'sim.advance', seconds: 20 });
    actor.send({ type: 'instructor.action', action: decoded.value.log[2]!.action as never });
    actor.send({ type: 'sim.advance', seconds: 40 });
    const rebuilt = rebuildWorld(decoded.value, first);
    if (!rebuilt.ok) throw new Error(rebuilt.error.message);
    expect(rebuilt.value.time).toBe(70);
    expect(hashWorld(rebuilt.value)).toBe(hashWorld(actor.getSnapshot().context.world));
  });

  it('v1: its encoder still writes that link byte for byte (fflate’s output has not moved)', () => {
    const decoded = decodeStateLink(SHIPPED_V1);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(`#sbx=v1.${toBase64Url(encodeV1(decoded.value))}`).toBe(SHIPPED_V1);
  });
});

function world0Time(scenario: Scenario): number {
  return Math.max(0, ...scenario.solution.map((s) => s.at));
}

describe('a bad link is refused with its reason', () => {
  const cases: [string, unknown, string, string][] = [
    ['not a sandbox link', '#overview', 'not-a-link', "a sandbox link's address ends in #sbx=v1.…"],
    ['not a string', 42, 'not-a-link', "a sandbox link's address ends in #sbx=v1.…"],
    [
      'oversized',
      `#sbx=v1.${'A'.repeat(LIMITS.fragmentChars)}`,
      'too-long',
      'it is 24,007 characters long; a sandbox link is at most 24,000.',
    ],
    [
      'without a version',
      '#sbx=eJyrVkrOzytJzSvRL0nNK1GyUlBKLkvNS8',
      'version',
      'it does not say which link format it uses (it should continue v1.).',
    ],
    [
      'a version from the future',
      '#sbx=v9.AAAA',
      'version',
      'it uses link format v9, which this version of the course cannot read (it reads v1).',
    ],
    [
      'with no data',
      '#sbx=v1.',
      'truncated',
      'it has no data after its format; copy the whole link again.',
    ],
    [
      'cut off in the middle of its text',
      firstLink.slice(0, firstLink.length - 40),
      'truncated',
      'it is incomplete, probably cut off when it was copied. Copy the whole link again.',
    ],
    [
      'with a character no link has',
      `${firstLink.slice(0, 20)}<img src=x onerror=alert(1)>`,
      'damaged',
      'it contains a character a sandbox link never has, at position 13 of its data.',
    ],
    [
      'not deflate at all',
      '#sbx=v1.____________',
      'damaged',
      'its data is damaged and does not unpack.',
    ],
    [
      'a deflate bomb',
      `#sbx=v1.${toBase64Url(deflateSync(new Uint8Array(LIMITS.jsonBytes + 1).fill(32), { level: 9 }))}`,
      'too-large',
      'it unpacks to 262,145 bytes; a sandbox state is at most 262,144.',
    ],
    [
      'not JSON',
      v1('{"s": ecs'),
      'damaged',
      'its data unpacks, but not to the text of a sandbox state.',
    ],
    [
      'JSON but a list',
      v1('[1,2]'),
      'not-a-state',
      'its data is not a sandbox state (not an object).',
    ],
    [
      'a hostile scenario id',
      v1('{"s":"<script>alert(1)</script>","r":1,"t":0,"l":[]}'),
      'not-a-state',
      'its data is not a sandbox state (the scenario id is missing or not an id).',
    ],
    [
      'a fractional seed',
      v1('{"s":"ecs-first-service","r":1.5,"t":0,"l":[]}'),
      'not-a-state',
      'its data is not a sandbox state (the seed is not a whole number from 0 to 4294967295).',
    ],
    [
      'an absurd time',
      v1('{"s":"ecs-first-service","r":1,"t":1e300,"l":[]}'),
      'not-a-state',
      'its data is not a sandbox state (the time is not a whole number of seconds from 0 to 604800).',
    ],
    [
      'actions out of order',
      v1(
        '{"s":"ecs-first-service","r":1,"t":90,"l":[[50,"l",{"type":"x"}],[40,"l",{"type":"x"}]]}',
      ),
      'not-a-state',
      "its data is not a sandbox state (action 2 of 2 has a time that is not between the one before it and the link's time).",
    ],
    [
      'an action by the scenario',
      v1('{"s":"ecs-first-service","r":1,"t":90,"l":[[5,"s",{"type":"x"}]]}'),
      'not-a-state',
      'its data is not a sandbox state (action 1 of 1 was not made by the learner or the instructor).',
    ],
    [
      'a prototype key',
      v1(
        '{"s":"ecs-first-service","r":1,"t":90,"l":[[5,"l",{"type":"x","__proto__":{"polluted":true}}]]}',
      ),
      'not-a-state',
      'its data is not a sandbox state (action 1 of 1: action has a field named "__proto__").',
    ],
    [
      'a huge string',
      v1(
        `{"s":"ecs-first-service","r":1,"t":90,"l":[[5,"l",{"type":"x","name":"${'a'.repeat(5000)}"}]]}`,
      ),
      'not-a-state',
      'its data is not a sandbox state (action 1 of 1: action.name is a text of 5000 characters (at most 2000)).',
    ],
    [
      'too many actions',
      v1(
        `{"s":"ecs-first-service","r":1,"t":90,"l":[${Array(2001).fill('[1,"l",{"type":"x"}]').join(',')}]}`,
      ),
      'not-a-state',
      'its data is not a sandbox state (the action log has 2001 entries; at most 2000).',
    ],
  ];
  for (const [name, hash, problem, detail] of cases) {
    it(`refuses a link ${name}`, () => {
      expect(decodeStateLink(hash)).toEqual({
        ok: false,
        error: { problem, message: prefix + detail },
      });
    });
  }

  const state = (overrides: Partial<SharedState>): SharedState => ({
    scenarioId: 'ecs-first-service',
    seed: first.seed,
    time: 60,
    log: [],
    ...overrides,
  });

  it('refuses a scenario this page does not have', () => {
    expect(rebuildWorld(state({ scenarioId: 'eks-first-cluster' }), first)).toEqual({
      ok: false,
      error: {
        problem: 'unknown-scenario',
        message: `${prefix}it opens the sandbox “eks-first-cluster”, which is not on this page.`,
      },
    });
    expect(rebuildWorld(state({}), undefined)).toMatchObject({
      error: { problem: 'unknown-scenario' },
    });
  });

  it('refuses a time past the end of the scenario', () => {
    expect(rebuildWorld(state({ time: first.duration + 1 }), first)).toEqual({
      ok: false,
      error: {
        problem: 'not-a-state',
        message: `${prefix}its time, 05:01, is past the end of “${first.title}” (05:00).`,
      },
    });
  });

  it('refuses a log the engine does not accept, naming the action and the engine’s reason', () => {
    const log = [
      {
        at: 5,
        by: 'learner' as const,
        action: { type: 'service.update', service: 'nope', desiredCount: 2 },
      },
    ];
    const refused = rebuildWorld(state({ log }), first);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.problem).toBe('does-not-replay');
    expect(refused.error.message).toMatch(
      /^This sandbox link was not opened: action 1 of 1 \(service\.update at 00:05\) does not replay: .+/,
    );
  });

  it('refuses an action of an unknown shape through the engine’s own validation', () => {
    const refused = rebuildWorld(
      state({ log: [{ at: 5, by: 'instructor', action: { type: 'fault.az-outage', az: 42 } }] }),
      first,
    );
    expect(refused).toEqual({
      ok: false,
      error: {
        problem: 'does-not-replay',
        message: `${prefix}action 1 of 1 (fault.az-outage at 00:05) does not replay: az: Invalid input: expected string, received number`,
      },
    });
  });
});

describe('no fragment makes decoding throw', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
  it('random text, random link-shaped text and random deflated JSON are answered, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ maxLength: 300 }).map((s) => `#sbx=${s}`),
          fc
            .array(fc.constantFrom(...alphabet), { maxLength: 400 })
            .map((chars) => `#sbx=v1.${chars.join('')}`),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => `#sbx=v1.${toBase64Url(bytes)}`),
          fc.jsonValue().map((value) => v1(JSON.stringify(value))),
          fc
            .record({ s: fc.jsonValue(), r: fc.jsonValue(), t: fc.jsonValue(), l: fc.jsonValue() })
            .map((value) => v1(JSON.stringify(value))),
        ),
        (hash) => {
          const decoded = decodeStateLink(hash);
          if (!decoded.ok) {
            expect(decoded.error.message.startsWith(prefix)).toBe(true);
            return;
          }
          // A well-formed state still has to replay; that answer must not throw either.
          const rebuilt = rebuildWorld(decoded.value, first);
          expect(typeof rebuilt.ok).toBe('boolean');
        },
      ),
      { numRuns: 600, seed: 1312 },
    );
  });
});
