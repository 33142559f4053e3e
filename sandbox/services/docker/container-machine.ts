/**
 * A Docker container on a plain Docker host (orchestrator `none`). Nothing restarts it:
 * a container that exited stays exited until someone runs `docker start`.
 * `created` with no host = waiting in the unplaced tray.
 */
import { setup } from 'xstate';
import { deriveTable } from '../../engine/machine-table.ts';

export type ContainerMachineEvent =
  | { type: 'container.place' }
  | { type: 'container.start' }
  | { type: 'container.stop' }
  | { type: 'container.exit' }
  | { type: 'container.remove' };

/**
 * The names below are effects the Docker module carries out (docker-actions.ts
 * CONTAINER_EFFECTS); the guard `hostGone` asks the world whether the container's host is
 * gone, so a container that died with its host can be run elsewhere.
 */
export const containerMachine = setup({
  types: { events: {} as ContainerMachineEvent },
  guards: { hostGone: () => false },
  actions: {
    assignHost: () => {},
    markStarted: () => {},
    markFinished: () => {},
    recordStop: () => {},
    recordExit: () => {},
    countRestart: () => {},
    destroy: () => {},
  },
}).createMachine({
  id: 'dockerContainer',
  initial: 'created',
  states: {
    created: {
      on: {
        'container.place': { target: 'running', actions: 'assignHost' },
        'container.remove': 'removed',
      },
    },
    running: {
      entry: 'markStarted',
      on: {
        'container.stop': { target: 'exited', actions: 'recordStop' },
        'container.exit': { target: 'exited', actions: 'recordExit' },
      },
    },
    exited: {
      entry: 'markFinished',
      on: {
        'container.start': { target: 'running', actions: 'countRestart' },
        'container.place': { target: 'running', guard: 'hostGone', actions: 'assignHost' },
        'container.remove': 'removed',
      },
    },
    removed: { type: 'final', entry: 'destroy' },
  },
});

export const CONTAINER_TABLE = deriveTable(containerMachine);
