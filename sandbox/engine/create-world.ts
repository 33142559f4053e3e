/** Builds the world at time 0 from a scenario: the initial instances, containers, services… */
import {
  INSTANCE_TYPES,
  REGIONS,
  ACCOUNT_ID,
  DEFAULT_SCALING_COOLDOWN_SECONDS,
} from '../model/aws-data.ts';
import type { Action } from '../model/actions.ts';
import type { Result, World } from '../model/types.ts';
import type { Scenario, ScenarioError } from '../scenarios/schema.ts';
import { clusterArn } from './arns.ts';
import { applyActionInPlace } from './apply-action.ts';
import { ratePerHour, sampleMetrics } from '../services/ec2/ec2-controllers.ts';
import { placementController } from '../services/ecs/placement-controller.ts';
import { serviceSchedulerController } from '../services/ecs/service-scheduler.ts';
import { enterTaskState, launchInstance } from './world-ops.ts';
import { ids, seedState } from './rng.ts';
import { registerTaskDefinition } from '../services/ecs/task-definitions.ts';
import { LIMITS } from '../model/constants.ts';
import { taskList } from './task-list.ts';

export function emptyWorld(
  scenarioId: string,
  seed: number,
  region: string,
  orchestrator: World['orchestrator'],
): World {
  const info = REGIONS[region] ?? REGIONS['eu-west-3']!;
  return {
    scenarioId,
    seed,
    rng: seedState(seed),
    time: 0,
    region,
    azs: [...info.azs],
    azDown: [],
    orchestrator,
    accountId: ACCOUNT_ID,
    instances: {},
    containers: {},
    cluster: null,
    taskDefinitions: {},
    tasks: {},
    services: {},
    autoScalingGroups: {},
    loadBalancers: {},
    traffic: {},
    load: {},
    toil: 0,
    cost: { total: 0, perHour: 0, byResource: {}, byKind: {} },
    events: [],
    metrics: [],
    log: [],
    allowedActions: [],
    longestPending: {},
    script: [],
    scriptCursor: 0,
    nextEventId: 1,
  };
}

/** Builds the initial world, or explains which part of the scenario cannot be built. */
export function buildWorld(
  scenario: Scenario,
  options: { seed?: number } = {},
): Result<World, ScenarioError[]> {
  const seed = options.seed ?? scenario.seed;
  const world = emptyWorld(scenario.id, seed, scenario.region, scenario.orchestrator);
  const errors: ScenarioError[] = [];
  const init = scenario.initial;
  world.allowedActions = [...scenario.allowedActions];
  if (scenario.orchestrator === 'ecs') {
    const name = init.cluster?.name ?? 'demo';
    world.cluster = { name, arn: clusterArn(world, name), status: 'ACTIVE' };
  }
  let total = 0;
  for (const spec of init.instances) total += spec.count ?? 1;
  for (const asg of init.autoScalingGroups) total += asg.desiredCapacity;
  if (total > LIMITS.instancesTotal) {
    errors.push({
      path: 'initial.instances',
      message: `the scenario asks for ${total} instances; the sandbox runs at most ${LIMITS.instancesTotal}`,
    });
    return { ok: false, error: errors };
  }
  for (const [i, spec] of init.instances.entries()) {
    if (!INSTANCE_TYPES[spec.type]) {
      errors.push({
        path: `initial.instances[${i}].type`,
        message: `unknown instance type '${spec.type}'; use one of ${Object.keys(INSTANCE_TYPES).join(', ')}`,
      });
      continue;
    }
    if (!world.azs.includes(spec.az)) {
      errors.push({
        path: `initial.instances[${i}].az`,
        message: `'${spec.az}' is not an Availability Zone of ${world.region} (${world.azs.join(', ')})`,
      });
      continue;
    }
    const count = spec.count ?? 1;
    for (let k = 0; k < count; k++) {
      const name = spec.name ? (count > 1 ? `${spec.name}-${k + 1}` : spec.name) : null;
      launchInstance(
        world,
        { type: spec.type, az: spec.az, software: spec.software, name },
        { alreadyRunning: true },
      );
    }
  }
  for (const [i, asg] of init.autoScalingGroups.entries()) {
    if (!INSTANCE_TYPES[asg.instanceType]) {
      errors.push({
        path: `initial.autoScalingGroups[${i}].instanceType`,
        message: `unknown instance type '${asg.instanceType}'`,
      });
      continue;
    }
    if (!(asg.minSize <= asg.desiredCapacity && asg.desiredCapacity <= asg.maxSize)) {
      errors.push({
        path: `initial.autoScalingGroups[${i}].desiredCapacity`,
        message: `must be between minSize (${asg.minSize}) and maxSize (${asg.maxSize})`,
      });
      continue;
    }
    const azs = asg.azs ?? world.azs;
    const badAz = azs.find((az) => !world.azs.includes(az));
    if (badAz) {
      errors.push({
        path: `initial.autoScalingGroups[${i}].azs`,
        message: `'${badAz}' is not an Availability Zone of ${world.region}`,
      });
      continue;
    }
    world.autoScalingGroups[asg.name] = {
      name: asg.name,
      instanceType: asg.instanceType,
      software: asg.software,
      minSize: asg.minSize,
      desiredCapacity: asg.desiredCapacity,
      maxSize: asg.maxSize,
      azs: [...azs],
    };
    for (let k = 0; k < asg.desiredCapacity; k++) {
      launchInstance(
        world,
        { type: asg.instanceType, az: azs[k % azs.length]!, software: asg.software, asg: asg.name },
        { alreadyRunning: true },
      );
    }
  }
  const names = new Set<string>();
  for (const [i, spec] of init.containers.entries()) {
    if (names.has(spec.name)) {
      errors.push({
        path: `initial.containers[${i}].name`,
        message: `container name '${spec.name}' is used twice`,
      });
      continue;
    }
    names.add(spec.name);
    let hostId: string | null = null;
    if (spec.host !== undefined) {
      const host = Object.values(world.instances).find((h) => h.name === spec.host);
      if (!host) {
        errors.push({
          path: `initial.containers[${i}].host`,
          message: `no instance named '${spec.host}'`,
        });
        continue;
      }
      hostId = host.id;
    }
    const id = ids.container(world);
    world.containers[id] = {
      id,
      name: spec.name,
      image: spec.image,
      hostId,
      cpu: spec.cpu,
      memoryMiB: spec.memoryMiB,
      state: hostId ? 'running' : 'created',
      exitCode: null,
      oomKilled: false,
      startedAt: hostId ? 0 : null,
      finishedAt: null,
      restartCount: 0,
    };
    if (hostId) {
      const host = world.instances[hostId]!;
      host.reservedCpu += spec.cpu;
      host.reservedMemory += spec.memoryMiB;
      host.runningCount++;
    }
  }
  for (const [i, td] of init.taskDefinitions.entries()) {
    const r = registerTaskDefinition(world, td);
    if (!r.ok)
      errors.push({
        path: `initial.taskDefinitions[${i}].${r.error.field}`,
        message: r.error.error,
      });
  }
  for (const [i, spec] of init.services.entries()) {
    const { autoScaling, ...create } = spec;
    const r = applyActionInPlace(
      world,
      { type: 'ecs.service.create', ...create } as Action,
      'scenario',
    );
    if (!r.ok) {
      errors.push({
        path: `initial.services[${i}]${r.field ? `.${r.field}` : ''}`,
        message: r.error,
      });
      continue;
    }
    if (autoScaling) {
      world.services[spec.serviceName]!.autoScaling = {
        ...autoScaling,
        scaleOutCooldown: DEFAULT_SCALING_COOLDOWN_SECONDS,
        scaleInCooldown: DEFAULT_SCALING_COOLDOWN_SECONDS,
        lastScaleOutAt: null,
        lastScaleInAt: null,
        datapoints: [],
      };
    }
  }
  if (errors.length > 0) return { ok: false, error: errors };
  // Initial services start out running and healthy.
  serviceSchedulerController(world, { rebalance: false });
  placementController(world);
  for (const t of taskList(world)) {
    if (t.lastStatus === 'PENDING') {
      enterTaskState(world, t, 'RUNNING');
      t.healthy = true;
    }
  }
  serviceSchedulerController(world, { rebalance: false });
  for (const [service, rps] of Object.entries(init.traffic)) world.traffic[service] = rps;
  world.script = scenario.script.map((s) => ({
    at: s.at,
    by: 'scenario' as const,
    action: s.action as Action,
  }));
  world.script.sort((a, b) => a.at - b.at);
  // The initial state is the scenario's, not a log of actions.
  world.log = [];
  // The meter shows what the starting capacity costs before the first second is billed.
  world.cost.perHour = ratePerHour(world);
  world.metrics.push(sampleMetrics(world));
  return { ok: true, value: world };
}

/** The world at time 0. Throws only for a scenario parseScenario would have refused. */
export function createWorld(scenario: Scenario, options: { seed?: number } = {}): World {
  const built = buildWorld(scenario, options);
  if (!built.ok)
    throw new Error(
      `scenario ${scenario.id} cannot be built: ${built.error.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return built.value;
}
