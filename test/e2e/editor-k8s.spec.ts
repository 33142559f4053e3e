import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, isScriptLoad, pasteIntoEditor } from './fixtures';

const PLAYGROUND = '/playground/eks/';
/** The Kubernetes editor's own chunks (and the YAML worker). */
const K8S_CHUNK = /\/(k8s-editor|manifest-editor|monaco-yaml|yaml\.worker)[-.][\w-]+\.js$/;

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto(PLAYGROUND);
  const sandbox = page.locator('.sbx-block').first();
  await sandbox.scrollIntoViewIfNeeded();
  await expect(sandbox.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  return sandbox;
}

async function openEditor(sandbox: Locator): Promise<Locator> {
  await sandbox.getByRole('tab', { name: 'Editor' }).click();
  const editor = sandbox.getByRole('textbox', { name: /^Editor: web\.yaml\./ });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await expect(sandbox.getByText('No problems found in web.yaml.')).toBeVisible();
  return editor;
}

/** Replaces the document by pasting (typing would trigger Monaco's auto-indent). */
async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await pasteIntoEditor(page, editor, text);
}

const DEPLOYMENT = (containerExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: public.ecr.aws/nginx/nginx:1.27
${containerExtra}`;

test('the Kubernetes editor loads only with a Kubernetes sandbox, its YAML worker from the site', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (isScriptLoad(request)) scripts.push(request.url());
  });
  // An ECS lesson's editor never asks for it.
  await page.goto('/lessons/why-orchestration/');
  const ecs = page.locator('.sbx-block').first();
  await ecs.scrollIntoViewIfNeeded();
  await expect(ecs.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  await ecs.getByRole('tab', { name: 'Editor' }).click();
  // Monaco's first load on a cold page can take a while on a busy machine.
  await expect(ecs.getByText('No problems found in web.json.')).toBeVisible({ timeout: 30_000 });
  expect(scripts.filter((url) => K8S_CHUNK.test(url))).toEqual([]);

  const sandbox = await openPlayground(page);
  await openEditor(sandbox);
  await expect
    .poll(() =>
      [
        ...new Set(
          scripts
            .filter((url) => K8S_CHUNK.test(url))
            .map((url) => url.replace(/^.*\/_astro\//, '').replace(/[.-][\w-]{8}\.js$/, '')),
        ),
      ].sort(),
    )
    .toEqual(['k8s-editor', 'manifest-editor', 'monaco-yaml', 'yaml.worker'].sort());
  expect(
    scripts.filter((url) => K8S_CHUNK.test(url) && !url.startsWith(new URL(page.url()).origin)),
  ).toEqual([]);
});

test('learner sees a marker with the message for an unknown field, and fixing it clears it', async ({
  page,
}) => {
  const sandbox = await openPlayground(page);
  const editor = await openEditor(sandbox);
  await replaceText(page, editor, DEPLOYMENT('          imagePullPolice: Always\n'));
  const problems = sandbox.getByRole('list', { name: /^Problems/ });
  await expect(problems.getByRole('listitem')).toHaveText([
    'Line 18, column 11 Property imagePullPolice is not allowed. (schema)',
  ]);
  await expect(sandbox.locator('.monaco-editor .squiggly-error')).toHaveCount(1);

  await replaceText(page, editor, DEPLOYMENT('          imagePullPolicy: Always\n'));
  await expect(sandbox.getByText('No problems found in web.yaml.')).toBeVisible();
  await expect(sandbox.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});

test('learner reads a field’s Kubernetes documentation on hover and gets fields offered', async ({
  page,
}) => {
  const sandbox = await openPlayground(page);
  const editor = await openEditor(sandbox);
  await replaceText(page, editor, DEPLOYMENT('          '));
  // The cursor is after the indentation under the container: ask for completion.
  await page.keyboard.press('Control+Space');
  const suggest = sandbox.getByRole('listbox', { name: 'Suggest' });
  await expect(suggest.getByRole('listitem')).toHaveText([
    /^\W*livenessProbe/,
    /^\W*ports/,
    /^\W*readinessProbe/,
    /^\W*resources/,
    /^\W*securityContext/,
    /^\W*startupProbe/,
  ]);
  await page.keyboard.press('Escape');

  await sandbox
    .locator('.monaco-editor .view-line')
    .filter({ hasText: 'replicas' })
    .getByText('replicas')
    .hover();
  await expect(sandbox.getByRole('tooltip').filter({ hasText: 'desired pods' })).toContainText(
    'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
  );
});

test('Apply runs kubectl apply and announces its answer: kubectl needs a kubeconfig first', async ({
  page,
}) => {
  const sandbox = await openPlayground(page);
  await openEditor(sandbox);
  await sandbox.getByRole('button', { name: 'Apply (kubectl apply -f web.yaml)' }).click();
  const status = sandbox.getByRole('status').filter({ hasText: /Done|Refused/ });
  await expect(status).toHaveText(
    '✗ Refused: kubectl apply -f web.yaml: The connection to the server localhost:8080 was refused - did you specify the right host or port?',
  );
  const output = sandbox.getByRole('list', { name: 'kubectl apply output' });
  await expect(output.getByRole('listitem')).toHaveText([
    '✗ Refused: The connection to the server localhost:8080 was refused - did you specify the right host or port?',
  ]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Kubernetes editor is accessible in ${theme}, at 1280 and 390 px`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript(
      (value) => window.localStorage.setItem('starlight-theme', value),
      theme,
    );
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const sandbox = await openPlayground(page);
      const editor = await openEditor(sandbox);
      await replaceText(page, editor, DEPLOYMENT('          imagePullPolice: Always\n'));
      await expect(
        sandbox.getByRole('list', { name: /^Problems/ }).getByRole('listitem'),
      ).toHaveCount(1);
      await sandbox.getByRole('button', { name: 'Apply (kubectl apply -f web.yaml)' }).click();
      await expect(sandbox.getByRole('list', { name: 'kubectl apply output' })).toBeVisible();
      // Scoped to the editor panel: the rest of the sandbox island is another panel's concern.
      const results = await new AxeBuilder({ page }).include('.shipyard-editor').analyze();
      expect(
        results.violations.map(
          (v) =>
            `${theme} ${width}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        ),
      ).toEqual([]);
      await sandbox.locator('.shipyard-editor').screenshot({
        path: testInfo.outputPath(`editor-k8s-${width}-${theme}.png`),
      });
    }
  });
}
