import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../sandbox/cli/index.ts';
import { createWorld } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { dockerWorld } from './worlds.ts';

const world = dockerWorld();
const hostB = Object.values(world.ec2.instances).find((i) => i.name === 'host-b')!.id;
const run = (line: string, w = world) =>
  runCommandLine(line, { world: w, files: {}, session: { dockerContext: hostB } });
const names = (stdout: string) =>
  stdout
    .split('\n')
    .slice(1)
    .map((row) => row.trim().split(/\s+/).at(-1));

describe('docker ps --filter', () => {
  it('status=exited lists the crashed container without -a, status=running the others', () => {
    // storefront-2 on host-b crashed at 00:30 (the scenario script).
    expect(names(run('docker ps --filter status=exited').output.stdout)).toEqual(['storefront-2']);
    expect(run('docker ps --filter status=running').output.stdout.split('\n')).toHaveLength(1);
    expect(names(run('docker ps -a -f name=storefront').output.stdout)).toEqual(['storefront-2']);
  });

  it('refuses a filter without = and an unknown key, as Docker does', () => {
    expect(run('docker ps --filter exited').output).toEqual({
      stdout: '',
      stderr:
        'invalid argument "exited" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker ps --help\'.',
      exitCode: 125,
    });
    expect(run('docker ps --filter colour=red').output).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'colour'",
      exitCode: 1,
    });
  });
});

describe('docker start and stop when the container already is in that state', () => {
  it('answer with its name and change nothing, as Docker does', () => {
    const started = run('docker start storefront-2');
    expect(started.output).toEqual({ stdout: 'storefront-2', stderr: '', exitCode: 0 });
    const again = run('docker start storefront-2', started.world);
    expect(again.output).toEqual({ stdout: 'storefront-2', stderr: '', exitCode: 0 });
    expect(again.world).toBe(started.world);
    const stop = run('docker stop storefront-2');
    expect(stop.output).toEqual({ stdout: 'storefront-2', stderr: '', exitCode: 0 });
    expect(stop.world).toBe(world);
  });
});

describe('docker run on a host the container does not fit', () => {
  it('is refused as the sandbox’s own scheduling, saying plain Docker would start it', () => {
    let w = createWorld(loadScenario('why-orchestration-by-hand.yaml'));
    const hostA = Object.values(w.ec2.instances).find((i) => i.name === 'host-a')!.id;
    const on = (line: string) =>
      runCommandLine(line, { world: w, files: {}, session: { dockerContext: hostA } });
    for (const [name, image] of [
      ['catalog', 'shipyard/catalog:1.0'],
      ['search', 'shipyard/search:1.0'],
      ['postgres', 'postgres:16'],
    ]) {
      const placed = on(`docker run -d --name ${name} ${image}`);
      expect(placed.output.exitCode, placed.output.stderr).toBe(0);
      w = placed.world;
    }
    const refused = on('docker run -d --name rabbitmq rabbitmq:3.13');
    expect(refused.output).toEqual({
      stdout: '',
      stderr: `docker: the sandbox refuses this container, as a scheduler would: rabbitmq does not fit on host-a (${hostA}): not enough CPU (needs 0.50 vCPU, 0.25 vCPU free) and memory (needs 1024 MiB, 368 MiB free).\nA real Docker daemon books nothing and would start it; the host would run short of memory later. (This is the sandbox's own message, not Docker's.)`,
      exitCode: 125,
    });
    expect(refused.world).toBe(w);
  });
});
