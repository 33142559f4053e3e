import type { LessonStatus } from '@lib/progress/index.ts';
import type { LessonRecord } from '@lib/progress/schema.ts';

/** Words and icons for a lesson's status: the icon is decoration, the words carry the meaning. */
export const STATUS_TEXT: Record<LessonStatus, { icon: string; label: string }> = {
  done: { icon: '✓', label: 'Done' },
  'in-progress': { icon: '◐', label: 'In progress' },
  'not-started': { icon: '○', label: 'Not started' },
};

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "Quiz: 7.5 of 10 points (75 %), passed" */
export function quizSummary(record: LessonRecord | undefined): string | null {
  const quiz = record?.quiz;
  if (!quiz) return null;
  const pct = quiz.maxPoints > 0 ? Math.round((quiz.points / quiz.maxPoints) * 1000) / 10 : 0;
  const verdict = quiz.passedAt ? 'passed' : `pass mark ${quiz.passPercent} %`;
  return `Quiz: ${fmt(quiz.points)} of ${fmt(quiz.maxPoints)} points (${fmt(pct)} %), ${verdict}`;
}

/** "Challenges: 1 of 2 passed" */
export function challengeSummary(record: LessonRecord | undefined): string | null {
  const all = Object.values(record?.challenges ?? {});
  if (all.length === 0) return null;
  return `Challenges: ${all.filter((c) => c.passed).length} of ${all.length} passed`;
}
