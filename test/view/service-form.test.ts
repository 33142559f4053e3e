import { describe, expect, it } from 'vitest';
import { applyAction, createWorld, type World } from '../../sandbox/index.ts';
import {
  fargatePlacementNote,
  serviceUpdateAction,
  type ServiceNow,
} from '../../src/lib/sandbox-view/service-form.ts';
import { scenarioFromYaml } from '../sandbox/helpers.ts';

/** web on EC2, spread over AZs and pinned to two zones, with a revision Fargate takes. */
function world(): World {
  const w = createWorld(
    scenarioFromYaml(`
id: service-form
title: t
orchestrator: ecs
duration: 600
initial:
  cluster: {name: demo, capacityProviders: [FARGATE]}
  instances:
    - {name: a1, type: m5.large, az: eu-west-3a, software: ecs}
  taskDefinitions:
    - family: web
      requiresCompatibilities: [EC2, FARGATE]
      networkMode: awsvpc
      cpu: '256'
      memory: '512'
      containerDefinitions: [{name: web, image: nginx:1.27}]
  services:
    - serviceName: web
      taskDefinition: web
      desiredCount: 2
      launchType: EC2
      placementStrategy: [{type: spread, field: 'attribute:ecs.availability-zone'}]
      placementConstraints: [{type: memberOf, expression: 'attribute:ecs.availability-zone in [eu-west-3a, eu-west-3b]'}]
goals: [{id: g, goal: toilAtMost, params: {count: 0}}]
solution: []
`),
  );
  return w;
}

const web: ServiceNow = {
  name: 'web',
  desiredCount: 2,
  launchType: 'EC2',
  hasStrategies: true,
  hasConstraints: true,
};

describe('the service form moving a service to Fargate', () => {
  it('clears the placement the service keeps, and the move is accepted', () => {
    const action = serviceUpdateAction(web, {
      desiredCount: 2,
      launchType: 'FARGATE',
      removeConstraints: false,
    });
    expect(action).toEqual({
      type: 'ecs.service.update',
      service: 'web',
      desiredCount: 2,
      launchType: 'FARGATE',
      placementStrategy: [],
      placementConstraints: [],
    });
    const moved = applyAction(world(), action);
    expect(moved.result.ok).toBe(true);
    const service = moved.world.ecs.services['web']!;
    expect([service.launchType, service.placementStrategy, service.placementConstraints]).toEqual([
      'FARGATE',
      [],
      [],
    ]);
  });

  it('without clearing, the engine refuses the move as AWS does (why the form clears it)', () => {
    expect(
      applyAction(world(), {
        type: 'ecs.service.update',
        service: 'web',
        desiredCount: 2,
        launchType: 'FARGATE',
      }).result,
    ).toEqual({
      ok: false,
      field: 'placementStrategy',
      error:
        'InvalidParameterException: Placement strategies are not supported with FARGATE launch type.',
    });
  });

  it('on EC2 sends only what changed', () => {
    expect(
      serviceUpdateAction(web, { desiredCount: 5, launchType: 'EC2', removeConstraints: false }),
    ).toEqual({ type: 'ecs.service.update', service: 'web', desiredCount: 5 });
    expect(
      serviceUpdateAction(web, {
        desiredCount: 2,
        launchType: 'EC2',
        placementStrategy: [{ type: 'binpack', field: 'memory' }],
        removeConstraints: true,
      }),
    ).toEqual({
      type: 'ecs.service.update',
      service: 'web',
      desiredCount: 2,
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [],
    });
  });

  it('says Fargate refuses placement, and what the move clears', () => {
    const base =
      'Fargate refuses placement strategies and constraints (InvalidParameterException): every task gets its own micro-VM in one of the service’s subnets.';
    expect(fargatePlacementNote(null, '')).toBe(base);
    expect(fargatePlacementNote(web, 'spread attribute:ecs.availability-zone')).toBe(
      `${base} Moving web to Fargate clears its placement (spread attribute:ecs.availability-zone).`,
    );
    expect(fargatePlacementNote({ ...web, launchType: 'FARGATE' }, '')).toBe(base);
  });
});
