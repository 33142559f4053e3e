/**
 * ECR's static part: its action schemas, its key of a scenario's `initial` and its goals.
 * Loaded with its behaviour by `loadServices` / `loadServicesFor` (a chunk of its own in the
 * browser), so pages without a registry never load them.
 */
import type { ServiceStatic } from '../../scenarios/statics.ts';
import { ecrActionSchemas } from './actions.ts';
import { ECR_GOAL_NAMES, ecrGoals } from './goals.ts';
import { ecrInitialSchema } from './scenario-schema.ts';

export const ecrStatic: ServiceStatic = {
  name: 'ecr',
  actionSchemas: ecrActionSchemas,
  initial: ecrInitialSchema,
  goalNames: ECR_GOAL_NAMES,
  goals: ecrGoals,
};
