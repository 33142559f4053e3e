import { describe, expect, it } from 'vitest';
import { runCommandLine, type CliEnv } from '../../sandbox/cli/index.ts';
import { ecsWorld } from './worlds.ts';

const world = ecsWorld();
const env: CliEnv = { world, files: {}, session: { dockerContext: null } };

describe('aws ecs update-service --placement-constraints', () => {
  it('replaces the constraints, and the recorded command is the one typed', () => {
    const line =
      'aws ecs update-service --cluster demo --service web --placement-constraints type=memberOf,expression="attribute:ecs.availability-zone == eu-west-3a"';
    const outcome = runCommandLine(line, env);
    expect(outcome.output.exitCode).toBe(0);
    expect(outcome.world.ecs.services['web']?.placementConstraints).toEqual([
      { type: 'memberOf', expression: 'attribute:ecs.availability-zone == eu-west-3a' },
    ]);
    const cleared = runCommandLine(
      'aws ecs update-service --cluster demo --service web --placement-constraints []',
      { ...env, world: outcome.world },
    );
    expect(cleared.output.exitCode).toBe(0);
    expect(cleared.world.ecs.services['web']?.placementConstraints).toEqual([]);
    expect(cleared.world.events.at(-1)?.command).toBe(
      'aws ecs update-service --cluster demo --service web --placement-constraints []',
    );
  });

  it('refuses an unknown constraint type and changes nothing', () => {
    const outcome = runCommandLine(
      'aws ecs update-service --cluster demo --service web --placement-constraints type=sameZone',
      env,
    );
    expect(outcome.output.exitCode).not.toBe(0);
    expect(outcome.output.stderr).toContain(
      'Invalid placementConstraints[0].type: valid values are distinctInstance, memberOf',
    );
    expect(outcome.world).toBe(world);
  });
});
