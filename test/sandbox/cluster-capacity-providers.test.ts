import { describe, expect, it } from 'vitest';
import { applyAction, commandFor } from '../../sandbox/index.ts';
import { ecsWorld } from '../cli/worlds.ts';

describe('ecs.cluster.put-capacity-providers', () => {
  const world = ecsWorld();
  const action = {
    type: 'ecs.cluster.put-capacity-providers' as const,
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
  };

  it('associates the providers and the default strategy with the cluster', () => {
    expect(world.ecs.cluster?.capacityProviders).toBeUndefined();
    const { world: after, result } = applyAction(world, action, 'learner');
    expect(result).toEqual({
      ok: true,
      message: 'Cluster demo can use the capacity providers FARGATE, FARGATE_SPOT.',
      command:
        'aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1',
    });
    expect(after.ecs.cluster).toEqual({
      ...world.ecs.cluster,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
    });
  });

  it('refuses a default strategy naming a provider it does not associate', () => {
    const { world: after, result } = applyAction(
      world,
      { ...action, capacityProviders: ['FARGATE_SPOT'] },
      'learner',
    );
    expect(result).toEqual({
      ok: false,
      field: 'defaultCapacityProviderStrategy',
      error:
        'InvalidParameterException: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
    });
    expect(after).toBe(world);
  });

  it('writes the empty lists the way the CLI takes them', () => {
    expect(
      commandFor(
        {
          type: 'ecs.cluster.put-capacity-providers',
          capacityProviders: [],
          defaultCapacityProviderStrategy: [],
        },
        world,
      ),
    ).toBe(
      'aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers [] --default-capacity-provider-strategy []',
    );
  });
});
