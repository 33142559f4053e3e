/**
 * What the teaching pages know about the course: every scenario (parsed) and every quiz,
 * as plain data the build puts in the page. Assignments and result files name items by id;
 * an id that is not here is refused with its name.
 */
import type { Scenario } from '@sandbox';
import type { Quiz } from '@lib/quiz/schema.ts';

export interface LessonRef {
  id: string;
  title: string;
  href: string;
}

export interface Catalog {
  scenarios: Record<string, Scenario>;
  quizzes: Record<string, Quiz>;
  lessons: LessonRef[];
}

/** Scenarios a learner can be assigned: the lessons' sandboxes (every scenario has goals). */
export function challengeScenarios(catalog: Catalog): Scenario[] {
  const order = new Map(catalog.lessons.map((l, i) => [l.id, i]));
  return Object.values(catalog.scenarios)
    .filter((s) => s.lesson !== undefined && order.has(s.lesson))
    .sort((a, b) => order.get(a.lesson!)! - order.get(b.lesson!)! || a.id.localeCompare(b.id));
}

export const lessonOf = (catalog: Catalog, lessonId: string | undefined) =>
  catalog.lessons.find((l) => l.id === lessonId);

/** Quizzes are named after their lesson (their own titles are all alike). */
export function quizTitle(catalog: Catalog, quizId: string): string {
  const quiz = has(catalog.quizzes, quizId);
  return lessonOf(catalog, quiz?.lesson)?.title ?? quiz?.title ?? quizId;
}

export function has<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
