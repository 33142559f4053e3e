/**
 * A rollout: replacing one version of a workload with another under a budget of how many
 * may be down or extra at once. The same chart serves an ECS service deployment
 * (rolloutState IN_PROGRESS → COMPLETED | FAILED), and is meant for a Kubernetes Deployment's
 * rollout (Progressing → Complete | ProgressDeadlineExceeded) and a pipeline's deploy stage.
 *
 * The orchestrator sends `rollout.check` whenever it has counted its tasks or pods; the
 * guard `newVersionAvailable` (every desired replica of the new version healthy, nothing of
 * the old version left, nothing in flight) is evaluated by the orchestrator against the world.
 * `rollout.fail` is for a deployment circuit breaker or a progress deadline.
 * Entering a final state names the effect `announce`: the orchestrator says so in its own words.
 */
import { setup } from 'xstate';
import { deriveTable } from '../machine-table.ts';

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export const rolloutMachine = setup({
  types: { events: {} as { type: 'rollout.check' } | { type: 'rollout.fail' } },
  guards: { newVersionAvailable: () => false },
  actions: { announce: () => {} },
}).createMachine({
  id: 'rollout',
  initial: 'IN_PROGRESS',
  states: {
    IN_PROGRESS: {
      on: {
        'rollout.check': { target: 'COMPLETED', guard: 'newVersionAvailable' },
        'rollout.fail': 'FAILED',
      },
    },
    COMPLETED: { type: 'final', entry: 'announce' },
    FAILED: { type: 'final', entry: 'announce' },
  },
});

export const ROLLOUT_TABLE = deriveTable(rolloutMachine);
