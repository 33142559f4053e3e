/**
 * An ECS container instance's registration (aws-facts.md §1.1): the agent on a running host
 * registers (REGISTERING → ACTIVE); DRAINING blocks new placements; INACTIVE after
 * deregistration or termination. Only ACTIVE, connected instances accept tasks. An instance
 * without the agent never enters this machine, so it never joins.
 *
 * Effect (carried out by ecs-ops.ts): entering ACTIVE records when the instance first
 * registered (`recordRegistration`), which `describe-container-instances` reports.
 */
import { setup } from 'xstate';
import { deriveTable } from '../../engine/machine-table.ts';
import { ECS_AGENT_REGISTRATION_SECONDS } from '../../model/constants.ts';

export type AgentDelayName = 'registrationDelay';

export function agentDelaySeconds(
  _name: AgentDelayName,
  draw: (min: number, max: number) => number,
): number {
  return draw(...ECS_AGENT_REGISTRATION_SECONDS);
}

export type AgentMachineEvent =
  { type: 'agent.drain' } | { type: 'agent.activate' } | { type: 'agent.deregister' };

export const agentMachine = setup({
  types: {
    context: {} as { registrationSeconds: number },
    events: {} as AgentMachineEvent,
    input: {} as { registrationSeconds?: number } | undefined,
  },
  // Effects the engine carries out (see the header); nothing to do in a live actor.
  actions: {
    recordRegistration: () => {},
  },
  delays: {
    registrationDelay: ({ context }) => context.registrationSeconds * 1000,
  },
}).createMachine({
  id: 'ecsAgent',
  context: ({ input }) => ({
    registrationSeconds: input?.registrationSeconds ?? ECS_AGENT_REGISTRATION_SECONDS[0],
  }),
  initial: 'REGISTERING',
  states: {
    REGISTERING: {
      after: { registrationDelay: 'ACTIVE' },
      on: { 'agent.deregister': 'INACTIVE' },
    },
    ACTIVE: {
      entry: 'recordRegistration',
      on: { 'agent.drain': 'DRAINING', 'agent.deregister': 'INACTIVE' },
    },
    DRAINING: {
      on: { 'agent.activate': 'ACTIVE', 'agent.deregister': 'INACTIVE' },
    },
    INACTIVE: { type: 'final' },
  },
});

export const AGENT_TABLE = deriveTable(agentMachine);
