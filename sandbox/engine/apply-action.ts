/**
 * Applying an action: validate its shape (zod), check the scenario allows it, run its
 * handler on a private copy, and log it with the real command. A refused action returns the
 * original world untouched.
 */
import { actionSchema } from '../model/action-schema.ts';
import type { Action, ActionResult } from '../model/actions.ts';
import type { Actor, Result, World } from '../model/types.ts';
import { commandFor } from './commands.ts';
import { cloneWorld } from './serialize.ts';
import { emit } from './events.ts';
import { ORCHESTRATORS, SHARED_ACTIONS } from './orchestrators.ts';

const TOIL_ACTIONS = new Set([
  'docker.container.place',
  'docker.container.start',
  'docker.container.stop',
  'docker.container.remove',
]);

/** Shape-checks an unknown value as an Action; errors name the field. */
export function validateAction(input: unknown): Result<Action, { field: string; error: string }> {
  const parsed = actionSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as Action };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'type';
  return { ok: false, error: { field, error: `${field}: ${issue.message}` } };
}

export function applyAction(
  world: World,
  action: Action,
  by: Actor = 'learner',
): { world: World; result: ActionResult } {
  const valid = validateAction(action);
  if (!valid.ok)
    return { world, result: { ok: false, field: valid.error.field, error: valid.error.error } };
  if (
    by === 'learner' &&
    world.allowedActions.length > 0 &&
    !world.allowedActions.includes(action.type)
  ) {
    return {
      world,
      result: { ok: false, field: 'type', error: `This scenario does not offer ${action.type}.` },
    };
  }
  const draft = cloneWorld(world);
  const result = applyActionInPlace(draft, valid.value, by);
  return result.ok ? { world: draft, result } : { world, result };
}

/** Applies an action to a draft world the caller owns. On failure the draft may be partly changed. */
export function applyActionInPlace(world: World, action: Action, by: Actor): ActionResult {
  const plugin = ORCHESTRATORS[world.orchestrator];
  const handler = plugin.actions[action.type] ?? SHARED_ACTIONS[action.type];
  if (!handler) {
    return {
      ok: false,
      field: 'type',
      error:
        world.orchestrator === 'none'
          ? `${action.type} needs an orchestrator; this scenario runs plain Docker hosts (orchestrator none).`
          : `${action.type} is not available with orchestrator ${world.orchestrator}.`,
    };
  }
  const command = commandFor(action, world);
  const result = handler(world, action);
  if (!result.ok) return result;
  world.log.push({ at: world.time, by, action });
  if (by === 'learner' && plugin.countsToil && TOIL_ACTIONS.has(action.type)) world.toil++;
  emit(world, by === 'scenario' ? 'scenario' : by, 'info', result.message, { command });
  return { ...result, command };
}
