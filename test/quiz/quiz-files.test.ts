import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuiz } from '../../src/lib/quiz/parse-quiz.ts';
import { allQuizzes, maxPoints } from '../../src/lib/quiz/quizzes.ts';
import { LESSON_IDS } from '../../src/lib/lesson-schema.ts';

describe('the quiz files in lessons/quizzes', () => {
  it('all validate, and each names a lesson of the course', () => {
    const quizzes = allQuizzes();
    expect(quizzes.size).toBeGreaterThanOrEqual(1);
    for (const quiz of quizzes.values()) expect(LESSON_IDS).toContain(quiz.lesson);
  });

  it('lesson why-orchestration has at least 8 questions of at least four types, pass mark 70 %', () => {
    const parsed = parseQuiz(readFileSync('lessons/quizzes/why-orchestration.yaml', 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const quiz = parsed.value;
    expect(quiz.lesson).toBe('why-orchestration');
    expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
    expect(quiz.passPercent).toBe(70);
    expect(maxPoints(quiz)).toBe(quiz.questions.length);
  });
});
