/**
 * The ECS module (both launch types): the cluster, container instances (the agent's
 * registration of EC2 hosts), task definitions, tasks, services, placement, deployments and
 * service auto scaling. It answers infrastructure's domain events for its own tasks.
 *
 * The behaviour half of the module (loaded by index.ts's `load()`).
 */
import type { EngineContext, ServiceBehaviour } from '../../engine/module.ts';
import {
  CRASH_AFTER_START_SECONDS,
  DEFAULT_SCALING_COOLDOWN_SECONDS,
} from '../../model/aws-data.ts';
import type { ActionResult } from '../../model/actions.ts';
import type {
  DeploymentConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Task,
  World,
} from '../../model/types.ts';
import { own } from '../../model/record.ts';
import { completeNetwork, type NetworkInput } from '../../model/vpc.ts';
import { delayedTransition } from '../../engine/machine-table.ts';
import { taskList } from '../../engine/task-list.ts';
import { charge, findInstance } from '../../engine/world-ops.ts';
import { AGENT_TABLE } from './agent-machine.ts';
import {
  autoscale,
  crashOnStart,
  createService,
  deleteService,
  drain,
  putCapacityProviders,
  register,
  runTask,
  stopTask,
  updateService,
} from './ecs-actions.ts';
import {
  containerInstanceOf,
  exitEssentialContainer,
  fireTaskTimer,
  fargatePricePerHour,
  loseTasksOn,
  sendTask,
  setAgentStatus,
  startAgent,
} from './ecs-ops.ts';
import { ecsMessages } from './messages.ts';
import { placementController } from './placement-controller.ts';
import { serviceAutoScalingController } from './service-auto-scaling.ts';
import { serviceSchedulerController } from './service-scheduler.ts';
import { taskLifecycleController } from './task-controller.ts';
import { registerTaskDefinition } from './task-definitions.ts';
import { touch } from '../../engine/cow.ts';

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.:/=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `--placement-strategy` takes every strategy as one list, in order (`[]` clears it). */
function placementStrategyFlag(strategies: readonly PlacementStrategy[]): string {
  if (strategies.length === 0) return '--placement-strategy []';
  const values = strategies.map((s) => `type=${s.type}${s.field ? `,field=${s.field}` : ''}`);
  return `--placement-strategy ${values.join(' ')}`;
}

/** `--placement-constraints` takes every constraint as one list (`[]` clears it). */
function placementConstraintsFlag(constraints: readonly PlacementConstraint[]): string {
  if (constraints.length === 0) return '--placement-constraints []';
  const values = constraints.map(
    (c) => `type=${c.type}${c.expression ? `,expression=${shellQuote(`"${c.expression}"`)}` : ''}`,
  );
  return `--placement-constraints ${values.join(' ')}`;
}

/** The flag for the fields that are set, or nothing when none is. */
function deploymentConfigurationFlag(config: Partial<DeploymentConfiguration> | undefined): string {
  const fields = [
    config?.minimumHealthyPercent !== undefined
      ? `minimumHealthyPercent=${config.minimumHealthyPercent}`
      : '',
    config?.maximumPercent !== undefined ? `maximumPercent=${config.maximumPercent}` : '',
  ].filter(Boolean);
  return fields.length > 0 ? `--deployment-configuration ${fields.join(',')}` : '';
}

const clusterName = (world: World) => world.ecs.cluster?.name ?? 'default';

/** The action's network configuration as the CLI takes it; without one, the world's default. */
function networkConfigurationFlag(world: World, network?: NetworkInput): string {
  const { subnets, securityGroups, assignPublicIp } = completeNetwork(world, network);
  return `--network-configuration 'awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${securityGroups.join(',')}],assignPublicIp=${assignPublicIp}}'`;
}

/** The network mode of family:revision, an ARN, or a family (its latest ACTIVE revision). */
function networkModeOf(world: World, ref: string): string | undefined {
  const bare = ref.slice(ref.lastIndexOf('/') + 1);
  const defs = Object.values(world.ecs.taskDefinitions);
  const td = bare.includes(':')
    ? defs.find((t) => `${t.family}:${t.revision}` === bare)
    : defs
        .filter((t) => t.family === bare && t.status === 'ACTIVE')
        .sort((a, b) => b.revision - a.revision)[0];
  return td?.networkMode;
}
const hostRef = (world: World, ref: string) => findInstance(world, ref)?.id ?? ref;

function oldestRunningTask(world: World, service: string): Task | null {
  let best: Task | null = null;
  for (const t of taskList(world)) {
    if (t.service !== service || t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING')
      continue;
    if (!best || (t.startedAt ?? 0) < (best.startedAt ?? 0)) best = t;
  }
  return best;
}

function crashTask(world: World, task: Task, exitCode: number, oom: boolean): ActionResult {
  return { ok: true, message: exitEssentialContainer(world, task, exitCode, oom), command: '' };
}

const agentConnection =
  (connected: boolean) =>
  (ctx: EngineContext, instanceId: string): ActionResult => {
    const world = ctx.world;
    const instance = findInstance(world, instanceId);
    if (!instance) return { ok: false, field: 'instanceId', error: `No instance ${instanceId}.` };
    const ci = containerInstanceOf(world, instance.id);
    if (!ci) return { ok: false, field: 'instanceId', error: `${instance.id} runs no ECS agent.` };
    if (ci.connected === connected)
      return {
        ok: false,
        field: 'instanceId',
        error: `The agent on ${instance.id} is already ${connected ? 'connected' : 'disconnected'}.`,
      };
    ci.connected = connected;
    ctx.emit(
      'ecs',
      connected ? 'info' : 'warning',
      `ECS Container Instance State Change: ${instance.id} ${ci.status} (agentConnected ${connected})`,
      { subject: instance.id },
    );
    return {
      ok: true,
      message: `Agent on ${instance.id} ${connected ? 'reconnected' : 'disconnected'}.`,
      command: '',
    };
  };

/** Fargate bills from image pull until the task ends. */
function taskRate(world: World, t: Task): number {
  if (t.launchType !== 'FARGATE' || t.lastStatus === 'PROVISIONING' || t.lastStatus === 'STOPPED')
    return 0;
  return fargatePricePerHour(world, t);
}

function agentsController(ctx: EngineContext): void {
  const world = ctx.world;
  const now = world.time;
  for (const id in world.ecs.containerInstances) {
    const ci = world.ecs.containerInstances[id]!;
    if (ci.nextTransitionAt !== null && ci.nextTransitionAt <= now) {
      const after = delayedTransition(AGENT_TABLE, ci.status);
      if (after)
        ctx.withCause({ kind: 'timer', subject: id, timer: after.delay }, () =>
          setAgentStatus(world, ci, 'ACTIVE'),
        );
      else ci.nextTransitionAt = null;
    }
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export const ecsBehaviour: ServiceBehaviour<'ecs'> = {
  name: 'ecs',
  build(ctx, scenario, errors) {
    const world = ctx.world;
    for (const [i, td] of scenario.initial.taskDefinitions.entries()) {
      const r = registerTaskDefinition(world, td);
      if (!r.ok)
        errors.push({
          path: `initial.taskDefinitions[${i}].${r.error.field}`,
          message: r.error.error,
        });
    }
    for (const [i, spec] of scenario.initial.services.entries()) {
      const { autoScaling, ...create } = spec;
      const r = ctx.dispatch({ type: 'ecs.service.create', ...create }, 'scenario');
      if (!r.ok) {
        errors.push({
          path: `initial.services[${i}]${r.field ? `.${r.field}` : ''}`,
          message: r.error,
        });
        continue;
      }
      if (autoScaling) {
        world.ecs.services[spec.serviceName]!.autoScaling = {
          ...autoScaling,
          scaleOutCooldown: DEFAULT_SCALING_COOLDOWN_SECONDS,
          scaleInCooldown: DEFAULT_SCALING_COOLDOWN_SECONDS,
          lastScaleOutAt: null,
          lastScaleInAt: null,
          datapoints: [],
        };
      }
    }
    if (errors.length > 0) return;
    // Initial services start out running and healthy.
    serviceSchedulerController(world, { rebalance: false });
    placementController(world);
    // Their image pull and activation are over before time 0: the chart's timers fire now.
    for (const t of taskList(world)) {
      if (t.lastStatus === 'PENDING') {
        fireTaskTimer(world, t);
        fireTaskTimer(world, t);
        touch(t);
        t.healthy = true;
      }
    }
    serviceSchedulerController(world, { rebalance: false });
  },
  actions: {
    'ecs.taskdef.register': {
      handle: register,
      command: (a) =>
        `aws ecs register-task-definition --cli-input-json file://${a.taskDefinition.family}.json`,
    },
    'ecs.service.create': {
      handle: createService,
      command: (action, world) => {
        const parts = [
          `aws ecs create-service --cluster ${clusterName(world)} --service-name ${action.serviceName} --task-definition ${action.taskDefinition} --desired-count ${action.desiredCount} --launch-type ${action.launchType ?? 'EC2'}`,
        ];
        if (action.placementStrategy?.length)
          parts.push(placementStrategyFlag(action.placementStrategy));
        if (action.placementConstraints?.length)
          parts.push(placementConstraintsFlag(action.placementConstraints));
        const deployment = deploymentConfigurationFlag(action.deploymentConfiguration);
        if (deployment) parts.push(deployment);
        // Every awsvpc task needs its subnets (Fargate always is awsvpc).
        if (
          action.network ||
          action.launchType === 'FARGATE' ||
          networkModeOf(world, action.taskDefinition) === 'awsvpc'
        )
          parts.push(networkConfigurationFlag(world, action.network));
        if (action.loadBalancer)
          parts.push(
            `--load-balancers targetGroupArn=arn:aws:elasticloadbalancing:${world.region}:${world.accountId}:targetgroup/${action.serviceName}-tg,containerName=${action.serviceName},containerPort=80`,
          );
        return parts.join(' ');
      },
    },
    'ecs.service.update': {
      handle: updateService,
      command: (action, world) => {
        const cluster = clusterName(world);
        const parts = [`aws ecs update-service --cluster ${cluster} --service ${action.service}`];
        if (action.desiredCount !== undefined) parts.push(`--desired-count ${action.desiredCount}`);
        if (action.taskDefinition !== undefined)
          parts.push(`--task-definition ${action.taskDefinition}`);
        if (action.launchType !== undefined)
          parts.push(
            `--capacity-provider-strategy capacityProvider=${action.launchType === 'FARGATE' ? 'FARGATE' : `${cluster}-ec2`},weight=1`,
          );
        // On update an empty list is meaningful: it clears the service's strategy or constraints.
        if (action.placementStrategy !== undefined)
          parts.push(placementStrategyFlag(action.placementStrategy));
        if (action.placementConstraints !== undefined)
          parts.push(placementConstraintsFlag(action.placementConstraints));
        const deployment = deploymentConfigurationFlag(action.deploymentConfiguration);
        if (deployment) parts.push(deployment);
        // A service that moves to an awsvpc task definition needs its subnets from now on.
        const current = own(world.ecs.services, action.service)?.taskDefinition;
        const next = action.taskDefinition ?? current;
        if (
          action.network ||
          (next !== undefined &&
            networkModeOf(world, next) === 'awsvpc' &&
            (current === undefined || networkModeOf(world, current) !== 'awsvpc'))
        )
          parts.push(networkConfigurationFlag(world, action.network));
        if (action.forceNewDeployment || action.launchType !== undefined)
          parts.push('--force-new-deployment');
        return parts.join(' ');
      },
    },
    'ecs.service.delete': {
      handle: deleteService,
      command: (a, world) =>
        `aws ecs delete-service --cluster ${clusterName(world)} --service ${a.service} --force`,
    },
    'ecs.service.autoscale': {
      handle: autoscale,
      command: (action, world) => {
        const id = `service/${clusterName(world)}/${action.service}`;
        const config = JSON.stringify({
          TargetValue: action.targetCpu,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          ScaleOutCooldown: action.scaleOutCooldown ?? 300,
          ScaleInCooldown: action.scaleInCooldown ?? 300,
        });
        return `aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id ${id} --scalable-dimension ecs:service:DesiredCount --min-capacity ${action.minCapacity} --max-capacity ${action.maxCapacity} && aws application-autoscaling put-scaling-policy --service-namespace ecs --resource-id ${id} --scalable-dimension ecs:service:DesiredCount --policy-name ${action.service}-cpu${action.targetCpu} --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '${config}'`;
      },
    },
    'ecs.task.run': {
      handle: runTask,
      command: (a, world) =>
        `aws ecs run-task --cluster ${clusterName(world)} --task-definition ${a.taskDefinition} --count ${a.count ?? 1} --launch-type ${a.launchType ?? 'EC2'}${
          a.network ||
          a.launchType === 'FARGATE' ||
          networkModeOf(world, a.taskDefinition) === 'awsvpc'
            ? ` ${networkConfigurationFlag(world, a.network)}`
            : ''
        }`,
    },
    'ecs.cluster.put-capacity-providers': {
      handle: putCapacityProviders,
      command: (a, world) => {
        const strategy = a.defaultCapacityProviderStrategy
          .map((s) =>
            [
              `capacityProvider=${s.capacityProvider}`,
              ...(s.weight !== undefined ? [`weight=${s.weight}`] : []),
              ...(s.base !== undefined ? [`base=${s.base}`] : []),
            ].join(','),
          )
          .join(' ');
        return `aws ecs put-cluster-capacity-providers --cluster ${clusterName(world)} --capacity-providers ${a.capacityProviders.join(' ') || '[]'} --default-capacity-provider-strategy ${strategy || '[]'}`;
      },
    },
    'ecs.task.stop': {
      handle: stopTask,
      command: (a, world) =>
        `aws ecs stop-task --cluster ${clusterName(world)} --task ${a.taskId}${a.reason ? ` --reason ${shellQuote(a.reason)}` : ''}`,
    },
    'ecs.container-instance.drain': {
      handle: drain,
      command: (a, world) => {
        const i = findInstance(world, a.instanceId);
        const arn = (i && containerInstanceOf(world, i.id)?.containerInstanceArn) ?? a.instanceId;
        return `aws ecs update-container-instances-state --cluster ${clusterName(world)} --container-instances ${arn.slice(arn.lastIndexOf('/') + 1)} --status DRAINING`;
      },
    },
    'fault.ecs-crash-on-start': {
      handle: crashOnStart,
      command: (a) =>
        `# fault: the essential container of every ${a.taskDefinition} task ${a.oom ? 'runs out of memory' : `exits with code ${a.exitCode ?? 1}`}, ${CRASH_AFTER_START_SECONDS} s after it starts`,
    },
    'fault.agent-disconnect': {
      handle: (ctx, a) => agentConnection(false)(ctx, a.instanceId),
      command: (a, world) => `# fault: ECS agent on ${hostRef(world, a.instanceId)} disconnects`,
    },
    'fault.agent-reconnect': {
      handle: (ctx, a) => agentConnection(true)(ctx, a.instanceId),
      command: (a, world) => `# fault: ECS agent on ${hostRef(world, a.instanceId)} reconnects`,
    },
  },
  run: {
    'ecs-agents': agentsController,
    'ecs-task-lifecycle': (ctx) =>
      taskLifecycleController(ctx.world, (image, role) => ctx.resolveImage({ image, role })),
    'ecs-service-scheduler': (ctx) => serviceSchedulerController(ctx.world),
    'ecs-placement': (ctx) => placementController(ctx.world),
    'service-auto-scaling': (ctx) => serviceAutoScalingController(ctx.world),
  },
  on(ctx, event) {
    const world = ctx.world;
    switch (event.type) {
      case 'deployment.requested': {
        const r = updateService(ctx, {
          type: 'ecs.service.update',
          service: event.service,
          forceNewDeployment: true,
        });
        ctx.emit(
          'ecs',
          r.ok ? 'info' : 'warning',
          r.ok
            ? `${r.message} (asked by ${event.by})`
            : `${event.by} could not redeploy ${event.service}: ${r.error}`,
          { subject: event.service },
        );
        return;
      }
      case 'instance.running': {
        const instance = own(world.ec2.instances, event.instanceId);
        if (instance) startAgent(world, instance, event.initial);
        return;
      }
      case 'instance.lost': {
        const instance = own(world.ec2.instances, event.instanceId);
        if (instance) loseTasksOn(world, instance);
        return;
      }
      case 'az.down':
      case 'az.up': {
        const connected = event.type === 'az.up';
        for (const id in world.ec2.instances) {
          const i = world.ec2.instances[id]!;
          if (i.az !== event.az || i.state === 'terminated') continue;
          const ci = own(world.ecs.containerInstances, id);
          if (ci) ci.connected = connected;
        }
        if (connected) return;
        for (const t of taskList(world)) {
          if (t.az === event.az && t.lastStatus !== 'STOPPED')
            sendTask(world, t, 'task.lost', {
              stopCode: 'InfrastructureHealth',
              reason: ecsMessages.azUnavailable(event.az),
            });
        }
        return;
      }
    }
  },
  crash(ctx, request) {
    const world = ctx.world;
    if (request.service !== undefined) {
      const task = oldestRunningTask(world, request.service);
      return task ? crashTask(world, task, request.exitCode, request.oom) : null;
    }
    if (request.targetId === undefined) return null;
    const task = own(world.ecs.tasks, request.targetId);
    if (!task) return null;
    if (task.lastStatus !== 'RUNNING')
      return {
        ok: false,
        field: 'targetId',
        error: `Task ${task.id} is ${task.lastStatus}, not RUNNING.`,
      };
    return crashTask(world, task, request.exitCode, request.oom);
  },
  billing: {
    ratePerHour(world) {
      let perHour = 0;
      for (const t of taskList(world)) perHour += taskRate(world, t);
      return perHour;
    },
    chargeSecond(ctx) {
      let perHour = 0;
      const ecs = ctx.world.ecs;
      for (const t of taskList(ctx.world)) {
        const rate = taskRate(ctx.world, t);
        if (rate === 0) continue;
        charge(ctx.world, t.id, 'fargate', rate / 3600);
        const billed = (ecs.billedSeconds ??= {});
        billed[t.id] = (own(billed, t.id) ?? 0) + 1;
        perHour += rate;
      }
      return perHour;
    },
  },
  metrics(world, sample) {
    const services = sample.services;
    const azs: Record<string, Record<string, number>> = {};
    for (const name in world.ecs.services) {
      const svc = world.ecs.services[name]!;
      if (svc.status === 'INACTIVE') continue;
      services[name] = {
        desired: svc.desiredCount,
        running: 0,
        pending: 0,
        cpu: 0,
        memory: 0,
        azs: {},
      };
    }
    for (const t of taskList(world)) {
      if (t.lastStatus === 'STOPPED' || !t.service) continue;
      const s = own(services, t.service);
      if (!s) continue;
      if (t.lastStatus === 'RUNNING') {
        s.running++;
        s.cpu += t.cpuUtilization;
        s.memory += t.memory;
        if (t.az) {
          const perAz = (azs[t.service] ??= {});
          perAz[t.az] = (perAz[t.az] ?? 0) + 1;
        }
        if (t.launchType === 'FARGATE') {
          const perAz = (azs[t.service] ??= {});
          perAz.FARGATE = (perAz.FARGATE ?? 0) + 1;
        }
      } else if (
        t.lastStatus === 'PROVISIONING' ||
        t.lastStatus === 'PENDING' ||
        t.lastStatus === 'ACTIVATING'
      ) {
        s.pending++;
        sample.pendingTasks++;
      }
    }
    for (const name in services) {
      const s = services[name]!;
      s.cpu = s.running > 0 ? round2(s.cpu / s.running) : 0;
      s.azs = azs[name] ?? {};
    }
    // A container instance's memory is what its tasks reserve.
    for (const id in sample.instances) {
      const ci = own(world.ecs.containerInstances, id);
      const i = world.ec2.instances[id]!;
      sample.instances[id]!.memory = round2(((ci?.reservedMemory ?? 0) / i.memoryMiB) * 100);
    }
  },
};
