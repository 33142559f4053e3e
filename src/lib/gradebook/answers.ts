/** A quiz answer from a result file, checked against the question it claims to answer. */
import { z } from 'zod';
import type { Answer } from '@lib/quiz/grade.ts';
import type { Question } from '@lib/quiz/schema.ts';

const choiceId = z.string().max(64);
const list = z.array(choiceId).max(20);

const answerSchemas = {
  single: z.strictObject({ type: z.literal('single'), choice: choiceId }),
  multiple: z.strictObject({ type: z.literal('multiple'), choices: list }),
  numeric: z.strictObject({ type: z.literal('numeric'), value: z.number().min(-1e12).max(1e12) }),
  ordering: z.strictObject({ type: z.literal('ordering'), order: list }),
  matching: z.strictObject({
    type: z.literal('matching'),
    matches: z.record(choiceId, choiceId).refine((m) => Object.keys(m).length <= 20),
  }),
  // `observed` is what the learner's run measured; the gradebook measures it again itself.
  predict: z.strictObject({
    type: z.literal('predict'),
    choice: choiceId,
    observed: z.number().min(-1e12).max(1e12).optional(),
  }),
} as const;

/** The answer if it has the question's shape, else null (graded as no answer). */
export function checkAnswer(question: Question, raw: unknown): Answer | null {
  const parsed = answerSchemas[question.type].safeParse(raw);
  if (!parsed.success) return null;
  const answer = parsed.data;
  if (answer.type === 'predict') return { type: 'predict', choice: answer.choice, observed: NaN };
  return answer as Answer;
}
