/** Class-wide figures: which questions were missed and how, how long challenges took. */
import type { Quiz } from '@lib/quiz/schema.ts';
import type { ChallengeGrade, LearnerGrade, QuizGrade } from './regrade.ts';

export interface QuestionStats {
  quizId: string;
  questionId: string;
  prompt: string;
  /** learners with a quiz handed in */
  learners: number;
  missed: number;
  /** the wrong answer chosen most often, in the quiz's words, and by how many */
  commonWrong: { text: string; count: number } | null;
}

export interface ChallengeStats {
  scenarioId: string;
  learners: number;
  passed: number;
  /** medians over the learners who passed; null when nobody did */
  medianSeconds: number | null;
  medianActions: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function wrongChoices(
  q: Quiz['questions'][number],
  answer: NonNullable<QuizGrade['questions'][string]['answer']>,
): string[] {
  switch (q.type) {
    case 'single':
      return answer.type === 'single'
        ? q.options.filter((o) => o.id === answer.choice && !o.correct).map((o) => o.text)
        : [];
    case 'multiple':
      return answer.type === 'multiple'
        ? q.options.filter((o) => answer.choices.includes(o.id) && !o.correct).map((o) => o.text)
        : [];
    case 'predict':
      return answer.type === 'predict'
        ? q.options.filter((o) => o.id === answer.choice).map((o) => o.text)
        : [];
    case 'numeric':
      return answer.type === 'numeric' ? [`${answer.value} ${q.unit}`] : [];
    case 'ordering':
    case 'matching':
      return [];
  }
}

export function questionStats(quiz: Quiz, grades: readonly LearnerGrade[]): QuestionStats[] {
  const handedIn = grades
    .map((g) => g.items[`quiz:${quiz.id}`])
    .filter((g): g is QuizGrade => g?.kind === 'quiz' && g.status === 'graded');
  return quiz.questions.map((q) => {
    const tally = new Map<string, number>();
    let missed = 0;
    for (const g of handedIn) {
      const outcome = g.questions[q.id];
      if (outcome?.correct) continue;
      missed++;
      if (outcome?.answer)
        for (const text of wrongChoices(q, outcome.answer))
          tally.set(text, (tally.get(text) ?? 0) + 1);
    }
    let commonWrong: QuestionStats['commonWrong'] = null;
    for (const [text, count] of tally)
      if (!commonWrong || count > commonWrong.count) commonWrong = { text, count };
    return {
      quizId: quiz.id,
      questionId: q.id,
      prompt: q.prompt,
      learners: handedIn.length,
      missed,
      commonWrong,
    };
  });
}

export function challengeStats(
  scenarioId: string,
  grades: readonly LearnerGrade[],
): ChallengeStats {
  const all = grades
    .map((g) => g.items[`challenge:${scenarioId}`])
    .filter((g): g is ChallengeGrade => g?.kind === 'challenge' && g.status !== 'missing');
  const passed = all.filter((g) => g.status === 'passed');
  return {
    scenarioId,
    learners: all.length,
    passed: passed.length,
    medianSeconds: median(passed.map((g) => g.lastActionAt ?? 0)),
    medianActions: median(passed.map((g) => g.actions)),
  };
}
