import { z } from 'zod';

/**
 * The quiz file format (`lessons/quizzes/<lesson-id>.yaml`): the contract with quiz authors.
 * Validated at build time; an invalid quiz fails the build with a message naming the question.
 * The browser receives the validated data as plain JSON and never loads this file.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes (at most 64)');

const text = z.string().trim().min(1, 'must not be empty').max(2000);

const choiceOption = z
  .object({
    id: id.describe('Stable option id, unique within the question.'),
    text: text.describe('What the learner reads next to the radio button or checkbox.'),
    correct: z.boolean().default(false).describe('True for a right answer.'),
    explain: text.describe(
      'Why this option is right, or why it is wrong (name the misconception behind it).',
    ),
  })
  .strict();

const common = {
  id: id.describe('Stable question id: progress is stored under it, never change it.'),
  prompt: text.describe('The question. Inline `code` in backticks is rendered as code.'),
  points: z.number().positive().max(10).default(1).describe('Points for a full answer.'),
  explanation: text
    .optional()
    .describe('Shown after a right answer, and with the other feedback after a wrong one.'),
};

export const singleQuestion = z
  .object({
    ...common,
    type: z.literal('single'),
    options: z.array(choiceOption).min(2).max(8),
  })
  .strict();

export const multipleQuestion = z
  .object({
    ...common,
    type: z.literal('multiple'),
    options: z.array(choiceOption).min(3).max(10),
  })
  .strict();

export const numericQuestion = z
  .object({
    ...common,
    type: z.literal('numeric'),
    answer: z.number().describe('The right value.'),
    tolerance: z
      .number()
      .min(0)
      .default(0)
      .describe('Accepted distance from the answer, inclusive, in the same unit.'),
    unit: z.string().trim().min(1).max(40).describe('Shown next to the input, e.g. "USD".'),
    unitBefore: z
      .boolean()
      .default(false)
      .describe('Show the unit before the input (e.g. "$"), not after.'),
    explanation: text.describe('How to work the answer out.'),
    mistakes: z
      .array(
        z
          .object({
            value: z.number().describe('A typical wrong result.'),
            explain: text.describe('What the learner probably did, and why it is wrong.'),
          })
          .strict(),
      )
      .max(8)
      .default([])
      .describe('Typical wrong values with specific feedback (matched with the same tolerance).'),
  })
  .strict();

const orderItem = z
  .object({
    id,
    text,
    explain: text.describe('Why this item sits at this position; shown when it is misplaced.'),
  })
  .strict();

export const orderingQuestion = z
  .object({
    ...common,
    type: z.literal('ordering'),
    items: z.array(orderItem).min(3).max(10).describe('The items, in the right order.'),
  })
  .strict();

const matchPair = z
  .object({
    id,
    left: text.describe('The thing to match (a label next to a select).'),
    right: text.describe('Its partner (an option in every select).'),
    explain: text.describe('Why these two belong together; shown when the learner mismatches.'),
  })
  .strict();

export const matchingQuestion = z
  .object({
    ...common,
    type: z.literal('matching'),
    pairs: z.array(matchPair).min(3).max(8),
  })
  .strict();

/** What a predict question measures in the world after the run (see `measureWorld`). */
export const MEASURES = [
  'runningContainers',
  'exitedContainers',
  'unplacedContainers',
  'runningTasks',
  'toil',
  'readyPods',
  'pendingPods',
  'readyNodes',
] as const;

const predictOption = z
  .object({
    id,
    text,
    min: z.number().optional().describe('Lowest measured value this option predicts.'),
    max: z.number().optional().describe('Highest measured value this option predicts.'),
    explain: text,
  })
  .strict();

export const predictQuestion = z
  .object({
    ...common,
    type: z.literal('predict'),
    scenario: id.describe('The sandbox scenario id (sandbox/scenarios/<id>.yaml).'),
    run: z
      .object({
        actions: z
          .enum(['none', 'solution'])
          .describe("'none': only the scenario's scripted events; 'solution': its solution."),
        solutionUntil: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("With 'solution': apply only the solution's actions up to this sim time."),
        seconds: z.number().int().min(1).max(3600).describe('Simulated seconds to run.'),
      })
      .strict(),
    measure: z.enum(MEASURES).describe('What is measured in the world at the end of the run.'),
    measureLabel: text.describe('How to name the measured value to the learner.'),
    options: z.array(predictOption).min(2).max(6),
  })
  .strict();

export const question = z.discriminatedUnion('type', [
  singleQuestion,
  multipleQuestion,
  numericQuestion,
  orderingQuestion,
  matchingQuestion,
  predictQuestion,
]);

export const quizFile = z
  .object({
    id: id.describe('The quiz id; by convention the lesson id. Used by <Quiz id="…" />.'),
    lesson: id.describe('The lesson the quiz belongs to (progress is stored under it).'),
    title: text.default('Check your understanding'),
    passPercent: z.number().int().min(1).max(100).describe('Score needed to pass, in percent.'),
    retryPenalty: z
      .number()
      .min(0)
      .max(1)
      .default(0.25)
      .describe('Share of a question’s points lost per extra attempt (0.25 = 25 %).'),
    questions: z.array(question).min(1).max(40),
  })
  .strict();

export type ChoiceOption = z.infer<typeof choiceOption>;
export type SingleQuestion = z.infer<typeof singleQuestion>;
export type MultipleQuestion = z.infer<typeof multipleQuestion>;
export type NumericQuestion = z.infer<typeof numericQuestion>;
export type OrderingQuestion = z.infer<typeof orderingQuestion>;
export type MatchingQuestion = z.infer<typeof matchingQuestion>;
export type PredictQuestion = z.infer<typeof predictQuestion>;
export type PredictOption = z.infer<typeof predictOption>;
export type Question = z.infer<typeof question>;
export type QuestionType = Question['type'];
export type Quiz = z.infer<typeof quizFile>;
export type Measure = (typeof MEASURES)[number];
