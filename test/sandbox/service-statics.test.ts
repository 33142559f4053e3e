/**
 * EKS's, ECR's and the pipeline's static parts (action schemas, scenario keys, goals) load with
 * their behaviour, not with the engine: a fresh copy of the sandbox (as a page gets it) knows
 * none of them until `loadServices` / `loadServicesFor` brings them, and an ECS world answers
 * their actions as it does once they are loaded.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario, type Scenario } from '../../sandbox/index.ts';

import type * as SandboxModule from '../../sandbox/index.ts';
import type * as ActionSchemaModule from '../../sandbox/scenarios/action-schema.ts';

type Sandbox = typeof SandboxModule;
type ActionSchemas = typeof ActionSchemaModule;

function scenario(file: string): Scenario {
  const parsed = parseScenario(readFileSync(`sandbox/scenarios/${file}`, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const ecsScenario = scenario('ecs-first-service.yaml');
const eksScenario = scenario('eks-no-nodes.yaml');
const eksText = readFileSync('sandbox/scenarios/eks-no-nodes.yaml', 'utf8');
const createCluster = { type: 'eks.cluster.create', name: 'demo' } as const;

/** A copy of the sandbox with nothing loaded (the test setup loaded the one imported above). */
async function fresh(): Promise<{ sandbox: Sandbox; schemas: ActionSchemas }> {
  vi.resetModules();
  const sandbox = await import('../../sandbox/index.ts');
  const schemas = await import('../../sandbox/scenarios/action-schema.ts');
  return { sandbox, schemas };
}

const types = (schemas: ActionSchemas) =>
  schemas.actionSchema.options.map((o) => o.shape.type.value);

describe('static parts of the services that load on demand', () => {
  let sandbox: Sandbox;
  let schemas: ActionSchemas;
  beforeEach(async () => {
    ({ sandbox, schemas } = await fresh());
  });

  it('are not in the composed schema until their service loads', async () => {
    expect(types(schemas)).not.toContain('eks.cluster.create');
    expect(types(schemas)).not.toContain('ecr.image.push');
    expect(types(schemas)).not.toContain('pipeline.commit');
    expect(types(schemas)).toContain('ecs.service.create');

    await sandbox.loadServicesFor(ecsScenario);
    expect(types(schemas)).not.toContain('eks.cluster.create');

    await sandbox.loadServices(['eks']);
    expect(types(schemas)).toContain('eks.cluster.create');
    expect(types(schemas)).toContain('k8s.apply');
    expect(types(schemas)).not.toContain('pipeline.commit');
  });

  it('validateAction names the service to load, then accepts the action once it is loaded', async () => {
    expect(sandbox.validateAction(createCluster)).toEqual({
      ok: false,
      error: {
        field: 'type',
        error:
          'type: The sandbox has not loaded the eks service that handles eks.cluster.create: await loadServices or loadServicesFor(scenario) first.',
      },
    });
    await sandbox.loadServicesFor(eksScenario);
    expect(sandbox.validateAction(createCluster)).toEqual({ ok: true, value: createCluster });
  });

  it('an ECS world refuses an EKS action in the same words, loaded or not', async () => {
    await sandbox.loadServicesFor(ecsScenario);
    const world = sandbox.createWorld(ecsScenario);
    const before = [
      sandbox.applyAction(world, createCluster),
      sandbox.applyAction(world, createCluster, 'instructor'),
    ];
    await sandbox.loadServices();
    const after = [
      sandbox.applyAction(world, createCluster),
      sandbox.applyAction(world, createCluster, 'instructor'),
    ];
    expect(before.map((r) => r.world)).toEqual([world, world]);
    expect(after.map((r) => r.world)).toEqual([world, world]);
    expect(before.map((r) => r.result)).toEqual(after.map((r) => r.result));
    expect(before.map((r) => r.result)).toEqual([
      { ok: false, field: 'type', error: 'This scenario does not offer eks.cluster.create.' },
      {
        ok: false,
        field: 'type',
        error: 'eks.cluster.create is not available with orchestrator ecs.',
      },
    ]);
  });

  it('a malformed action of a service not loaded is refused as not available, not as a shape error', async () => {
    await sandbox.loadServicesFor(ecsScenario);
    const world = sandbox.createWorld(ecsScenario);
    const malformed = { type: 'eks.cluster.create' } as unknown as Parameters<
      Sandbox['applyAction']
    >[1];
    const { result } = sandbox.applyAction(world, malformed, 'instructor');
    expect(result).toEqual({
      ok: false,
      field: 'type',
      error: 'eks.cluster.create is not available with orchestrator ecs.',
    });
  });

  it("a scenario's EKS keys and goals parse once EKS is loaded, with the same result as before the split", async () => {
    const unloaded = sandbox.parseScenario(eksText, 'eks-no-nodes.yaml');
    expect(unloaded.ok).toBe(false);
    if (!unloaded.ok) expect(unloaded.error[0]!.message).toBe("unknown field 'eks'");
    await sandbox.loadServices();
    const loaded = sandbox.parseScenario(eksText, 'eks-no-nodes.yaml');
    expect(loaded).toEqual({ ok: true, value: eksScenario });
  });

  it('checkGoals on an EKS goal before EKS is loaded says what to load', () => {
    const world = sandbox.emptyWorld({ orchestrator: 'eks' });
    expect(() => sandbox.checkGoals(world, eksScenario)).toThrow(
      'The sandbox has not loaded the service of the podsReadyAtLeast goal: await loadServices or loadServicesFor(scenario) first.',
    );
  });
});
