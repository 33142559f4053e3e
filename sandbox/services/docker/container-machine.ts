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

export const containerMachine = setup({
  types: { events: {} as ContainerMachineEvent },
}).createMachine({
  id: 'dockerContainer',
  initial: 'created',
  states: {
    created: {
      on: { 'container.place': 'running', 'container.remove': 'removed' },
    },
    running: {
      on: { 'container.stop': 'exited', 'container.exit': 'exited' },
    },
    exited: {
      on: { 'container.start': 'running', 'container.remove': 'removed' },
    },
    removed: { type: 'final' },
  },
});

export const CONTAINER_TABLE = deriveTable(containerMachine);
