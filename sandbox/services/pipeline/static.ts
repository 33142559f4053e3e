/**
 * The pipeline's static part: its action schemas, its key of a scenario's `initial` and its
 * goals. Loaded with its behaviour by `loadServices` / `loadServicesFor` (a chunk of its own in
 * the browser), so pages without a pipeline never load them.
 */
import type { ServiceStatic } from '../../scenarios/statics.ts';
import { pipelineActionSchemas } from './actions.ts';
import { PIPELINE_GOAL_NAMES, pipelineGoals } from './goals.ts';
import { pipelineInitialSchema } from './scenario-schema.ts';

export const pipelineStatic: ServiceStatic = {
  name: 'pipeline',
  actionSchemas: pipelineActionSchemas,
  initial: {
    pipeline: pipelineInitialSchema
      .optional()
      .describe('The repository, its workflow and the CI role (a pipeline scenario)'),
  },
  goalNames: PIPELINE_GOAL_NAMES,
  goals: pipelineGoals,
};
