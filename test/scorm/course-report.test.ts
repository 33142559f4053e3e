import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '@lib/progress/schema.ts';
import { courseReport, readSuspendData, SUSPEND_DATA_LIMIT } from '@lib/scorm/course-report.ts';

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
      suspendData: '{"v":2,"l":{}}',
    });
    const some = withQuiz(emptyProgress(), 'why-orchestration', 1, 11, false);
    expect(courseReport(some, lessons)).toEqual({
      scoreRaw: 4.55,
      status: 'incomplete',
      suspendData: '{"v":2,"l":{"why-orchestration":[1,0,0]}}',
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

  it('never reports less than the LMS kept from an earlier launch: each lesson keeps its best', () => {
    // Launched before on another computer: lesson 1 done with 11 points, ecs 9 points, one challenge.
    const kept = readSuspendData('{"v":2,"l":{"why-orchestration":[11,2,1],"ecs":[9,1,0]}}');
    expect(kept).toEqual({
      'why-orchestration': { points: 11, challenges: 2, done: true },
      ecs: { points: 9, challenges: 1, done: false },
    });
    // This browser has nothing yet: the report is what the LMS kept, not zero.
    expect(courseReport(emptyProgress(), lessons, kept)).toEqual({
      scoreRaw: 90.91,
      status: 'incomplete',
      suspendData: '{"v":2,"l":{"why-orchestration":[11,2,1],"ecs":[9,1,0]}}',
    });
    // Here the learner does better on ecs and finishes fargate: best of both, and passed.
    let here = withQuiz(emptyProgress(), 'ecs', 11, 11, true);
    here = {
      ...here,
      lessons: {
        ...here.lessons,
        fargate: { firstVisitedAt: at, lastVisitedAt: at, challenges: {} },
      },
    };
    expect(courseReport(here, lessons, kept)).toEqual({
      scoreRaw: 100,
      status: 'passed',
      suspendData: '{"v":2,"l":{"why-orchestration":[11,2,1],"ecs":[11,1,1],"fargate":[0,0,1]}}',
    });
  });

  it('reads the first format (no done flag) as not done', () => {
    expect(readSuspendData('{"v":1,"l":{"ecs":[4,0]}}')).toEqual({
      ecs: { points: 4, challenges: 0, done: false },
    });
  });

  it('ignores a record it cannot trust, and keeps points within what a quiz can give', () => {
    for (const text of [
      '',
      'not json',
      '{"v":3,"l":{}}',
      '{"v":2,"l":{"ecs":[1,2]}}',
      '{"v":2,"l":{"ecs":[-1,0,0]}}',
      '{"v":2,"l":{"ecs":[1.5,0,0]}}',
      '{"v":2,"l":{"ecs":[1,0,2]}}',
      '{"v":2,"l":[]}',
      '{"v":2,"l":{"ecs":[1,0,0]},"x":1}',
      '{"__proto__":{"polluted":1},"v":2,"l":{}}',
      '{"v":2,"l":{"ecs":[1,0,0]}}' + ' '.repeat(SUSPEND_DATA_LIMIT),
    ])
      expect(readSuspendData(text), text.slice(0, 40)).toEqual({});
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // An LMS record that claims more points than the quiz has counts as the quiz's maximum.
    const inflated = readSuspendData('{"v":2,"l":{"ecs":[99999,0,0]}}');
    expect(courseReport(emptyProgress(), lessons, inflated).scoreRaw).toBe(50);
    // A lesson this course does not have is not reported.
    const foreign = readSuspendData('{"v":2,"l":{"not-a-lesson":[5,5,1]}}');
    expect(courseReport(emptyProgress(), lessons, foreign).suspendData).toBe('{"v":2,"l":{}}');
  });
});
