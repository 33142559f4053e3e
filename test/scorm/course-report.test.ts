import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '@lib/progress/schema.ts';
import { courseReport, SUSPEND_DATA_LIMIT } from '@lib/scorm/course-report.ts';

const lessons = [
  { id: 'why-orchestration', quizPoints: 11 },
  { id: 'ecs', quizPoints: 11 },
  { id: 'fargate', quizPoints: 0 },
];
const at = '2026-12-01T10:00:00.000Z';

function withQuiz(
  progress: Progress,
  id: string,
  points: number,
  max: number,
  passed: boolean,
): Progress {
  return {
    ...progress,
    lessons: {
      ...progress.lessons,
      [id]: {
        firstVisitedAt: at,
        lastVisitedAt: at,
        challenges: {},
        quiz: {
          quizId: id,
          points,
          maxPoints: max,
          passPercent: 70,
          bestPercent: (points / max) * 100,
          passed,
          ...(passed ? { passedAt: at } : {}),
          updatedAt: at,
          questions: {},
        },
      },
    },
  };
}

describe('what the course reports to the SCORM launcher', () => {
  it('scores quiz points across the course out of 100 and stays incomplete until every lesson is done', () => {
    expect(courseReport(emptyProgress(), lessons)).toEqual({
      scoreRaw: 0,
      status: 'incomplete',
      suspendData: '{"v":1,"l":{}}',
    });
    const some = withQuiz(emptyProgress(), 'why-orchestration', 1, 11, false);
    expect(courseReport(some, lessons)).toEqual({
      scoreRaw: 4.55,
      status: 'incomplete',
      suspendData: '{"v":1,"l":{"why-orchestration":[1,0]}}',
    });
    let all = withQuiz(
      withQuiz(emptyProgress(), 'why-orchestration', 11, 11, true),
      'ecs',
      8,
      11,
      true,
    );
    all = {
      ...all,
      lessons: {
        ...all.lessons,
        fargate: { firstVisitedAt: at, lastVisitedAt: at, challenges: {} },
      },
    };
    expect(courseReport(all, lessons)).toMatchObject({ scoreRaw: 86.36, status: 'passed' });
  });

  it('keeps the resume record within SCORM 1.2’s 4,096 characters of suspend_data', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      id: `lesson-with-a-rather-long-identifier-number-${i}`,
      quizPoints: 10,
    }));
    let progress = emptyProgress();
    for (const l of many) progress = withQuiz(progress, l.id, 5, 10, false);
    const report = courseReport(progress, many);
    expect(report.suspendData.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(report.scoreRaw).toBe(50);
  });
});
