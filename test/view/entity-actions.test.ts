import { describe, expect, it } from 'vitest';
import {
  containerMenu,
  instanceMenu,
  menuFor,
  taskMenu,
} from '../../src/lib/sandbox-view/entity-actions.ts';
import { inspect } from '../../src/lib/sandbox-view/inspect-details.ts';
import { byId, container, containerInstance, instance, task, world } from './world-fixture.ts';

const all = { allowedActions: [] };
const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('context menus', () => {
  it('offers placement for a tray container only when the scenario allows it', () => {
    const c = container('c1', 'orders');
    expect(labels(containerMenu(c, all))).toEqual(['Inspect details', 'Place on a host…']);
    expect(labels(containerMenu(c, { allowedActions: ['docker.container.start'] }))).toEqual([
      'Inspect details',
    ]);
  });

  it('offers start/remove for a stopped container and stop/kill for a running one', () => {
    const exited = container('c1', 'orders', { hostId: 'i-1', state: 'exited', exitCode: 1 });
    expect(labels(containerMenu(exited, all))).toEqual([
      'Inspect details',
      'Start container',
      'Remove container',
    ]);
    const running = container('c1', 'orders', { hostId: 'i-1', state: 'running' });
    expect(containerMenu(running, all)).toEqual([
      { kind: 'inspect', label: 'Inspect details' },
      {
        kind: 'action',
        label: 'Stop container',
        action: { type: 'docker.container.stop', containerId: 'c1' },
        fault: false,
      },
      {
        kind: 'action',
        label: 'Kill container (fault)',
        action: { type: 'fault.crash', targetId: 'c1', exitCode: 137 },
        fault: true,
      },
    ]);
  });

  it('offers instance actions by state and agent', () => {
    const ecs = instance('i-1', 'eu-west-3a', { bootstrap: 'ecs' });
    const agent = containerInstance('i-1', 'eu-west-3a');
    // Faults are always offered; everyday actions only when the scenario allows them.
    expect(labels(instanceMenu(ecs, agent, { allowedActions: ['ec2.instance.launch'] }))).toEqual([
      'Inspect details',
      'Instance failure (fault)',
      'Disconnect ECS agent (fault)',
    ]);
    expect(labels(instanceMenu(ecs, agent, all))).toEqual([
      'Inspect details',
      'Terminate instance',
      'Instance failure (fault)',
      'Disconnect ECS agent (fault)',
    ]);
    expect(labels(instanceMenu({ ...ecs, state: 'shutting-down' }, agent, all))).toEqual([
      'Inspect details',
    ]);
  });

  it('offers nothing but inspection for a stopped task', () => {
    expect(labels(taskMenu(task('t1', { lastStatus: 'STOPPED' }), all))).toEqual([
      'Inspect details',
    ]);
    expect(labels(taskMenu(task('t1'), all))).toEqual([
      'Inspect details',
      'Stop task',
      'Crash task (fault)',
    ]);
  });

  it('returns no menu for an entity that is gone', () => {
    expect(menuFor({ kind: 'container', id: 'nope' }, world(), all)).toEqual([]);
  });
});

describe('the inspector', () => {
  it('describes a container like docker inspect', () => {
    const w = world({
      instances: byId([instance('i-1', 'eu-west-3a')]),
      containers: byId([
        container('c1', 'orders', {
          hostId: 'i-1',
          state: 'exited',
          exitCode: 137,
          oomKilled: true,
          startedAt: 5,
          finishedAt: 65,
        }),
      ]),
    });
    const details = inspect({ kind: 'container', id: 'c1' }, w);
    expect(details?.heading).toBe('Container orders');
    expect(details?.rows.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'Container ID: c1',
      'Name: orders',
      'Image: shipyard/orders:1.0',
      'Status: exited (137, OOMKilled)',
      'Host: i-1 (eu-west-3a)',
      'CPU limit: 0.25 vCPU',
      'Memory limit: 256 MiB',
      'Started at: 00:05',
      'Finished at: 01:05',
      'Exit code: 137',
      'OOMKilled: true',
      'Restart count: 0',
    ]);
  });

  it('shows a task’s stop reason and an instance’s cost so far', () => {
    const w = world({
      instances: byId([instance('i-1', 'eu-west-3a')]),
      dockerHosts: byId([{ id: 'i-1', reservedCpu: 512, reservedMemory: 0, runningCount: 0 }]),
      tasks: byId([
        task('abcdef0123456789abcdef0123456789', {
          lastStatus: 'STOPPED',
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
        }),
      ]),
      cost: { total: 0.01, perHour: 0.0472, byResource: { 'i-1': 0.0079 }, byKind: {} },
    });
    const t = inspect({ kind: 'task', id: 'abcdef0123456789abcdef0123456789' }, w);
    expect(t?.heading).toBe('Task web abcdef01');
    expect(t?.rows).toContainEqual({
      label: 'Stopped reason',
      value: 'Essential container in task exited',
    });
    const i = inspect({ kind: 'instance', id: 'i-1' }, w);
    expect(i?.rows).toContainEqual({ label: 'Cost so far', value: '$0.0079' });
    expect(i?.rows).toContainEqual({ label: 'CPU reserved', value: '0.5 vCPU of 2 vCPU' });
    expect(inspect({ kind: 'service', id: 'web' }, w)).toBeNull();
  });
});
