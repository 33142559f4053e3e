/**
 * The learner's answers, validated with zod/mini wherever they come from (a shared link, saved
 * answers, the form). Every field may be missing: an unanswered question has no effect.
 */
import * as z from 'zod/mini';
import { ISOLATION, KUBERNETES, LOAD, NEEDS, SIZE, TEAM, type Need } from './questions.ts';

export const answersSchema = z.strictObject({
  kubernetes: z.optional(z.enum(KUBERNETES)),
  team: z.optional(z.enum(TEAM)),
  load: z.optional(z.enum(LOAD)),
  size: z.optional(z.enum(SIZE)),
  isolation: z.optional(z.enum(ISOLATION)),
  needs: z.array(z.enum(NEEDS)).check(z.maxLength(NEEDS.length)),
});

export type Answers = z.infer<typeof answersSchema>;

export const NO_ANSWERS: Answers = Object.freeze({ needs: [] }) as Answers;

/** The needs in the order the form lists them, each once. */
export function normaliseNeeds(needs: readonly Need[]): Need[] {
  return NEEDS.filter((n) => needs.includes(n));
}

/** A copy with one answer changed (`undefined` clears it). */
export function withAnswer<K extends keyof Answers>(
  answers: Answers,
  key: K,
  value: Answers[K] | undefined,
): Answers {
  const next: Answers = { ...answers, needs: [...answers.needs] };
  if (value === undefined) delete next[key];
  else next[key] = key === 'needs' ? (normaliseNeeds(value as Need[]) as Answers[K]) : value;
  return next;
}

/** The same answers with their keys in the form's order (what is saved reads the same way). */
export function canonical(answers: Answers): Answers {
  const out: Record<string, unknown> = {};
  for (const key of ['kubernetes', 'team', 'load', 'size', 'isolation'] as const)
    if (answers[key] !== undefined) out[key] = answers[key];
  out['needs'] = normaliseNeeds(answers.needs);
  return out as Answers;
}
