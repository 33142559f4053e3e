/** The zod schemas of the EC2 and Auto Scaling actions (`ec2.*`); the types are inferred from them. */
import { z } from 'zod';
import { LIMITS } from '../../model/constants.ts';
import {
  azSchema,
  countSchema,
  nameSchema,
  refSchema,
  softwareSchema,
} from '../../model/schema-primitives.ts';

export const ec2ActionSchemas = [
  z.strictObject({
    type: z.literal('ec2.instance.launch'),
    instanceType: z.string().max(32),
    az: azSchema,
    software: softwareSchema,
    count: z
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(LIMITS.launchPerCall, `must be at most ${LIMITS.launchPerCall} per call (sandbox limit)`)
      .optional(),
    name: nameSchema.optional(),
  }),
  z.strictObject({ type: z.literal('ec2.instance.terminate'), instanceId: refSchema }),
  z.strictObject({
    type: z.literal('ec2.asg.update'),
    name: refSchema,
    min: countSchema(LIMITS.asgMaxSize, 'sandbox limit').optional(),
    desired: countSchema(LIMITS.asgMaxSize, 'sandbox limit').optional(),
    max: countSchema(LIMITS.asgMaxSize, 'sandbox limit').optional(),
  }),
] as const;
