import { describe, expect, it } from 'vitest';
import { layoutWorld, summariseLayout, taskFamily } from '../../src/lib/sandbox-view/layout.ts';
import { byId, container, instance, task, world } from './world-fixture.ts';

describe('layoutWorld', () => {
  it('puts instances in their AZ columns in launch order, and containers on their hosts', () => {
    const layout = layoutWorld(
      world({
        instances: byId([
          instance('i-b', 'eu-west-3b', { launchedAt: 5 }),
          instance('i-a2', 'eu-west-3a', { launchedAt: 9 }),
          instance('i-a1', 'eu-west-3a', { launchedAt: 1 }),
        ]),
        containers: byId([
          container('c2', 'web', { hostId: 'i-a1', state: 'running' }),
          container('c1', 'auth', {
            hostId: 'i-a1',
            state: 'exited',
            exitCode: 137,
            oomKilled: true,
          }),
          container('c3', 'cart'),
        ]),
      }),
    );
    expect(layout.azs.map((az) => [az.az, az.hosts.map((h) => h.id)])).toEqual([
      ['eu-west-3a', ['i-a1', 'i-a2']],
      ['eu-west-3b', ['i-b']],
      ['eu-west-3c', []],
    ]);
    expect(layout.hostOrder).toEqual(['i-a1', 'i-a2', 'i-b']);
    const host = layout.azs[0]?.hosts[0];
    expect(host?.chips.map((c) => [c.name, c.status, c.tone])).toEqual([
      ['auth', 'exited (137, OOMKilled)', 'failed'],
      ['web', 'running', 'ok'],
    ]);
    expect(layout.unplaced.map((c) => c.name)).toEqual(['cart']);
  });

  it('hides terminated instances and marks hosts in a down AZ as not accepting', () => {
    const layout = layoutWorld(
      world({
        azDown: ['eu-west-3b'],
        instances: byId([
          instance('i-gone', 'eu-west-3a', { state: 'terminated' }),
          instance('i-pending', 'eu-west-3a', { state: 'pending' }),
          instance('i-out', 'eu-west-3b'),
        ]),
      }),
    );
    expect(layout.hostOrder).toEqual(['i-pending', 'i-out']);
    expect(layout.azs[0]?.hosts[0]?.accepting).toBe(false);
    expect(layout.azs[1]?.down).toBe(true);
    expect(layout.azs[1]?.hosts[0]?.accepting).toBe(false);
  });

  it('sends Fargate tasks to the lane, waiting EC2 tasks to the tray, and drops old stopped tasks', () => {
    const layout = layoutWorld(
      world({
        time: 200,
        orchestrator: 'ecs',
        instances: byId([instance('i-1', 'eu-west-3a', { bootstrap: 'ecs' })]),
        tasks: byId([
          task('t-run', { instanceId: 'i-1' }),
          task('t-wait', { lastStatus: 'PROVISIONING' }),
          task('t-far', { launchType: 'FARGATE', taskDefinition: 'api:2' }),
          task('t-old', { lastStatus: 'STOPPED', stoppedAt: 100, instanceId: 'i-1' }),
          task('t-new', {
            lastStatus: 'STOPPED',
            stoppedAt: 190,
            instanceId: 'i-1',
            stopCode: 'EssentialContainerExited',
          }),
        ]),
      }),
    );
    expect(layout.azs[0]?.hosts[0]?.chips.map((c) => [c.id, c.status, c.tone])).toEqual([
      ['t-new', 'STOPPED', 'failed'],
      ['t-run', 'RUNNING', 'ok'],
    ]);
    expect(layout.unplaced.map((c) => c.id)).toEqual(['t-wait']);
    expect(layout.fargate.map((c) => [c.id, c.name])).toEqual([['t-far', 'api']]);
  });

  it('summarises the world as one sentence', () => {
    const layout = layoutWorld(
      world({
        azDown: ['eu-west-3c'],
        instances: byId([instance('i-1', 'eu-west-3a')]),
        containers: byId([
          container('c1', 'web', { hostId: 'i-1', state: 'running' }),
          container('c2', 'db'),
        ]),
      }),
    );
    expect(summariseLayout(layout)).toBe(
      '1 instance, 1 on hosts (1 running), 1 unplaced, AZ down: eu-west-3c',
    );
  });

  it('reads the family from a task definition', () => {
    expect(taskFamily('web:12')).toBe('web');
    expect(taskFamily('web')).toBe('web');
  });
});

describe('layoutWorld on EKS', () => {
  it("leaves a cluster's nodes and its kubeadm instance to the Kubernetes view; a joining instance stays a host", async () => {
    const { loadScenario } = await import('../sandbox/helpers.ts');
    const { advance, applyAction, createWorld } = await import('../../sandbox/index.ts');
    // Node group, self-managed node and a kubeadm master: all drawn by the cluster.
    const outage = createWorld(loadScenario('eks-az-outage-control-plane.yaml'));
    expect(Object.keys(outage.ec2.instances).length).toBeGreaterThan(0);
    expect(layoutWorld(outage).hostOrder).toEqual([]);
    // An EKS-AMI instance launched but not bootstrapped is not a node: it is shown as a host.
    const join = loadScenario('eks-self-managed-join.yaml');
    const launch = join.solution.find((entry) => entry.action.type === 'eks.node.launch');
    expect(launch).toBeDefined();
    const launched = advance(applyAction(createWorld(join), launch!.action, 'learner').world, 5);
    const hosts = layoutWorld(launched).hostOrder;
    // The solution launches two workers; neither has joined five seconds later.
    expect(hosts.map((id) => launched.ec2.instances[id]!.name)).toEqual(['worker-1', 'worker-2']);
    expect(hosts.every((id) => launched.ec2.instances[id]!.bootstrap === 'eks')).toBe(true);
  });
});
