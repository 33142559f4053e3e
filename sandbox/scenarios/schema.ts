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
import { goalNames } from '../goals/registry-names.ts';
import type { ModuleName } from '../model/types.ts';
import type { eksInitialSchema } from '../services/eks/scenario-schema.ts';
import type { ecrInitialSchema } from '../services/ecr/scenario-schema.ts';
import type { pipelineInitialSchema } from '../services/pipeline/scenario-schema.ts';
import { actionSchema, timedActionSchema as timedActions } from './action-schema.ts';

const seconds = z.number().int('must be a whole number of seconds').min(0, 'must not be negative');

/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/** The same, with line breaks and tabs allowed (a summary may have paragraphs). */
const NO_CONTROL_BUT_LINES =
  /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/* eslint-enable no-control-regex */
const CONTROL_MESSAGE = 'must not contain control characters (NUL, DEL, bidi overrides…)';

/** Each service module's keys of `initial` (services/<svc>/scenario-schema.ts), as types. */
type InitialShape = typeof ec2InitialSchema &
  typeof dockerInitialSchema &
  typeof ecsInitialSchema &
  typeof elbInitialSchema & {
    eks: z.ZodOptional<typeof eksInitialSchema>;
  } & typeof ecrInitialSchema & {
    pipeline: z.ZodOptional<typeof pipelineInitialSchema>;
  };
type InitialSchema = z.ZodObject<InitialShape, z.core.$strict>;

/** Whose keys `initial` holds, in the order it lists them (composition order). */
const INITIAL_ORDER: readonly ModuleName[] = [
  'ec2',
  'docker',
  'ecs',
  'elb',
  'eks',
  'ecr',
  'pipeline',
];
const initialParts = new Map<ModuleName, Readonly<Record<string, z.ZodType>>>([
  ['ec2', ec2InitialSchema],
  ['docker', dockerInitialSchema],
  ['ecs', ecsInitialSchema],
  ['elb', elbInitialSchema],
]);
let initialSchema: InitialSchema | null = null;
let composed: ReturnType<typeof buildScenarioSchema> | null = null;

/**
 * Adds a service's keys of `initial` (its static part, loaded on demand, e.g.
 * `{ eks: eksInitialSchema.optional() }`); clears the composed schemas built so far.
 */
export function registerInitialSchema(
  name: ModuleName,
  part: Readonly<Record<string, z.ZodType>>,
): void {
  initialParts.set(name, part);
  schemasChanged();
}

/** Forgets the composed schemas built so far (a service registered actions, keys or goals). */
export function schemasChanged(): void {
  initialSchema = null;
  composed = null;
}

function initial(): InitialSchema {
  if (initialSchema) return initialSchema;
  // Every registered part, in composition order; a service not loaded has no key yet.
  const shape: Record<string, z.ZodType> = {};
  for (const name of INITIAL_ORDER) Object.assign(shape, initialParts.get(name) ?? {});
  // The shape holds exactly the parts registered: InitialShape's, once every service is loaded.
  initialSchema = z.strictObject(shape) as InitialSchema;
  return initialSchema;
}

function buildGoalSpecSchema() {
  return z.strictObject({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens')
      .describe('Stable id for the goals panel'),
    goal: z.enum(goalNames()).describe('Name of a goal predicate in sandbox/goals/'),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('Parameters, validated by the goal’s own schema'),
    description: z
      .string()
      .max(500)
      .regex(NO_CONTROL, CONTROL_MESSAGE)
      .optional()
      .describe('Override for the text shown to the learner'),
  });
}

function buildScenarioSchema() {
  const timedActionSchema = timedActions();
  return z.strictObject({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens')
      .describe('Stable id, also the file name'),
    title: z.string().min(1).max(200).regex(NO_CONTROL, CONTROL_MESSAGE),
    summary: z
      .string()
      .max(2000)
      .regex(NO_CONTROL_BUT_LINES, CONTROL_MESSAGE)
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
    initial: initial()
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
      .array(buildGoalSpecSchema())
      .max(50)
      .describe('At least one, except in a free-play scenario whose id ends in -playground'),
    hints: z
      .array(z.string().max(2000).regex(NO_CONTROL_BUT_LINES, CONTROL_MESSAGE))
      .max(20)
      .default([]),
    solution: z
      .array(timedActionSchema)
      .max(10000)
      .describe('Timed learner actions that pass every goal'),
  });
}

/** The scenario schema, with every service registered so far (rebuilt when one registers). */
export function scenarioSchema(): ReturnType<typeof buildScenarioSchema> {
  composed ??= buildScenarioSchema();
  return composed;
}

export type Scenario = z.infer<ReturnType<typeof buildScenarioSchema>>;
export type GoalSpec = z.infer<ReturnType<typeof buildGoalSpecSchema>>;

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

export { actionSchema, timedActions as timedActionSchema };
