/**
 * Orchestrator plug-ins. Each contributes named controllers (run once per simulated second in
 * the fixed CONTROLLER_ORDER) and the action types it handles. Infrastructure (EC2, Auto
 * Scaling, load, billing, metrics) is shared. See README "Orchestrator plug-ins" for how EKS
 * and ECR slot in.
 */
import type { ActionResult, Action } from '../model/actions.ts';
import type { Orchestrator, World } from '../model/types.ts';
import { dockerActions } from '../services/docker/docker-actions.ts';
import { ecsActions } from '../services/ecs/ecs-actions.ts';
import { placementController } from '../services/ecs/placement-controller.ts';
import { serviceAutoScalingController } from '../services/ecs/service-auto-scaling.ts';
import { serviceSchedulerController } from '../services/ecs/service-scheduler.ts';
import { taskLifecycleController } from '../services/ecs/task-controller.ts';
import {
  autoScalingGroupsController,
  billingController,
  ec2InstancesController,
  ecsAgentsController,
  metricsController,
} from '../services/ec2/ec2-controllers.ts';
import { loadBalancerController } from '../services/elb/load-balancer.ts';
import { infraActions } from '../services/ec2/ec2-actions.ts';
import { scenarioScriptController } from './script.ts';

export type Controller = (world: World) => void;
export type ActionHandler = (world: World, action: Action) => ActionResult;

/** Every controller name, in the order they run within one simulated second. */
export const CONTROLLER_ORDER = [
  // Billing first: it charges the second that just ended, in the state the world was in during it.
  'billing',
  'scenario-script',
  'ec2-instances',
  'auto-scaling-groups',
  'ecs-agents',
  'ecs-task-lifecycle',
  'ecs-service-scheduler',
  'ecs-placement',
  'load-balancer',
  'service-auto-scaling',
  'metrics',
] as const;
export type ControllerName = (typeof CONTROLLER_ORDER)[number];

export interface OrchestratorPlugin {
  name: Orchestrator;
  /** Controllers this orchestrator adds, by name (each must appear in CONTROLLER_ORDER). */
  controllers: Partial<Record<ControllerName, Controller>>;
  /** Action types this orchestrator handles beyond the shared infrastructure actions. */
  actions: Record<string, ActionHandler>;
  /** Whether manual learner actions count as toil. */
  countsToil: boolean;
}

const SHARED_CONTROLLERS: Partial<Record<ControllerName, Controller>> = {
  'scenario-script': scenarioScriptController,
  'ec2-instances': ec2InstancesController,
  'auto-scaling-groups': autoScalingGroupsController,
  'load-balancer': loadBalancerController,
  billing: billingController,
  metrics: metricsController,
};

export const SHARED_ACTIONS = infraActions as unknown as Record<string, ActionHandler>;

export const ORCHESTRATORS: Record<Orchestrator, OrchestratorPlugin> = {
  none: {
    name: 'none',
    controllers: {},
    actions: dockerActions as unknown as Record<string, ActionHandler>,
    countsToil: true,
  },
  ecs: {
    name: 'ecs',
    controllers: {
      'ecs-agents': ecsAgentsController,
      'ecs-task-lifecycle': taskLifecycleController,
      'ecs-service-scheduler': serviceSchedulerController,
      'ecs-placement': placementController,
      'service-auto-scaling': serviceAutoScalingController,
    },
    actions: ecsActions as unknown as Record<string, ActionHandler>,
    countsToil: false,
  },
};

/** The controllers one tick runs for an orchestrator, in CONTROLLER_ORDER. */
export function controllersFor(orchestrator: Orchestrator): Controller[] {
  const plugin = ORCHESTRATORS[orchestrator];
  const out: Controller[] = [];
  for (const name of CONTROLLER_ORDER) {
    const c = plugin.controllers[name] ?? SHARED_CONTROLLERS[name];
    if (c) out.push(c);
  }
  return out;
}
