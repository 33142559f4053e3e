/**
 * The composed action schema: every service's action schemas (services/<svc>/actions.ts) and
 * the core faults, as one discriminated union on `type`. It is the shape check every action
 * goes through, whether it comes from the UI, the terminal, a scenario script, a solution or
 * an actions file; the `Action` type (model/actions.ts) is inferred from it. Semantic checks
 * (does the service exist, does the task fit) happen in the handlers.
 *
 * A new service adds its list here, in composition order, before the faults.
 */
import { z } from 'zod';
import { LIMITS } from '../model/constants.ts';
import { faultActionSchemas } from '../model/fault-actions.ts';
import { dockerActionSchemas } from '../services/docker/actions.ts';
import { ec2ActionSchemas } from '../services/ec2/actions.ts';
import { ecsActionSchemas } from '../services/ecs/actions.ts';
import { eksActionSchemas, k8sActionSchemas } from '../services/eks/actions.ts';
import { ecrActionSchemas } from '../services/ecr/actions.ts';
import { pipelineActionSchemas } from '../services/pipeline/actions.ts';

export const actionSchema = z.discriminatedUnion('type', [
  ...ec2ActionSchemas,
  ...dockerActionSchemas,
  ...ecsActionSchemas,
  ...eksActionSchemas,
  ...k8sActionSchemas,
  ...ecrActionSchemas,
  ...pipelineActionSchemas,
  ...faultActionSchemas,
]);

export const timedActionSchema = z.strictObject({
  at: z
    .number()
    .int('must be a whole number of seconds')
    .min(0, 'must not be negative')
    .max(LIMITS.durationSeconds, `must be at most ${LIMITS.durationSeconds} s (7 days)`),
  action: actionSchema,
});
