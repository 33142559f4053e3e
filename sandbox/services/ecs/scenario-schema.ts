/** The scenario `initial` parts the ECS module builds from: the cluster, task definitions and services. */
import { z } from 'zod';
import { LIMITS } from '../../model/constants.ts';
import { nameSchema } from '../../model/schema-primitives.ts';
import {
  launchTypeSchema,
  placementConstraintSchema,
  placementStrategySchema,
  registerTaskDefinitionSchema,
} from './actions.ts';

export const serviceSpecSchema = z.strictObject({
  serviceName: nameSchema,
  taskDefinition: z.string().max(255).describe("'family' or 'family:revision'"),
  desiredCount: z
    .number()
    .int()
    .min(0)
    .max(
      LIMITS.desiredCount,
      `must be at most ${LIMITS.desiredCount} (ECS tasks-per-service quota)`,
    ),
  launchType: launchTypeSchema.optional(),
  placementStrategy: z.array(placementStrategySchema).max(5).optional(),
  placementConstraints: z.array(placementConstraintSchema).max(10).optional(),
  deploymentConfiguration: z
    .strictObject({
      minimumHealthyPercent: z.number().int().min(0).max(100).optional(),
      maximumPercent: z.number().int().min(100).max(200).optional(),
    })
    .optional(),
  loadBalancer: nameSchema.optional(),
  autoScaling: z
    .strictObject({
      minCapacity: z.number().int().min(0).max(LIMITS.desiredCount),
      maxCapacity: z.number().int().min(0).max(LIMITS.desiredCount),
      targetCpu: z.number().min(1).max(100),
    })
    .optional(),
});

/** `initial.cluster`, `initial.taskDefinitions` and `initial.services`. */
export const ecsInitialSchema = {
  cluster: z
    .strictObject({
      name: nameSchema,
      capacityProviders: z
        .array(z.enum(['FARGATE', 'FARGATE_SPOT']))
        .max(2)
        .optional()
        .describe(
          'Capacity providers associated when the cluster was made (the console associates FARGATE and FARGATE_SPOT; create-cluster, none)',
        ),
    })
    .optional(),
  taskDefinitions: z.array(registerTaskDefinitionSchema).max(100).default([]),
  services: z.array(serviceSpecSchema).max(100).default([]),
};
