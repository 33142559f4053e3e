import { useMemo } from 'react';
import { answersToHash, NO_ANSWERS, recommend } from '@lib/decide/index.ts';
import { DecideForm } from './DecideForm.tsx';
import { DecideResult } from './DecideResult.tsx';
import { useAnswers } from './use-answers.ts';
import './decide.css';

interface Props {
  /** Lesson links not published yet (checked at build time). */
  unpublished: string[];
}

/**
 * The decision guide's questionnaire: the form, then the recommendation it leads to and why.
 * Answers live in the link and in this browser's storage.
 */
export default function DecisionGuide({ unpublished }: Props) {
  const { answers, ready, problems, source, change } = useAnswers();
  const result = useMemo(() => recommend(answers), [answers]);
  const hash = answersToHash(answers);
  return (
    <div className="dg" data-ready={ready}>
      {problems.length > 0 && (
        <div className="dg-problems" role="alert">
          {problems.map((p) => (
            <p key={p}>
              <span aria-hidden="true">⚠</span> {p}
            </p>
          ))}
        </div>
      )}
      {source === 'link' && (
        <p className="dg-note">
          <span aria-hidden="true">🔗</span> These are the answers from the link you opened.
        </p>
      )}
      {source === 'saved' && (
        <p className="dg-note">
          <span aria-hidden="true">↺</span> Your answers from your last visit, saved in this
          browser.
        </p>
      )}
      <div className="dg-columns">
        <DecideForm answers={answers} ready={ready} onChange={change} />
        <div className="dg-side">
          <DecideResult result={result} unpublished={unpublished} />
          <div className="dg-actions">
            <a href={hash} className="dg-share">
              Link to these answers
            </a>
            <button type="button" disabled={!ready} onClick={() => change(NO_ANSWERS)}>
              Clear my answers
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
