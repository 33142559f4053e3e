/** The scenario `initial` parts the EC2 module builds from: instances and Auto Scaling groups. */
import { z } from 'zod';
import { LIMITS } from '../../model/constants.ts';
import { nameSchema, softwareSchema } from '../../model/schema-primitives.ts';

export const instanceSpecSchema = z.strictObject({
  name: nameSchema
    .optional()
    .describe('Name tag; scripts, goals and solutions may use it instead of the id'),
  type: z.string().max(32).describe('Instance type from aws-facts.md §3.1, e.g. t3.medium'),
  az: z.string().max(32).describe('Availability Zone, e.g. eu-west-3a'),
  software: softwareSchema.describe(
    'docker = plain Docker host; ecs = Docker + ECS agent (joins the cluster)',
  ),
  count: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.instancesTotal, `must be at most ${LIMITS.instancesTotal} (sandbox limit)`)
    .optional()
    .describe('How many identical instances (names get -1, -2… suffixes)'),
});

export const asgSpecSchema = z.strictObject({
  name: nameSchema,
  instanceType: z.string().max(32),
  software: softwareSchema,
  minSize: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.asgMaxSize, `must be at most ${LIMITS.asgMaxSize} (sandbox limit)`),
  desiredCapacity: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.asgMaxSize, `must be at most ${LIMITS.asgMaxSize} (sandbox limit)`),
  maxSize: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.asgMaxSize, `must be at most ${LIMITS.asgMaxSize} (sandbox limit)`),
  azs: z
    .array(z.string().max(32))
    .min(1)
    .max(6)
    .optional()
    .describe('AZs the group launches into, round-robin; default all'),
});

/** `initial.instances` and `initial.autoScalingGroups`. */
export const ec2InitialSchema = {
  instances: z
    .array(instanceSpecSchema)
    .max(LIMITS.instancesTotal, `at most ${LIMITS.instancesTotal} entries`)
    .default([]),
  autoScalingGroups: z.array(asgSpecSchema).max(20).default([]),
};

export type InstanceSpec = z.infer<typeof instanceSpecSchema>;
