import {
  SimulatedClock,
  createActor,
  initialTransition,
  transition,
  type AnyStateMachine,
} from 'xstate';
import { describe, expect, it } from 'vitest';
import { AGENT_TABLE, agentMachine } from '../../sandbox/services/ecs/agent-machine.ts';
import {
  CONTAINER_TABLE,
  containerMachine,
} from '../../sandbox/services/docker/container-machine.ts';
import { INSTANCE_TABLE, instanceMachine } from '../../sandbox/services/ec2/instance-machine.ts';
import { TASK_TABLE, taskMachine } from '../../sandbox/services/ecs/task-machine.ts';
import { sandboxMachine } from '../../sandbox/machines/sandbox-machine.ts';
import { loadScenario } from './helpers.ts';
import type { TransitionTable } from '../../sandbox/engine/machine-table.ts';

/** The table the engine uses must say exactly what xstate's own transition() says. */
function expectTableMatchesMachine(
  machine: AnyStateMachine,
  table: TransitionTable,
  input: unknown,
  events: Record<string, object>,
) {
  const [initial] = initialTransition(machine, input);
  expect(initial.value).toBe(table.initial);
  for (const state of Object.keys(table.states)) {
    const snapshot = machine.resolveState({ value: state, context: initial.context });
    for (const [type, extra] of Object.entries(events)) {
      const [next] = transition(machine, snapshot, { type, ...extra });
      const expected = table.states[state]!.on[type] ?? state;
      expect(`${state} --${type}--> ${String(next.value)}`).toBe(
        `${state} --${type}--> ${expected}`,
      );
    }
  }
}

describe('ECS task statechart', () => {
  const events = {
    'task.placed': {},
    'task.stop': { stopCode: 'UserInitiated', reason: 'Task stopped by user' },
    'task.exited': { reason: 'Essential container in task exited' },
    'task.lost': { reason: 'Host EC2 (instance i-0) terminated.' },
  };
  it('table matches transition() for every state and event', () => {
    expectTableMatchesMachine(taskMachine, TASK_TABLE, { launchType: 'EC2' }, events);
  });
  it('has this exact transition table', () => {
    const rows = Object.entries(TASK_TABLE.states).map(([s, r]) => [
      s,
      r.on,
      r.after?.target ?? null,
    ]);
    expect(rows).toEqual([
      [
        'PROVISIONING',
        { 'task.placed': 'PENDING', 'task.stop': 'STOPPED', 'task.lost': 'STOPPED' },
        null,
      ],
      [
        'PENDING',
        { 'task.stop': 'STOPPING', 'task.exited': 'STOPPING', 'task.lost': 'STOPPED' },
        'ACTIVATING',
      ],
      [
        'ACTIVATING',
        { 'task.stop': 'DEACTIVATING', 'task.exited': 'DEACTIVATING', 'task.lost': 'STOPPED' },
        'RUNNING',
      ],
      [
        'RUNNING',
        { 'task.stop': 'DEACTIVATING', 'task.exited': 'DEACTIVATING', 'task.lost': 'STOPPED' },
        null,
      ],
      ['DEACTIVATING', { 'task.lost': 'STOPPED' }, 'STOPPING'],
      ['STOPPING', { 'task.lost': 'STOPPED' }, 'DEPROVISIONING'],
      ['DEPROVISIONING', { 'task.lost': 'STOPPED' }, 'STOPPED'],
      ['STOPPED', {}, null],
    ]);
  });
  it('runs the whole lifecycle on a simulated clock', () => {
    const clock = new SimulatedClock();
    const actor = createActor(taskMachine, {
      clock,
      input: { launchType: 'FARGATE', delays: { pullDelay: 45 } },
    }).start();
    actor.send({ type: 'task.placed' });
    expect(actor.getSnapshot().value).toBe('PENDING');
    clock.increment(44_999);
    expect(actor.getSnapshot().value).toBe('PENDING');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('ACTIVATING');
    clock.increment(2_000);
    expect(actor.getSnapshot().value).toBe('RUNNING');
    actor.send({ type: 'task.exited', reason: 'Essential container in task exited' });
    expect(actor.getSnapshot().value).toBe('DEACTIVATING');
    expect(actor.getSnapshot().context.stopCode).toBe('EssentialContainerExited');
    clock.increment(5_000);
    expect(actor.getSnapshot().value).toBe('STOPPING');
    clock.increment(3_000);
    expect(actor.getSnapshot().value).toBe('DEPROVISIONING');
    clock.increment(5_000);
    expect(actor.getSnapshot().value).toBe('STOPPED');
    expect(actor.getSnapshot().status).toBe('done');
  });
});

describe('EC2 instance statechart', () => {
  it('table matches transition()', () => {
    expectTableMatchesMachine(instanceMachine, INSTANCE_TABLE, undefined, {
      'instance.stop': {},
      'instance.start': {},
      'instance.terminate': {},
    });
  });
  it('boots after the boot delay and terminates after the shutdown delay', () => {
    const clock = new SimulatedClock();
    const actor = createActor(instanceMachine, { clock, input: { bootSeconds: 42 } }).start();
    clock.increment(41_999);
    expect(actor.getSnapshot().value).toBe('pending');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'instance.terminate' });
    expect(actor.getSnapshot().value).toBe('shutting-down');
    clock.increment(20_000);
    expect(actor.getSnapshot().value).toBe('terminated');
  });
  it('stops and starts again', () => {
    const clock = new SimulatedClock();
    const actor = createActor(instanceMachine, { clock, input: { bootSeconds: 30 } }).start();
    clock.increment(30_000);
    actor.send({ type: 'instance.stop' });
    clock.increment(20_000);
    expect(actor.getSnapshot().value).toBe('stopped');
    actor.send({ type: 'instance.start' });
    expect(actor.getSnapshot().value).toBe('pending');
  });
});

describe('ECS agent statechart', () => {
  it('table matches transition()', () => {
    expectTableMatchesMachine(agentMachine, AGENT_TABLE, undefined, {
      'agent.drain': {},
      'agent.activate': {},
      'agent.deregister': {},
    });
  });
  it('registers after the registration delay, drains and deregisters', () => {
    const clock = new SimulatedClock();
    const actor = createActor(agentMachine, { clock, input: { registrationSeconds: 25 } }).start();
    expect(actor.getSnapshot().value).toBe('REGISTERING');
    actor.send({ type: 'agent.drain' });
    expect(actor.getSnapshot().value).toBe('REGISTERING');
    clock.increment(25_000);
    expect(actor.getSnapshot().value).toBe('ACTIVE');
    actor.send({ type: 'agent.drain' });
    expect(actor.getSnapshot().value).toBe('DRAINING');
    actor.send({ type: 'agent.deregister' });
    expect(actor.getSnapshot().value).toBe('INACTIVE');
  });
});

describe('Docker container statechart', () => {
  it('table matches transition()', () => {
    expectTableMatchesMachine(containerMachine, CONTAINER_TABLE, undefined, {
      'container.place': {},
      'container.start': {},
      'container.stop': {},
      'container.exit': {},
      'container.remove': {},
    });
  });
  it('a dead container stays dead until started', () => {
    const actor = createActor(containerMachine).start();
    actor.send({ type: 'container.place' });
    actor.send({ type: 'container.exit' });
    expect(actor.getSnapshot().value).toBe('exited');
    actor.send({ type: 'container.stop' });
    expect(actor.getSnapshot().value).toBe('exited');
    actor.send({ type: 'container.start' });
    expect(actor.getSnapshot().value).toBe('running');
  });
});

describe('sandbox run-loop statechart', () => {
  const scenario = loadScenario('ecs-no-agent.yaml');

  it('is ready at the start, finished once the clock reaches the duration, ready again after reset', () => {
    const [start] = initialTransition(sandboxMachine, { scenario });
    expect(start.value).toBe('ready');
    const [half] = transition(sandboxMachine, start, { type: 'sim.advance', seconds: 300 });
    expect([half.value, half.context.world.time]).toEqual(['ready', 300]);
    const [end] = transition(sandboxMachine, half, { type: 'sim.advance', seconds: 10_000 });
    expect([end.value, end.context.world.time]).toEqual(['finished', 600]);
    const [again] = transition(sandboxMachine, end, { type: 'sim.reset' });
    expect([again.value, again.context.world.time]).toEqual(['ready', 0]);
  });

  it('keeps a refused learner action out of the world and reports it', () => {
    const [start] = initialTransition(sandboxMachine, { scenario });
    const [next] = transition(sandboxMachine, start, {
      type: 'learner.action',
      action: { type: 'ecs.task.run', taskDefinition: 'web' },
    });
    expect(next.context.world).toBe(start.context.world);
    expect(next.context.lastResult).toEqual({
      ok: false,
      field: 'type',
      error: 'This scenario does not offer ecs.task.run.',
    });
  });
});
