/**
 * The ECS module (light part, always loaded): the cluster, container instances, task
 * definitions, tasks, services, placement, deployments and service auto scaling (both launch
 * types). Its behaviour (ecs-behaviour.ts) loads on demand, a chunk of its own in the browser.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { clusterArn } from '../../engine/arns.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import { ecsActiveFor } from './active.ts';

export const ecs: ServiceModule<'ecs'> = {
  name: 'ecs',
  activeFor: ecsActiveFor,
  initial: (core, scenario) => {
    const name = scenario?.initial.cluster?.name ?? 'demo';
    const providers = scenario?.initial.cluster?.capacityProviders;
    return {
      cluster:
        core.orchestrator === 'ecs'
          ? {
              name,
              arn: clusterArn(core, name),
              status: 'ACTIVE',
              ...(providers ? { capacityProviders: [...providers] } : {}),
            }
          : null,
      containerInstances: {},
      taskDefinitions: {},
      tasks: {},
      services: {},
      longestPending: {},
    };
  },
  handles: [
    'ecs.taskdef.register',
    'ecs.service.create',
    'ecs.service.update',
    'ecs.service.delete',
    'ecs.service.autoscale',
    'ecs.task.run',
    'ecs.cluster.put-capacity-providers',
    'ecs.task.stop',
    'ecs.container-instance.drain',
    'fault.ecs-crash-on-start',
  ],
  handlesEverywhere: ['fault.agent-disconnect', 'fault.agent-reconnect'],
  controllers: [
    { name: 'ecs-agents', after: ['auto-scaling-groups'] },
    { name: 'ecs-task-lifecycle', after: ['ecs-agents'] },
    { name: 'ecs-service-scheduler', after: ['ecs-task-lifecycle'] },
    { name: 'ecs-placement', after: ['ecs-service-scheduler'], before: ['load-balancer'] },
    { name: 'service-auto-scaling', after: ['load-balancer'] },
  ],
  checkSnapshot: (slice) =>
    recordsProblem(
      slice,
      ['containerInstances', 'taskDefinitions', 'tasks', 'services', 'longestPending'],
      ['crashOnStart', 'billedSeconds'],
    ),
  tracked: ['tasks'],
  eventSources: ['ecs', 'fargate'],
  load: () => import('./ecs-behaviour.ts').then((m) => m.ecsBehaviour),
};
