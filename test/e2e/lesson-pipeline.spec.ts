import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import {
  test,
  expect,
  expectAxeClean,
  pasteIntoEditor,
  useTheme,
  waitForIslands,
} from './fixtures';
import {
  openSandbox,
  openTab,
  playFor,
  playUntil,
  checkMyWork,
  expectPassed,
  simSeconds,
} from './lesson-sandbox';

/**
 * Lesson 7 (pipeline): every challenge and the capstone played as a learner would — the
 * workflow pasted into the editor and committed there, the application changed with the form,
 * the CI role fixed in the Terminal — a wrong attempt first, whose "Check my work" must show the
 * goal's own explanation, then the fix, played on and passed. The capstone is played with the
 * keyboard alone. The quiz's predictions are run; the page is axe clean in both themes at 1280
 * and 390 px.
 */

const LESSON = '/lessons/pipeline/';
const WORKFLOW = '.github/workflows/deploy.yml';
const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';

interface ScenarioFile {
  title: string;
  solution: { action: { type: string; path?: string; content?: string } }[];
}

function scenario(id: string): ScenarioFile {
  return parse(readFileSync(`sandbox/scenarios/${id}.yaml`, 'utf8')) as ScenarioFile;
}

/** The workflow a scenario's solution saves (its last file write). */
function solutionWorkflow(id: string): string {
  const writes = scenario(id).solution.filter((s) => s.action.type === 'pipeline.file.write');
  return writes.at(-1)!.action.content!;
}

const title = (id: string) => scenario(id).title;

async function openChallenge(page: Page, id: string): Promise<Locator> {
  await page.goto(LESSON);
  return openSandbox(page, title(id));
}

/** Pastes a workflow into the editor, checks it has no problems, commits and pushes it. */
async function commitWorkflow(
  page: Page,
  sandbox: Locator,
  text: string,
  message: string,
): Promise<void> {
  const panel = await openTab(sandbox, 'Editor');
  await panel.getByLabel('Document').selectOption(WORKFLOW);
  const editor = panel.getByRole('textbox', { name: `Editor: ${WORKFLOW}.`, exact: false });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  // The repository's file is loaded and checked before it is replaced.
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  await pasteIntoEditor(page, editor, text);
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  await panel.getByLabel('Commit message').fill(message);
  await panel.getByRole('button', { name: 'Commit and push to main' }).click();
  await expect(panel.getByRole('form', { name: 'Commit and push' })).toContainText(
    new RegExp(
      `Saved ${WORKFLOW.replace(/\./g, '\\.')} \\(${text.split('\n').length} lines\\) · .*: run #\\d+ of deploy$`,
    ),
  );
}

/** The application form: change what is given, commit with the message and push. */
async function pushApp(
  sandbox: Locator,
  change: { version?: string; test?: 'pass' | 'fail'; start?: 'ok' | 'broken' },
  message: string,
): Promise<void> {
  const runs = await openTab(sandbox, 'Workflow runs');
  const form = runs.getByRole('form', { name: 'Change the application and push' });
  if (change.version) await form.getByLabel('Version').fill(change.version);
  if (change.test) await form.getByLabel('The test').selectOption(change.test);
  if (change.start) await form.getByLabel('Start command').selectOption(change.start);
  await form.getByLabel('Commit message').fill(message);
  await form.getByRole('button', { name: 'Commit and push to main' }).click();
  await expect(form).toContainText(/: run #\d+ of deploy$/);
}

async function terminal(sandbox: Locator, line: string): Promise<string> {
  const panel = await openTab(sandbox, 'Terminal');
  const command = panel.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await expect(command).toHaveValue('');
  return panel.getByRole('log', { name: 'Terminal output' }).locator('pre').last().innerText();
}

/** The runs in the run view's tree, newest first. */
async function runList(sandbox: Locator): Promise<Locator> {
  const runs = await openTab(sandbox, 'Workflow runs');
  return runs.getByRole('tree', { name: 'Workflow runs' }).getByRole('treeitem', { level: 1 });
}

/** "Check my work" says Not yet, with these goal explanations exactly. */
async function expectNotYetWith(sandbox: Locator, explanations: (string | RegExp)[]) {
  const verdict = await checkMyWork(sandbox);
  await expect(verdict.getByRole('heading')).toContainText('Not yet');
  for (const e of explanations) {
    if (typeof e === 'string') await expect(verdict.getByText(e, { exact: true })).toBeVisible();
    else await expect(verdict.getByText(e)).toBeVisible();
  }
}

test.describe('lesson pipeline challenges', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the test gate: a failing test without the build stage builds nothing; with it, the run stops at the test, then goes green', async ({
    page,
  }) => {
    const sandbox = await openChallenge(page, 'pipeline-test-gate');
    await pushApp(sandbox, { version: '1.1.0', test: 'fail' }, 'Release 1.1.0');
    await playUntil(sandbox, 150);
    await expect((await runList(sandbox)).first()).toContainText(
      '✗ Failure #1 deploy: Release 1.1.0',
    );
    await expectNotYetWith(sandbox, [
      'no run built an image of version 1.1.0 yet.',
      'no run concluded success (1 runs).',
    ]);

    await commitWorkflow(
      page,
      sandbox,
      solutionWorkflow('pipeline-test-gate'),
      'Add the build stage',
    );
    await playFor(sandbox, 150);
    await pushApp(sandbox, { test: 'pass' }, 'Fix the test');
    await playFor(sandbox, 150);
    const runs = await runList(sandbox);
    await expect(runs).toHaveText([
      /✓ Success #3 deploy: Fix the test/,
      /✗ Failure #2 deploy: Add the build stage/,
      /✗ Failure #1 deploy: Release 1.1.0/,
    ]);
    await expectPassed(sandbox, 3);
  });

  test('OIDC: no id-token, a trust policy for master and no access entry; fixed in the workflow and the Terminal', async ({
    page,
  }) => {
    const sandbox = await openChallenge(page, 'pipeline-oidc');
    await pushApp(sandbox, { version: '2.0.0' }, 'Release 2.0.0');
    await playUntil(sandbox, 150);
    await expect((await runList(sandbox)).first()).toContainText('✗ Failure #1');
    await expectNotYetWith(sandbox, [
      `web runs ${REGISTRY}/web:1.0.0, which no pipeline run built.`,
    ]);

    const trust =
      'aws iam update-assume-role-policy --role-name gha-deploy --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:shipyard/web:ref:refs/heads/main"}}}]}\'';
    await terminal(sandbox, trust);
    await terminal(
      sandbox,
      'aws eks create-access-entry --cluster-name demo --principal-arn arn:aws:iam::123456789012:role/gha-deploy',
    );
    await commitWorkflow(
      page,
      sandbox,
      solutionWorkflow('pipeline-oidc'),
      'Ask for the OIDC token',
    );
    await playFor(sandbox, 300);
    await expect((await runList(sandbox)).first()).toContainText('✓ Success #2');
    await expectPassed(sandbox, 1);
  });

  test('push to ECR: the build is never pushed until the login, the push policy and the repository name are right', async ({
    page,
  }) => {
    const sandbox = await openChallenge(page, 'pipeline-push-ecr');
    await pushApp(sandbox, { version: '2.0.0' }, 'Release 2.0.0');
    await playUntil(sandbox, 150);
    await expectNotYetWith(sandbox, [
      new RegExp(
        `^a run built version 2\\.0\\.0 \\(${REGISTRY.replace(/\./g, '\\.')}/${REGISTRY.replace(/\./g, '\\.')}/web:[0-9a-f]{40}\\), but it is not in the repository web\\.$`,
      ),
    ]);

    expect(
      await terminal(
        sandbox,
        'aws iam attach-role-policy --role-name gha-deploy --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
      ),
    ).not.toContain('error');
    await commitWorkflow(
      page,
      sandbox,
      solutionWorkflow('pipeline-push-ecr'),
      'Log in, name the repository',
    );
    await playFor(sandbox, 150);
    await expect((await runList(sandbox)).first()).toContainText('✓ Success #2');
    await expectPassed(sandbox, 1);
  });

  test('deploy to EKS: the starter workflow pushes but deploys nothing; adding the deploy job ships 2.0.0', async ({
    page,
  }) => {
    const sandbox = await openChallenge(page, 'pipeline-first-run');
    await pushApp(sandbox, { version: '2.0.0' }, 'Release 2.0.0');
    await playUntil(sandbox, 120);
    await expect((await runList(sandbox)).first()).toContainText('✓ Success #1');
    // The previous step's workflow: the image of 2.0.0 is in ECR under its commit SHA.
    expect(
      await terminal(sandbox, 'aws ecr list-images --repository-name web --output text'),
    ).toMatch(/IMAGEIDS\tsha256:[0-9a-f]{64}\t[0-9a-f]{40}/);
    await expectNotYetWith(sandbox, [
      `web runs ${REGISTRY}/web:1.0.0, which no pipeline run built.`,
    ]);
    await commitWorkflow(
      page,
      sandbox,
      solutionWorkflow('pipeline-first-run'),
      'Deploy the pushed image',
    );
    await playFor(sandbox, 300);
    await expectPassed(sandbox, 2);
  });

  test('wait for the rollout: a green run with a bad image reference; the fixed workflow waits and ships 2.0.0', async ({
    page,
  }) => {
    const sandbox = await openChallenge(page, 'pipeline-bad-image');
    await pushApp(sandbox, { version: '2.0.0' }, 'Release 2.0.0');
    await playUntil(sandbox, 200);
    await expect((await runList(sandbox)).first()).toContainText('✓ Success #1');
    await expectNotYetWith(sandbox, [
      new RegExp(
        `^web runs ${REGISTRY.replace(/\./g, '\\.')}/web:v[0-9a-f]{40}, which no pipeline run built\\.$`,
      ),
    ]);
    const pods = await terminal(sandbox, 'kubectl get pods');
    expect(pods).toMatch(/ImagePullBackOff|ErrImagePull/);
    await commitWorkflow(
      page,
      sandbox,
      solutionWorkflow('pipeline-bad-image'),
      'Wait, and the right image',
    );
    await playFor(sandbox, 300);
    await expectPassed(sandbox, 1);
  });

  test('tags: latest refused by the immutable repository; tagged by SHA and set by image, 2.0.0 ships', async ({
    page,
  }) => {
    const sandbox = await openChallenge(page, 'pipeline-tags');
    await pushApp(sandbox, { version: '2.0.0' }, 'Release 2.0.0');
    await playUntil(sandbox, 150);
    await expect((await runList(sandbox)).first()).toContainText('✗ Failure #1');
    await expectNotYetWith(sandbox, [
      `web names ${REGISTRY}/web:latest, but nothing rolled out since a run built 2.0.0 under that tag: its pods still run the image they pulled before.`,
    ]);
    await commitWorkflow(page, sandbox, solutionWorkflow('pipeline-tags'), 'Tag by commit');
    await playFor(sandbox, 250);
    await expectPassed(sandbox, 1);
  });
});

// --- the capstone, keyboard only -----------------------------------------------------------

async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  const backwards = await target.evaluate(
    (el) =>
      document.activeElement !== null &&
      document.activeElement !== document.body &&
      (el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function keyboardTab(page: Page, sandbox: Locator, name: string): Promise<Locator> {
  const tabs = sandbox.getByRole('tablist');
  await tabTo(page, tabs.getByRole('tab', { selected: true }));
  const wanted = tabs.getByRole('tab', { name, exact: true });
  for (let i = 0; i < 10 && !(await wanted.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowRight');
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = sandbox.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

/** The form, by keyboard: a version typed, the start command chosen, a message, Enter. */
async function keyboardRelease(
  page: Page,
  sandbox: Locator,
  version: string,
  start: 'ok' | 'broken',
  message: string,
): Promise<void> {
  const runs = await keyboardTab(page, sandbox, 'Workflow runs');
  const form = runs.getByRole('form', { name: 'Change the application and push' });
  const versionBox = form.getByLabel('Version');
  await tabTo(page, versionBox);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(version);
  const startChoice = form.getByLabel('Start command');
  await tabTo(page, startChoice);
  const now = await startChoice.inputValue();
  if (now !== start) await page.keyboard.press(start === 'broken' ? 'ArrowDown' : 'ArrowUp');
  await expect(startChoice).toHaveValue(start);
  await tabTo(page, form.getByLabel('Commit message'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(message);
  await page.keyboard.press('Enter');
  await expect(form).toContainText(/: run #\d+ of deploy$/);
}

/** Plays at 64× by keyboard until the clock passes `seconds`, then pauses. */
async function keyboardPlayUntil(page: Page, sandbox: Locator, seconds: number): Promise<void> {
  await tabTo(page, sandbox.getByRole('button', { name: '64×' }));
  await page.keyboard.press('Enter');
  await tabTo(page, sandbox.getByRole('button', { name: 'Play' }));
  await page.keyboard.press('Enter');
  await expect
    .poll(() => simSeconds(sandbox), { timeout: 150_000, intervals: [100] })
    .toBeGreaterThanOrEqual(seconds);
  const pause = sandbox.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeFocused();
  await page.keyboard.press('Enter');
}

async function keyboardCheck(page: Page, sandbox: Locator): Promise<Locator> {
  const goals = await keyboardTab(page, sandbox, 'Goals');
  await tabTo(page, goals.getByRole('button', { name: 'Check my work' }));
  await page.keyboard.press('Enter');
  return goals.getByRole('region', { name: /^(Challenge passed|Not yet)/ });
}

test('the capstone, keyboard only: 2.0.0-rc.1 crash-loops and is rolled back, then 2.0.0 ships with zero failed requests', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const sandbox = await openChallenge(page, 'pipeline-bad-release');
  await sandbox.getByRole('button', { name: 'Play' }).focus();

  await keyboardRelease(page, sandbox, '2.0.0-rc.1', 'broken', 'Release 2.0.0-rc.1');
  await keyboardPlayUntil(page, sandbox, 420);
  const runs = sandbox.getByRole('tabpanel', { name: 'Workflow runs' });
  await expect(
    runs.getByRole('tree', { name: 'Workflow runs' }).getByRole('treeitem', { level: 1 }).first(),
  ).toContainText('✗ Failure #1 deploy: Release 2.0.0-rc.1');
  // Wrong so far: the bad release is caught, but 2.0.0 is not in production.
  let verdict = await keyboardCheck(page, sandbox);
  await expect(verdict.getByRole('heading')).toContainText('Not yet');
  await expect(
    verdict.getByText(
      /^the bad release 123456789012\.dkr\.ecr\.eu-west-3\.amazonaws\.com\/web:[0-9a-f]{40} \(00:0\d:\d\d\) was replaced by 123456789012\.dkr\.ecr\.eu-west-3\.amazonaws\.com\/web:1\.0\.0 at 00:0\d:\d\d\.$/,
    ),
  ).toBeVisible();
  await expect(
    verdict.getByText(
      /^web runs 123456789012\.dkr\.ecr\.eu-west-3\.amazonaws\.com\/web:1\.0\.0, which no pipeline run built\.$/,
    ),
  ).toBeVisible();

  await keyboardRelease(page, sandbox, '2.0.0', 'ok', 'Release 2.0.0');
  // Requests are judged over the whole run: play it to its end (40:00).
  await tabTo(page, sandbox.getByRole('button', { name: 'Run to the end' }));
  await page.keyboard.press('Enter');
  await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled({ timeout: 60_000 });
  verdict = await keyboardCheck(page, sandbox);
  await expect(verdict.getByRole('heading'), await verdict.innerText()).toContainText(
    'Challenge passed',
  );
  await expect(verdict.getByRole('listitem').filter({ hasText: 'Met:' })).toHaveCount(3);
});

// --- the quiz and the page -------------------------------------------------------------------

function question(page: Page, words: string): Locator {
  return page.getByRole('region', { name: /^Question \d+ of 12 / }).filter({ hasText: words });
}

test('the quiz: two predictions run in their sandboxes, a wrong answer gets its feedback', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(LESSON);
  await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
  await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');

  const gate = question(page, 'You add the build step and push 1.1.0 with a broken test');
  await gate
    .getByRole('radio', { name: '4. A pod of 1.1.0 starts next to the three old ones.' })
    .check();
  await gate.getByRole('button', { name: 'Predict, then run it' }).click();
  await expect(
    gate.getByText('What happened: after 300 simulated seconds, pods of web were Ready: 3.'),
  ).toBeVisible({ timeout: 60_000 });

  const capstone = question(page, 'You push 2.0.0-rc.1 with its start command broken');
  await capstone
    .getByRole('radio', {
      name: '3, the three old pods. The new pod never becomes Ready, and no old pod is removed.',
    })
    .check();
  await capstone.getByRole('button', { name: 'Predict, then run it' }).click();
  await expect(capstone.getByText('Correct: 1 point of 1.')).toBeVisible({ timeout: 60_000 });

  const latest = question(page, 'goes green. What runs in the cluster afterwards?');
  await latest
    .getByRole('radio', {
      name: 'The new version: Kubernetes pulls the new latest because its imagePullPolicy is Always.',
    })
    .check();
  await latest.getByRole('button', { name: 'Check answer' }).click();
  await expect(
    latest.getByText(
      'imagePullPolicy Always applies when a container starts. No pod is restarted by an unchanged apply, so nothing pulls anything.',
    ),
  ).toBeVisible();

  const deadline = question(page, 'How many seconds without progress pass');
  const value = deadline.getByRole('textbox', { name: 'Your answer, in seconds' });
  await value.fill('180');
  await deadline.getByRole('button', { name: 'Check answer' }).click();
  await expect(
    deadline.getByText(
      "That is the value the lesson's sandboxes set in their manifests; the default is 600.",
    ),
  ).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the lesson page is axe clean in ${theme} at 1280 and 390 px, and links the decision guide`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await useTheme(page, theme);
    await page.goto(LESSON);
    await expect(page.getByRole('link', { name: 'decision guide', exact: true })).toHaveAttribute(
      'href',
      '/decide/',
    );
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await waitForIslands(page);
      await expectAxeClean(page, `lesson pipeline (${theme}, ${width} px)`);
    }
  });
}
