/**
 * What the course reports to an LMS through the SCORM launcher: a score out of 100 (the quiz
 * points earned across the course's quizzes), a SCORM 1.2 lesson status, and a compact resume
 * record that always fits `cmi.suspend_data` (4,096 characters).
 */
import { lessonStatus, type Progress } from '@lib/progress/index.ts';

export const SUSPEND_DATA_LIMIT = 4096;

export interface CourseLesson {
  id: string;
  /** total points of the lesson's quiz; 0 when it has none */
  quizPoints: number;
}

export interface CourseReport {
  scoreRaw: number;
  status: 'incomplete' | 'passed';
  suspendData: string;
}

export function courseReport(progress: Progress, lessons: readonly CourseLesson[]): CourseReport {
  let earned = 0;
  let possible = 0;
  const resume: Record<string, [number, number]> = {};
  for (const lesson of lessons) {
    const record = Object.hasOwn(progress.lessons, lesson.id)
      ? progress.lessons[lesson.id]
      : undefined;
    const points = record?.quiz?.points ?? 0;
    earned += points;
    possible += lesson.quizPoints;
    const passedChallenges = Object.values(record?.challenges ?? {}).filter((c) => c.passed).length;
    if (record) resume[lesson.id] = [points, passedChallenges];
  }
  const done = lessons.every(
    (l) => lessonStatus(progress, l.id, { hasQuiz: l.quizPoints > 0 }) === 'done',
  );
  let suspendData = JSON.stringify({ v: 1, l: resume });
  // Lesson ids are at most 64 characters, so this only matters for a course of many dozens of lessons.
  if (suspendData.length > SUSPEND_DATA_LIMIT) suspendData = JSON.stringify({ v: 1, l: {} });
  return {
    scoreRaw: possible > 0 ? Math.round((earned / possible) * 10000) / 100 : 0,
    status: done ? 'passed' : 'incomplete',
    suspendData,
  };
}
