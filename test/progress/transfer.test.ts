import { describe, expect, it } from 'vitest';
import {
  lessonStatus,
  mergeProgress,
  recordChallenge,
  recordQuizAnswer,
  recordVisit,
} from '../../src/lib/progress/record.ts';
import { emptyProgress, type Progress } from '../../src/lib/progress/schema.ts';
import {
  csvCell,
  exportCsv,
  exportJson,
  MAX_IMPORT_BYTES,
  previewImport,
  readImport,
} from '../../src/lib/progress/transfer.ts';

const LESSONS = ['why-orchestration', 'ecs', 'fargate'];
const T0 = '2026-11-26T10:00:00.000Z';
const T1 = '2026-11-26T11:00:00.000Z';
const T2 = '2026-11-26T12:00:00.000Z';

function sample(): Progress {
  let p = recordVisit(emptyProgress(), 'why-orchestration', T0);
  const base = {
    lessonId: 'why-orchestration',
    quizId: 'why-orchestration',
    passPercent: 50,
    maxPoints: 2,
    questionMaxPoints: 1,
  };
  p = recordQuizAnswer(
    p,
    {
      ...base,
      questionId: 'count',
      points: 1,
      correct: true,
      answer: { type: 'numeric', value: 25 },
    },
    T0,
  );
  p = recordQuizAnswer(
    p,
    {
      ...base,
      questionId: 'popular',
      points: 0,
      correct: false,
      answer: { type: 'single', choice: 'swarm' },
    },
    T0,
  );
  p = recordChallenge(
    p,
    {
      lessonId: 'ecs',
      scenarioId: 'keep-six',
      passed: false,
      goals: [{ id: 'runningAtLeast', status: 'fail', description: '6 tasks, "web"' }],
    },
    T1,
  );
  return p;
}

const envelope = (progress: unknown, version: unknown = 1) =>
  JSON.stringify({ format: 'shipyard-progress', version, exportedAt: T0, progress });

describe('export and import round trip', () => {
  it('imports exactly what was exported', () => {
    const p = sample();
    expect(readImport(exportJson(p, T2), LESSONS)).toEqual({ ok: true, value: p, from: 1 });
  });

  it('writes the format and schema version in the JSON', () => {
    expect(JSON.parse(exportJson(emptyProgress(), T2))).toEqual({
      format: 'shipyard-progress',
      version: 1,
      exportedAt: T2,
      progress: { version: 1, lessons: {} },
    });
  });

  it('writes one CSV row per visit, quiz, question and challenge, quoting where needed', () => {
    expect(exportCsv(sample()).split('\r\n')).toEqual([
      'lesson,kind,item,attempts,points,max_points,percent,passed,time',
      `ecs,challenge,keep-six,1,,,,false,${T1}`,
      `why-orchestration,visit,,,,,,,${T0}`,
      `why-orchestration,quiz,why-orchestration,,1,2,50,true,${T0}`,
      `why-orchestration,question,count,1,1,1,100,true,${T0}`,
      `why-orchestration,question,popular,1,0,1,0,false,${T0}`,
      '',
    ]);
  });

  it('neutralises spreadsheet formulas and quotes commas and quotes in CSV cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('import refuses hostile or malformed files, naming what and where', () => {
  const refused = (text: string) => {
    const result = readImport(text, LESSONS);
    if (result.ok) throw new Error('expected a refusal');
    return result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('a huge file, before parsing it', () => {
    expect(refused(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual([
      '(file): the file is 1.0 MB; a progress file is at most 1 MB',
    ]);
  });
  it('text that is not JSON', () => {
    expect(refused('lesson,kind\n')[0]).toMatch(/^\(file\): this is not a JSON file \(/);
  });
  it('JSON that is not a Shipyard export', () => {
    expect(refused('[]')).toEqual([
      '(top level): expected an object: this is not a Shipyard progress file',
    ]);
    expect(refused('{"format":"other"}')).toEqual([
      'format: expected "shipyard-progress": this is not a Shipyard progress file',
    ]);
  });
  it('prototype-pollution keys anywhere', () => {
    expect(
      refused(
        '{"format":"shipyard-progress","version":1,"progress":{"version":1,"lessons":{"ecs":{"challenges":{},"__proto__":{"polluted":true}}}}}',
      ),
    ).toEqual(['progress.lessons.ecs.__proto__: the key "__proto__" is not allowed']);
    expect(refused(envelope({ version: 1, lessons: { constructor: { prototype: {} } } }))).toEqual([
      'progress.lessons.constructor: the key "constructor" is not allowed',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('absurd nesting', () => {
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    expect(refused(`{"format":"shipyard-progress","version":1,"progress":${deep}}`)[0]).toMatch(
      /nested deeper than 16 levels$/,
    );
  });
  it('unknown or future schema versions', () => {
    expect(refused(envelope({ version: 2, lessons: {} }, 2))).toEqual([
      'version: it was written by a newer version of Shipyard (schema version 2); this site reads versions up to 1',
    ]);
    expect(refused(envelope({ version: 0, lessons: {} }, 0))).toEqual([
      'version: "version" must be a whole number from 1, not 0',
    ]);
    expect(refused(envelope({ version: 1, lessons: {} }, 2))).toEqual([
      'version: does not match progress.version',
    ]);
  });
  it('wrong types and absurd numbers, with their paths', () => {
    const p = sample() as unknown as {
      lessons: Record<
        string,
        { quiz?: { points: unknown; questions: Record<string, { attempts: unknown }> } }
      >;
    };
    p.lessons['why-orchestration']!.quiz!.points = '1';
    p.lessons['why-orchestration']!.quiz!.questions['count']!.attempts = 1e12;
    expect(refused(envelope(p))).toEqual([
      'progress.lessons.why-orchestration.quiz.points: expected number',
      'progress.lessons.why-orchestration.quiz.questions.count.attempts: must be at most 100000',
    ]);
  });
  it('numbers JSON turns into Infinity', () => {
    const text = envelope(sample()).replace('"points":1,', '"points":1e999,');
    expect(refused(text)[0]).toBe(
      'progress.lessons.why-orchestration.quiz.points: expected number',
    );
  });
  it('unknown fields and lessons this course does not have', () => {
    expect(refused(envelope({ version: 1, lessons: {}, extra: 1 }))).toEqual([
      'progress: unknown field "extra"',
    ]);
    expect(refused(envelope({ version: 1, lessons: { kubernetes: { challenges: {} } } }))).toEqual([
      'progress.lessons.kubernetes: is not a lesson of this course',
    ]);
  });
  it('ids that are not ids', () => {
    expect(
      refused(envelope({ version: 1, lessons: { '<img src=x>': { challenges: {} } } })),
    ).toEqual(['progress.lessons.<img src=x>: has a key that is not a valid id']);
  });
});

describe('merging and previewing an import', () => {
  const requirements = () => ({ hasQuiz: true });

  it('merge keeps everything either side has, and merging twice changes nothing more', () => {
    const here = recordChallenge(
      recordVisit(emptyProgress(), 'ecs', T2),
      { lessonId: 'ecs', scenarioId: 'keep-six', passed: true, goals: [] },
      T2,
    );
    const merged = mergeProgress(here, sample());
    expect(merged.lessons['ecs']).toEqual({
      firstVisitedAt: T2,
      lastVisitedAt: T2,
      challenges: {
        'keep-six': { attempts: 1, passed: true, passedAt: T2, lastAt: T2, goals: [] },
      },
    });
    expect(merged.lessons['why-orchestration']).toEqual(sample().lessons['why-orchestration']);
    expect(mergeProgress(merged, sample())).toEqual(merged);
  });

  it('merge keeps the newer answer per question and the larger attempt count', () => {
    const base = {
      lessonId: 'why-orchestration',
      quizId: 'why-orchestration',
      passPercent: 50,
      maxPoints: 2,
      questionMaxPoints: 1,
    };
    let later = recordQuizAnswer(
      emptyProgress(),
      { ...base, questionId: 'popular', points: 0.75, correct: true },
      T2,
    );
    later = recordQuizAnswer(
      later,
      { ...base, questionId: 'popular', points: 0.75, correct: true },
      T2,
    );
    const quiz = mergeProgress(sample(), later).lessons['why-orchestration']!.quiz!;
    expect(quiz.questions['popular']).toMatchObject({
      attempts: 2,
      points: 0.75,
      correct: true,
      at: T2,
    });
    expect(quiz).toMatchObject({ points: 1.75, passed: true, passedAt: T0 });
  });

  it('previews, lesson by lesson, what merge and replace would change', () => {
    const here = recordVisit(emptyProgress(), 'fargate', T2);
    expect(previewImport(here, sample(), 'merge', requirements).changes).toEqual([
      {
        lessonId: 'ecs',
        before: 'nothing recorded',
        after: 'in progress; challenges 0 of 1 passed',
      },
      {
        lessonId: 'why-orchestration',
        before: 'nothing recorded',
        after: 'done; quiz 1/2 points, passed',
      },
    ]);
    expect(previewImport(here, sample(), 'replace', requirements).changes).toEqual([
      {
        lessonId: 'ecs',
        before: 'nothing recorded',
        after: 'in progress; challenges 0 of 1 passed',
      },
      { lessonId: 'fargate', before: 'in progress', after: 'nothing recorded' },
      {
        lessonId: 'why-orchestration',
        before: 'nothing recorded',
        after: 'done; quiz 1/2 points, passed',
      },
    ]);
  });
});

describe('lesson status', () => {
  it('is done only when visited, the quiz passed and every attempted challenge passed', () => {
    const p = sample();
    expect(lessonStatus(p, 'why-orchestration', { hasQuiz: true })).toBe('done');
    expect(lessonStatus(p, 'ecs', { hasQuiz: false })).toBe('in-progress');
    expect(lessonStatus(p, 'fargate', { hasQuiz: true })).toBe('not-started');
    const passed = recordVisit(
      recordChallenge(p, { lessonId: 'ecs', scenarioId: 'keep-six', passed: true, goals: [] }, T2),
      'ecs',
      T2,
    );
    expect(lessonStatus(passed, 'ecs', { hasQuiz: false })).toBe('done');
    expect(lessonStatus(passed, 'ecs', { hasQuiz: true })).toBe('in-progress');
  });
});
