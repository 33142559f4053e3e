import { useMemo } from 'react';
import type { MatchingQuestion } from '@lib/quiz/schema.ts';
import { seededShuffle } from '@lib/quiz/shuffle.ts';

interface Props {
  question: MatchingQuestion;
  matches: Readonly<Record<string, string>>;
  onChange: (matches: Record<string, string>) => void;
}

/** One labelled select per left-hand item; every select lists the right-hand items. */
export function MatchingControl({ question, matches, onChange }: Props) {
  const rights = useMemo(() => seededShuffle(question.pairs, `${question.id}-right`), [question]);
  return (
    <div className="sy-quiz-matching">
      {question.pairs.map((pair) => {
        const id = `q-${question.id}-${pair.id}`;
        return (
          <div className="sy-quiz-matching-row" key={pair.id}>
            <label htmlFor={id}>{pair.left}</label>
            <select
              id={id}
              value={Object.hasOwn(matches, pair.id) ? matches[pair.id] : ''}
              onChange={(e) => {
                const next = { ...matches };
                if (e.target.value) next[pair.id] = e.target.value;
                else delete next[pair.id];
                onChange(next);
              }}
            >
              <option value="">Choose a match…</option>
              {rights.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.right}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
