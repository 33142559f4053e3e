import { readFileSync } from 'node:fs';
import { test, expect, expectAxeClean } from './fixtures';
import { createService, expectPassed, openTab, playToEnd } from './lesson-sandbox';
import { signedAssignment } from '../assignments/fixtures';

test('an instructor builds an assignment, a learner follows it, and the gradebook grades the result file', async ({
  page,
}) => {
  await page.goto('/instructors/assignment/');
  await page.getByRole('button', { name: 'Create a signing key' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'A new signing key was created' }),
  ).toBeVisible();
  await page.getByLabel('Title').fill('ECS lab');
  await page.getByLabel('Due date (optional)').fill('2026-12-24');
  await page
    .getByRole('checkbox', { name: /Register a task definition and run it as a service/ })
    .check();
  await page
    .getByRole('button', {
      name: 'Schedule a fault in “Register a task definition and run it as a service”',
    })
    .click();
  const fault = page.getByRole('group', { name: 'Fault 1' });
  await fault.getByLabel('What').selectOption('fault.crash');
  await expect(fault.getByLabel('Where')).toHaveValue('web');
  await fault.getByLabel('At minute (sim time)').fill('2');
  await page
    .getByRole('checkbox', { name: /Why containers need an orchestrator \(11 questions\)/ })
    .check();
  await expectAxeClean(page, 'assignment builder');
  await page.getByRole('button', { name: 'Sign and make the link' }).click();
  const link = await page.getByLabel('Assignment link').inputValue();
  expect(link).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/assignment\/#[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/,
  );

  // The learner's side (same browser, so the gradebook below finds the key).
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'ECS lab' })).toBeVisible();
  await expect(page.getByText('Due 24 December 2026.')).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'A task or container crashes: web at 02:00' }),
  ).toBeVisible();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email address').fill('ada@example.edu');
  await page.getByRole('button', { name: 'Open the sandbox' }).click();
  const sandbox = page.getByRole('region', {
    name: 'Register a task definition and run it as a service',
    exact: true,
  });
  await expect(sandbox.getByRole('button', { name: 'Show a hint' })).toBeVisible();
  await expect(sandbox.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  const actions = await openTab(sandbox, 'Actions');
  const register = actions.getByRole('form', { name: 'Register a task definition' });
  await register.getByRole('spinbutton', { name: 'CPU units' }).fill('256');
  await register.getByRole('spinbutton', { name: 'Memory (MiB)' }).fill('512');
  await register.getByRole('button', { name: 'Register' }).click();
  await createService(sandbox, { name: 'web', taskDefinition: 'web:1', desired: 3 });
  await expect(page.getByText('Saved: 2 actions, sim time 0 min 0 s.')).toBeVisible();

  // Work survives a reload: the sandbox reopens where the learner left it.
  await page.reload();
  await page.getByRole('button', { name: 'Open the sandbox' }).click();
  await sandbox.getByRole('tab', { name: 'Actions', exact: true }).click();
  await playToEnd(sandbox);
  await expectPassed(sandbox, 2);
  await expect(page.getByText('Saved: 2 actions, sim time 5 min 0 s.')).toBeVisible();
  await page.getByRole('button', { name: 'Open the quiz' }).click();
  const q8 = page.getByRole('region', { name: /^Question 8 of 11 / });
  await q8.getByRole('radio', { name: 'Kubernetes' }).check();
  await q8.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Answered for the assignment: 1 of 11.')).toBeVisible();
  await expectAxeClean(page, 'learner assignment page');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my result file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ada-lovelace-ecs-lab.json');
  const resultText = readFileSync((await download.path())!, 'utf8');
  const result = JSON.parse(resultText);
  expect(
    result.challenges.map((c: { scenario: string; time: number; passed: boolean }) => [
      c.scenario,
      c.time,
      c.passed,
    ]),
  ).toEqual([['ecs-first-service', 300, true]]);
  expect(Object.keys(result.quizzes[0].answers)).toEqual([expect.stringMatching(/.+/)]);

  await page.goto('/instructors/gradebook/');
  // The picker is enabled once the page has hydrated and read this browser's key; files chosen
  // before that would reach an input with no handler yet.
  await expect(page.getByLabel('Result files (.json)')).toBeEnabled();
  await page.getByLabel('Result files (.json)').setInputFiles({
    name: 'ada.json',
    mimeType: 'application/json',
    buffer: Buffer.from(resultText),
  });
  await expect(
    page.getByRole('status').filter({ hasText: /^Graded 1 of 1 result in \d+\.\d s\.$/ }),
  ).toBeVisible();
  const row = page.getByRole('row', { name: /Ada Lovelace/ });
  await expect(row.getByRole('cell')).toHaveText(['✓ Passed', '• 9.1 %', '54.6 %', '—']);
  await expectAxeClean(page, 'gradebook');
});

test('a learner following a damaged, edited, newer or foreign link is told why, and nothing opens', async ({
  page,
}) => {
  const spec = { id: '00112233aabbccdd', title: 'Lab', due: null, seed: null, quizzes: [] };
  const good = await signedAssignment({
    ...spec,
    challenges: [
      {
        scenario: 'ecs-first-service',
        faults: [{ at: 60, action: { type: 'fault.crash', service: 'web' } }],
      },
    ],
  });
  const unknown = await signedAssignment({
    ...spec,
    challenges: [{ scenario: 'eks-first-cluster', faults: [] }],
  });
  const [payload, signature] = good.token.split('.') as [string, string];
  const data = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const reencode = (d: unknown) =>
    `${Buffer.from(JSON.stringify(d)).toString('base64url')}.${signature}`;
  const cases: Array<[string, string]> = [
    [
      good.token.slice(0, 30),
      'This link is not an assignment link: expected two parts separated by a dot (it may have been cut short). Ask your instructor for the link again.',
    ],
    [
      reencode({ ...data, challenges: [{ ...data.challenges[0], faults: [] }] }),
      'This link does not match its signature: the assignment was changed after the instructor signed it. Ask your instructor for the link again.',
    ],
    [
      reencode({ ...data, v: 2 }),
      'This link was made by a newer version of Shipyard (assignment format 2; this site reads format 1): reload the page to get the latest version. Ask your instructor for the link again.',
    ],
    [
      unknown.token,
      'This assignment asks for the challenge "eks-first-cluster", which this copy of the course does not have. Ask your instructor which site the assignment was made for.',
    ],
  ];
  for (const [token, message] of cases) {
    await page.goto(`/assignment/#${token}`);
    await expect(page.getByRole('alert')).toHaveText(
      `The assignment could not be opened. ${message}`,
    );
    await expect(page.getByRole('button', { name: 'Download my result file' })).toHaveCount(0);
  }
});
