/**
 * The ECS task lifecycle (aws-facts.md §1.3):
 * PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED.
 *
 * The engine does not run one actor per task: it steps tasks with a table derived from this
 * machine (machine-table.ts) and computes the named delays with `taskDelaySeconds`.
 */
import { assign, setup } from 'xstate';
import { deriveTable } from '../../engine/machine-table.ts';
import {
  EC2_TASK_PULL_SECONDS,
  FARGATE_TASK_START_SECONDS,
  TASK_ACTIVATING_SECONDS,
  TASK_DEACTIVATING_SECONDS,
  TASK_DEPROVISIONING_SECONDS_EC2,
  TASK_DEPROVISIONING_SECONDS_FARGATE,
  TASK_STOPPING_SECONDS,
} from '../../model/constants.ts';
import type { LaunchType, StopCode } from '../../model/types.ts';

export type TaskDelayName =
  'pullDelay' | 'activatingDelay' | 'deactivatingDelay' | 'stoppingDelay' | 'deprovisioningDelay';

/** Seconds a task spends in a delayed state. `draw(min, max)` picks from the world's PRNG. */
export function taskDelaySeconds(
  name: TaskDelayName,
  launchType: LaunchType,
  draw: (min: number, max: number) => number,
): number {
  switch (name) {
    case 'pullDelay':
      return launchType === 'FARGATE'
        ? draw(...FARGATE_TASK_START_SECONDS)
        : draw(...EC2_TASK_PULL_SECONDS);
    case 'activatingDelay':
      return TASK_ACTIVATING_SECONDS;
    case 'deactivatingDelay':
      return TASK_DEACTIVATING_SECONDS;
    case 'stoppingDelay':
      return TASK_STOPPING_SECONDS;
    case 'deprovisioningDelay':
      return launchType === 'FARGATE'
        ? TASK_DEPROVISIONING_SECONDS_FARGATE
        : TASK_DEPROVISIONING_SECONDS_EC2;
  }
}

export interface TaskMachineContext {
  launchType: LaunchType;
  /** Fixed delays (seconds) for live actors; the engine draws its own. */
  delays: Record<TaskDelayName, number>;
  stopCode: StopCode | null;
  stoppedReason: string | null;
}

export type TaskMachineEvent =
  | { type: 'task.placed' }
  | { type: 'task.stop'; stopCode: StopCode; reason: string }
  | { type: 'task.exited'; reason: string }
  | { type: 'task.lost'; reason: string };

const delay =
  (name: TaskDelayName) =>
  ({ context }: { context: TaskMachineContext }) =>
    context.delays[name] * 1000;

export const taskMachine = setup({
  types: {
    context: {} as TaskMachineContext,
    events: {} as TaskMachineEvent,
    input: {} as { launchType: LaunchType; delays?: Partial<Record<TaskDelayName, number>> },
  },
  delays: {
    pullDelay: delay('pullDelay'),
    activatingDelay: delay('activatingDelay'),
    deactivatingDelay: delay('deactivatingDelay'),
    stoppingDelay: delay('stoppingDelay'),
    deprovisioningDelay: delay('deprovisioningDelay'),
  },
  // The first reason a task stops is its stop code: a task stopped by the user and then
  // lost with its host still says UserInitiated (as the engine always did).
  actions: {
    recordStop: assign(({ context, event }) =>
      event.type === 'task.stop' && context.stopCode === null
        ? { stopCode: event.stopCode, stoppedReason: event.reason }
        : {},
    ),
    recordExit: assign(({ context, event }) =>
      event.type === 'task.exited' && context.stopCode === null
        ? { stopCode: 'EssentialContainerExited' as const, stoppedReason: event.reason }
        : {},
    ),
    recordLoss: assign(({ context, event }) =>
      event.type === 'task.lost' && context.stopCode === null
        ? { stopCode: 'InfrastructureHealth' as const, stoppedReason: event.reason }
        : {},
    ),
    // Effects the engine carries out (services/ecs/ecs-ops.ts TASK_EFFECTS); nothing to do in a live actor.
    recordPending: () => {},
    markRunning: () => {},
    markNotRunning: () => {},
    finishTask: () => {},
  },
}).createMachine({
  id: 'ecsTask',
  context: ({ input }) => {
    const fixed = (name: TaskDelayName) => taskDelaySeconds(name, input.launchType, (min) => min);
    return {
      launchType: input.launchType,
      delays: {
        pullDelay: input.delays?.pullDelay ?? fixed('pullDelay'),
        activatingDelay: input.delays?.activatingDelay ?? fixed('activatingDelay'),
        deactivatingDelay: input.delays?.deactivatingDelay ?? fixed('deactivatingDelay'),
        stoppingDelay: input.delays?.stoppingDelay ?? fixed('stoppingDelay'),
        deprovisioningDelay: input.delays?.deprovisioningDelay ?? fixed('deprovisioningDelay'),
      },
      stopCode: null,
      stoppedReason: null,
    };
  },
  initial: 'PROVISIONING',
  states: {
    /** Looking for capacity (EC2) or creating the micro-VM and ENI (Fargate). */
    PROVISIONING: {
      on: {
        'task.placed': 'PENDING',
        'task.stop': { target: 'STOPPED', actions: 'recordStop' },
        'task.lost': { target: 'STOPPED', actions: 'recordLoss' },
      },
    },
    /** Image pull and container create. */
    PENDING: {
      after: { pullDelay: 'ACTIVATING' },
      on: {
        'task.stop': { target: 'STOPPING', actions: 'recordStop' },
        'task.exited': { target: 'STOPPING', actions: 'recordExit' },
        'task.lost': { target: 'STOPPED', actions: 'recordLoss' },
      },
    },
    ACTIVATING: {
      after: { activatingDelay: 'RUNNING' },
      on: {
        'task.stop': { target: 'DEACTIVATING', actions: 'recordStop' },
        'task.exited': { target: 'DEACTIVATING', actions: 'recordExit' },
        'task.lost': { target: 'STOPPED', actions: 'recordLoss' },
      },
    },
    RUNNING: {
      entry: ['recordPending', 'markRunning'],
      exit: 'markNotRunning',
      on: {
        'task.stop': { target: 'DEACTIVATING', actions: 'recordStop' },
        'task.exited': { target: 'DEACTIVATING', actions: 'recordExit' },
        'task.lost': { target: 'STOPPED', actions: 'recordLoss' },
      },
    },
    /** Target-group deregistration. */
    DEACTIVATING: {
      entry: 'recordPending',
      after: { deactivatingDelay: 'STOPPING' },
      on: { 'task.lost': { target: 'STOPPED', actions: 'recordLoss' } },
    },
    /** SIGTERM, then SIGKILL after stopTimeout. */
    STOPPING: {
      entry: 'recordPending',
      after: { stoppingDelay: 'DEPROVISIONING' },
      on: { 'task.lost': { target: 'STOPPED', actions: 'recordLoss' } },
    },
    /** ENI detached and deleted. */
    DEPROVISIONING: {
      after: { deprovisioningDelay: 'STOPPED' },
      on: { 'task.lost': { target: 'STOPPED', actions: 'recordLoss' } },
    },
    STOPPED: { type: 'final', entry: ['recordPending', 'finishTask'] },
  },
});

export const TASK_TABLE = deriveTable(taskMachine);
