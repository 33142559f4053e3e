import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, isScriptLoad, pasteIntoEditor } from './fixtures';
import { STARTER_WORKFLOW as starterWorkflow } from '@sandbox/services/pipeline/templates.ts';

const LESSON = '/lessons/why-orchestration/';
/** Chunks that belong to the editor: none may load before the learner opens it. */
const EDITOR_CHUNK =
  /\/(load-monaco|editor\.api|EditorPanel|register\.all|jsonMode|monaco-yaml|k8s-editor|[a-z]+\.worker)[-.][\w-]+\.js$/;

async function openSandbox(page: Page, url: string, index: number): Promise<Locator> {
  await page.goto(url);
  const sandbox = page.locator('.sbx-block').nth(index);
  await sandbox.scrollIntoViewIfNeeded();
  await expect(sandbox.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  return sandbox;
}

async function openEditor(sandbox: Locator): Promise<Locator> {
  await sandbox.getByRole('tab', { name: 'Editor' }).click();
  const editor = sandbox.getByRole('textbox', { name: /^Editor: web\.json\./ });
  await expect(editor).toBeAttached();
  return editor;
}

/** Replaces the document by pasting (typing would trigger Monaco's auto-indent and auto-closing). */
async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await pasteIntoEditor(page, editor, text);
}

const TASK_DEFINITION = (networkMode: string) => `{
  "family": "web",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "web", "image": "shipyard/web:1.0", "cpu": 256, "memory": 512 }
  ],
  "networkMode": "${networkMode}"
}`;

test('Monaco loads only when the learner opens the editor, styled, with its workers from the site', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (isScriptLoad(request)) scripts.push(request.url());
  });
  const sandbox = await openSandbox(page, LESSON, 0);
  await sandbox.getByRole('tab', { name: 'Terminal' }).click();
  await expect(sandbox.getByRole('textbox', { name: 'Command' })).toBeVisible();
  expect(scripts.filter((url) => EDITOR_CHUNK.test(url))).toEqual([]);

  const builtStyles = await page.locator('style').count();
  await openEditor(sandbox);
  await expect(sandbox.getByText('No problems found in web.json.')).toBeVisible();
  // Each name without its 8-character content hash; a worker comes as its module and its bundle.
  const loaded = () =>
    scripts
      .filter((url) => EDITOR_CHUNK.test(url))
      .map((url) => url.replace(/^.*\/_astro\//, '').replace(/[.-][\w-]{8}\.js$/, ''));
  // Workers start as the editor needs them: wait until every one has been requested. A page
  // without Kubernetes never loads the manifest editor (k8s-editor, monaco-yaml, yaml.worker).
  await expect
    .poll(() => [...new Set(loaded())].sort())
    .toEqual(
      [
        'EditorPanel',
        'editor.api',
        'editor.worker',
        'json.worker',
        'jsonMode',
        'load-monaco',
        'register.all',
      ].sort(),
    );
  expect(
    scripts.filter((url) => EDITOR_CHUNK.test(url) && !url.startsWith(new URL(page.url()).origin)),
  ).toEqual([]);
  // Monaco's CSS arrived with its lazy chunks (Astro's build would otherwise drop it), as
  // adopted sheets: no <style> element, which the Content Security Policy would refuse.
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(10);
  expect(await page.locator('style').count()).toBe(builtStyles);
  await expect(sandbox.locator('.monaco-editor')).toHaveCSS('position', 'relative');
});

test('learner sees a marker on a bad field with its line and column, and fixing it clears it', async ({
  page,
}) => {
  const sandbox = await openSandbox(page, LESSON, 0);
  const editor = await openEditor(sandbox);
  await replaceText(page, editor, TASK_DEFINITION('nat'));
  const problems = sandbox.getByRole('list', { name: /^Problems/ });
  await expect(problems.getByRole('listitem')).toHaveText([
    'Line 7, column 18 Value is not accepted. Valid values: "bridge", "awsvpc", "host", "none". (schema)',
  ]);
  await expect(sandbox.locator('.monaco-editor .squiggly-error')).toHaveCount(1);

  await replaceText(page, editor, TASK_DEFINITION('bridge'));
  await expect(sandbox.getByText('No problems found in web.json.')).toBeVisible();
  await expect(sandbox.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});

test('learner leaves the editor with Escape then Tab, or with Ctrl+M then Tab', async ({
  page,
}) => {
  const sandbox = await openSandbox(page, LESSON, 0);
  const editor = await openEditor(sandbox);
  const apply = sandbox.getByRole('button', { name: 'Apply (register task definition)' });
  await editor.focus();
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(apply).toBeFocused();

  await editor.focus();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect(apply).toBeFocused();
});

test('the editor panel is accessible, in light and dark', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript(
      (value) => window.localStorage.setItem('starlight-theme', value),
      theme,
    );
    const sandbox = await openSandbox(page, LESSON, 0);
    const editor = await openEditor(sandbox);
    await replaceText(page, editor, TASK_DEFINITION('nat'));
    await expect(
      sandbox.getByRole('list', { name: /^Problems/ }).getByRole('listitem'),
    ).toHaveCount(1);
    // Scoped to the editor panel: the rest of the sandbox island is another panel's concern.
    const results = await new AxeBuilder({ page }).include('.shipyard-editor').analyze();
    expect(
      results.violations.map(
        (v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  }
});

const ECS_LESSON = '/lessons/ecs/';
const FARGATE_TOO_BIG = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [{ "name": "web", "image": "shipyard/web:1.0", "essential": true }]
}`;
const EC2_WEB = `{
  "family": "web",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "web", "image": "shipyard/web:1.0", "cpu": "256", "memory": 512, "essential": true }
  ]
}`;

test('learner fixes a task definition the sandbox refuses, applies it, and a service runs it', async ({
  page,
}) => {
  await page.goto(ECS_LESSON);
  const sandbox = page
    .locator('.sbx-block')
    .filter({ hasText: 'Register a task definition and run it as a service' });
  await sandbox.scrollIntoViewIfNeeded();
  await expect(sandbox.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  const editor = await openEditor(sandbox);
  const problems = sandbox.getByRole('list', { name: /^Problems/ });
  const status = sandbox.getByRole('status').filter({ hasText: /Done|Refused/ });
  const apply = sandbox.getByRole('button', { name: 'Apply (register task definition)' });

  // The schema marks a wrong type where it is.
  await replaceText(page, editor, EC2_WEB);
  await expect(problems.getByRole('listitem')).toHaveText([
    'Line 6, column 58 Incorrect type. Expected "integer". (schema)',
  ]);

  // The sandbox answers like AWS, at the field it names.
  await replaceText(page, editor, FARGATE_TOO_BIG);
  await expect(sandbox.getByText('No problems found in web.json.')).toBeVisible();
  await apply.click();
  const refusal =
    'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.';
  await expect(status).toHaveText(`✗ Refused: ${refusal}`);
  await expect(problems.getByRole('listitem')).toHaveText([
    `Line 6, column 13 ${refusal} (sandbox)`,
  ]);

  await replaceText(page, editor, EC2_WEB.replace('"cpu": "256"', '"cpu": 256'));
  await expect(sandbox.getByText('No problems found in web.json.')).toBeVisible();
  await apply.click();
  await expect(status).toHaveText(
    '✓ Done: Registered task definition web:1 (arn:aws:ecs:eu-west-3:123456789012:task-definition/web:1).',
  );

  // The service, typed in the terminal, starts three tasks from it.
  await sandbox.getByRole('tab', { name: 'Terminal' }).click();
  const command = sandbox.getByRole('textbox', { name: 'Command' });
  const output = sandbox.getByRole('log', { name: 'Terminal output' });
  await command.fill(
    'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 --launch-type EC2',
  );
  await command.press('Enter');
  await expect(output.locator('pre').last()).toContainText('"serviceName": "web"');
  for (let i = 0; i < 3; i += 1)
    await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await command.fill('aws ecs describe-services --cluster demo --services web');
  await command.press('Enter');
  const described = JSON.parse(
    (await output.locator('pre.shipyard-terminal__stdout').last().textContent()) ?? '{}',
  ) as {
    services: { desiredCount: number; runningCount: number; taskDefinition: string }[];
  };
  expect(described.services.map((s) => [s.desiredCount, s.runningCount, s.taskDefinition])).toEqual(
    [[3, 3, 'arn:aws:ecs:eu-west-3:123456789012:task-definition/web:1']],
  );
});

test('learner gets field completion and hover documentation from the schema', async ({ page }) => {
  const sandbox = await openSandbox(page, LESSON, 0);
  const editor = await openEditor(sandbox);
  await replaceText(page, editor, '{\n  "family": "web",\n  \n  "containerDefinitions": []\n}');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  // Only the fields the sandbox models are offered (roles, logging… validate but are not suggested).
  await expect(sandbox.getByRole('listbox', { name: 'Suggest' }).getByRole('listitem')).toHaveText([
    /^\W*cpu/,
    /^\W*memory/,
    /^\W*networkMode/,
    /^\W*requiresCompatibilities/,
  ]);
  await page.keyboard.press('Escape');

  await sandbox
    .locator('.monaco-editor .view-line')
    .filter({ hasText: '"family"' })
    .getByText('"family"')
    .hover();
  await expect(sandbox.getByRole('tooltip').filter({ hasText: 'family' })).toContainText(
    'Required. The family groups revisions: the first registration gets revision 1',
  );
});

// --- the playground's several documents -----------------------------------------------------

const PLAYGROUND = '/playground/eks/';
const WORKFLOW = '.github/workflows/deploy.yml';
/** The playground repository's workflow, in the playground's region. */
const STARTER_WORKFLOW = starterWorkflow('eu-west-3');

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto(PLAYGROUND);
  const sandbox = page.getByRole('region', { name: 'EKS playground', exact: true });
  await sandbox.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: sandbox })).not.toHaveAttribute('ssr');
  return sandbox;
}

async function openTab(sandbox: Locator, name: string): Promise<Locator> {
  await sandbox.getByRole('tab', { name, exact: true }).click();
  const panel = sandbox.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

test('the document the learner picked stays picked when they switch sandbox tabs and back', async ({
  page,
}) => {
  const sandbox = await openPlayground(page);
  let panel = await openTab(sandbox, 'Editor');
  const picker = () => panel.getByLabel('Document');
  await expect(picker()).toHaveValue('web.yaml');
  await picker().selectOption(WORKFLOW);
  await expect(
    panel.getByRole('textbox', { name: /^Editor: \.github\/workflows\/deploy\.yml\./ }),
  ).toBeAttached({
    timeout: 30_000,
  });
  await openTab(sandbox, 'Terminal');
  await openTab(sandbox, 'Goals');
  panel = await openTab(sandbox, 'Editor');
  await expect(picker()).toHaveValue(WORKFLOW);
  await expect(
    panel.getByRole('textbox', { name: /^Editor: \.github\/workflows\/deploy\.yml\./ }),
  ).toBeAttached({
    timeout: 30_000,
  });
  await expect(panel.getByRole('button', { name: `Save ${WORKFLOW}` })).toBeVisible();
});

test('Reset brings back the scenario’s workflow over an unsaved edit, with nothing in the log', async ({
  page,
}) => {
  const sandbox = await openPlayground(page);
  const panel = await openTab(sandbox, 'Editor');
  await panel.getByLabel('Document').selectOption(WORKFLOW);
  const editor = panel.getByRole('textbox', {
    name: /^Editor: \.github\/workflows\/deploy\.yml\./,
  });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  // An unsaved edit GitHub's schema refuses: a key it does not know, on line 15.
  await pasteIntoEditor(
    page,
    editor,
    STARTER_WORKFLOW.replace(
      '    runs-on: ubuntu-latest\n',
      '    runs-on: ubuntu-latest\n    timeout: 5\n',
    ),
  );
  const problems = panel.getByRole('list', { name: /^Problems/ });
  await expect(problems.getByRole('button')).toHaveText(
    ['Line 15, column 5 Property timeout is not allowed. (schema)'],
    { timeout: 30_000 },
  );
  await sandbox.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(sandbox.getByRole('status').filter({ hasText: 'reset' })).toHaveText(
    'The scenario was reset to its start.',
  );
  await expect(panel.getByText(`No problems found in ${WORKFLOW}.`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(panel.getByLabel('Document')).toHaveValue(WORKFLOW);
  await expect(
    sandbox.locator('.monaco-editor .view-line').filter({ hasText: 'runs-on' }),
  ).toHaveText(['    runs-on: ubuntu-latest']);
});
