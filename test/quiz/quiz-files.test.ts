import { describe, expect, it } from 'vitest';
import { allQuizzes, maxPoints, quizForLesson } from '../../src/lib/quiz/quizzes.ts';
import type { Question } from '../../src/lib/quiz/schema.ts';
import { LESSON_IDS } from '../../src/lib/lesson-schema.ts';

/** The feedback texts a learner can get for a wrong answer to this question, one per wrong choice. */
function wrongAnswerFeedback(question: Question): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.filter((o) => !o.correct).map((o) => o.explain);
    case 'predict':
      // Every option is wrong for some run outcome, so each one needs its own feedback.
      return question.options.map((o) => o.explain);
    case 'ordering':
      return question.items.map((i) => i.explain);
    case 'matching':
      return question.pairs.map((p) => p.explain);
    case 'numeric':
      return question.mistakes.map((m) => m.explain);
  }
}

describe('the quiz files in lessons/quizzes', () => {
  it('all validate, and each names a lesson of the course', () => {
    const quizzes = allQuizzes();
    expect(quizzes.size).toBeGreaterThanOrEqual(1);
    for (const quiz of quizzes.values()) expect(LESSON_IDS).toContain(quiz.lesson);
  });

  describe.each(LESSON_IDS)('lesson %s', (lessonId) => {
    const quiz = quizForLesson(lessonId);

    it('has a quiz of at least 10 questions of at least five types, pass mark 70 %', () => {
      if (!quiz) throw new Error(`lesson ${lessonId} has no quiz file in lessons/quizzes`);
      expect(quiz.questions.length).toBeGreaterThanOrEqual(10);
      expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
      expect(quiz.passPercent).toBe(70);
      expect(maxPoints(quiz)).toBe(quiz.questions.length);
    });

    it('gives its own feedback for every wrong option, not one text copied across them', () => {
      if (!quiz) throw new Error(`lesson ${lessonId} has no quiz file in lessons/quizzes`);
      for (const question of quiz.questions) {
        const feedback = wrongAnswerFeedback(question);
        const where = `${quiz.id}/${question.id}`;
        for (const text of feedback) expect(text.trim(), where).not.toBe('');
        expect(new Set(feedback).size, where).toBe(feedback.length);
        if (question.type === 'numeric') expect(feedback.length, where).toBeGreaterThanOrEqual(1);
      }
    });
  });
});
