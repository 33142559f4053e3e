/**
 * The static part of a service that loads on demand (services/<svc>/static.ts: EKS, ECR, the
 * pipeline): its action schemas, its keys of a scenario's `initial`, its goal names and goals.
 * `loadServices` / `loadServicesFor` register it with the composed schemas and the goal
 * registry together with the service's behaviour, so the engine chunk every sandbox page loads
 * carries none of it, and every check stays synchronous once loaded.
 */
import type { z } from 'zod';
import type { ModuleName } from '../model/types.ts';
import { registerGoals, type ErasedGoalDefinition } from '../goals/check.ts';
import { registerGoalNames, type GoalName } from '../goals/registry-names.ts';
import { registerActionSchemas, type ActionObjectSchema } from './action-schema.ts';
import { registerInitialSchema, schemasChanged } from './schema.ts';

export interface ServiceStatic {
  name: ModuleName;
  actionSchemas: readonly ActionObjectSchema[];
  /** Its keys of the scenario's `initial` (each optional: a scenario without them does not run it). */
  initial: Readonly<Record<string, z.ZodType>>;
  goalNames: readonly GoalName[];
  goals: Readonly<Record<string, ErasedGoalDefinition>>;
}

/** Adds a service's static part to the composed schemas and the goal registry. */
export function registerStatic(part: ServiceStatic): void {
  registerActionSchemas(part.name, part.actionSchemas);
  registerInitialSchema(part.name, part.initial);
  registerGoals(part.goalNames, part.goals);
  registerGoalNames(part.name, part.goalNames);
  schemasChanged();
}
