import type { NumericQuestion } from '@lib/quiz/schema.ts';

interface Props {
  question: NumericQuestion;
  text: string;
  describedBy: string;
  invalid: boolean;
  onChange: (text: string) => void;
}

/** A text input (so "1,234.5" and "$101.95" are accepted) with the unit beside it. */
export function NumericControl({ question, text, describedBy, invalid, onChange }: Props) {
  const id = `q-${question.id}-value`;
  const unit = <span className="sy-quiz-unit">{question.unit}</span>;
  return (
    <div className="sy-quiz-numeric">
      <label htmlFor={id}>Your answer, in {question.unit}</label>
      <div className="sy-quiz-numeric-row">
        {question.unitBefore && unit}
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        {!question.unitBefore && unit}
      </div>
    </div>
  );
}
