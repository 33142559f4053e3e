/**
 * The scenario schema: the contract with scenario authors, composed from each service's
 * `initial` part (services/<svc>/scenario-schema.ts) and the composed action schema. Every field says what it is for;
 * a malformed file fails with the field path and the YAML line/column (see parse.ts).
 */
import { z } from 'zod';
import { LIMITS } from '../model/constants.ts';
import { dockerInitialSchema } from '../services/docker/scenario-schema.ts';
import { ec2InitialSchema } from '../services/ec2/scenario-schema.ts';
import { ecsInitialSchema } from '../services/ecs/scenario-schema.ts';
import { elbInitialSchema } from '../services/elb/scenario-schema.ts';
import { GOAL_NAMES } from '../goals/registry-names.ts';
import { eksInitialSchema } from '../services/eks/scenario-schema.ts';
import { ecrInitialSchema } from '../services/ecr/scenario-schema.ts';
import { pipelineInitialSchema } from '../services/pipeline/scenario-schema.ts';
import { actionSchema, timedActionSchema } from './action-schema.ts';

const seconds = z.number().int('must be a whole number of seconds').min(0, 'must not be negative');

/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/** The same, with line breaks and tabs allowed (a summary may have paragraphs). */
const NO_CONTROL_BUT_LINES =
  /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/* eslint-enable no-control-regex */

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
      // Each service module's part (services/<svc>/scenario-schema.ts), in composition order.
      ...ec2InitialSchema,
      ...dockerInitialSchema,
      ...ecsInitialSchema,
      ...elbInitialSchema,
      eks: eksInitialSchema
        .optional()
        .describe('EKS clusters, node groups, nodes, Fargate profiles and manifests at time 0'),
      ...ecrInitialSchema,
      pipeline: pipelineInitialSchema
        .optional()
        .describe('The repository, its workflow and the CI role (a pipeline scenario)'),
    })
    .prefault({})
    .describe('The world at time 0; each key belongs to one service module'),
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

export { actionSchema, timedActionSchema };
