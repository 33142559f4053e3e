/**
 * The sandbox run loop as an XState actor whose context holds the world.
 * `ready` while the scenario runs, `finished` once its duration has passed. Wall-clock pacing
 * (play, pause, speed) belongs to the UI, which sends `sim.advance`.
 */
import { assign, createActor, setup, type ActorRefFrom } from 'xstate';
import type { Action, ActionResult } from '../model/actions.ts';
import type { World } from '../model/types.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { advance, applyAction, createWorld, deserializeWorld, replay } from '../composition.ts';

/** How many pre-action worlds are kept so undo need not replay from the start. */
export const CHECKPOINTS_KEPT = 10;

export interface SandboxContext {
  scenario: Scenario;
  seed: number;
  world: World;
  lastResult: ActionResult | null;
  /** Worlds just before recent learner actions, newest last: `logIndex` is that action's index in world.log. */
  checkpoints: { logIndex: number; world: World }[];
}

export type SandboxEvent =
  | { type: 'learner.action'; action: Action }
  | { type: 'instructor.action'; action: Action }
  | { type: 'sim.advance'; seconds: number }
  | { type: 'learner.undo' }
  | { type: 'sim.reset' }
  | { type: 'sim.restore'; snapshot: string };

/** Undo: the world without the last learner action, at the same sim time. */
export function undoLastLearnerAction(
  ctx: SandboxContext,
): { world: World; checkpoints: SandboxContext['checkpoints'] } | null {
  const log = ctx.world.log;
  let index = -1;
  for (let i = log.length - 1; i >= 0; i--)
    if (log[i]!.by === 'learner') {
      index = i;
      break;
    }
  if (index === -1) return null;
  const later = log.slice(index + 1);
  const checkpoint = ctx.checkpoints.find((c) => c.logIndex === index);
  const rebuilt = checkpoint
    ? replay(ctx.scenario, later, { from: checkpoint.world, until: ctx.world.time })
    : replay(ctx.scenario, [...log.slice(0, index), ...later], {
        seed: ctx.seed,
        until: ctx.world.time,
      });
  return { world: rebuilt.world, checkpoints: ctx.checkpoints.filter((c) => c.logIndex < index) };
}

/** applyAction, but a world restored from a damaged snapshot cannot take the actor down. */
function safeApply(
  world: World,
  action: Action,
  by: 'learner' | 'instructor',
): { world: World; result: ActionResult } {
  try {
    return applyAction(world, action, by);
  } catch (error) {
    return {
      world,
      result: { ok: false, error: `The action could not be applied: ${(error as Error).message}` },
    };
  }
}

export const sandboxMachine = setup({
  types: {
    context: {} as SandboxContext,
    events: {} as SandboxEvent,
    input: {} as { scenario: Scenario; seed?: number },
  },
  guards: {
    scenarioOver: ({ context }) => context.world.time >= context.scenario.duration,
    scenarioRunning: ({ context }) => context.world.time < context.scenario.duration,
  },
  actions: {
    applyLearnerAction: assign(({ context, event }) => {
      if (event.type !== 'learner.action') return {};
      const { world, result } = safeApply(context.world, event.action, 'learner');
      if (!result.ok) return { lastResult: result };
      const checkpoints = [
        ...context.checkpoints,
        { logIndex: context.world.log.length, world: context.world },
      ].slice(-CHECKPOINTS_KEPT);
      return { world, lastResult: result, checkpoints };
    }),
    applyInstructorAction: assign(({ context, event }) => {
      if (event.type !== 'instructor.action') return {};
      const { world, result } = safeApply(context.world, event.action, 'instructor');
      return result.ok ? { world, lastResult: result } : { lastResult: result };
    }),
    advanceClock: assign(({ context, event }) => {
      if (event.type !== 'sim.advance') return {};
      const room = context.scenario.duration - context.world.time;
      try {
        return { world: advance(context.world, Math.min(event.seconds, room)) };
      } catch (error) {
        // Only a world restored from a damaged snapshot can get here; keep the last good one.
        return {
          lastResult: {
            ok: false,
            error: `The simulation could not continue: ${(error as Error).message}`,
          } as ActionResult,
        };
      }
    }),
    undo: assign(({ context }) => {
      const undone = undoLastLearnerAction(context);
      if (!undone) return { lastResult: { ok: false, error: 'Nothing to undo.' } as ActionResult };
      return {
        ...undone,
        lastResult: { ok: true, message: 'Undid the last action.', command: '' } as ActionResult,
      };
    }),
    reset: assign(({ context }) => ({
      world: createWorld(context.scenario, { seed: context.seed }),
      lastResult: null,
      checkpoints: [],
    })),
    restore: assign(({ context, event }) => {
      if (event.type !== 'sim.restore') return {};
      const parsed = deserializeWorld(event.snapshot);
      if (!parsed.ok)
        return {
          lastResult: { ok: false, error: parsed.error, field: 'snapshot' } as ActionResult,
        };
      if (parsed.value.scenarioId !== context.scenario.id) {
        return {
          lastResult: {
            ok: false,
            error: `snapshot is for scenario ${parsed.value.scenarioId}, not ${context.scenario.id}`,
            field: 'snapshot',
          } as ActionResult,
        };
      }
      try {
        advance(parsed.value, 60);
      } catch (error) {
        return {
          lastResult: {
            ok: false,
            error: `snapshot is damaged: ${(error as Error).message}`,
            field: 'snapshot',
          } as ActionResult,
        };
      }
      return {
        world: parsed.value,
        checkpoints: [],
        lastResult: { ok: true, message: 'Restored.', command: '' } as ActionResult,
      };
    }),
  },
}).createMachine({
  id: 'sandbox',
  context: ({ input }) => ({
    scenario: input.scenario,
    seed: input.seed ?? input.scenario.seed,
    world: createWorld(input.scenario, { seed: input.seed }),
    lastResult: null,
    checkpoints: [],
  }),
  initial: 'ready',
  on: {
    'learner.action': { actions: 'applyLearnerAction' },
    'instructor.action': { actions: 'applyInstructorAction' },
    'learner.undo': { target: '.ready', actions: 'undo' },
    'sim.reset': { target: '.ready', actions: 'reset' },
    'sim.restore': { target: '.ready', actions: 'restore' },
  },
  states: {
    ready: {
      always: { guard: 'scenarioOver', target: 'finished' },
      on: { 'sim.advance': { actions: 'advanceClock', target: 'ready', reenter: true } },
    },
    finished: {
      always: { guard: 'scenarioRunning', target: 'ready' },
    },
  },
});

export type SandboxActor = ActorRefFrom<typeof sandboxMachine>;

export function createSandbox(scenario: Scenario, options: { seed?: number } = {}): SandboxActor {
  const actor = createActor(sandboxMachine, { input: { scenario, seed: options.seed } });
  actor.start();
  return actor;
}
