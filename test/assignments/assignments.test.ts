import { describe, expect, it, vi } from 'vitest';
import { assignedScenario } from '@lib/assignments/assigned-scenario.ts';
import { base64urlToText, textToBase64url } from '@lib/assignments/base64url.ts';
import { keyFileText, readKeyFile } from '@lib/assignments/key-file.ts';
import { readResult, resultCode, RESULT_CODE_PREFIX } from '@lib/assignments/result-file.ts';
import { generateSigningKey } from '@lib/assignments/signing.ts';
import { readToken, signedBy } from '@lib/assignments/token.ts';
import { FIXED_TIME, nodeCatalog, signedAssignment, solvedWork } from './fixtures.ts';
import { makeResult } from '@lib/assignments/make-result.ts';

// Each test replays whole scenarios (and signs with Web Crypto): seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const catalog = nodeCatalog();
const spec = {
  id: '0123456789abcdef',
  title: 'ECS lab',
  due: '2026-12-24',
  seed: null,
  challenges: [
    { scenario: 'ecs-first-service', faults: [] },
    {
      scenario: 'ecs-az-outage-spread',
      faults: [{ at: 100, action: { type: 'fault.crash', service: 'web' } }],
    },
  ],
  quizzes: ['ecs'],
};

/** Re-encodes a token's payload after `edit`, keeping the old signature (a learner's edit). */
function editPayload(token: string, edit: (data: Record<string, unknown>) => void): string {
  const [payload, signature] = token.split('.') as [string, string];
  const data = JSON.parse(base64urlToText(payload)!) as Record<string, unknown>;
  edit(data);
  return `${textToBase64url(JSON.stringify(data))}.${signature}`;
}

describe('assignment links', () => {
  it('round-trip: the link reads back as the same assignment, signed by its key', async () => {
    const { assignment, token, key } = await signedAssignment(spec);
    const read = await readToken(`http://localhost/assignment/#${token}`);
    expect(read).toEqual({ ok: true, value: { assignment, token } });
    expect(signedBy(assignment, key.publicJwk)).toBe(true);
    const other = await generateSigningKey(false);
    expect(signedBy(assignment, other.publicJwk)).toBe(false);
  });

  it('a learner who drops the faults breaks the signature', async () => {
    const { token } = await signedAssignment(spec);
    const edited = editPayload(token, (data) => {
      (data['challenges'] as Array<{ faults: unknown[] }>)[1]!.faults = [];
    });
    expect(await readToken(edited)).toEqual({
      ok: false,
      problems: [
        {
          path: 'signature',
          message:
            'does not match its signature: the assignment was changed after the instructor signed it',
        },
      ],
    });
  });

  it('refuses a newer version, an unknown version, a cut-short link and hostile sizes', async () => {
    const { token } = await signedAssignment(spec);
    const newer = editPayload(token, (d) => (d['v'] = 2));
    expect(await readToken(newer)).toEqual({
      ok: false,
      problems: [
        {
          path: 'v',
          message:
            'was made by a newer version of Shipyard (assignment format 2; this site reads format 1): reload the page to get the latest version',
        },
      ],
    });
    expect((await readToken(editPayload(token, (d) => (d['v'] = 'one')))).ok).toBe(false);
    expect(await readToken(token.slice(0, 40))).toEqual({
      ok: false,
      problems: [
        {
          path: 'link',
          message:
            'is not an assignment link: expected two parts separated by a dot (it may have been cut short)',
        },
      ],
    });
    expect(await readToken('x'.repeat(40_000))).toEqual({
      ok: false,
      problems: [
        { path: 'link', message: 'is 40000 characters long; an assignment is at most 32000' },
      ],
    });
    const hostileTitle = editPayload(token, (d) => (d['title'] = 'x'.repeat(300)));
    expect(await readToken(hostileTitle)).toEqual({
      ok: false,
      problems: [{ path: 'title', message: 'must be at most 200 characters' }],
    });
  });

  it('schedules only fault actions, within the scenario, after the scenario’s own script', () => {
    const scenario = catalog.scenarios['ecs-az-outage-spread']!;
    const ok = assignedScenario(
      scenario,
      {
        scenario: scenario.id,
        faults: [{ at: 300, action: { type: 'fault.az-outage', az: 'eu-west-3b' } }],
      },
      7,
    );
    expect(ok.ok && ok.value.seed).toBe(7);
    expect(ok.ok && ok.value.script.map((e) => `${e.at} ${e.action.type}`)).toEqual([
      ...scenario.script.filter((e) => e.at <= 300).map((e) => `${e.at} ${e.action.type}`),
      '300 fault.az-outage',
      ...scenario.script.filter((e) => e.at > 300).map((e) => `${e.at} ${e.action.type}`),
    ]);
    const notFault = assignedScenario(
      scenario,
      {
        scenario: scenario.id,
        faults: [{ at: 10, action: scenario.solution[0]!.action as never }],
      },
      null,
    );
    expect(notFault).toEqual({
      ok: false,
      problems: [
        {
          path: 'challenge.faults[0].action.type',
          message: `"${scenario.solution[0]!.action.type}" is not a fault: an assignment may schedule only fault.* actions`,
        },
      ],
    });
    const late = assignedScenario(
      scenario,
      {
        scenario: scenario.id,
        faults: [{ at: 5000, action: { type: 'fault.az-recover', az: 'eu-west-3b' } }],
      },
      null,
    );
    expect(late).toEqual({
      ok: false,
      problems: [
        {
          path: 'challenge.faults[0].at',
          message: '5000 s is after the end of "ecs-az-outage-spread" (1200 s)',
        },
      ],
    });
    const bad = assignedScenario(
      scenario,
      {
        scenario: scenario.id,
        faults: [{ at: 5, action: { type: 'fault.az-outage', az: 'mars-1a' } }],
      },
      null,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]!.path).toBe('challenge.faults[0].action');
  });
});

describe('signing keys as files', () => {
  it('exports a key once and imports it back, non-extractable, signing for the same public key', async () => {
    const key = await generateSigningKey(true);
    const text = await keyFileText(key.privateKey, key.publicJwk, FIXED_TIME);
    const read = await readKeyFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.publicJwk).toEqual(key.publicJwk);
    expect(read.value.privateKey.extractable).toBe(false);
    const { assignment, token } = await signedAssignment(spec, {
      privateKey: read.value.privateKey,
      publicJwk: read.value.publicJwk,
    });
    expect(await readToken(token)).toEqual({ ok: true, value: { assignment, token } });
  });

  it('refuses a file whose halves do not belong together, and a file that is not JSON', async () => {
    const a = await generateSigningKey(true);
    const b = await generateSigningKey(true);
    const mixed = JSON.parse(await keyFileText(a.privateKey, a.publicJwk, FIXED_TIME));
    const bFile = JSON.parse(await keyFileText(b.privateKey, b.publicJwk, FIXED_TIME));
    mixed.privateKey.d = bFile.privateKey.d;
    expect(await readKeyFile(JSON.stringify(mixed))).toEqual({
      ok: false,
      problems: [
        {
          path: 'privateKey',
          message: 'holds a private key that does not belong to its public key',
        },
      ],
    });
    expect(await readKeyFile('{nope')).toEqual({
      ok: false,
      problems: [
        { path: 'file', message: 'is not JSON: choose the .json file you exported from this page' },
      ],
    });
  });
});

describe('result files', () => {
  it('round-trip as a file and as a result code', async () => {
    const { assignment, token } = await signedAssignment(spec);
    const work = solvedWork(assignment, catalog, {
      name: 'Ada Lovelace',
      email: 'ada@example.edu',
      sisLogin: '',
    });
    const result = makeResult(assignment, token, work, catalog, FIXED_TIME);
    expect(result.challenges.map((c) => [c.scenario, c.seed, c.time, c.passed])).toEqual([
      ['ecs-first-service', 21, 300, true],
      ['ecs-az-outage-spread', 4, 1200, true],
    ]);
    expect(readResult(JSON.stringify(result))).toEqual({ ok: true, value: result });
    const code = resultCode(result);
    expect(code.startsWith(RESULT_CODE_PREFIX)).toBe(true);
    expect(readResult(code)).toEqual({ ok: true, value: result });
  });

  it('refuses hostile input with the place and the reason', () => {
    expect(readResult('not json')).toEqual({
      ok: false,
      problems: [{ path: 'file', message: 'is not a Shipyard result file: it is not JSON' }],
    });
    expect(readResult('{"kind":"shipyard-assignment-result","v":9}')).toEqual({
      ok: false,
      problems: [
        {
          path: 'v',
          message:
            'was made by a newer version of Shipyard (result format 9; this site reads format 1)',
        },
      ],
    });
    expect(readResult(' '.repeat(5_000_001))).toEqual({
      ok: false,
      problems: [{ path: 'file', message: 'is 5.0 MB; a result file is at most 5 MB' }],
    });
    expect(readResult(`${RESULT_CODE_PREFIX}AAAA`)).toEqual({
      ok: false,
      problems: [
        {
          path: 'file',
          message: 'is a damaged result code: it does not decompress (was it cut short?)',
        },
      ],
    });
    const polluted =
      '{"kind":"shipyard-assignment-result","v":1,"learner":{"__proto__":{"admin":true}}}';
    expect(readResult(polluted)).toEqual({
      ok: false,
      problems: [{ path: 'learner.__proto__', message: 'the key "__proto__" is not allowed' }],
    });
  });
});
