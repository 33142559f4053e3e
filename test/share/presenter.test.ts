/**
 * The presenter's pure parts: the fault catalogue built from a world, and the checks on what
 * arrives over the BroadcastChannel.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Scenario, type SandboxActor } from '../../sandbox/index.ts';
import { actionSchema } from '../../sandbox/scenarios/action-schema.ts';
import { faultCatalogue, type FaultKind } from '../../src/lib/teaching/fault-catalogue.ts';
import {
  lessonOfPath,
  parseConsoleMessage,
  parseProjectorMessage,
} from '../../src/lib/teaching/presenter-channel.ts';
import { loadScenario, scenarioFiles } from '../sandbox/helpers.ts';

function worldAfterSolution(scenario: Scenario, extra: number) {
  const actor = createSandbox(scenario);
  for (const step of [...scenario.solution].sort((a, b) => a.at - b.at)) {
    const now = actor.getSnapshot().context.world.time;
    if (step.at > now) actor.send({ type: 'sim.advance', seconds: step.at - now });
    actor.send({ type: 'learner.action', action: step.action });
  }
  const left = scenario.duration - actor.getSnapshot().context.world.time;
  actor.send({ type: 'sim.advance', seconds: Math.min(extra, left) });
  return actor;
}

const targetsOf = (catalogue: FaultKind[], id: string) =>
  catalogue.find((kind) => kind.id === id)!.targets;

/** The engine's answer to a fault fired as the instructor on a copy of the actor's world. */
function fireOnCopy(
  actor: SandboxActor,
  snapshot: string,
  action: FaultKind['targets'][number]['action'],
) {
  const probe = createSandbox(actor.getSnapshot().context.scenario);
  probe.send({ type: 'sim.restore', snapshot });
  probe.send({ type: 'instructor.action', action });
  return probe.getSnapshot().context.lastResult;
}

describe('the fault catalogue', () => {
  it('offers an ECS world its task, instance, AZ, agent and traffic faults, targeting what runs', () => {
    const actor = worldAfterSolution(loadScenario('ecs-first-service.yaml'), 120);
    const world = actor.getSnapshot().context.world;
    const catalogue = faultCatalogue(world);
    expect(catalogue.map((kind) => [kind.id, kind.targets.length])).toEqual([
      ['crash-task', 3],
      ['oom-task', 3],
      ['bad-release', 1],
      ['terminate-instance', 2],
      ['az-outage', 3],
      ['az-recover', 0],
      ['agent-disconnect', 2],
      ['agent-reconnect', 0],
      ['traffic', 1],
    ]);
    const running = Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING');
    expect(catalogue[0]!.targets.map((t) => t.action)).toEqual(
      expect.arrayContaining(
        running.map((t) => ({ type: 'fault.crash', targetId: t.id, exitCode: 1 })),
      ),
    );
    expect(catalogue.find((k) => k.id === 'bad-release')!.targets).toEqual([
      {
        label: 'web:1 · used by web',
        action: { type: 'fault.ecs-crash-on-start', taskDefinition: 'web:1' },
      },
    ]);
    expect(catalogue.find((k) => k.id === 'traffic')!.amount).toEqual({
      field: 'rps',
      label: 'Requests per second',
      min: 0,
      max: 1_000_000,
      initial: 200,
    });
  });

  it('follows the world: an AZ that went down moves from outage to recovery, and its agents to reconnect', () => {
    const actor = worldAfterSolution(loadScenario('ecs-first-service.yaml'), 120);
    actor.send({
      type: 'instructor.action',
      action: { type: 'fault.az-outage', az: 'eu-west-3a' },
    });
    const catalogue = faultCatalogue(actor.getSnapshot().context.world);
    const labels = (id: string) => catalogue.find((k) => k.id === id)!.targets.map((t) => t.label);
    expect(labels('az-outage')).toEqual(['eu-west-3b', 'eu-west-3c']);
    expect(labels('az-recover')).toEqual(['eu-west-3a']);
    expect(labels('agent-reconnect')).toHaveLength(1);
    expect(labels('agent-disconnect')).toHaveLength(1);
  });

  it('offers plain Docker hosts container faults, and no task, agent or traffic faults', () => {
    const world = createSandbox(loadScenario('why-orchestration-by-hand.yaml')).getSnapshot()
      .context.world;
    expect(faultCatalogue(world).map((kind) => kind.id)).toEqual([
      'crash-container',
      'oom-container',
      'terminate-instance',
      'az-outage',
      'az-recover',
    ]);
  });

  it('offers an EKS world its node, AZ, Deployment, image and Service faults, targeting what runs', () => {
    const actor = worldAfterSolution(loadScenario('eks-rolling-update.yaml'), 120);
    const catalogue = faultCatalogue(actor.getSnapshot().context.world);
    expect(catalogue.map((kind) => [kind.id, kind.targets.length])).toEqual([
      ['terminate-instance', 3],
      ['az-outage', 3],
      ['az-recover', 0],
      ['k8s-crash', 1],
      ['k8s-oom', 1],
      ['image-missing', 1],
      ['k8s-traffic', 1],
    ]);
    expect(targetsOf(catalogue, 'terminate-instance').map((t) => t.label)).toEqual([
      'i-004dcf29ca893158c (node group general) · eu-west-3b',
      'i-095f2759e5a508a1c (node group general) · eu-west-3c',
      'i-0a502c3a4a2147228 (node group general) · eu-west-3a',
    ]);
    expect(targetsOf(catalogue, 'k8s-crash')).toEqual([
      {
        label: 'default/web · nginx:1.27',
        action: {
          type: 'fault.k8s-crash',
          deployment: 'web',
          namespace: 'default',
          cluster: 'demo',
          exitCode: 1,
        },
      },
    ]);
    expect(targetsOf(catalogue, 'k8s-oom').map((t) => t.action)).toEqual([
      {
        type: 'fault.k8s-crash',
        deployment: 'web',
        namespace: 'default',
        cluster: 'demo',
        oom: true,
      },
    ]);
    expect(targetsOf(catalogue, 'image-missing')).toEqual([
      {
        label: 'nginx:1.27 · used by default/web',
        action: { type: 'fault.image-missing', image: 'nginx:1.27' },
      },
    ]);
    // The cluster's own Service (default/kubernetes) is not offered.
    expect(targetsOf(catalogue, 'k8s-traffic')).toEqual([
      {
        label: 'default/web (now 400 requests/s)',
        action: {
          type: 'fault.k8s-traffic',
          service: 'web',
          namespace: 'default',
          cluster: 'demo',
          rps: 400,
        },
      },
    ]);
    expect(catalogue.find((kind) => kind.id === 'k8s-traffic')!.amount).toEqual({
      field: 'rps',
      label: 'Requests per second',
      min: 0,
      max: 1_000_000,
      initial: 1_600,
    });

    // A Deployment already crashing and an image already gone are not offered again.
    actor.send({ type: 'instructor.action', action: targetsOf(catalogue, 'k8s-crash')[0]!.action });
    actor.send({
      type: 'instructor.action',
      action: targetsOf(catalogue, 'image-missing')[0]!.action,
    });
    const after = faultCatalogue(actor.getSnapshot().context.world);
    expect(targetsOf(after, 'k8s-crash')).toEqual([]);
    expect(targetsOf(after, 'image-missing')).toEqual([]);
  });

  it('offers the ECR pull-permission fault for the roles that pull, and no image fault for ECR’s own images', () => {
    const actor = worldAfterSolution(loadScenario('ecr-pull-permission.yaml'), 120);
    const catalogue = faultCatalogue(actor.getSnapshot().context.world);
    expect(targetsOf(catalogue, 'ecr-pull-denied')).toEqual([
      {
        label: 'eks-nodegroup-role · used by 3 nodes',
        action: {
          type: 'fault.ecr-pull-denied',
          role: 'arn:aws:iam::123456789012:role/eks-nodegroup-role',
        },
      },
    ]);
    // web's image is in the account's registry: ECR answers for it, so "gone from a public registry" would do nothing.
    expect(targetsOf(catalogue, 'image-missing')).toEqual([]);
    actor.send({
      type: 'instructor.action',
      action: targetsOf(catalogue, 'ecr-pull-denied')[0]!.action,
    });
    expect(targetsOf(faultCatalogue(actor.getSnapshot().context.world), 'ecr-pull-denied')).toEqual(
      [],
    );

    const ecs = worldAfterSolution(loadScenario('ecr-push-rollout.yaml'), 120);
    expect(
      targetsOf(faultCatalogue(ecs.getSnapshot().context.world), 'ecr-pull-denied').map(
        (t) => t.label,
      ),
    ).toEqual(['ecsTaskExecutionRole · used by web:1']);
  });

  it('offers every fault type the engine has somewhere in the course, and the engine accepts its targets', () => {
    const engineFaults = actionSchema.options
      .map((option) => option.shape.type.value)
      .filter((type) => type.startsWith('fault.'))
      .sort();
    const offered = new Set<string>();
    for (const file of scenarioFiles()) {
      const actor = worldAfterSolution(loadScenario(file), 120);
      const snapshot = JSON.stringify(actor.getSnapshot().context.world);
      for (const kind of faultCatalogue(actor.getSnapshot().context.world)) {
        // Targets of one kind differ only in their ids: the first two of each stand for the rest.
        for (const target of kind.targets.slice(0, 2)) {
          offered.add(target.action.type);
          // The instructor window sends `<kind>: <target>`; the channel refuses labels over 300.
          expect(
            `${kind.label}: ${target.label} → 1,000,000 requests per second`.length,
          ).toBeLessThanOrEqual(300);
          expect(
            fireOnCopy(actor, snapshot, target.action),
            `${file} ${kind.id} ${target.label}`,
          ).toMatchObject({
            ok: true,
          });
        }
      }
      // Once a fault is fired, its way back is offered (an AZ recovers, an agent reconnects).
      for (const kind of faultCatalogue(actor.getSnapshot().context.world)) {
        const first = kind.targets[0];
        if (first) actor.send({ type: 'instructor.action', action: first.action });
      }
      for (const kind of faultCatalogue(actor.getSnapshot().context.world))
        for (const target of kind.targets) offered.add(target.action.type);
    }
    expect([...offered].sort()).toEqual(engineFaults);
  }, 180_000);
});

describe('presenter channel messages', () => {
  it('accepts the console’s messages and refuses anything else', () => {
    expect(parseConsoleMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
    expect(parseConsoleMessage({ kind: 'control', control: 'step' })).toEqual({
      kind: 'control',
      control: 'step',
    });
    expect(parseConsoleMessage({ kind: 'speed', speed: 16 })).toEqual({ kind: 'speed', speed: 16 });
    expect(parseConsoleMessage({ kind: 'speed', speed: 1000 })).toBeNull();
    expect(parseConsoleMessage({ kind: 'control', control: 'delete-everything' })).toBeNull();
    expect(
      parseConsoleMessage({
        kind: 'fault',
        label: 'AZ',
        action: { type: 'fault.az-outage', az: 'eu-west-3a' },
      }),
    ).toEqual({
      kind: 'fault',
      label: 'AZ',
      action: { type: 'fault.az-outage', az: 'eu-west-3a' },
    });
    // Only faults travel as the instructor; a learner action over the channel is dropped.
    expect(
      parseConsoleMessage({
        kind: 'fault',
        label: 'x',
        action: { type: 'service.delete', service: 'web' },
      }),
    ).toBeNull();
    expect(
      parseConsoleMessage({
        kind: 'fault',
        label: 'x'.repeat(301),
        action: { type: 'fault.crash' },
      }),
    ).toBeNull();
    for (const junk of [null, 'hello', 42, [], { kind: '__proto__' }])
      expect(parseConsoleMessage(junk)).toBeNull();
  });

  it('accepts the projector’s messages by shape', () => {
    expect(parseProjectorMessage({ kind: 'gone' })).toEqual({ kind: 'gone' });
    expect(
      parseProjectorMessage({ kind: 'fired', fired: { at: 5, label: 'x', ok: true, text: 'y' } }),
    ).toEqual({
      kind: 'fired',
      fired: { at: 5, label: 'x', ok: true, text: 'y' },
    });
    expect(parseProjectorMessage({ kind: 'fired', fired: { at: '5' } })).toBeNull();
    expect(parseProjectorMessage({ kind: 'status', status: { lesson: 'ecs' } })).toBeNull();
  });

  it('finds the lesson of a lesson page path', () => {
    expect(lessonOfPath('/lessons/ecs/')).toBe('ecs');
    expect(lessonOfPath('/lessons/why-orchestration/')).toBe('why-orchestration');
    expect(lessonOfPath('/instructors/')).toBeNull();
  });
});
