/** The engine built from service modules: derived tick order, bug containment, causes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTROLLER_ORDER, advance, applyAction, createWorld } from '../../sandbox/index.ts';
import { createEngine, deriveTickOrder } from '../../sandbox/engine/engine.ts';
import { docker } from '../../sandbox/services/docker/index.ts';
import { ec2 } from '../../sandbox/services/ec2/index.ts';
import { ecs } from '../../sandbox/services/ecs/index.ts';
import { elb } from '../../sandbox/services/elb/index.ts';
import { actionSchema } from '../../sandbox/scenarios/action-schema.ts';
import { eks } from '../../sandbox/services/eks/index.ts';
import { ecr } from '../../sandbox/services/ecr/index.ts';
import { pipelineModule } from '../../sandbox/services/pipeline/index.ts';
import type { SimEvent, World } from '../../sandbox/index.ts';
import { loadScenario } from './helpers.ts';

const noop = () => {};
const EKS_CONTROLLERS: readonly string[] = eks.controllers.map((c) => c.name);
const ECR_CONTROLLERS: readonly string[] = ecr.controllers.map((c) => c.name);
const pipeline = pipelineModule(() =>
  import('../../sandbox/cli/pipeline-shell.ts').then((m) => m.stepShell),
);
const PIPELINE_CONTROLLERS: readonly string[] = pipeline.controllers.map((c) => c.name);

describe('tick order', () => {
  it('is derived from the modules’ declarations, the same order as before the split', () => {
    expect(
      CONTROLLER_ORDER.filter(
        (c) =>
          !EKS_CONTROLLERS.includes(c) &&
          !ECR_CONTROLLERS.includes(c) &&
          !PIPELINE_CONTROLLERS.includes(c),
      ),
    ).toEqual([
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
    ]);
  });

  it('puts the EKS controllers after EC2’s instance timers, node groups before the Auto Scaling groups', () => {
    expect(CONTROLLER_ORDER).toEqual([
      'billing',
      'scenario-script',
      'ec2-instances',
      // The registry's scans and lifecycle expiry, before any task or pod pulls this second.
      'ecr-registry',
      'eks-control-plane',
      'eks-node-join',
      'eks-node-health',
      'eks-nodegroups',
      // A workflow step's kubectl, acted on by the Kubernetes controllers in the same second.
      'pipeline-runner',
      'k8s-workloads',
      'kube-scheduler',
      'fargate-scheduler',
      'cluster-autoscaler',
      'auto-scaling-groups',
      'ecs-agents',
      'ecs-task-lifecycle',
      'ecs-service-scheduler',
      'ecs-placement',
      'load-balancer',
      'service-auto-scaling',
      // A Deployment's new image noted (a bad build's containers set to exit) before the kubelet starts them.
      'pipeline-releases',
      'kubelet',
      'kubectl-drain',
      'k8s-services',
      'horizontal-pod-autoscaler',
      'metrics',
    ]);
  });

  it('fails loudly on an unknown name', () => {
    expect(() =>
      deriveTickOrder([{ name: 'a', after: ['nowhere'], run: noop, module: null }]),
    ).toThrow('tick order: a runs after unknown controller nowhere');
  });

  it('fails loudly on a cycle', () => {
    expect(() =>
      deriveTickOrder([
        { name: 'a', after: ['b'], run: noop, module: null },
        { name: 'b', after: ['a'], run: noop, module: null },
      ]),
    ).toThrow('tick order: the controllers a, b form a cycle');
  });

  it('fails loudly when a module names a controller no module provides', () => {
    expect(() => createEngine([ec2, docker, ecs], actionSchema)).toThrow(
      'tick order: ecs-placement runs before unknown controller load-balancer',
    );
  });
});

describe('an exception inside an action handler', () => {
  const broken = createEngine(
    [
      ec2,
      docker,
      ecs,
      {
        ...elb,
        load: async () => ({
          ...(await elb.load()),
          actions: {
            'fault.traffic': {
              handle: (ctx) => {
                ctx.world.elb.traffic['web'] = 1;
                throw new TypeError("Cannot read properties of undefined (reading 'rps')");
              },
              command: () => '# traffic',
            },
          },
        }),
      },
    ],
    actionSchema,
  );
  beforeAll(() => broken.loadServices());

  it('reaches the learner as a sandbox bug in that action, and changes nothing', () => {
    const world = broken.createWorld(loadScenario('ecs-first-service.yaml'));
    const { world: after, result } = broken.applyAction(
      world,
      { type: 'fault.traffic', service: 'web', rps: 5 },
      'instructor',
    );
    expect(result).toEqual({
      ok: false,
      field: 'type',
      error:
        "The sandbox hit a bug in fault.traffic; nothing changed. (This is the sandbox's fault, not yours.)",
    });
    expect(after).toBe(world);
    expect(world.elb.traffic).toEqual({});
  });
});

describe('causes', () => {
  const byMessage = (world: World, start: string): SimEvent =>
    world.events.find((e) => e.message.startsWith(start))!;

  it('walk from a lost task back to the instructor’s fault', () => {
    let world = advance(createWorld(loadScenario('ecs-instance-lost.yaml')), 5);
    const victim = Object.keys(world.ec2.instances)[0]!;
    world = applyAction(
      world,
      { type: 'fault.terminate-instance', instanceId: victim },
      'instructor',
    ).world;
    const notice = byMessage(world, `EC2 Instance State-change Notification: ${victim}`);
    expect(notice.cause).toEqual({
      kind: 'fault',
      logIndex: world.log.length - 1,
      actionType: 'fault.terminate-instance',
      by: 'instructor',
    });
    const lost = world.events.filter(
      (e) => e.message.includes('STOPPED (InfrastructureHealth') && e.time === world.time,
    );
    expect(lost.length).toBeGreaterThan(0);
    for (const e of lost) expect(e.cause).toEqual({ kind: 'event', eventId: notice.id });
  });

  it('name the timer of a delayed transition', () => {
    let world = createWorld(loadScenario('ecs-instance-lost.yaml'));
    world = applyAction(world, {
      type: 'ec2.instance.launch',
      instanceType: 't3.medium',
      az: 'eu-west-3a',
      software: 'ecs',
      name: 'late',
    }).world;
    const id = Object.values(world.ec2.instances).find((i) => i.name === 'late')!.id;
    world = advance(world, 90);
    expect(byMessage(world, `EC2 Instance State-change Notification: ${id}`).cause).toEqual({
      kind: 'timer',
      subject: id,
      timer: 'bootDelay',
    });
    const registering = byMessage(world, `ECS Container Instance State Change: ${id} REGISTERING`);
    const running = byMessage(world, `EC2 Instance State-change Notification: ${id}`);
    expect(registering.cause).toEqual({ kind: 'event', eventId: running.id });
  });

  it('name the learner action an action’s own event came from', () => {
    const world = createWorld(loadScenario('ecs-first-service.yaml'));
    const after = applyAction(world, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512 }],
      },
    }).world;
    const learner = after.events[after.events.length - 1]!;
    expect(learner.cause).toEqual({
      kind: 'action',
      logIndex: 0,
      actionType: 'ecs.taskdef.register',
      by: 'learner',
    });
  });
});

describe('services load on demand', () => {
  const fresh = () => createEngine([ec2, docker, ecs, elb, ecr, eks, pipeline], actionSchema);

  it('knows the tick order before any behaviour is loaded', () => {
    expect(fresh().tickOrder).toEqual(CONTROLLER_ORDER);
  });

  it('loads only the services a scenario’s world runs', async () => {
    const engine = fresh();
    expect(engine.servicesFor('none')).toEqual(['ec2', 'docker', 'elb']);
    expect(engine.servicesFor('ecs')).toEqual(['ec2', 'ecs', 'elb']);
    expect(engine.servicesFor('eks')).toEqual(['ec2', 'elb', 'eks']);
    await engine.loadServicesFor({ orchestrator: 'none' });
    expect(engine.servicesLoaded(['ec2', 'docker', 'elb'])).toBe(true);
    expect(engine.servicesLoaded(['ecs'])).toBe(false);
  });

  it('refuses, with a clear message, to build, step or act on a world whose services are not loaded', async () => {
    const engine = fresh();
    await engine.loadServicesFor({ orchestrator: 'none' });
    const message =
      'The sandbox has not loaded the ecs service this world runs: await loadServices or loadServicesFor(scenario) first.';
    expect(() => engine.createWorld(loadScenario('ecs-first-service.yaml'))).toThrow(message);
    const world = engine.emptyWorld({ orchestrator: 'ecs' });
    expect(() => engine.advance(world, 1)).toThrow(message);
    const applied = engine.applyAction(world, { type: 'fault.traffic', service: 'web', rps: 1 });
    expect(applied).toEqual({ world, result: { ok: false, field: 'type', error: message } });
    expect(() => engine.commandFor({ type: 'ecs.service.delete', service: 'web' }, world)).toThrow(
      'The sandbox has not loaded the ecs service that handles ecs.service.delete: await loadServices or loadServicesFor(scenario) first.',
    );
    // A plain Docker world runs with what is loaded.
    const none = engine.createWorld(loadScenario('why-orchestration-by-hand.yaml'));
    expect(engine.advance(none, 10).time).toBe(10);
  });

  it('refuses a behaviour that does not match its module’s declarations', async () => {
    const engine = createEngine(
      [ec2, docker, ecs, { ...elb, load: async () => ({ ...(await elb.load()), run: {} }) }],
      actionSchema,
    );
    await expect(engine.loadServices(['elb'])).rejects.toThrow(
      'module elb: its behaviour runs controllers none, its module declares load-balancer',
    );
    await expect(engine.loadServices(['ecr' as never])).rejects.toThrow(
      'the composition has no ecr module',
    );
  });
});
