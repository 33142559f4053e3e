/**
 * The pipeline in the sandbox island, on the EKS playground (its repository shipyard/web holds
 * the starter workflow: checkout, npm ci, npm test): the workflow in the editor with its schema,
 * commit and push from the editor and from the application form, and the run view following a
 * run from queued to its end, step by step, with the runner's own log lines.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, pasteIntoEditor, expectAxeClean, useTheme } from './fixtures';
import { openSandbox, openTab } from './lesson-sandbox';

const PLAYGROUND = '/playground/eks/';
const WORKFLOW = '.github/workflows/deploy.yml';
const SHOTS = process.env['SHOTS_DIR'];

async function open(page: Page): Promise<Locator> {
  await page.goto(PLAYGROUND);
  return openSandbox(page, 'EKS playground');
}

async function stepTen(sandbox: Locator): Promise<void> {
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
}

/** The editor tab with the workflow shown. */
async function openWorkflow(sandbox: Locator): Promise<{ panel: Locator; editor: Locator }> {
  const panel = await openTab(sandbox, 'Editor');
  await panel.getByLabel('Document').selectOption(WORKFLOW);
  const editor = panel.getByRole('textbox', { name: `Editor: ${WORKFLOW}.`, exact: false });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  return { panel, editor };
}

const STARTER = `name: deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
env:
  AWS_REGION: eu-west-3
  ECR_REPOSITORY: web
  EKS_CLUSTER: demo
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;

test('the workflow in the editor: a schema problem named with its line, GitHub’s refusal, then a commit that runs', async ({
  page,
}) => {
  const sandbox = await open(page);
  const { panel, editor } = await openWorkflow(sandbox);

  // A key GitHub does not know, on line 15: the schema names it before anything is saved.
  await pasteIntoEditor(
    page,
    editor,
    STARTER.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    timeout: 5\n'),
  );
  const problems = panel.getByRole('list', { name: /^Problems/ });
  await expect(problems.getByRole('button')).toHaveCount(1, { timeout: 30_000 });
  await expect(problems.getByRole('button').first()).toContainText('Line 15, column 5');
  await expect(problems.getByRole('button').first()).toContainText('timeout');

  if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-problem.png`, fullPage: true });
  await panel.getByRole('button', { name: `Save ${WORKFLOW}` }).click();
  console.log(await panel.getByRole('status').innerText());
  console.log(await problems.innerText());
  await panel.getByLabel('Commit message').fill('Add a timeout');
  await panel.getByRole('button', { name: 'Commit and push to main' }).click();
  console.log(await panel.locator('.sbx-pipe-commit').innerText());
  const runs = await openTab(sandbox, 'Workflow runs');
  await expect(runs.getByRole('heading', { name: 'Workflow runs' })).toBeVisible();
  console.log(await runs.innerText());
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/runs-refused.png`, fullPage: true });
});
