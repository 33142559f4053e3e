import { formatQuizErrors, parseQuiz } from './parse-quiz.ts';
import type { Quiz } from './schema.ts';

/**
 * Build-time access to the quiz files in `lessons/quizzes/`. Every file is validated when first
 * used; an invalid file throws, which fails the build with each problem on its own line:
 * `lessons/quizzes/ecs.yaml:42:9 (question 3 "task-lifecycle", questions[2].items) …`.
 */
const files = import.meta.glob<string>('/lessons/quizzes/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let cache: Map<string, Quiz> | null = null;

/** Validates a set of quiz sources, keyed by file path; throws naming every problem. */
export function loadQuizzes(sources: Readonly<Record<string, string>>): Map<string, Quiz> {
  const quizzes = new Map<string, Quiz>();
  const failures: string[] = [];
  for (const [path, source] of Object.entries(sources)) {
    const fileName = path.replace(/^\//, '');
    const parsed = parseQuiz(source);
    if (!parsed.ok) {
      failures.push(formatQuizErrors(fileName, parsed.errors));
      continue;
    }
    const expected = fileName.replace(/^.*\//, '').replace(/\.yaml$/, '');
    if (parsed.value.id !== expected) {
      failures.push(
        `${fileName} (id) the quiz id "${parsed.value.id}" must match the file name "${expected}"`,
      );
      continue;
    }
    quizzes.set(parsed.value.id, parsed.value);
  }
  if (failures.length > 0) throw new Error(`Invalid quiz file:\n${failures.join('\n')}`);
  return quizzes;
}

export function allQuizzes(): Map<string, Quiz> {
  cache ??= loadQuizzes(files);
  return cache;
}

/** The quiz with this id; throws (failing the build) when there is none. */
export function getQuiz(id: string): Quiz {
  const quiz = allQuizzes().get(id);
  if (!quiz) {
    const known = [...allQuizzes().keys()].join(', ') || 'none';
    throw new Error(
      `<Quiz id="${id}">: no quiz file lessons/quizzes/${id}.yaml (quizzes: ${known}).`,
    );
  }
  return quiz;
}

/** The quiz of a lesson, if it has one. */
export function quizForLesson(lessonId: string): Quiz | undefined {
  return [...allQuizzes().values()].find((q) => q.lesson === lessonId);
}

/** Total points of a quiz. */
export function maxPoints(quiz: Quiz): number {
  return Math.round(quiz.questions.reduce((sum, q) => sum + q.points, 0) * 100) / 100;
}
