import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
function runner(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', 'sandbox/runner.ts', ...args],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('headless runner', () => {
  it('list prints every scenario id', () => {
    const { code, out } = runner('list');
    expect(code).toBe(0);
    expect(out.split('\n')).toContain('ecs-no-agent');
    expect(out.split('\n')).toContain('why-orchestration-by-hand');
  }, 60_000);

  it('run --solution exits 0 with every goal passing', () => {
    const { code, out } = runner('run', 'ecs-no-agent', '--solution');
    expect(code).toBe(0);
    expect(out).toContain('PASS    two-container-instances');
    expect(out).toContain('all goals pass');
    expect(out).toMatch(/\$ aws ec2 terminate-instances --instance-ids i-0[0-9a-f]{16}/);
  }, 60_000);

  it('run without actions exits 1 and explains the failure', () => {
    const { code, out } = runner('run', 'ecs-no-agent');
    expect(code).toBe(1);
    expect(out).toContain('FAIL    web-four');
  }, 60_000);

  it('--actions reads a YAML file of timed actions; --json prints machine-readable results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipyard-'));
    const file = join(dir, 'actions.yaml');
    writeFileSync(
      file,
      '- at: 10\n  action: {type: ec2.instance.terminate, instanceId: plain-docker-b}\n- at: 10\n  action: {type: ec2.instance.launch, instanceType: t3.medium, az: eu-west-3b, software: ecs}\n',
    );
    const { code, out } = runner('run', 'ecs-no-agent', '--actions', file, '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { passed: boolean; goals: { status: string }[] };
    expect(parsed.passed).toBe(true);
    expect(parsed.goals.map((g) => g.status)).toEqual(['pass', 'pass']);
  }, 60_000);

  it('a bad actions file or flag is a usage error (exit 2) naming the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipyard-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, '- at: -1\n  action: {type: nope}\n');
    const bad = runner('run', 'ecs-no-agent', '--actions', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad.yaml:1:');
    expect(runner('run', 'ecs-no-agent', '--seed', 'banana').code).toBe(2);
    expect(runner('run', 'no-such-scenario').code).toBe(2);
  }, 60_000);

  it('validate reports errors with file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipyard-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      'id: broken\ntitle: Broken\norchestrator: ecs\nduration: 30\ngoals: []\nsolution: []\ncolour: blue\n',
    );
    const { code, err } = runner('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:4:1: duration: must be at least 60 s`);
    expect(err).toContain(`${file}:7:1: colour: unknown field 'colour'`);
  }, 60_000);
});
