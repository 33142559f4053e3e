/**
 * The zod schemas of the Amazon ECS actions (`ecs.*`) and of the inputs they share with
 * scenarios (RegisterTaskDefinition, placement, deployment configuration); the types are
 * inferred from them.
 */
import { z } from 'zod';
import { RUN_TASK_MAX_COUNT } from '../../model/aws-data.ts';
import { LIMITS } from '../../model/constants.ts';
import { countSchema, imageSchema, nameSchema, refSchema } from '../../model/schema-primitives.ts';

export const launchTypeSchema = z.enum(['EC2', 'FARGATE']);

export const placementStrategySchema = z.strictObject({
  type: z.enum(['binpack', 'spread', 'random']),
  field: z.string().max(255).optional(),
});
export const placementConstraintSchema = z.strictObject({
  type: z.enum(['distinctInstance', 'memberOf']),
  expression: z.string().max(2000).optional(),
});
export const deploymentConfigurationSchema = z.strictObject({
  minimumHealthyPercent: z.number().int().min(0).max(100).optional(),
  maximumPercent: z.number().int().min(100).max(200).optional(),
});

/** A subnet or security group ID as AwsVpcConfiguration takes it; whether the account has it is the handler's check. */
const vpcIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'must be an ID such as subnet-0a1b2c3d4e5f6071 or sg-0123456789abcdef0');

/** An awsvpc network configuration: up to 16 subnets and 5 security groups (AwsVpcConfiguration). */
export const networkSchema = z.strictObject({
  subnets: z.array(vpcIdSchema).max(16, 'at most 16 subnets'),
  securityGroups: z.array(vpcIdSchema).max(5, 'at most 5 security groups').optional(),
  assignPublicIp: z.enum(['ENABLED', 'DISABLED']).optional(),
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
    desiredCount: countSchema(LIMITS.desiredCount, 'the ECS quota of tasks per service'),
    launchType: launchTypeSchema.optional(),
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
    network: networkSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.service.update'),
    service: refSchema,
    desiredCount: countSchema(LIMITS.desiredCount, 'the ECS quota of tasks per service').optional(),
    taskDefinition: refSchema.optional(),
    launchType: launchTypeSchema.optional(),
    placementStrategy: z
      .array(placementStrategySchema)
      .max(5, 'at most 5 placement strategies')
      .optional(),
    placementConstraints: z
      .array(placementConstraintSchema)
      .max(10, 'at most 10 placement constraints')
      .optional(),
    deploymentConfiguration: deploymentConfigurationSchema.optional(),
    network: networkSchema.optional(),
    forceNewDeployment: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('ecs.service.delete'), service: refSchema }),
  z.strictObject({
    type: z.literal('ecs.service.autoscale'),
    service: refSchema,
    minCapacity: countSchema(LIMITS.desiredCount, 'the ECS quota of tasks per service'),
    maxCapacity: countSchema(LIMITS.desiredCount, 'the ECS quota of tasks per service'),
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
    launchType: launchTypeSchema.optional(),
    network: networkSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('ecs.task.stop'),
    taskId: refSchema,
    reason: z.string().max(255).optional(),
  }),
  z.strictObject({
    /** The essential container of every task of this revision exits a few seconds after it starts. */
    type: z.literal('fault.ecs-crash-on-start'),
    taskDefinition: refSchema,
    exitCode: z.number().int().min(0).max(255).optional(),
    oom: z.boolean().optional(),
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
