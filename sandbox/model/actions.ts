/**
 * Actions: everything a learner, an instructor or a scenario script can do to the world.
 * A discriminated union on `type`, inferred from the composed zod schema
 * (scenarios/action-schema.ts, built from each service's services/<svc>/actions.ts: written
 * once); each one has a real-command equivalent (its module's `command`).
 */
import type { ComposedAction } from '../scenarios/action-schema.ts';

export type Action = ComposedAction;

export type ActionType = Action['type'];

/** The action of one type. */
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

/** The RegisterTaskDefinition input, the subset the sandbox understands (services/ecs/actions.ts). */
export type RegisterTaskDefinitionInput = ActionOf<'ecs.taskdef.register'>['taskDefinition'];

export type ActionResult =
  { ok: true; message: string; command: string } | { ok: false; error: string; field?: string };
