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
import {
  deriveTable,
  nextState,
  type TransitionTable,
} from '../../sandbox/engine/machine-table.ts';
import { setup } from 'xstate';

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
      // Guards are false in a live actor without a world, and so in this check.
      const expected = nextState(table, state, type, () => false) ?? state;
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
      Object.fromEntries(Object.entries(r.on).map(([e, [t]]) => [e, t!.target])),
      r.after[0]?.target ?? null,
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

describe('task chart effects and stop codes', () => {
  it('names the effects the engine carries out, in statechart order', () => {
    expect(Object.entries(TASK_TABLE.states).map(([s, r]) => [s, r.entry, r.exit])).toEqual([
      ['PROVISIONING', [], []],
      ['PENDING', [], []],
      ['ACTIVATING', [], []],
      ['RUNNING', ['recordPending', 'markRunning'], ['markNotRunning']],
      ['DEACTIVATING', ['recordPending'], []],
      ['STOPPING', ['recordPending'], []],
      ['DEPROVISIONING', [], []],
      ['STOPPED', ['recordPending', 'finishTask'], []],
    ]);
    expect(TASK_TABLE.states.RUNNING!.on['task.lost']).toEqual([
      { target: 'STOPPED', guard: null, actions: ['recordLoss'] },
    ]);
  });

  it('keeps the first stop code when a stopping task is then lost (as the engine does)', () => {
    const actor = createActor(taskMachine, { input: { launchType: 'EC2' } }).start();
    actor.send({ type: 'task.placed' });
    actor.send({ type: 'task.stop', stopCode: 'UserInitiated', reason: 'Task stopped by user' });
    expect(actor.getSnapshot().value).toBe('STOPPING');
    actor.send({ type: 'task.lost', reason: 'Host EC2 (instance i-0) terminated.' });
    expect(actor.getSnapshot().value).toBe('STOPPED');
    expect(actor.getSnapshot().context.stopCode).toBe('UserInitiated');
    expect(actor.getSnapshot().context.stoppedReason).toBe('Task stopped by user');
  });
});

describe('deriving a table', () => {
  it('keeps guards, in order, and asks the service to evaluate them', () => {
    expect(CONTAINER_TABLE.states.exited!.on['container.place']).toEqual([
      { target: 'running', guard: 'hostGone', actions: ['assignHost'] },
    ]);
    expect(nextState(CONTAINER_TABLE, 'exited', 'container.place', () => true)).toBe('running');
    expect(nextState(CONTAINER_TABLE, 'exited', 'container.place', () => false)).toBeNull();
    expect(() => nextState(CONTAINER_TABLE, 'exited', 'container.place')).toThrow(
      'dockerContainer: guard hostGone needs a guard check from the service',
    );
  });

  it('throws on what a table cannot represent', () => {
    const nested = setup({}).createMachine({
      id: 'nested',
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {} } } },
    });
    expect(() => deriveTable(nested)).toThrow(
      'deriveTable(nested): a: a compound state cannot be represented in a table',
    );
    const inline = setup({}).createMachine({
      id: 'inline',
      initial: 'a',
      states: { a: { on: { go: { target: 'b', guard: () => true } } }, b: {} },
    });
    expect(() => deriveTable(inline)).toThrow(
      'deriveTable(inline): a on go: an inline guard cannot be represented in a table',
    );
    const numeric = setup({}).createMachine({
      id: 'numeric',
      initial: 'a',
      states: { a: { after: { 1000: 'b' } }, b: {} },
    });
    expect(() => deriveTable(numeric)).toThrow(
      'deriveTable(numeric): a after: a numeric delay cannot be represented in a table',
    );
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
  it('names its effects: billing settles on leaving running, the host is announced on entering it and lost on stopping or shutting down', () => {
    expect(
      Object.entries(INSTANCE_TABLE.states).map(([state, row]) => [state, row.entry, row.exit]),
    ).toEqual([
      ['pending', [], []],
      ['running', ['announceRunning'], ['settleBilling']],
      ['stopping', ['announceLost'], []],
      ['stopped', [], []],
      ['shutting-down', ['announceLost'], []],
      ['terminated', [], []],
    ]);
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
  it('names its effect: entering ACTIVE records the first registration', () => {
    expect(
      Object.entries(AGENT_TABLE.states).map(([state, row]) => [state, row.entry, row.exit]),
    ).toEqual([
      ['REGISTERING', [], []],
      ['ACTIVE', ['recordRegistration'], []],
      ['DRAINING', [], []],
      ['INACTIVE', [], []],
    ]);
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
