/**
 * The gradebook story: thirty result files (built in Node from each scenario's own solution,
 * one of them with a hand-edited "passed"), graded in the browser against the instructor's
 * imported key, then written as Moodle and Canvas CSV.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { keyFileText } from '@lib/assignments/key-file.ts';
import { makeResult } from '@lib/assignments/make-result.ts';
import { generateSigningKey } from '@lib/assignments/signing.ts';
import { test, expect, expectAxeClean } from './fixtures';
import { FIXED_TIME, nodeCatalog, signedAssignment, solvedWork } from '../assignments/fixtures';

const catalog = nodeCatalog();
const quiz = catalog.quizzes['why-orchestration']!;
const missedQuestion = quiz.questions.find((q) => q.type === 'single')!;

/** Learner n (1…30): every third misses one question, every fifth skips the AZ challenge, 30 edits "passed". */
const learner = (n: number) => ({
  name: `Learner ${String(n).padStart(2, '0')}`,
  email: `learner${n}@example.edu`,
  sisLogin: `l${n}`,
});
const missesQuestion = (n: number) => n % 3 === 2;
const skipsAz = (n: number) => n % 5 === 0;
const TAMPERED = 30;

async function makeFiles() {
  const key = await generateSigningKey(true);
  const { assignment, token } = await signedAssignment(
    {
      id: 'a1b2c3d4e5f60718',
      title: 'ECS lab',
      due: null,
      seed: null,
      challenges: [
        {
          scenario: 'ecs-first-service',
          faults: [{ at: 120, action: { type: 'fault.crash', service: 'web' } }],
        },
        {
          scenario: 'ecs-az-outage-spread',
          faults: [{ at: 100, action: { type: 'fault.crash', service: 'web' } }],
        },
      ],
      quizzes: ['why-orchestration'],
    },
    key,
  );
  const files = [];
  for (let n = 1; n <= 30; n++) {
    const work = solvedWork(assignment, catalog, learner(n), {
      wrongQuestions: new Set(missesQuestion(n) ? [missedQuestion.id] : []),
      skipChallenges: new Set(skipsAz(n) ? ['ecs-az-outage-spread'] : []),
    });
    if (n === TAMPERED) work.challenges['ecs-first-service'] = { time: 300, log: [] };
    const result = makeResult(assignment, token, work, catalog, FIXED_TIME);
    if (n === TAMPERED) result.challenges[0]!.passed = true;
    files.push({
      name: `learner-${n}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(result)),
    });
  }
  return { files, keyFile: await keyFileText(key.privateKey, key.publicJwk, FIXED_TIME) };
}

async function downloadText(page: Page, button: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync((await (await downloading).path())!, 'utf8');
}

/** Expected percentages per learner: first-service, az-outage, quiz, total. */
function expected(n: number): [string, string, string, string] {
  const quizPercent = missesQuestion(n) ? '90.9' : '100';
  const first = n === TAMPERED ? '0' : '100';
  const az = skipsAz(n) ? '0' : '100';
  const total = Math.round(((Number(first) + Number(az) + Number(quizPercent)) / 3) * 10) / 10;
  return [first, az, quizPercent, String(total)];
}

test('the gradebook grades thirty result files, marks the edited one, and writes Moodle and Canvas CSV', async ({
  page,
}) => {
  expect(missedQuestion.points).toBe(1);
  const { files, keyFile } = await makeFiles();
  await page.goto('/instructors/assignment/');
  await page.getByLabel('Or import a key file from another device').setInputFiles({
    name: 'key.json',
    mimeType: 'application/json',
    buffer: Buffer.from(keyFile),
  });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: "The key from key.json is now this browser's signing key." }),
  ).toBeVisible();

  await page.goto('/instructors/gradebook/');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  // The picker is enabled once the page has hydrated and read this browser's key; files chosen
  // before that would reach an input with no handler yet.
  await expect(page.getByLabel('Result files (.json)')).toBeEnabled();
  await page.getByLabel('Result files (.json)').setInputFiles(files);
  await expect(
    page.getByRole('status').filter({ hasText: /^Graded 30 of 30 results in \d+\.\d s\.$/ }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing 30 of 30 learners.', { exact: false })).toBeVisible();
  // Graded off the page, in one worker per core, at most four.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency || 2);
  expect(workers.length).toBe(Math.min(4, cores));
  expect(workers.every((path) => /^\/_astro\/grade-worker-[\w-]+\.js$/.test(path))).toBe(true);
  const rows = page.getByRole('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(30);
  const tampered = page.getByRole('row', { name: /Learner 30/ });
  await expect(tampered.getByRole('cell')).toHaveText([
    '⚠ Failed (0/2 goals); “passed” was edited in',
    '— Not handed in',
    '✓ 100 %',
    '33.3 %',
    /^3 notes/,
  ]);
  await tampered.getByText('3 notes').click();
  await expect(tampered.getByRole('listitem').first()).toHaveText(
    'Register a task definition and run it as a service: the file says "passed", but the replay fails: the file was edited',
  );
  await expect(page.getByRole('row', { name: /Learner 02/ }).getByRole('cell')).toHaveText([
    '✓ Passed',
    '✓ Passed',
    '• 90.9 %',
    '97 %',
    '—',
  ]);

  await page.getByLabel('Show').selectOption('flagged');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('rowheader')).toHaveText('Learner 30learner30@example.edu');
  await page.getByLabel('Show').selectOption('all');
  await page.getByRole('button', { name: /^Total/ }).click();
  await expect(rows.first().getByRole('rowheader')).toContainText('Learner 01');
  await expect(page.getByRole('columnheader', { name: /^Total/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await page.getByRole('button', { name: /^Total/ }).click();
  await expect(rows.first().getByRole('rowheader')).toContainText('Learner 30');
  await expect(page.getByRole('columnheader', { name: /^Total/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  const challengeTable = page.getByRole('table', {
    name: 'Challenges: medians over the learners who passed',
  });
  await expect(
    challengeTable.getByRole('row', { name: /Register a task definition/ }).getByRole('cell'),
  ).toHaveText([
    '29 of 30',
    `00:${String(catalog.scenarios['ecs-first-service']!.solution.at(-1)!.at).padStart(2, '0')}`,
    String(catalog.scenarios['ecs-first-service']!.solution.length),
  ]);
  await expect(
    challengeTable
      .getByRole('row', { name: /outage/i })
      .getByRole('cell')
      .first(),
  ).toHaveText('24 of 24');
  const missedRow = page
    .getByRole('table', { name: 'Quiz: Why containers need an orchestrator' })
    .getByRole('row')
    .nth(1 + quiz.questions.indexOf(missedQuestion));
  const wrongText =
    missedQuestion.type === 'single' ? missedQuestion.options.find((o) => !o.correct)!.text : '';
  await expect(missedRow.getByRole('cell')).toHaveText(['10 of 30', `${wrongText} (10)`]);
  await expectAxeClean(page, 'gradebook with grades');

  const moodle = await downloadText(page, 'Download the Moodle CSV');
  const moodleLines = Array.from({ length: 30 }, (_, i) =>
    [`learner${i + 1}@example.edu`, ...expected(i + 1)].join(','),
  );
  const [moodleHeader, ...moodleBody] = moodle.trimEnd().split('\r\n');
  expect(moodleHeader).toBe(
    `Email address,Challenge: Register a task definition and run it as a service,Challenge: ${catalog.scenarios['ecs-az-outage-spread']!.title},Quiz: Why containers need an orchestrator,ECS lab (total)`,
  );
  expect(moodleBody).toEqual(moodleLines);

  const canvasExport = [
    'Student,ID,SIS User ID,SIS Login ID,Section,Shipyard ECS lab (4021),Current Score',
    '    Points Possible,,,,,20,(read only)',
    ...Array.from(
      { length: 30 },
      (_, i) => `"${i + 1}, Learner",${1000 + i + 1},S${i + 1},l${i + 1},Cloud 101,,`,
    ),
    '"Absent, Alex",2000,S2000,alex,Cloud 101,,',
  ].join('\r\n');
  await page
    .getByLabel('Canvas gradebook export (optional)')
    .setInputFiles({ name: 'canvas.csv', mimeType: 'text/csv', buffer: Buffer.from(canvasExport) });
  await expect(
    page.getByRole('status').filter({ hasText: 'canvas.csv: 31 students, 1 assignment columns.' }),
  ).toBeVisible();
  await expect(page.getByLabel('Assignment column')).toHaveValue('Shipyard ECS lab (4021)');
  await expect(page.getByLabel('Points possible')).toHaveValue('20');
  const canvas = await downloadText(page, 'Download the Canvas CSV');
  expect(canvas).toBe(
    [
      'Student,ID,SIS User ID,SIS Login ID,Section,Shipyard ECS lab (4021)',
      'Points Possible,,,,,20',
      ...Array.from({ length: 30 }, (_, i) => {
        const score = Math.round((Number(expected(i + 1)[3]) / 100) * 20 * 10) / 10;
        return `"${i + 1}, Learner",${1000 + i + 1},S${i + 1},l${i + 1},Cloud 101,${score}`;
      }),
      '"Absent, Alex",2000,S2000,alex,Cloud 101,',
      '',
    ].join('\r\n'),
  );
});

test('the gradebook refuses a forged, a hostile and a foreign file with a clear message and grades nothing from them', async ({
  page,
}) => {
  const { files, keyFile } = await makeFiles();
  await page.goto('/instructors/assignment/');
  await page.getByLabel('Or import a key file from another device').setInputFiles({
    name: 'key.json',
    mimeType: 'application/json',
    buffer: Buffer.from(keyFile),
  });
  await expect(page.getByRole('status').filter({ hasText: 'is now this browser' })).toBeVisible();
  const honest = JSON.parse(files[0]!.buffer.toString());
  const [payload, signature] = (honest.assignment as string).split('.');
  const data = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  data.challenges[0].faults = [];
  const forged = {
    ...honest,
    assignment: `${Buffer.from(JSON.stringify(data)).toString('base64url')}.${signature}`,
  };
  await page.goto('/instructors/gradebook/');
  // The picker is enabled once the page has hydrated and read this browser's key; files chosen
  // before that would reach an input with no handler yet.
  await expect(page.getByLabel('Result files (.json)')).toBeEnabled();
  await page.getByLabel('Result files (.json)').setInputFiles([
    {
      name: 'forged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(forged)),
    },
    {
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"kind":"shipyard-assignment-result","v":1,"learner":{"__proto__":{"x":1}}}',
      ),
    },
    {
      name: 'newer.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"kind":"shipyard-assignment-result","v":7}'),
    },
    {
      name: 'photo.json',
      mimeType: 'application/json',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('listitem')).toHaveText([
    'forged.json: its assignment does not match its signature: the assignment was changed after the instructor signed it',
    'hostile.json: learner.__proto__: the key "__proto__" is not allowed',
    'newer.json: was made by a newer version of Shipyard (result format 7; this site reads format 1)',
    'photo.json: is not a Shipyard result file: it is not JSON',
  ]);
  await expect(page.getByRole('heading', { name: /^Grades/ })).toHaveCount(0);
});
