import { useEffect, useRef } from 'react';
import type { Grade } from '@lib/quiz/grade.ts';
import { creditRule, formatNumber } from '@lib/quiz/grade.ts';
import type { Question } from '@lib/quiz/schema.ts';
import { ChoiceControl } from './ChoiceControl.tsx';
import type { Draft } from './draft.ts';
import { Inline } from './Inline.tsx';
import { MatchingControl } from './MatchingControl.tsx';
import { NumericControl } from './NumericControl.tsx';
import { OrderingControl } from './OrderingControl.tsx';

export interface QuestionState {
  draft: Draft;
  attempts: number;
  /** points earned by the latest checked answer */
  points: number | null;
  grade: Grade | null;
  /** why the answer could not be checked (not an attempt) */
  error: string | null;
  /** predict questions: what the run measured */
  observed: number | null;
  running: boolean;
  /** counts answers checked in this page view; moves focus to the result when it finishes a question */
  checks: number;
}

interface Props {
  question: Question;
  index: number;
  total: number;
  state: QuestionState;
  /** points the next attempt can earn at most */
  nextAvailable: number;
  /** predict questions: the title of the scenario that runs */
  scenarioTitle?: string | undefined;
  onDraft: (draft: Draft) => void;
  onCheck: () => void;
}

const TONE_LABEL = { right: 'Right', wrong: 'Wrong', missed: 'Missed' } as const;
const TONE_ICON = { right: '✓', wrong: '✗', missed: '!' } as const;

const pointsText = (n: number) => `${formatNumber(n)} ${n === 1 ? 'point' : 'points'}`;

export function QuestionCard({
  question: q,
  index,
  total,
  state,
  nextAvailable,
  scenarioTitle,
  onDraft,
  onCheck,
}: Props) {
  const base = `q-${q.id}`;
  const done =
    state.grade !== null && (state.grade.correct || q.type === 'predict' || nextAvailable === 0);
  const result = useRef<HTMLDivElement>(null);
  // A finished question disables its controls and button; keep keyboard focus on its result.
  useEffect(() => {
    if (state.checks > 0 && done) result.current?.focus();
  }, [state.checks, done]);
  const controls = (() => {
    const d = state.draft;
    switch (q.type) {
      case 'single':
      case 'predict':
      case 'multiple': {
        const selected =
          d.type === 'multiple'
            ? d.choices
            : (d.type === 'single' || d.type === 'predict') && d.choice
              ? [d.choice]
              : [];
        return (
          <ChoiceControl
            question={q}
            selected={selected}
            onChange={(s) =>
              onDraft(
                q.type === 'multiple'
                  ? { type: 'multiple', choices: s }
                  : { type: q.type, choice: s[0] ?? null },
              )
            }
          />
        );
      }
      case 'numeric':
        return (
          <NumericControl
            question={q}
            text={d.type === 'numeric' ? d.text : ''}
            describedBy={`${base}-rule ${base}-error`}
            invalid={state.error !== null}
            onChange={(text) => onDraft({ type: 'numeric', text })}
          />
        );
      case 'ordering':
        return (
          <OrderingControl
            question={q}
            order={d.type === 'ordering' ? d.order : []}
            onChange={(order) => onDraft({ type: 'ordering', order })}
          />
        );
      case 'matching':
        return (
          <MatchingControl
            question={q}
            matches={d.type === 'matching' ? d.matches : {}}
            onChange={(matches) => onDraft({ type: 'matching', matches })}
          />
        );
    }
  })();

  const g = state.grade;
  const headline =
    g === null || state.points === null
      ? ''
      : g.correct
        ? `Correct: ${pointsText(state.points)} of ${formatNumber(q.points)}.`
        : `${g.fraction > 0 ? 'Partly right' : 'Not right'}: ${pointsText(state.points)} of ${formatNumber(q.points)}.` +
          (done
            ? ''
            : ` Try again: the next attempt can earn at most ${pointsText(nextAvailable)}.`);

  return (
    <section className="sy-quiz-question" aria-labelledby={`${base}-title`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onCheck();
        }}
      >
        <fieldset disabled={done || state.running} aria-describedby={`${base}-rule`}>
          <legend id={`${base}-title`}>
            <span className="sy-quiz-number">
              Question {index + 1} of {total}
            </span>{' '}
            <Inline text={q.prompt} />
          </legend>
          <p className="sy-quiz-rule" id={`${base}-rule`}>
            {creditRule(q)}
          </p>
          {controls}
          {q.type === 'predict' && (
            <p className="sy-quiz-rule">
              The run: scenario “{scenarioTitle ?? q.scenario}”,{' '}
              {q.run.actions === 'solution' ? 'with its solution' : 'with no actions from you'}, for{' '}
              {q.run.seconds} simulated seconds.
            </p>
          )}
        </fieldset>
        <div className="sy-quiz-actions">
          <button type="submit" className="sy-quiz-check" disabled={done || state.running}>
            {q.type === 'predict'
              ? state.running
                ? 'Running…'
                : 'Predict, then run it'
              : 'Check answer'}
          </button>
          <span className="sy-quiz-tally">
            Attempts: {state.attempts}
            {state.points !== null &&
              ` · Score: ${formatNumber(state.points)} / ${formatNumber(q.points)}`}
          </span>
        </div>
        <p className="sy-quiz-error" id={`${base}-error`} role="alert">
          {state.error}
        </p>
        <div className="sy-quiz-feedback" aria-live="polite">
          {g && (
            <div
              ref={result}
              tabIndex={-1}
              className={g.correct ? 'sy-quiz-result sy-right' : 'sy-quiz-result sy-wrong'}
            >
              <p className="sy-quiz-headline">
                <span aria-hidden="true">{g.correct ? '✓ ' : '✗ '}</span>
                {headline}
              </p>
              {q.type === 'predict' && state.draft.type === 'predict' && (
                <p>
                  Your prediction:{' '}
                  <Inline
                    text={
                      q.options.find(
                        (o) => o.id === (state.draft as { choice: string | null }).choice,
                      )?.text ?? '–'
                    }
                  />
                </p>
              )}
              {q.type === 'predict' && state.observed !== null && (
                <p>
                  What happened: after {q.run.seconds} simulated seconds, {q.measureLabel}:{' '}
                  <strong>{formatNumber(state.observed)}</strong>.
                </p>
              )}
              {g.feedback.length > 0 && (
                <ul className="sy-quiz-why">
                  {g.feedback.map((f, i) => (
                    <li key={i} className={`sy-${f.tone}`}>
                      <span className="sy-quiz-tone">
                        <span aria-hidden="true">
                          {q.type === 'predict' && f.tone !== 'wrong'
                            ? 'ℹ'
                            : TONE_ICON[f.tone]}{' '}
                        </span>
                        {q.type === 'predict' && f.tone !== 'wrong' ? 'Why' : TONE_LABEL[f.tone]}:
                      </span>{' '}
                      <Inline text={f.text} />
                    </li>
                  ))}
                </ul>
              )}
              {done && q.explanation && (
                <p className="sy-quiz-explanation">
                  <strong>Why:</strong> <Inline text={q.explanation} />
                </p>
              )}
            </div>
          )}
        </div>
      </form>
    </section>
  );
}
