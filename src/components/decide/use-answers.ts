import { useCallback, useEffect, useState } from 'react';
import {
  answersToHash,
  loadAnswers,
  NO_ANSWERS,
  readHash,
  saveAnswers,
  type Answers,
} from '@lib/decide/index.ts';

export interface AnswersState {
  answers: Answers;
  ready: boolean;
  /** Problems with the link or the saved answers, each a sentence. */
  problems: string[];
  /** Where the answers came from, for a one-line note. */
  source: 'none' | 'link' | 'saved';
  change(answers: Answers): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The answers, restored from the link (first) or from saved answers, and written back to both
 * on every change. A malformed link or corrupt storage is reported and changes nothing.
 */
export function useAnswers(): AnswersState {
  const [answers, setAnswers] = useState<Answers>(NO_ANSWERS);
  const [ready, setReady] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [source, setSource] = useState<AnswersState['source']>('none');

  useEffect(() => {
    const restore = (first: boolean) => {
      const found: string[] = [];
      const link = readHash(window.location.hash);
      // Later hash changes that are not answers (a section anchor) keep the answers shown.
      if (!first && link.kind === 'none') return;
      const saved: ReturnType<typeof loadAnswers> = first
        ? loadAnswers(storage())
        : { kind: 'none' };
      if (link.kind === 'error') found.push(link.message);
      if (saved.kind === 'error') found.push(saved.message);
      if (link.kind === 'ok') {
        setAnswers(link.answers);
        setSource('link');
      } else if (saved.kind === 'ok') {
        setAnswers(saved.answers);
        setSource('saved');
      }
      setProblems(found);
      setReady(true);
    };
    restore(true);
    const onHashChange = () => restore(false);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const change = useCallback((next: Answers) => {
    setAnswers(next);
    setSource('none');
    const saved = saveAnswers(storage(), next);
    setProblems(saved.ok ? [] : [saved.message]);
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}${answersToHash(next)}`,
    );
  }, []);

  return { answers, ready, problems, source, change };
}
