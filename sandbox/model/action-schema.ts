/**
 * zod schemas for actions: the shape check every action goes through, whether it comes
 * from the UI, the terminal, a scenario script, a solution or an actions file.
 * Semantic checks (does the service exist, does the task fit) happen in the handlers.
 */
import { z } from 'zod';
import { LIMITS } from './constants.ts';
import { RUN_TASK_MAX_COUNT } from './aws-data.ts';
import { eksActionSchemas, k8sActionSchemas } from '../services/eks/actions.ts';

const NAME = /^[A-Za-z0-9_-]+$/;

export const nameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`)
  .regex(NAME, 'may contain only letters, digits, hyphens and underscores')
  .refine((v) => v !== '__proto__', 'is reserved in the sandbox');

/**
 * Ids or names typed by a person: printable, bounded. Every lookup by a ref uses own properties
 * only, so `__proto__` here is an ordinary unknown name (only new names reserve it).
 */
const refSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

const imageSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.imageLength, `must be at most ${LIMITS.imageLength} characters`)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._\-/:@#]*$/,
    'may contain letters (uppercase and lowercase), digits, hyphens, underscores, colons, periods, forward slashes and number signs',
  );

const azSchema = z
  .string()
  .regex(/^[a-z]{2}-[a-z]+-\d[a-z]$/, 'must be an Availability Zone name such as eu-west-3a');
const launchType = z.enum(['EC2', 'FARGATE']);
const software = z.enum(['docker', 'ecs']);
const count = (max: number, what: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max} (${what})`);

export const placementStrategySchema = z.strictObject({
  type: z.enum(['binpack', 'spread', 'random']),
  field: z.string().max(255).optional(),
});
export const placementConstraintSchema = z.strictObject({
  type: z.enum(['distinctInstance', 'memberOf']),
  expression: z.string().max(2000).optional(),
});
const deploymentConfigurationSchema = z.strictObject({
  minimumHealthyPercent: z.number().int().min(0).max(100).optional(),
  maximumPercent: z.number().int().min(100).max(200).optional(),
});

/** A role's ARN or name, as RegisterTaskDefinition takes it. */
const roleSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[\w+=,.@:/-]+$/, 'must be an IAM role ARN or name');

const cpuOrMemory = z.union([z.number().int().min(0).max(1_000_000), z.string().max(32)]);

export const registerTaskDefinitionSchema = z.strictObject({
  family: nameSchema,
  requiresCompatibilities: z
    .array(z.enum(['EC2', 'FARGATE', 'EXTERNAL']))
    .max(3)
    .optional(),
  networkMode: z.enum(['bridge', 'awsvpc', 'host', 'none']).optional(),
  cpu: cpuOrMemory.optional(),
  memory: cpuOrMemory.optional(),
  taskRoleArn: roleSchema.optional(),
  executionRoleArn: roleSchema.optional(),
  containerDefinitions: z
    .array(
      z.strictObject({
        name: nameSchema,
        image: imageSchema,
        cpu: z.number().int().min(0).max(196608).optional(),
        memory: z.number().int().min(6, 'must be at least 6 MiB').max(1_000_000).optional(),
        memoryReservation: z
          .number()
          .int()
          .min(6, 'must be at least 6 MiB')
          .max(1_000_000)
          .optional(),
        essential: z.boolean().optional(),
        portMappings: z
          .array(
            z.strictObject({
              containerPort: z.number().int().min(1).max(65535),
              hostPort: z.number().int().min(0).max(65535).optional(),
              protocol: z.enum(['tcp', 'udp']).optional(),
            }),
          )
          .max(100)
          .optional(),
      }),
    )
    .min(1, 'a task definition needs at least one container definition')
    .max(10, 'at most 10 containers per task definition'),
});

const rps = z
  .number()
  .min(0, 'must not be negative')
  .max(LIMITS.rps, `must be at most ${LIMITS.rps} requests per second`);

/** EC2 and Auto Scaling (services/ec2). */
export const ec2ActionSchemas = [
  z.strictObject({
    type: z.literal('ec2.instance.launch'),
    instanceType: z.string().max(32),
    az: azSchema,
    software,
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
    min: count(LIMITS.asgMaxSize, 'sandbox limit').optional(),
    desired: count(LIMITS.asgMaxSize, 'sandbox limit').optional(),
    max: count(LIMITS.asgMaxSize, 'sandbox limit').optional(),
  }),
] as const;

/** Docker hosts by hand (services/docker). */
export const dockerActionSchemas = [
  z.strictObject({
    type: z.literal('docker.container.place'),
    containerId: refSchema,
    hostId: refSchema,
  }),
  z.strictObject({ type: z.literal('docker.container.start'), containerId: refSchema }),
  z.strictObject({ type: z.literal('docker.container.stop'), containerId: refSchema }),
  z.strictObject({ type: z.literal('docker.container.remove'), containerId: refSchema }),
] as const;

/** Amazon ECS (services/ecs). */
export const ecsActionSchemas = [
  z.strictObject({ type: z.literal('ecs.container-instance.drain'), instanceId: refSchema }),
  z.strictObject({
    type: z.literal('ecs.taskdef.register'),
    taskDefinition: registerTaskDefinitionSchema,
    /** Fields of the input AWS accepts that the sandbox keeps but does not model (shown in Inspect). */
    notModelled: z.array(z.string().min(1).max(200)).max(200).optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.service.create'),
    serviceName: nameSchema,
    taskDefinition: refSchema,
    desiredCount: count(LIMITS.desiredCount, 'the ECS quota of tasks per service'),
    launchType: launchType.optional(),
    placementStrategy: z
      .array(placementStrategySchema)
      .max(5, 'at most 5 placement strategies')
      .optional(),
    placementConstraints: z
      .array(placementConstraintSchema)
      .max(10, 'at most 10 placement constraints')
      .optional(),
    deploymentConfiguration: deploymentConfigurationSchema.optional(),
    loadBalancer: nameSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.service.update'),
    service: refSchema,
    desiredCount: count(LIMITS.desiredCount, 'the ECS quota of tasks per service').optional(),
    taskDefinition: refSchema.optional(),
    launchType: launchType.optional(),
    placementStrategy: z
      .array(placementStrategySchema)
      .max(5, 'at most 5 placement strategies')
      .optional(),
    placementConstraints: z
      .array(placementConstraintSchema)
      .max(10, 'at most 10 placement constraints')
      .optional(),
    deploymentConfiguration: deploymentConfigurationSchema.optional(),
    forceNewDeployment: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('ecs.service.delete'), service: refSchema }),
  z.strictObject({
    type: z.literal('ecs.service.autoscale'),
    service: refSchema,
    minCapacity: count(LIMITS.desiredCount, 'the ECS quota of tasks per service'),
    maxCapacity: count(LIMITS.desiredCount, 'the ECS quota of tasks per service'),
    targetCpu: z.number().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100'),
    scaleOutCooldown: z.number().int().min(0).max(86400).optional(),
    scaleInCooldown: z.number().int().min(0).max(86400).optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.task.run'),
    taskDefinition: refSchema,
    count: z
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(RUN_TASK_MAX_COUNT, `must be at most ${RUN_TASK_MAX_COUNT} (RunTask limit)`)
      .optional(),
    launchType: launchType.optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.task.stop'),
    taskId: refSchema,
    reason: z.string().max(255).optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.cluster.put-capacity-providers'),
    capacityProviders: z.array(refSchema).max(20, 'at most 20 capacity providers per cluster'),
    defaultCapacityProviderStrategy: z
      .array(
        z.strictObject({
          capacityProvider: refSchema,
          weight: z.number().int().min(0).max(1000).optional(),
          base: z.number().int().min(0).max(100000).optional(),
        }),
      )
      .max(20, 'at most 20 capacity providers per strategy'),
  }),
] as const;

/** Faults a scenario or an instructor fires; each module answers the ones about its own resources. */
export const faultActionSchemas = [
  z.strictObject({
    type: z.literal('fault.crash'),
    targetId: refSchema.optional(),
    service: refSchema.optional(),
    exitCode: z.number().int().min(0).max(255).optional(),
    oom: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('fault.terminate-instance'), instanceId: refSchema }),
  z.strictObject({ type: z.literal('fault.az-outage'), az: azSchema }),
  z.strictObject({ type: z.literal('fault.az-recover'), az: azSchema }),
  z.strictObject({ type: z.literal('fault.agent-disconnect'), instanceId: refSchema }),
  z.strictObject({ type: z.literal('fault.agent-reconnect'), instanceId: refSchema }),
  z.strictObject({ type: z.literal('fault.traffic'), service: refSchema, rps }),
] as const;

export const actionSchema = z.discriminatedUnion('type', [
  ...ec2ActionSchemas,
  ...dockerActionSchemas,
  ...ecsActionSchemas,
  ...eksActionSchemas,
  ...k8sActionSchemas,
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
