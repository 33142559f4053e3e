import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type Action, type World } from '../../sandbox/index.ts';
import { scenarioFromYaml } from './helpers.ts';

function world(
  extra: string,
  instances = '    - {name: a1, type: m5.large, az: eu-west-3a, software: ecs}\n    - {name: b1, type: m5.large, az: eu-west-3b, software: ecs}\n    - {name: c1, type: m5.large, az: eu-west-3c, software: ecs}',
): World {
  return createWorld(
    scenarioFromYaml(`
id: behaviour
title: t
orchestrator: ecs
duration: 7200
initial:
  cluster: {name: demo}
  instances:
${instances}
  taskDefinitions:
    - family: web
      containerDefinitions: [{name: web, image: nginx:1.27, cpu: 256, memory: 512}]
${extra}
goals: [{id: g, goal: toilAtMost, params: {count: 0}}]
solution: []
`),
  );
}

const act = (w: World, action: Action) => {
  const r = applyAction(w, action, 'instructor');
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
};
const tasksOf = (w: World, service: string) =>
  Object.values(w.ecs.tasks).filter((t) => t.service === service);
const web2: Action = {
  type: 'ecs.taskdef.register',
  taskDefinition: {
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.28', cpu: 256, memory: 512 }],
  },
};

describe('rolling deployments', () => {
  it('keeps ⌈desired × min%⌉ healthy and at most ⌊desired × max%⌋ tasks, then completes', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 4, deploymentConfiguration: {minimumHealthyPercent: 50, maximumPercent: 100}}`);
    w = act(w, web2);
    w = act(w, { type: 'ecs.service.update', service: 'web', taskDefinition: 'web:2' });
    let minHealthy = Infinity;
    let maxTotal = 0;
    for (let t = 0; t < 300; t++) {
      w = advance(w, 1);
      const all = tasksOf(w, 'web').filter((x) => x.lastStatus !== 'STOPPED');
      maxTotal = Math.max(maxTotal, all.length);
      minHealthy = Math.min(
        minHealthy,
        all.filter((x) => x.healthy && x.desiredStatus === 'RUNNING').length,
      );
    }
    expect(minHealthy).toBe(2);
    expect(maxTotal).toBe(4);
    const running = tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING');
    expect(running.map((x) => x.taskDefinition)).toEqual(['web:2', 'web:2', 'web:2', 'web:2']);
    const deployment = w.ecs.services.web!.deployments[0]!;
    expect(w.ecs.services.web!.deployments).toHaveLength(1);
    expect(w.events.map((e) => e.message)).toContain(
      `(service web) (deployment ${deployment.id}) deployment completed.`,
    );
    const stoppedOld = tasksOf(w, 'web').filter((x) => x.taskDefinition === 'web:1');
    expect(stoppedOld.map((x) => [x.stopCode, x.stoppedReason])).toEqual(
      Array(4).fill([
        'ServiceSchedulerInitiated',
        `Scaling activity initiated by (deployment ${deployment.id})`,
      ]),
    );
  });

  it('a deployment configuration that can neither start nor stop gets the real event', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 3, deploymentConfiguration: {minimumHealthyPercent: 100, maximumPercent: 125}}`);
    w = act(w, web2);
    w = act(w, { type: 'ecs.service.update', service: 'web', taskDefinition: 'web:2' });
    w = advance(w, 30);
    expect(w.events.filter((e) => e.level === 'error').map((e) => e.message)).toEqual([
      'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    ]);
    expect(
      tasksOf(w, 'web').every((x) => x.taskDefinition === 'web:1' && x.lastStatus === 'RUNNING'),
    ).toBe(true);
  });

  it('switches launch type EC2 → FARGATE with a new deployment', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2}`);
    w = act(w, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'web',
        requiresCompatibilities: ['EC2', 'FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
      },
    });
    const refused = applyAction(w, {
      type: 'ecs.service.update',
      service: 'web',
      launchType: 'FARGATE',
    });
    expect(refused.result).toEqual({
      ok: false,
      field: 'launchType',
      error: 'InvalidParameterException: Task definition does not support launch_type FARGATE.',
    });
    const toFargate = {
      type: 'ecs.service.update',
      service: 'web',
      taskDefinition: 'web:2',
      launchType: 'FARGATE',
    } as const;
    // The cluster came from create-cluster, so no capacity provider is associated yet.
    const notAssociated = applyAction(w, toFargate);
    expect(notAssociated.result).toEqual({
      ok: false,
      field: 'launchType',
      error:
        'InvalidParameterException: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
    });
    expect(notAssociated.world).toBe(w);
    w = act(w, {
      type: 'ecs.cluster.put-capacity-providers',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
    });
    w = act(w, toFargate);
    w = advance(w, 200);
    const running = tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING');
    expect(running.map((x) => [x.launchType, x.instanceId])).toEqual([
      ['FARGATE', null],
      ['FARGATE', null],
    ]);
    expect(new Set(running.map((x) => x.az)).size).toBe(2);
    // Two 0.25 vCPU / 0.5 GB tasks, each billed 199 s so far at the Paris rates ($0.04656 per
    // vCPU-hour, $0.00511 per GB-hour).
    expect(w.cost.byKind.fargate).toBeCloseTo(
      (2 * 199 * (0.25 * 0.04656 + 0.5 * 0.00511)) / 3600,
      12,
    );
  });
});

describe('service scheduler and faults', () => {
  it('replaces a task that ran out of memory, with the real reasons', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2}`);
    const victim = tasksOf(w, 'web')[0]!;
    w = act(w, { type: 'fault.crash', targetId: victim.id, oom: true });
    w = advance(w, 30);
    const dead = w.ecs.tasks[victim.id]!;
    expect([dead.lastStatus, dead.stopCode, dead.stoppedReason]).toEqual([
      'STOPPED',
      'EssentialContainerExited',
      'Essential container in task exited',
    ]);
    expect(dead.containers[0]).toMatchObject({
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
    });
    expect(tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING')).toHaveLength(2);
  });

  it('a revision that crashes on start: each of its tasks exits 3 s after RUNNING, and the scheduler keeps replacing them', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2}`);
    w = act(w, web2);
    w = act(w, { type: 'fault.ecs-crash-on-start', taskDefinition: 'web:2' });
    expect(w.events.at(-1)?.message).toBe(
      'The essential container of every web:2 task now exits with code 1, 3 s after it starts.',
    );
    w = act(w, { type: 'ecs.service.update', service: 'web', taskDefinition: 'web:2' });
    w = advance(w, 120);
    const bad = tasksOf(w, 'web').filter((t) => t.taskDefinition === 'web:2');
    const crashed = bad.filter((t) => t.startedAt !== null && t.startedAt + 3 <= w.time);
    // In two minutes the scheduler started 14 replacements; the 12 that reached RUNNING 3 s
    // before the end all crashed.
    expect([bad.length, crashed.length]).toEqual([14, 12]);
    for (const t of crashed) {
      expect([t.desiredStatus, t.stoppingAt ?? t.stoppedAt, t.stopCode]).toEqual([
        'STOPPED',
        t.startedAt! + 3,
        'EssentialContainerExited',
      ]);
      expect(t.containers[0]).toMatchObject({ exitCode: 1, reason: null });
      const exited = w.events.filter(
        (e) => e.message === `Container web in task ${t.id} exited with code 1.`,
      );
      expect(exited.map((e) => [e.time, e.source, e.cause])).toEqual([
        [t.startedAt! + 3, 'ecs', { kind: 'timer', subject: t.id, timer: 'crash-on-start' }],
      ]);
    }
    // With minimumHealthyPercent 100 the two web:1 tasks keep serving throughout.
    const running = tasksOf(w, 'web').filter(
      (t) => t.lastStatus === 'RUNNING' && t.taskDefinition === 'web:1',
    );
    expect(running).toHaveLength(2);
  });

  it('a task already running when its revision starts crashing exits 3 s after the fault; OOM gives 137', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2}`);
    w = advance(w, 60);
    const before = tasksOf(w, 'web').filter((t) => t.lastStatus === 'RUNNING');
    expect(before).toHaveLength(2);
    const at = w.time;
    w = act(w, { type: 'fault.ecs-crash-on-start', taskDefinition: 'web', oom: true });
    w = advance(w, 2);
    expect(before.map((t) => w.ecs.tasks[t.id]!.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    w = advance(w, 1);
    for (const t of before) {
      const now = w.ecs.tasks[t.id]!;
      expect([now.desiredStatus, now.stoppingAt ?? now.stoppedAt]).toEqual(['STOPPED', at + 3]);
      expect(now.containers[0]).toMatchObject({
        exitCode: 137,
        reason: 'OutOfMemoryError: Container killed due to memory usage',
      });
    }
  });

  it('refuses a crash-on-start fault for a task definition that does not exist, and changes nothing', () => {
    const w = world('');
    const r = applyAction(
      w,
      { type: 'fault.ecs-crash-on-start', taskDefinition: 'nope:9' },
      'instructor',
    );
    expect(r.result).toEqual({
      ok: false,
      field: 'taskDefinition',
      error: 'ClientException: Unable to describe task definition.',
    });
    expect(r.world.ecs.crashOnStart).toBeUndefined();
  });

  it('a terminated instance takes its tasks with it; the scheduler places replacements elsewhere', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 3}`);
    const onA = tasksOf(w, 'web').find((x) => x.az === 'eu-west-3a')!;
    w = act(w, { type: 'fault.terminate-instance', instanceId: 'a1' });
    expect(w.ecs.tasks[onA.id]).toMatchObject({
      lastStatus: 'STOPPED',
      stoppedReason: `Host EC2 (instance ${onA.instanceId}) terminated.`,
    });
    w = advance(w, 30);
    const running = tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING');
    expect(running.map((x) => x.az).sort()).toEqual(
      ['eu-west-3b', 'eu-west-3b', 'eu-west-3c'].sort(),
    );
  });

  it('draining an instance moves its service tasks away', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 3}`);
    w = act(w, { type: 'ecs.container-instance.drain', instanceId: 'b1' });
    w = advance(w, 30);
    const b1 = Object.values(w.ec2.instances).find((i) => i.name === 'b1')!;
    expect(w.ecs.containerInstances[b1.id]!.status).toBe('DRAINING');
    expect(
      tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING' && x.instanceId === b1.id),
    ).toHaveLength(0);
    expect(tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING')).toHaveLength(3);
  });

  it('a new instance boots, registers and then takes tasks', () => {
    let w = world(
      `  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 0}`,
      '    - {name: d1, type: t3.medium, az: eu-west-3a, software: docker}',
    );
    w = act(w, {
      type: 'ec2.instance.launch',
      instanceType: 't3.medium',
      az: 'eu-west-3b',
      software: 'ecs',
      name: 'late',
    });
    const late = () => Object.values(w.ec2.instances).find((i) => i.name === 'late')!;
    expect(late().state).toBe('pending');
    w = advance(w, 60);
    expect(late().state).toBe('running');
    w = advance(w, 40);
    expect(w.ecs.containerInstances[late().id]!.status).toBe('ACTIVE');
    w = act(w, { type: 'ecs.service.update', service: 'web', desiredCount: 2 });
    w = advance(w, 20);
    expect(
      tasksOf(w, 'web')
        .filter((x) => x.lastStatus === 'RUNNING')
        .map((x) => x.instanceId),
    ).toEqual([late().id, late().id]);
  });
});

describe('load and service auto scaling', () => {
  it('spreads requests over healthy tasks; what exceeds capacity fails', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2}
  traffic: {web: 1000}`);
    w = advance(w, 1);
    // Each 256-unit task serves 256 × 0.98 / 2 = 125.44 rps at 100 % CPU.
    expect(w.elb.load.web).toMatchObject({ rps: 1000, served: 250.88, cpu: 100 });
    expect(w.elb.load.web!.failed).toBeCloseTo(749.12, 6);
  });

  it('target tracking scales out after three datapoints, from the running count, then holds', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2, autoScaling: {minCapacity: 2, maxCapacity: 6, targetCpu: 50}}
  traffic: {web: 200}`);
    w = advance(w, 179);
    expect(w.ecs.services.web!.desiredCount).toBe(2);
    w = advance(w, 1);
    // 100 rps per task → 2 % + 100 × 2 / 256 = 80.125 % → ⌈2 × 80.125 / 50⌉ = 4.
    expect(w.ecs.services.web!.desiredCount).toBe(4);
    expect(w.events.filter((e) => e.source === 'autoscaling').map((e) => e.message)).toEqual([
      'Successfully set desired count to 4. Change successfully fulfilled by ecs. (service/demo/web: ECSServiceAverageCPUUtilization 80.1 % vs target 50 %, 2 → 4)',
    ]);
    w = advance(w, 3600);
    expect(w.ecs.services.web!.desiredCount).toBe(4);
  });

  it('scales in after fifteen quiet datapoints, outside the cooldowns', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 6, autoScaling: {minCapacity: 2, maxCapacity: 6, targetCpu: 50}}
  traffic: {web: 60}`);
    w = advance(w, 899);
    expect(w.ecs.services.web!.desiredCount).toBe(6);
    w = advance(w, 1);
    // 10 rps per task → 2 % + 10 × 2 / 256 = 9.8 % → ⌈6 × 9.8 / 50⌉ = 2.
    expect(w.ecs.services.web!.desiredCount).toBe(2);
  });
});

describe('Auto Scaling groups and AZ outages', () => {
  const asg = `  autoScalingGroups:
    - {name: ecs-asg, instanceType: m5.large, software: ecs, minSize: 2, desiredCapacity: 3, maxSize: 6}
  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 3}`;

  it('replaces a terminated instance', () => {
    let w = world(
      asg,
      '    []'.replace(
        '    []',
        '    - {name: extra, type: t3.micro, az: eu-west-3a, software: docker}',
      ),
    );
    const victim = Object.values(w.ec2.instances).find((i) => i.asg === 'ecs-asg')!;
    w = act(w, { type: 'fault.terminate-instance', instanceId: victim.id });
    w = advance(w, 1);
    const live = Object.values(w.ec2.instances).filter(
      (i) => i.asg === 'ecs-asg' && (i.state === 'pending' || i.state === 'running'),
    );
    expect(live).toHaveLength(3);
    expect(
      w.events.some(
        (e) =>
          e.source === 'autoscaling' && e.message.startsWith('Launching a new EC2 instance: i-0'),
      ),
    ).toBe(true);
  });

  it('an AZ outage: tasks there stop, the group replaces the unreachable instance elsewhere, service recovers', () => {
    let w = world(asg, '    - {name: extra, type: t3.micro, az: eu-west-3a, software: docker}');
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' });
    expect(
      tasksOf(w, 'web')
        .filter((x) => x.lastStatus === 'STOPPED')
        .map((x) => x.stoppedReason),
    ).toEqual([
      'Host EC2 unreachable: Availability Zone eu-west-3a is unavailable. [sandbox wording]',
    ]);
    w = advance(w, 200);
    const live = Object.values(w.ec2.instances).filter(
      (i) => i.asg === 'ecs-asg' && i.state === 'running',
    );
    expect(live.map((i) => i.az).sort()).toEqual(['eu-west-3b', 'eu-west-3b', 'eu-west-3c'].sort());
    expect(tasksOf(w, 'web').filter((x) => x.lastStatus === 'RUNNING')).toHaveLength(3);
    const launch = applyAction(w, {
      type: 'ec2.instance.launch',
      instanceType: 't3.micro',
      az: 'eu-west-3a',
      software: 'ecs',
    });
    expect(launch.result).toEqual({
      ok: false,
      field: 'az',
      error:
        'InsufficientInstanceCapacity: We currently do not have sufficient t3.micro capacity in the Availability Zone you requested (eu-west-3a).',
    });
  });
});

describe('AZ rebalancing', () => {
  it('after an AZ comes back, moves tasks one at a time until balanced, with the real events', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 6}`);
    w = act(w, { type: 'fault.az-outage', az: 'eu-west-3a' });
    w = advance(w, 120);
    const counts = () => {
      const c: Record<string, number> = {};
      for (const t of tasksOf(w, 'web'))
        if (t.lastStatus === 'RUNNING') c[t.az!] = (c[t.az!] ?? 0) + 1;
      return c;
    };
    expect(counts()).toEqual({ 'eu-west-3b': 3, 'eu-west-3c': 3 });
    w = act(w, { type: 'fault.az-recover', az: 'eu-west-3a' });
    w = advance(w, 300);
    expect(counts()).toEqual({ 'eu-west-3a': 2, 'eu-west-3b': 2, 'eu-west-3c': 2 });
    const messages = w.events.map((e) => e.message).filter((m) => m.includes('AZ balanced'));
    expect(messages).toEqual([
      'service (web) is not AZ balanced with 0 tasks in eu-west-3a, 3 in eu-west-3b, and 3 in eu-west-3c. AZ Rebalancing in progress.',
      'service (web) is AZ balanced with 2 tasks in eu-west-3a, 2 in eu-west-3b, and 2 in eu-west-3c.',
    ]);
  });

  it('leaves binpack services alone', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 4, placementStrategy: [{type: binpack, field: memory}]}`);
    w = advance(w, 300);
    expect(w.ecs.services.web!.availabilityZoneRebalancing).toBe('DISABLED');
    expect(new Set(tasksOf(w, 'web').map((t) => t.az)).size).toBe(1);
    expect(w.events.some((e) => e.message.includes('AZ balanced'))).toBe(false);
  });
});

describe('placement on Fargate', () => {
  const fargateWeb: Action = {
    type: 'ecs.taskdef.register',
    taskDefinition: {
      family: 'web',
      requiresCompatibilities: ['EC2', 'FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
    },
  };
  const spread = [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }];
  const memberOf = [
    { type: 'memberOf' as const, expression: 'attribute:ecs.availability-zone == eu-west-3a' },
  ];

  it('refuses placement strategies and constraints with the InvalidParameterException AWS gives, and changes nothing', () => {
    const w = act(world(''), fargateWeb);
    const create = (extra: Partial<Extract<Action, { type: 'ecs.service.create' }>>) =>
      applyAction(w, {
        type: 'ecs.service.create',
        serviceName: 'web',
        taskDefinition: 'web:2',
        desiredCount: 2,
        launchType: 'FARGATE',
        ...extra,
      });
    const withStrategy = create({ placementStrategy: spread });
    expect(withStrategy.result).toEqual({
      ok: false,
      field: 'placementStrategy',
      error:
        'InvalidParameterException: Placement strategies are not supported with FARGATE launch type.',
    });
    expect(withStrategy.world.ecs.services).toEqual({});
    expect(create({ placementConstraints: memberOf }).result).toEqual({
      ok: false,
      field: 'placementConstraints',
      error:
        'InvalidParameterException: Placement constraints are not supported with FARGATE launch type.',
    });
    expect(create({}).result.ok).toBe(true);
  });

  it('refuses moving an EC2 service to Fargate while it keeps a strategy; an empty list clears it', () => {
    let w = world(`  services:
    - {serviceName: web, taskDefinition: web, desiredCount: 2, placementStrategy: [{type: binpack, field: memory}]}`);
    w = act(w, fargateWeb);
    w = act(w, {
      type: 'ecs.cluster.put-capacity-providers',
      capacityProviders: ['FARGATE'],
      defaultCapacityProviderStrategy: [],
    });
    const move = { type: 'ecs.service.update', service: 'web', taskDefinition: 'web:2' } as const;
    const refused = applyAction(w, { ...move, launchType: 'FARGATE' });
    expect(refused.result).toEqual({
      ok: false,
      field: 'placementStrategy',
      error:
        'InvalidParameterException: Placement strategies are not supported with FARGATE launch type.',
    });
    expect(refused.world.ecs.services['web']!.launchType).toBe('EC2');
    expect(
      applyAction(w, { type: 'ecs.service.update', service: 'web', placementConstraints: memberOf })
        .result.ok,
    ).toBe(true);
    const moved = act(w, { ...move, launchType: 'FARGATE', placementStrategy: [] });
    expect(moved.ecs.services['web']!.launchType).toBe('FARGATE');
    expect(moved.ecs.services['web']!.placementStrategy).toEqual([]);
  });
});
