import { describe, expect, it, vi } from 'vitest';
import { challengeScenarios } from '@lib/assignments/catalog.ts';
import { makeResult } from '@lib/assignments/make-result.ts';
import { emptyWork } from '@lib/assignments/work-store.ts';
import { canvasCsv, moodleCsv, readCanvasExport } from '@lib/gradebook/csv.ts';
import { gradeFiles } from '@lib/gradebook/grade-files.ts';
import { gradeItems, regrade } from '@lib/gradebook/regrade.ts';
import { challengeStats, questionStats } from '@lib/gradebook/stats.ts';
import { generateSigningKey } from '@lib/assignments/signing.ts';
import {
  FIXED_TIME,
  nodeCatalog,
  resultText,
  signedAssignment,
  solvedWork,
} from '../assignments/fixtures.ts';

// Each test replays whole scenarios (and signs with Web Crypto): seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const catalog = nodeCatalog();
const crashAt100 = { at: 100, action: { type: 'fault.crash', service: 'web' } };
const spec = {
  id: '0123456789abcdef',
  title: 'ECS lab',
  due: '2026-12-24',
  seed: null,
  challenges: [
    { scenario: 'ecs-first-service', faults: [] },
    { scenario: 'ecs-az-outage-spread', faults: [crashAt100] },
  ],
  quizzes: ['why-orchestration'],
};
const ada = { name: 'Ada Lovelace', email: 'ada@example.edu', sisLogin: 'ada' };
const grace = { name: 'Grace Hopper', email: 'grace@example.edu', sisLogin: '' };

describe('re-grading', () => {
  it('replays a solved result to a pass and grades the quiz against the key', async () => {
    const { assignment, token } = await signedAssignment(spec);
    const result = makeResult(
      assignment,
      token,
      solvedWork(assignment, catalog, ada),
      catalog,
      FIXED_TIME,
    );
    const grade = regrade(result, assignment, catalog);
    expect(grade.flagged).toBe(false);
    expect(grade.percent).toBe(100);
    const first = grade.items['challenge:ecs-first-service']!;
    expect(first).toMatchObject({
      status: 'passed',
      percent: 100,
      goalsPassed: 2,
      goalsTotal: 2,
      editedPass: false,
    });
    const quiz = grade.items['quiz:why-orchestration']!;
    expect(quiz.kind === 'quiz' && [quiz.points, quiz.maxPoints, quiz.percent]).toEqual([
      quiz.kind === 'quiz' ? quiz.maxPoints : 0,
      quiz.kind === 'quiz' ? quiz.maxPoints : 0,
      100,
    ]);
  });

  it('marks a hand-edited "passed" and keeps the real grade', async () => {
    const { assignment, token } = await signedAssignment(spec);
    const lazy = { ...emptyWork(), learner: grace };
    lazy.challenges['ecs-first-service'] = { time: 300, log: [] };
    const result = makeResult(assignment, token, lazy, catalog, FIXED_TIME);
    expect(result.challenges[0]!.passed).toBe(false);
    result.challenges[0]!.passed = true;
    const grade = regrade(result, assignment, catalog);
    const item = grade.items['challenge:ecs-first-service']!;
    expect(
      item.kind === 'challenge' && [item.status, item.editedPass, item.percent, item.notes[0]],
    ).toEqual([
      'failed',
      true,
      0,
      'the file says "passed", but the replay fails: the file was edited',
    ]);
    expect(grade.flagged).toBe(true);
    expect(
      grade.items['challenge:ecs-az-outage-spread']!.kind === 'challenge' &&
        grade.items['challenge:ecs-az-outage-spread']!.status,
    ).toBe('missing');
  });

  it('a log made without the assignment’s faults does not match it', async () => {
    const key = await generateSigningKey(false);
    const withFaults = await signedAssignment(spec, key);
    const without = await signedAssignment(
      { ...spec, challenges: spec.challenges.map((c) => ({ ...c, faults: [] })) },
      key,
    );
    const result = makeResult(
      without.assignment,
      without.token,
      solvedWork(without.assignment, catalog, ada),
      catalog,
      FIXED_TIME,
    );
    // The learner swaps in the signed link's token but keeps the work done without the crash.
    result.assignment = withFaults.token;
    const grade = regrade(result, withFaults.assignment, catalog);
    const item = grade.items['challenge:ecs-az-outage-spread']!;
    expect(item.kind === 'challenge' && [item.status, item.notes]).toEqual([
      'mismatch',
      [
        "the log does not match this assignment: replayed with the assignment's seed and faults it leads to a different world than the learner's page recorded",
      ],
    ]);
    expect(
      grade.items['challenge:ecs-first-service']!.kind === 'challenge' &&
        grade.items['challenge:ecs-first-service']!.status,
    ).toBe('passed');
  });

  it('a log with another seed, or an invalid action, does not match', async () => {
    const { assignment, token } = await signedAssignment(spec);
    const result = makeResult(
      assignment,
      token,
      solvedWork(assignment, catalog, ada),
      catalog,
      FIXED_TIME,
    );
    result.challenges[0]!.seed = 99;
    (result.challenges[1]!.log[0]!.action as Record<string, unknown>)['type'] = 'rm -rf';
    const grade = regrade(result, assignment, catalog);
    const [a, b] = [
      grade.items['challenge:ecs-first-service']!,
      grade.items['challenge:ecs-az-outage-spread']!,
    ];
    expect(a.kind === 'challenge' && a.notes).toEqual([
      'the log ran with seed 99; the assignment sets seed 21',
    ]);
    expect(b.kind === 'challenge' && b.status).toBe('mismatch');
    expect(
      b.kind === 'challenge' && b.notes[0]!.startsWith('action 1 is not a valid action: type:'),
    ).toBe(true);
  });
});

describe('every lesson’s challenges re-grade', () => {
  const LESSONS = ['why-orchestration', 'ecs', 'fargate', 'eks', 'node-groups', 'ecr', 'pipeline'];
  const ofLesson = (id: string) => challengeScenarios(catalog).filter((s) => s.lesson === id);

  it('the seven lessons hold every challenge an assignment can name', () => {
    expect(catalog.lessons.map((l) => l.id)).toEqual(LESSONS);
    expect(LESSONS.flatMap((id) => ofLesson(id).map((s) => s.id)).sort()).toEqual(
      challengeScenarios(catalog)
        .map((s) => s.id)
        .sort(),
    );
  });

  it.each(LESSONS)(
    '%s: a result that solves every challenge and answers the quiz grades 100 % on each',
    async (lessonId) => {
      const scenarios = ofLesson(lessonId);
      expect(scenarios.length).toBeGreaterThan(0);
      const { assignment, token } = await signedAssignment({
        ...spec,
        title: `${lessonId}: every challenge`,
        challenges: scenarios.map((s) => ({ scenario: s.id, faults: [] })),
        quizzes: [lessonId],
      });
      const result = makeResult(
        assignment,
        token,
        solvedWork(assignment, catalog, ada),
        catalog,
        FIXED_TIME,
      );
      const grade = regrade(result, assignment, catalog);
      expect(
        Object.fromEntries(
          Object.entries(grade.items).map(([key, item]) => [key, [item.status, item.percent]]),
        ),
      ).toEqual(
        Object.fromEntries([
          ...scenarios.map((s) => [`challenge:${s.id}`, ['passed', 100]]),
          [`quiz:${lessonId}`, ['graded', 100]],
        ]),
      );
      expect(grade.flagged).toBe(false);
    },
    120_000,
  );
});

describe('a batch of files', () => {
  it('refuses files signed by another key, unreadable files and unknown scenarios; grades the rest', async () => {
    const mine = await generateSigningKey(false);
    const { assignment, token } = await signedAssignment(spec, mine);
    const foreign = await signedAssignment(spec);
    const unknown = await signedAssignment(
      { ...spec, challenges: [{ scenario: 'no-such-scenario', faults: [] }] },
      mine,
    );
    const files = [
      {
        name: 'ada.json',
        text: resultText(assignment, token, solvedWork(assignment, catalog, ada), catalog),
      },
      {
        name: 'forged.json',
        text: resultText(
          foreign.assignment,
          foreign.token,
          solvedWork(foreign.assignment, catalog, grace),
          catalog,
        ),
      },
      { name: 'junk.json', text: '{"hello": 1}' },
      {
        name: 'unknown.json',
        text: JSON.stringify({
          ...JSON.parse(resultText(assignment, token, emptyWork(), catalog)),
          assignment: unknown.token,
          learner: grace,
        }),
      },
    ];
    const graded = await gradeFiles(files, catalog, mine.publicJwk);
    expect(
      graded.outcomes.map((o) =>
        o.ok ? `${o.name}: ${o.grade.percent}` : `${o.name}: ${o.message}`,
      ),
    ).toEqual([
      'ada.json: 100',
      'forged.json: its assignment "ECS lab" was not signed with your key: it was made or re-signed by someone else',
      'junk.json: is not a Shipyard result file (no "kind": "shipyard-assignment-result")',
      'unknown.json: its assignment names items this site does not have: scenario "no-such-scenario"',
    ]);
    expect(graded.groups.map((g) => [g.assignment.id, g.rows.length])).toEqual([
      ['0123456789abcdef', 1],
    ]);
  });
});

describe('class statistics', () => {
  it('counts who missed each question, the most chosen wrong option, and median time and actions', async () => {
    const { assignment, token } = await signedAssignment(spec);
    const quiz = catalog.quizzes['why-orchestration']!;
    const single = quiz.questions.find((q) => q.type === 'single')!;
    const grades = [
      ada,
      grace,
      { name: 'Alan Turing', email: 'alan@example.edu', sisLogin: '' },
    ].map((learner, i) =>
      regrade(
        makeResult(
          assignment,
          token,
          solvedWork(assignment, catalog, learner, {
            wrongQuestions: new Set(i > 0 ? [single.id] : []),
          }),
          catalog,
          FIXED_TIME,
        ),
        assignment,
        catalog,
      ),
    );
    const stats = questionStats(quiz, grades).find((s) => s.questionId === single.id)!;
    const wrong = single.type === 'single' ? single.options.find((o) => !o.correct)!.text : '';
    expect(stats).toMatchObject({ learners: 3, missed: 2, commonWrong: { text: wrong, count: 2 } });
    const scenario = catalog.scenarios['ecs-first-service']!;
    expect(challengeStats('ecs-first-service', grades)).toEqual({
      scenarioId: 'ecs-first-service',
      learners: 3,
      passed: 3,
      medianSeconds: scenario.solution.at(-1)!.at,
      medianActions: scenario.solution.length,
    });
  });
});

describe('CSV for LMS gradebooks', () => {
  const items = [
    { key: 'challenge:a', kind: 'challenge' as const, id: 'a', title: 'Your first service' },
    { key: 'quiz:q', kind: 'quiz' as const, id: 'q', title: 'Quiz, "ECS"' },
  ];
  const grade = (learner: typeof ada, a: number, q: number) => ({
    learner,
    submittedAt: FIXED_TIME,
    percent: (a + q) / 2,
    flagged: false,
    items: {
      'challenge:a': { kind: 'challenge', status: 'passed', percent: a } as never,
      'quiz:q': { kind: 'quiz', status: 'graded', percent: q } as never,
    },
  });
  const grades = [
    grade(ada, 100, 75),
    grade(grace, 50, 87.5),
    grade({ name: '=HYPERLINK("x")', email: '', sisLogin: '' }, 0, 0),
  ];

  it('Moodle: Email address, one column per grade item, then the total', () => {
    const out = moodleCsv('ECS lab', items, grades);
    expect(out.text).toBe(
      'Email address,Challenge: Your first service,"Quiz: Quiz, ""ECS""",ECS lab (total)\r\n' +
        'ada@example.edu,100,75,87.5\r\n' +
        'grace@example.edu,50,87.5,68.8\r\n',
    );
    expect(out.skipped).toEqual(['=HYPERLINK("x"): no email address in the result file']);
  });

  it('Canvas without an export: the five identity columns, Points Possible, one assignment column; formulas escaped', () => {
    const out = canvasCsv(grades, { column: 'ECS lab', pointsPossible: 100, canvas: null });
    expect(out.text).toBe(
      'Student,ID,SIS User ID,SIS Login ID,Section,ECS lab\r\n' +
        'Points Possible,,,,,100\r\n' +
        'Ada Lovelace,,,ada,,87.5\r\n' +
        'Grace Hopper,,,grace@example.edu,,68.8\r\n' +
        `"'=HYPERLINK(""x"")",,,,,0\r\n`,
    );
  });

  it('Canvas from an uploaded export: its students and columns, scores scaled to Points Possible', () => {
    const exported =
      '\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,Shipyard ECS lab (4021),Current Score\r\n' +
      '    Points Possible,,,,,20,(read only)\r\n' +
      '"Lovelace, Ada",101,S101,ada,Cloud 1,,\r\n' +
      '"Hopper, Grace",102,S102,grace@example.edu,Cloud 2,,\r\n' +
      '"Student, Test",999,,,Cloud 1,,\r\n';
    const canvas = readCanvasExport(exported);
    expect(canvas.ok && canvas.value.assignments).toEqual([
      { header: 'Shipyard ECS lab (4021)', pointsPossible: 20 },
    ]);
    if (!canvas.ok) return;
    const out = canvasCsv(grades, {
      column: 'Shipyard ECS lab (4021)',
      pointsPossible: 20,
      canvas: canvas.value,
    });
    expect(out.text).toBe(
      'Student,ID,SIS User ID,SIS Login ID,Section,Shipyard ECS lab (4021)\r\n' +
        'Points Possible,,,,,20\r\n' +
        '"Lovelace, Ada",101,S101,ada,Cloud 1,17.5\r\n' +
        '"Hopper, Grace",102,S102,grace@example.edu,Cloud 2,13.8\r\n' +
        '"Student, Test",999,,,Cloud 1,\r\n',
    );
    expect(out.skipped).toEqual(['=HYPERLINK("x"): not in the Canvas export (SIS Login ID "")']);
  });

  it('refuses a file that is not a Canvas export, naming the missing columns', () => {
    expect(readCanvasExport('Name,Email\r\nAda,ada@example.edu\r\n')).toEqual({
      ok: false,
      message:
        'this is not a Canvas gradebook export: the header row has no "Student", "ID", "SIS User ID", "SIS Login ID", "Section" column',
    });
  });

  it('lists grade items in the assignment’s order', async () => {
    const { assignment } = await signedAssignment(spec);
    expect(gradeItems(assignment, catalog).map((i) => i.key)).toEqual([
      'challenge:ecs-first-service',
      'challenge:ecs-az-outage-spread',
      'quiz:why-orchestration',
    ]);
  });
});
