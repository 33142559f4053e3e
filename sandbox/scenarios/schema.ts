/**
 * The scenario schema: the contract with scenario authors. Every field says what it is for;
 * a malformed file fails with the field path and the YAML line/column (see parse.ts).
 */
import { z } from 'zod';
import { LIMITS } from '../model/constants.ts';
import {
  actionSchema,
  nameSchema,
  placementConstraintSchema,
  placementStrategySchema,
  registerTaskDefinitionSchema,
  timedActionSchema,
} from '../model/action-schema.ts';
import { GOAL_NAMES } from '../goals/registry-names.ts';
import { eksInitialSchema } from '../services/eks/scenario-schema.ts';

const seconds = z.number().int('must be a whole number of seconds').min(0, 'must not be negative');

/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/** The same, with line breaks and tabs allowed (a summary may have paragraphs). */
const NO_CONTROL_BUT_LINES =
  /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/* eslint-enable no-control-regex */

export const instanceSpecSchema = z.strictObject({
  name: nameSchema
    .optional()
    .describe('Name tag; scripts, goals and solutions may use it instead of the id'),
  type: z.string().max(32).describe('Instance type from aws-facts.md §3.1, e.g. t3.medium'),
  az: z.string().max(32).describe('Availability Zone, e.g. eu-west-3a'),
  software: z
    .enum(['docker', 'ecs'])
    .describe('docker = plain Docker host; ecs = Docker + ECS agent (joins the cluster)'),
  count: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.instancesTotal, `must be at most ${LIMITS.instancesTotal} (sandbox limit)`)
    .optional()
    .describe('How many identical instances (names get -1, -2… suffixes)'),
});

export const containerSpecSchema = z.strictObject({
  name: nameSchema.describe('Container name (docker run --name)'),
  image: z.string().min(1).max(LIMITS.imageLength).describe('Image, e.g. shipyard/orders:1.0'),
  cpu: z.number().int().min(1).max(196608).describe('CPU units (1024 = 1 vCPU; --cpus 0.5 = 512)'),
  memoryMiB: z.number().int().min(6).max(1_000_000).describe('Memory limit in MiB (--memory)'),
  host: z
    .string()
    .max(255)
    .optional()
    .describe('Name of the host it already runs on; omitted = in the unplaced tray'),
});

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
  launchType: z.enum(['EC2', 'FARGATE']).optional(),
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

export const asgSpecSchema = z.strictObject({
  name: nameSchema,
  instanceType: z.string().max(32),
  software: z.enum(['docker', 'ecs']),
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

export const goalSpecSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens')
    .describe('Stable id for the goals panel'),
  goal: z.enum(GOAL_NAMES).describe('Name of a goal predicate in sandbox/goals/'),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('Parameters, validated by the goal’s own schema'),
  description: z
    .string()
    .max(500)
    .optional()
    .describe('Override for the text shown to the learner'),
});

export const scenarioSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens')
    .describe('Stable id, also the file name'),
  title: z
    .string()
    .min(1)
    .max(200)
    .regex(NO_CONTROL, 'must not contain control characters (NUL, DEL, bidi overrides…)'),
  summary: z
    .string()
    .max(2000)
    .regex(NO_CONTROL_BUT_LINES, 'must not contain control characters (NUL, DEL, bidi overrides…)')
    .default('')
    .describe('What the learner is asked to do'),
  lesson: z.string().max(64).optional().describe('Lesson id this scenario belongs to'),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  region: z.enum(['eu-west-3', 'us-east-1']).default('eu-west-3'),
  orchestrator: z.enum(['none', 'ecs', 'eks']),
  duration: seconds
    .min(60, 'must be at least 60 s')
    .max(LIMITS.durationSeconds, `must be at most ${LIMITS.durationSeconds} s (7 days)`)
    .describe('Sim seconds the scenario runs; goals are judged at the end'),
  initial: z
    .strictObject({
      cluster: z.strictObject({ name: nameSchema }).optional(),
      instances: z
        .array(instanceSpecSchema)
        .max(LIMITS.instancesTotal, `at most ${LIMITS.instancesTotal} entries`)
        .default([]),
      autoScalingGroups: z.array(asgSpecSchema).max(20).default([]),
      containers: z
        .array(containerSpecSchema)
        .max(LIMITS.containersTotal, `at most ${LIMITS.containersTotal} containers (sandbox limit)`)
        .default([]),
      taskDefinitions: z.array(registerTaskDefinitionSchema).max(100).default([]),
      services: z.array(serviceSpecSchema).max(100).default([]),
      traffic: z
        .record(nameSchema, z.number().min(0).max(LIMITS.rps))
        .default({})
        .describe('Requests per second per service at time 0'),
      eks: eksInitialSchema
        .optional()
        .describe('EKS clusters, node groups, nodes, Fargate profiles and manifests at time 0'),
    })
    .default({
      instances: [],
      autoScalingGroups: [],
      containers: [],
      taskDefinitions: [],
      services: [],
      traffic: {},
    }),
  allowedActions: z
    .array(z.string().max(64))
    .max(64)
    .default([])
    .describe('Action types the learner may use (empty = all)'),
  script: z
    .array(timedActionSchema)
    .max(10000)
    .default([])
    .describe('Timed actions the scenario fires itself (faults, traffic)'),
  goals: z
    .array(goalSpecSchema)
    .max(50)
    .describe('At least one, except in a free-play scenario whose id ends in -playground'),
  hints: z.array(z.string().max(2000)).max(20).default([]),
  solution: z
    .array(timedActionSchema)
    .max(10000)
    .describe('Timed learner actions that pass every goal'),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type GoalSpec = z.infer<typeof goalSpecSchema>;
export type InstanceSpec = z.infer<typeof instanceSpecSchema>;

/** A problem with a scenario (or an actions file): which field, where in the file, what is wrong. */
export interface ScenarioError {
  /** The file name given to parseScenario, if any. */
  file?: string;
  /** e.g. "goals[2].params.count" */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export { actionSchema };
