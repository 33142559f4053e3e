/**
 * The EC2 instance lifecycle (aws-facts.md §3.4): pending → running → stopping → stopped,
 * and shutting-down → terminated from any live state. Registration with an ECS cluster is
 * the agent's own machine (agent-machine.ts), started when a host with the agent is running.
 *
 * Effects (carried out by instances.ts): leaving `running` settles the 60-second minimum
 * (`settleBilling`); entering `running` announces the host (`announceRunning`: the services
 * start what the host's bootstrap runs); entering `stopping` or `shutting-down` announces its
 * loss (`announceLost`: what ran on it is gone).
 */
import { setup } from 'xstate';
import { deriveTable } from '../../engine/machine-table.ts';
import { EC2_BOOT_SECONDS, EC2_SHUTDOWN_SECONDS } from '../../model/constants.ts';

export type InstanceDelayName = 'bootDelay' | 'shutdownDelay';

export function instanceDelaySeconds(
  name: InstanceDelayName,
  draw: (min: number, max: number) => number,
): number {
  return name === 'bootDelay' ? draw(...EC2_BOOT_SECONDS) : EC2_SHUTDOWN_SECONDS;
}

export type InstanceMachineEvent =
  { type: 'instance.stop' } | { type: 'instance.start' } | { type: 'instance.terminate' };

export const instanceMachine = setup({
  types: {
    context: {} as { bootSeconds: number },
    events: {} as InstanceMachineEvent,
    input: {} as { bootSeconds?: number } | undefined,
  },
  // Effects the engine carries out (see the header); nothing to do in a live actor.
  actions: {
    settleBilling: () => {},
    announceRunning: () => {},
    announceLost: () => {},
  },
  delays: {
    bootDelay: ({ context }) => context.bootSeconds * 1000,
    shutdownDelay: () => EC2_SHUTDOWN_SECONDS * 1000,
  },
}).createMachine({
  id: 'ec2Instance',
  context: ({ input }) => ({ bootSeconds: input?.bootSeconds ?? EC2_BOOT_SECONDS[0] }),
  initial: 'pending',
  states: {
    pending: {
      after: { bootDelay: 'running' },
      on: { 'instance.terminate': 'shutting-down' },
    },
    running: {
      entry: 'announceRunning',
      exit: 'settleBilling',
      on: { 'instance.stop': 'stopping', 'instance.terminate': 'shutting-down' },
    },
    stopping: {
      entry: 'announceLost',
      after: { shutdownDelay: 'stopped' },
      on: { 'instance.terminate': 'shutting-down' },
    },
    stopped: {
      on: { 'instance.start': 'pending', 'instance.terminate': 'shutting-down' },
    },
    'shutting-down': {
      entry: 'announceLost',
      after: { shutdownDelay: 'terminated' },
    },
    terminated: { type: 'final' },
  },
});

export const INSTANCE_TABLE = deriveTable(instanceMachine);
