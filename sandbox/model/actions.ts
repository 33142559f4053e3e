/**
 * Actions: everything a learner, an instructor or a scenario script can do to the world.
 * A discriminated union on `type`, inferred from the zod schemas in action-schema.ts (written
 * once); each one has a real-command equivalent (its module's `command`).
 */
import type { z } from 'zod';
import type { actionSchema, registerTaskDefinitionSchema } from './action-schema.ts';

/** The RegisterTaskDefinition input, the subset the sandbox understands. */
export type RegisterTaskDefinitionInput = z.infer<typeof registerTaskDefinitionSchema>;

export type Action = z.infer<typeof actionSchema>;

export type ActionType = Action['type'];

/** The action of one type. */
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export type ActionResult =
  { ok: true; message: string; command: string } | { ok: false; error: string; field?: string };
