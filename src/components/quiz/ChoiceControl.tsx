import { useMemo } from 'react';
import { seededShuffle } from '@lib/quiz/shuffle.ts';
import type { MultipleQuestion, PredictQuestion, SingleQuestion } from '@lib/quiz/schema.ts';
import { Inline } from './Inline.tsx';

interface Props {
  question: SingleQuestion | MultipleQuestion | PredictQuestion;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** Radio buttons (single, predict) or checkboxes (multiple), in a stable shuffled order. */
export function ChoiceControl({ question, selected, onChange }: Props) {
  const multiple = question.type === 'multiple';
  const options = useMemo(
    () =>
      question.type === 'predict' ? question.options : seededShuffle(question.options, question.id),
    [question],
  );
  return (
    <ul className="sy-quiz-options">
      {options.map((o) => {
        const id = `q-${question.id}-${o.id}`;
        const checked = selected.includes(o.id);
        return (
          <li key={o.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={id}
              name={`q-${question.id}`}
              value={o.id}
              checked={checked}
              onChange={(e) =>
                onChange(
                  multiple
                    ? e.target.checked
                      ? [...selected, o.id]
                      : selected.filter((s) => s !== o.id)
                    : [o.id],
                )
              }
            />
            <label htmlFor={id}>
              <Inline text={o.text} />
            </label>
          </li>
        );
      })}
    </ul>
  );
}
