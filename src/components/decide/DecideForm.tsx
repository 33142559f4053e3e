import {
  QUESTIONS,
  SINGLE_IDS,
  withAnswer,
  type Answers,
  type Need,
  type Option,
} from '@lib/decide/index.ts';

interface Props {
  answers: Answers;
  /** False until the island has hydrated and read the link and saved answers. */
  ready: boolean;
  onChange(answers: Answers): void;
}

function Choice({
  type,
  name,
  option,
  checked,
  disabled,
  onChange,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  option: Option;
  checked: boolean;
  disabled: boolean;
  onChange(checked: boolean): void;
}) {
  const id = `dg-${name}-${option.value}`;
  return (
    <div className="dg-choice">
      <input
        type={type}
        id={id}
        name={name}
        value={option.value}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={option.hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>
        {option.label}
        {option.hint && (
          <span className="dg-hint" id={`${id}-hint`}>
            {option.hint}
          </span>
        )}
      </label>
    </div>
  );
}

/** The questions, as a real form: one fieldset per question, radios or checkboxes. */
export function DecideForm({ answers, ready, onChange }: Props) {
  return (
    <form
      className="dg-form"
      aria-label="Your situation"
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      <>
        {SINGLE_IDS.map((q, i) => (
          <fieldset key={q} className="dg-question">
            <legend>
              {i + 1}. {QUESTIONS[q].text}
            </legend>
            {QUESTIONS[q].options.map((o) => (
              <Choice
                key={o.value}
                type="radio"
                name={q}
                option={o}
                checked={answers[q] === o.value}
                disabled={!ready}
                onChange={() => onChange(withAnswer(answers, q, o.value as Answers[typeof q]))}
              />
            ))}
          </fieldset>
        ))}
        <fieldset className="dg-question">
          <legend>
            {SINGLE_IDS.length + 1}. {QUESTIONS.needs.text}{' '}
            <span className="dg-hint-inline">(tick all that apply, or none)</span>
          </legend>
          {QUESTIONS.needs.options.map((o) => (
            <Choice
              key={o.value}
              type="checkbox"
              name="needs"
              option={o}
              checked={answers.needs.includes(o.value)}
              disabled={!ready}
              onChange={(on) =>
                onChange(
                  withAnswer(
                    answers,
                    'needs',
                    on
                      ? [...answers.needs, o.value as Need]
                      : answers.needs.filter((n) => n !== o.value),
                  ),
                )
              }
            />
          ))}
        </fieldset>
      </>
    </form>
  );
}
