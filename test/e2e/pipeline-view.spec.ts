/**
 * The pipeline in the sandbox island, on the EKS playground (its repository shipyard/web holds
 * the starter workflow: checkout, npm ci, npm test): the workflow in the editor with its schema
 * and GitHub's own check, commit and push from the editor and from the application form, and
 * the run view following a run from queued to its end, step by step, with the runner's log
 * lines. One story is played with the keyboard alone; the run view is axe clean in both themes
 * at 1280 and 390 px.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, pasteIntoEditor, expectAxeClean, useTheme } from './fixtures';
import { openSandbox, openTab, simSeconds } from './lesson-sandbox';
import { STARTER_WORKFLOW as starterWorkflow } from '@sandbox/services/pipeline/templates.ts';

const PLAYGROUND = '/playground/eks/';
const WORKFLOW = '.github/workflows/deploy.yml';
/** Where to write screenshots when looking at the view (unset in CI). */
const SHOTS = process.env['SHOTS_DIR'];

/** The playground repository's workflow, in the playground's region. */
const STARTER = starterWorkflow('eu-west-3');

async function open(page: Page): Promise<Locator> {
  await page.goto(PLAYGROUND);
  return openSandbox(page, 'EKS playground');
}

/** The editor tab with the workflow shown (the editor opens on the manifest in the playground). */
async function showWorkflow(sandbox: Locator): Promise<{ panel: Locator; editor: Locator }> {
  const panel = await openTab(sandbox, 'Editor');
  await panel.getByLabel('Document').selectOption(WORKFLOW);
  const editor = panel.getByRole('textbox', { name: `Editor: ${WORKFLOW}.`, exact: false });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  return { panel, editor };
}

/** The editor tab with the starter workflow shown and checked. */
async function openWorkflow(sandbox: Locator): Promise<{ panel: Locator; editor: Locator }> {
  const shown = await showWorkflow(sandbox);
  await expect(shown.panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  return shown;
}

function runTree(runs: Locator): Locator {
  return runs.getByRole('tree', { name: 'Workflow runs' });
}

/** The runs in the tree, newest first. */
function runButtons(runs: Locator): Locator {
  return runTree(runs).getByRole('treeitem', { level: 1 });
}

/** The steps of a job of the shown run, in the tree. */
function stepButtons(runs: Locator, job: string): Locator {
  return runTree(runs)
    .getByRole('group', { name: `Steps of job ${job}` })
    .getByRole('treeitem', { level: 3 });
}

/** The island's live region while it tells how a run ended. */
function runSaid(sandbox: Locator): Locator {
  return sandbox.getByRole('status').filter({ hasText: /^Run #\d+ of / });
}

function log(runs: Locator): Locator {
  return runs.getByRole('region', { name: /^Log of/ }).locator('pre');
}

/** The short SHA a run list entry shows: "#2 deploy: Release (abc1234)". */
async function shaOf(run: Locator): Promise<string> {
  const text = await run.innerText();
  const sha = /\(([0-9a-f]{7})\)/.exec(text)?.[1];
  expect(sha, text).toBeDefined();
  return sha!;
}

test('the workflow in the editor: a schema problem named with its line, GitHub’s refusal, then a commit whose run goes queued → in progress → success', async ({
  page,
}) => {
  const sandbox = await open(page);
  const { panel } = await openWorkflow(sandbox);
  let { editor } = await showWorkflow(sandbox);
  // Hover docs from the workflow schema.
  await sandbox
    .locator('.monaco-editor .view-line')
    .filter({ hasText: 'runs-on' })
    .getByText('runs-on')
    .hover();
  await expect(sandbox.getByRole('tooltip').filter({ hasText: 'The runner' })).toContainText(
    'The runner, e.g. ubuntu-latest.',
  );

  // A key GitHub does not know, on line 15: the schema names it as the learner types.
  await pasteIntoEditor(
    page,
    editor,
    STARTER.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    timeout: 5\n'),
  );
  const problems = panel.getByRole('list', { name: /^Problems/ });
  await expect(problems.getByRole('button')).toHaveText(
    ['Line 15, column 5 Property timeout is not allowed. (schema)'],
    { timeout: 30_000 },
  );
  // Saving it writes the file (git takes any file) and shows GitHub's refusal, at the same line.
  await panel.getByRole('button', { name: `Save ${WORKFLOW}` }).click();
  await expect(panel.getByRole('status')).toHaveText(
    `✓ Done: Saved ${WORKFLOW} (20 lines), but GitHub will refuse to run it: Invalid workflow file: ${WORKFLOW}#L15\nThe workflow is not valid. ${WORKFLOW} (Line: 15, Col: 5): Unexpected value 'timeout'`,
  );
  await expect(problems.getByRole('button')).toHaveText([
    'Line 15, column 5 Property timeout is not allowed. (schema)',
    "Line 15, column 5 Unexpected value 'timeout' (sandbox)",
  ]);
  if (SHOTS) await panel.screenshot({ path: `${SHOTS}/editor-problem.png` });

  // Committed and pushed anyway, the run fails at once with GitHub's text.
  await panel.getByLabel('Commit message').fill('Add a timeout');
  await panel.getByRole('button', { name: 'Commit and push to main' }).click();
  const commit = panel.getByRole('form', { name: 'Commit and push' });
  await expect(commit).toContainText(
    /✓ Done: \[main [0-9a-f]{7}\] Add a timeout \(\.github\/workflows\/deploy\.yml\) · Pushed [0-9a-f]{7}\.\.[0-9a-f]{7} to main of shipyard\/web: run #1 of \.github\/workflows\/deploy\.yml$/,
  );
  let runs = await openTab(sandbox, 'Workflow runs');
  await expect(runButtons(runs)).toHaveCount(1);
  await expect(runButtons(runs).first()).toContainText('✗ Failure #1');
  await expect(runs.getByLabel('Why the run failed')).toHaveText(
    `Invalid workflow file: ${WORKFLOW}#L15\nThe workflow is not valid. ${WORKFLOW} (Line: 15, Col: 5): Unexpected value 'timeout'`,
  );

  // Fixed (the key removed, the workflow renamed): no problems, and the run goes through.
  ({ editor } = await showWorkflow(sandbox));
  await pasteIntoEditor(page, editor, STARTER.replace('name: deploy', 'name: test'));
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  await panel.getByLabel('Commit message').fill('Run the tests');
  await panel.getByRole('button', { name: 'Commit and push to main' }).click();
  await expect(commit).toContainText(/: run #2 of test$/);

  runs = await openTab(sandbox, 'Workflow runs');
  const run = runButtons(runs).first();
  await expect(run).toContainText('◌ Queued #2 test: Run the tests');
  const sha = await shaOf(run);
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect(run).toContainText('◐ In progress #2 test: Run the tests');
  await expect(stepButtons(runs, 'build')).toHaveText([
    '✓ Success Set up job ≈ 2 s (approximate)',
    '✓ Success Run actions/checkout@v4 ≈ 2 s (approximate)',
    '◐ In progress Run npm ci ≈ 1 s (approximate)',
    '◌ Waiting Run npm test',
    '◌ Waiting Complete job',
  ]);
  // The running step's log, line by line as the runner prints it.
  await expect(log(runs)).toHaveText(
    [
      'Run npm ci',
      '  npm ci',
      '',
      'up to date, audited 1 package in 412ms',
      '',
      'found 0 vulnerabilities',
    ].join('\n'),
  );
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect(run).toContainText('✓ Success #2 test: Run the tests');
  await expect(runSaid(sandbox)).toHaveText('Run #2 of test (Run the tests) succeeded.');
  await stepButtons(runs, 'build').nth(1).click();
  await expect(stepButtons(runs, 'build').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(log(runs)).toHaveText(
    [
      'Run actions/checkout@v4',
      'Syncing repository: shipyard/web',
      `HEAD is now at ${sha} Run the tests`,
    ].join('\n'),
  );
  if (SHOTS) await runs.screenshot({ path: `${SHOTS}/runs-success.png` });
});

test('an action the sandbox does not offer: the schema says so as the learner types, the run refuses it in its log', async ({
  page,
}) => {
  const sandbox = await open(page);
  const { panel } = await openWorkflow(sandbox);
  const { editor } = await showWorkflow(sandbox);
  await pasteIntoEditor(
    page,
    editor,
    STARTER.replace(
      '      - run: npm ci\n',
      '      - uses: actions/setup-node@v4\n      - run: npm ci\n',
    ),
  );
  const problems = panel.getByRole('list', { name: /^Problems/ });
  await expect(problems.getByRole('button')).toHaveCount(1, { timeout: 30_000 });
  await expect(problems.getByRole('button').first()).toContainText(
    'Line 17, column 15 Value is not accepted. Valid values: "actions/checkout@v1"',
  );
  await panel.getByLabel('Commit message').fill('Set up node');
  await panel.getByRole('button', { name: 'Commit and push to main' }).click();
  const runs = await openTab(sandbox, 'Workflow runs');
  await expect(runButtons(runs).first()).toContainText('◌ Queued #1 deploy: Set up node');
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect(runButtons(runs).first()).toContainText('✗ Failure #1 deploy: Set up node');
  await expect(runSaid(sandbox)).toHaveText('Run #1 of deploy (Set up node) failed.');
  // As GitHub does, the job fails while it sets up: the action cannot be resolved; nothing runs.
  await expect(stepButtons(runs, 'build')).toHaveText([
    '✗ Failure Set up job ≈ 2 s (approximate)',
    '↷ Skipped Run actions/checkout@v4',
    '↷ Skipped Run actions/setup-node@v4',
    '↷ Skipped Run npm ci',
    '↷ Skipped Run npm test',
    '✓ Success Complete job ≈ 1 s (approximate)',
  ]);
  await expect(log(runs)).toHaveText(
    [
      "Current runner version: '2.329.0' (the sandbox's runner)",
      'Runner Image: ubuntu-latest',
      'Prepare workflow directory',
      'Prepare all required actions',
      'Getting action download info',
      "Download action repository 'actions/checkout@v4'",
      "Error: The sandbox does not offer the action `actions/setup-node@v4`: it runs actions/checkout, aws-actions/configure-aws-credentials and aws-actions/amazon-ecr-login. (The sandbox's own message.)",
    ].join('\n'),
  );
});

/** The log of `npm test` when the application form made the test fail. */
const FAILED_TEST_LOG = [
  'Run npm test',
  '  npm test',
  '> web@1.0.0 test',
  '> node --test',
  '',
  '✖ GET / answers 200 with the version (14.1ms)',
  '  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
  '',
  '  200 !== 201',
  '',
  'ℹ tests 1',
  'ℹ suites 0',
  'ℹ pass 0',
  'ℹ fail 1',
  'Error: Process completed with exit code 1.',
].join('\n');

test('a run that ends while the Workflow runs tab was never opened is announced once, not again when the tab opens', async ({
  page,
}) => {
  const sandbox = await open(page);
  // Every text the island's polite live region takes, in order.
  await sandbox.evaluate((root) => {
    const region = root.querySelector('[role="status"][aria-live="polite"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  const runTexts = () =>
    page.evaluate(() =>
      (window as unknown as { said: string[] }).said.filter((t) => t.startsWith('Run #')),
    );
  const { panel, editor } = await openWorkflow(sandbox);
  await pasteIntoEditor(page, editor, STARTER.replace('name: deploy', 'name: test'));
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  await panel.getByLabel('Commit message').fill('Rename the workflow');
  await panel.getByRole('button', { name: 'Commit and push to main' }).click();
  await expect(panel.getByRole('form', { name: 'Commit and push' })).toContainText(
    /: run #1 of test$/,
  );
  const stepTen = sandbox.getByRole('button', { name: 'Step 10 seconds' });
  for (let i = 0; i < 3; i++) await stepTen.click();
  await expect(runSaid(sandbox)).toHaveText('Run #1 of test (Rename the workflow) succeeded.');
  expect(await runTexts()).toEqual(['Run #1 of test (Rename the workflow) succeeded.']);
  const runs = await openTab(sandbox, 'Workflow runs');
  await expect(runButtons(runs).first()).toContainText('✓ Success #1 test: Rename the workflow');
  await stepTen.click();
  await expect.poll(() => simSeconds(sandbox)).toBe(40);
  expect(await runTexts()).toEqual(['Run #1 of test (Rename the workflow) succeeded.']);
});

// --- keyboard only ------------------------------------------------------------------------

/** Moves focus to `target` with Tab (or Shift+Tab when it lies before the focused element). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
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

async function pressButton(page: Page, button: Locator): Promise<void> {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}

/** Opens a sandbox tab from the tab list with the arrow keys. */
async function keyboardTab(page: Page, sandbox: Locator, name: string): Promise<Locator> {
  const tabs = sandbox.getByRole('tablist');
  await tabTo(page, tabs.getByRole('tab', { selected: true }));
  const wanted = tabs.getByRole('tab', { name, exact: true });
  for (let i = 0; i < 10 && !(await wanted.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = sandbox.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

test('keyboard only: the application form breaks the test, the run fails at npm test, the arrow keys walk the run’s tree to its steps and logs', async ({
  page,
}) => {
  const sandbox = await open(page);
  await sandbox.getByRole('button', { name: 'Play' }).focus();
  const runs = await keyboardTab(page, sandbox, 'Workflow runs');
  const form = runs.getByRole('form', { name: 'Change the application and push' });
  await expect(form).toContainText(
    'Now: version 1.0.0, the test passes, the start command runs src/server.js.',
  );
  const testChoice = form.getByLabel('The test');
  await tabTo(page, testChoice);
  await page.keyboard.press('ArrowDown');
  await expect(testChoice).toHaveValue('fail');
  await tabTo(page, form.getByLabel('Commit message'));
  await page.keyboard.type('Break the test');
  await page.keyboard.press('Enter');
  await expect(form).toContainText(
    /✓ Done: Edited the application: the test fails · \[main [0-9a-f]{7}\] Break the test \(test\/server\.test\.js\) · Pushed [0-9a-f]{7}\.\.[0-9a-f]{7} to main of shipyard\/web: run #1 of deploy$/,
  );
  const run = runButtons(runs).first();
  await expect(run).toContainText('◌ Queued #1 deploy: Break the test');

  const stepTen = sandbox.getByRole('button', { name: 'Step 10 seconds' });
  await pressButton(page, stepTen);
  await expect(run).toContainText('◐ In progress #1 deploy: Break the test');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(run).toContainText('✗ Failure #1 deploy: Break the test');
  await expect(runSaid(sandbox)).toHaveText('Run #1 of deploy (Break the test) failed.');
  await expect(stepButtons(runs, 'build')).toHaveText([
    '✓ Success Set up job ≈ 2 s (approximate)',
    '✓ Success Run actions/checkout@v4 ≈ 2 s (approximate)',
    '✓ Success Run npm ci ≈ 8 s (approximate)',
    '✗ Failure Run npm test ≈ 4 s (approximate)',
    '✓ Success Complete job ≈ 1 s (approximate)',
  ]);
  // The failed step is shown first: node's test runner, then GitHub's footer.
  await expect(log(runs)).toHaveText(FAILED_TEST_LOG);

  // The tree is one tab stop, on the step shown; the arrow keys move in it.
  const tree = runTree(runs);
  const item = (name: string) => tree.getByRole('treeitem', { name: new RegExp(name) });
  await tabTo(page, tree.getByRole('treeitem', { selected: true }));
  await expect(item('Run npm test')).toBeFocused();
  await expect(tree.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(item('Complete job')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item('Complete job')).toHaveAttribute('aria-selected', 'true');
  await expect(item('Run npm test')).toHaveAttribute('aria-selected', 'false');
  await expect(log(runs)).toHaveText('Cleaning up orphan processes');
  // Home goes to the run; Left closes it, Right opens it and enters it, down to the failed step.
  await page.keyboard.press('Home');
  const run1 = runButtons(runs).first();
  await expect(run1).toBeFocused();
  await expect(run1).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(run1).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(run1).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(item('Job build')).toBeFocused();
  await expect(item('Job build')).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowRight');
  await expect(item('Set up job')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(item('Run npm test')).toBeFocused();
  await expect(item('Run npm test')).toHaveAccessibleName(
    'Failure Run npm test ≈ 4 s (approximate)',
  );
  await page.keyboard.press(' ');
  await expect(item('Run npm test')).toHaveAttribute('aria-selected', 'true');
  await expect(log(runs)).toHaveText(FAILED_TEST_LOG);
  // Left goes to the job; Tab leaves the tree, Shift+Tab comes back to where the learner was.
  await page.keyboard.press('ArrowLeft');
  await expect(item('Job build')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item('Job build')).not.toBeFocused();
  await expect(tree.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(item('Job build')).toBeFocused();
  const logBox = runs.getByRole('region', { name: /^Log of/ }).locator('pre');
  await tabTo(page, logBox);
  await expect(logBox).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the run view and the workflow editor are axe clean in ${theme} at 1280 and 390 px`, async ({
    page,
  }) => {
    await useTheme(page, theme);
    const sandbox = await open(page);
    let runs = await openTab(sandbox, 'Workflow runs');
    const form = runs.getByRole('form', { name: 'Change the application and push' });
    await form.getByLabel('Version').fill('2.0.0');
    await form.getByLabel('Start command').selectOption('broken');
    await form.getByRole('button', { name: 'Commit and push to main' }).click();
    await expect(runButtons(runs).first()).toContainText('◌ Queued #1 deploy: Release 2.0.0');
    await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
    await expect(runButtons(runs).first()).toContainText('◐ In progress');
    await runs.getByText('The same pipeline in AWS CodeBuild').click();
    await expect(runs.getByLabel('buildspec.yml')).toContainText('version: 0.2');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectAxeClean(page, `run view (${theme}, ${width} px)`);
      if (SHOTS) await runs.screenshot({ path: `${SHOTS}/runs-${theme}-${width}.png` });
    }
    const { panel } = await openWorkflow(sandbox);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectAxeClean(page, `workflow editor (${theme}, ${width} px)`);
      if (SHOTS) await panel.screenshot({ path: `${SHOTS}/editor-${theme}-${width}.png` });
    }
    runs = await openTab(sandbox, 'Workflow runs');
    await expect(runButtons(runs)).toHaveCount(1);
  });
}
