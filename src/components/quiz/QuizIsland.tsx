import { useEffect, useState } from 'react';
import { grade, incompleteAnswer, pointsFor, formatNumber, type Answer } from '@lib/quiz/grade.ts';
import type { Question, Quiz } from '@lib/quiz/schema.ts';
import { getProgress, recordQuizResult } from '@lib/progress/index.ts';
import type { StoredAnswer } from '@lib/progress/schema.ts';
import { answerFromDraft, draftFromAnswer, initialDraft, type Draft } from './draft.ts';
import { QuestionCard, type QuestionState } from './QuestionCard.tsx';
import type { PredictRunner } from './predict-runner.ts';

interface Props {
  quiz: Quiz;
  /** predict questions: question id → serialisable scenario data for the headless run */
  scenarios?: Record<string, unknown>;
  /** false: start blank instead of showing the answers saved in this browser (assignments) */
  restore?: boolean;
  /** Called with every checked answer (an assignment keeps the first one per question). */
  onChecked?: (question: Question, answer: Answer) => void;
}

const fresh = (q: Question): QuestionState => ({
  draft: initialDraft(q),
  attempts: 0,
  points: null,
  grade: null,
  error: null,
  observed: null,
  running: false,
  checks: 0,
});

/** The graded quiz: one form per question, scores saved to the learner's progress. */
export default function QuizIsland({ quiz, scenarios = {}, restore = true, onChecked }: Props) {
  const [states, setStates] = useState<Record<string, QuestionState>>(() =>
    Object.fromEntries(quiz.questions.map((q) => [q.id, fresh(q)])),
  );
  const maxPoints = Math.round(quiz.questions.reduce((s, q) => s + q.points, 0) * 100) / 100;

  // Restore answers saved earlier in this browser.
  useEffect(() => {
    if (!restore) return;
    const saved = getProgress().lessons[quiz.lesson]?.quiz;
    if (!saved || saved.quizId !== quiz.id) return;
    setStates((prev) => {
      const next = { ...prev };
      for (const q of quiz.questions) {
        const r = Object.hasOwn(saved.questions, q.id) ? saved.questions[q.id] : undefined;
        if (!r) continue;
        const answer = r.answer as Answer | undefined;
        const ok = answer && answer.type === q.type;
        next[q.id] = {
          ...fresh(q),
          draft: ok ? draftFromAnswer(answer) : initialDraft(q),
          attempts: r.attempts,
          points: r.points,
          grade: ok
            ? grade(q, answer)
            : { fraction: r.correct ? 1 : 0, correct: r.correct, feedback: [] },
          observed: ok && answer.type === 'predict' ? answer.observed : null,
        };
      }
      return next;
    });
  }, [quiz, restore]);

  const set = (id: string, patch: Partial<QuestionState>) =>
    setStates((prev) => ({ ...prev, [id]: { ...prev[id]!, ...patch } }));

  const finish = (q: Question, answer: Answer, attempts: number) => {
    const g = grade(q, answer);
    onChecked?.(q, answer);
    const points = pointsFor(q, g.fraction, attempts, quiz.retryPenalty);
    set(q.id, {
      grade: g,
      points,
      attempts,
      checks: states[q.id]!.checks + 1,
      error: null,
      running: false,
      observed: answer.type === 'predict' ? answer.observed : null,
    });
    recordQuizResult({
      lessonId: quiz.lesson,
      quizId: quiz.id,
      passPercent: quiz.passPercent,
      maxPoints,
      questionId: q.id,
      questionMaxPoints: q.points,
      points,
      correct: g.correct,
      answer: answer as StoredAnswer,
    });
  };

  const check = async (q: Question) => {
    const state = states[q.id]!;
    const attempts = state.attempts + 1;
    if (q.type === 'predict') {
      const d = state.draft;
      const choice = d.type === 'predict' ? d.choice : null;
      if (choice === null) return set(q.id, { error: 'Choose one option first.' });
      set(q.id, { running: true, error: null });
      try {
        const { runPrediction } = (await import('./predict-runner.ts')) as {
          runPrediction: PredictRunner;
        };
        const observed = await runPrediction(q, scenarios[q.id]);
        finish(q, { type: 'predict', choice, observed }, attempts);
      } catch (error) {
        set(q.id, {
          running: false,
          error: `The scenario could not run: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      return;
    }
    const answer = answerFromDraft(state.draft);
    if (answer !== null && 'error' in answer) return set(q.id, { error: answer.error });
    const missing = incompleteAnswer(q, answer);
    if (missing !== null || answer === null) return set(q.id, { error: missing });
    finish(q, answer, attempts);
  };

  const earned =
    Math.round(quiz.questions.reduce((s, q) => s + (states[q.id]!.points ?? 0), 0) * 100) / 100;
  const answered = quiz.questions.filter((q) => states[q.id]!.grade !== null).length;
  const percent = maxPoints > 0 ? Math.round((earned / maxPoints) * 1000) / 10 : 0;
  const passed = percent >= quiz.passPercent;

  return (
    <div className="sy-quiz">
      <h2 id={`quiz-${quiz.id}`} className="sy-quiz-title">
        {quiz.title}
      </h2>
      <p className="sy-quiz-intro">
        {quiz.questions.length} questions, {formatNumber(maxPoints)} points. Pass mark:{' '}
        {quiz.passPercent} %. You can retry a question until it is right; each extra attempt lowers
        the points it can earn by {Math.round(quiz.retryPenalty * 100)} % of its value. Your answers
        are saved in this browser.
      </p>
      {quiz.questions.map((q, i) => {
        const s = states[q.id]!;
        return (
          <QuestionCard
            key={q.id}
            question={q}
            index={i}
            total={quiz.questions.length}
            state={s}
            nextAvailable={pointsFor(q, 1, s.attempts + 1, quiz.retryPenalty)}
            scenarioTitle={(scenarios[q.id] as { title?: string } | undefined)?.title}
            onDraft={(draft: Draft) => set(q.id, { draft, error: null })}
            onCheck={() => void check(q)}
          />
        );
      })}
      <div className="sy-quiz-score">
        <h3>Your score</h3>
        <p>
          <strong>
            {formatNumber(earned)} of {formatNumber(maxPoints)} points ({formatNumber(percent)} %)
          </strong>
          , {answered} of {quiz.questions.length} questions answered. Pass mark: {quiz.passPercent}{' '}
          %.{' '}
          {passed ? (
            <span className="sy-pass">
              <span aria-hidden="true">✓ </span>Passed.
            </span>
          ) : (
            <span className="sy-fail">Not passed yet.</span>
          )}
        </p>
        <p>
          <a href="/progress/">See all your progress</a>
        </p>
      </div>
    </div>
  );
}
