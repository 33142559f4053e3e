import type { Answer } from '@lib/quiz/grade.ts';
import { parseNumber } from '@lib/quiz/grade.ts';
import type { Question } from '@lib/quiz/schema.ts';
import { seededShuffle } from '@lib/quiz/shuffle.ts';

/** What the learner has entered so far, before it is checked. */
export type Draft =
  | { type: 'single' | 'predict'; choice: string | null }
  | { type: 'multiple'; choices: string[] }
  | { type: 'numeric'; text: string }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; matches: Record<string, string> };

export function initialDraft(q: Question): Draft {
  switch (q.type) {
    case 'single':
    case 'predict':
      return { type: q.type, choice: null };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'numeric':
      return { type: 'numeric', text: '' };
    case 'ordering':
      return {
        type: 'ordering',
        order: seededShuffle(
          q.items.map((i) => i.id),
          q.id,
          true,
        ),
      };
    case 'matching':
      return { type: 'matching', matches: {} };
  }
}

/** Restores a draft from a stored answer (after a reload). */
export function draftFromAnswer(answer: Answer): Draft {
  switch (answer.type) {
    case 'single':
    case 'predict':
      return { type: answer.type, choice: answer.choice };
    case 'multiple':
      return { type: 'multiple', choices: [...answer.choices] };
    case 'numeric':
      return { type: 'numeric', text: String(answer.value) };
    case 'ordering':
      return { type: 'ordering', order: [...answer.order] };
    case 'matching':
      return { type: 'matching', matches: { ...answer.matches } };
  }
}

/** Turns a draft into an answer, or a message saying what is missing. */
export function answerFromDraft(draft: Draft): Answer | { error: string } | null {
  switch (draft.type) {
    case 'single':
      return draft.choice === null ? null : { type: 'single', choice: draft.choice };
    case 'predict':
      return null;
    case 'multiple':
      return { type: 'multiple', choices: draft.choices };
    case 'numeric': {
      if (draft.text.trim() === '') return null;
      const value = parseNumber(draft.text);
      return value === null
        ? {
            error: `“${draft.text.trim().slice(0, 30)}” is not a number. Type digits, such as 101.95.`,
          }
        : { type: 'numeric', value };
    }
    case 'ordering':
      return { type: 'ordering', order: draft.order };
    case 'matching':
      return { type: 'matching', matches: draft.matches };
  }
}
