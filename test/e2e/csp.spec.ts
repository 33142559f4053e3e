/**
 * The Content Security Policy: every built page carries it first in its head, with a hash for
 * each inline script and no way to run any other; a script smuggled into the page by a result
 * file or a share link never runs. (Every other browser test fails on any policy violation:
 * see fixtures.ts.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { keyFileText } from '@lib/assignments/key-file.ts';
import { makeResult } from '@lib/assignments/make-result.ts';
import { generateSigningKey } from '@lib/assignments/signing.ts';
import { encodeStateLink } from '@lib/share/state-link.ts';
import { test, expect } from './fixtures';
import { openSandbox, openTab } from './lesson-sandbox';
import { FIXED_TIME, nodeCatalog, signedAssignment, solvedWork } from '../assignments/fixtures';

/** The policy without its script hashes, which differ from page to page. */
const POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
];

/**
 * Every page allows only the style elements the build wrote; what the site's scripts style at
 * run time (Monaco, the editor, terminal and registry panels) is adopted as constructed sheets.
 */
const STYLES = ["style-src 'self'", "style-src-attr 'unsafe-inline'"];

/** Markup that, if it were ever parsed and ran, would leave its mark on the window. */
const HOSTILE_IMAGE = '<img src="data:," onerror="window.__injected=1">';
const HOSTILE = `${HOSTILE_IMAGE}<script>window.__injected=2</script>`;

const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.html'))
  .sort();

test('every built page starts its head with the policy and hashes exactly its own inline scripts and styles', () => {
  expect(pages).toEqual([
    '404.html',
    'assignment/index.html',
    'compare/index.html',
    'decide/index.html',
    'index.html',
    'instructors/assignment/index.html',
    'instructors/gradebook/index.html',
    'instructors/index.html',
    'lessons/ecr/index.html',
    'lessons/ecs/index.html',
    'lessons/eks/index.html',
    'lessons/fargate/index.html',
    'lessons/node-groups/index.html',
    'lessons/pipeline/index.html',
    'lessons/why-orchestration/index.html',
    'playground/eks/index.html',
    'presenter/ecr/index.html',
    'presenter/ecs/index.html',
    'presenter/eks/index.html',
    'presenter/fargate/index.html',
    'presenter/node-groups/index.html',
    'presenter/pipeline/index.html',
    'presenter/why-orchestration/index.html',
    'progress/index.html',
  ]);
  for (const path of pages) {
    const html = readFileSync(join('dist', path), 'utf8');
    const meta =
      /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"\/?><meta http-equiv="content-security-policy" content="([^"]*)">/.exec(
        html,
      );
    expect(meta, `${path}: the policy is the first thing after the charset`).not.toBeNull();
    const directives = meta![1]!
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean);
    const withoutHashes = directives.map((part) => part.replace(/ 'sha256-[^']+'/g, ''));
    expect(withoutHashes, path).toEqual([...POLICY, ...STYLES]);
    expect(meta![1], path).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    const hashes = new Set(directives.find((part) => part.startsWith('script-src'))!.split(' '));
    for (const [, attributes = '', body = ''] of html.matchAll(
      /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g,
    )) {
      if (/\ssrc=|type="application\/json"/.test(attributes)) continue;
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      expect(hashes.has(hash), `${path}: inline script ${body.slice(0, 60)}…`).toBe(true);
    }
    const styleSources = directives.find((part) => part.startsWith('style-src '))!.split(' ');
    const styleHashes = new Set(
      [...html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/g)].map(
        ([, , body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
      ),
    );
    expect(styleHashes.size, `${path}: Starlight writes inline styles`).toBeGreaterThan(0);
    expect(new Set(styleSources.slice(2)), path).toEqual(styleHashes);
  }
});

/**
 * Writes a `<style>` hiding `<main>` into the page and expects the policy to refuse it: `<main>`
 * stays shown, and the one violation and console error are that refusal (then cleared, since
 * they were the point).
 */
async function expectWrittenStyleRefused(
  page: Page,
  problems: { cspViolations: string[]; consoleErrors: string[] },
): Promise<void> {
  const display = await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'main { display: none }';
    document.head.append(style);
    return getComputedStyle(document.querySelector('main')!).display;
  });
  expect(display).toBe('block');
  await expect
    .poll(() => problems.cspViolations.map((line) => line.replace(/ at .*$/, '')))
    .toEqual([expect.stringMatching(/: style-src-elem blocked inline$/)]);
  expect(problems.consoleErrors.map((text) => text.split(' violates ')[0])).toEqual([
    expect.stringMatching(/^Applying inline style/),
  ]);
  problems.cspViolations.length = 0;
  problems.consoleErrors.length = 0;
}

test('on the gradebook, a style element written into the page (as a result file might) is not applied', async ({
  page,
  problems,
}) => {
  await page.goto('/instructors/gradebook/');
  await expectWrittenStyleRefused(page, problems);
});

test('on a lesson page the panels and Monaco style themselves without a style element, and one written in is not applied', async ({
  page,
  problems,
}) => {
  await page.goto('/lessons/ecr/');
  const builtStyles = await page.locator('style').count();
  const sandbox = await openSandbox(page, 'A first image in a private registry');
  const terminal = await openTab(sandbox, 'Terminal');
  await expect(terminal.locator('.shipyard-terminal')).toHaveCSS('display', 'grid');
  const registry = await openTab(sandbox, 'Registry');
  await expect(registry.locator('.shipyard-registry')).toHaveCSS('display', 'grid');
  const editorPanel = await openTab(sandbox, 'Editor');
  await expect(editorPanel.locator('.shipyard-editor')).toHaveCSS('display', 'grid');
  const editor = editorPanel.getByRole('textbox', { name: /^Editor: Dockerfile\./ });
  await expect(editor).toBeAttached();
  // Monaco's own CSS, its theme's colours (shipyard-light) and the rules it writes as it runs.
  await expect(editorPanel.locator('.monaco-editor')).toHaveCSS('position', 'relative');
  await expect(editorPanel.locator('.monaco-editor-background')).toHaveCSS(
    'background-color',
    'rgb(255, 255, 255)',
  );
  await editorPanel.locator('.view-lines').click({ button: 'right' });
  const menu = page.locator('.context-view.monaco-menu-container');
  await expect(menu.getByRole('menuitem', { name: 'Copy' })).toBeVisible();
  await expect(menu).toHaveCSS('box-shadow', 'rgba(0, 0, 0, 0.16) 0px 0px 12px 0px');
  await page.keyboard.press('Escape');
  await editor.focus();
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget');
  await expect(
    palette.getByRole('textbox', { name: 'Type to narrow down results.' }),
  ).toBeFocused();
  await expect(palette.getByRole('option', { name: /^Add Cursor Above/ })).toBeVisible();
  await expect(palette).toHaveCSS('background-color', 'rgb(243, 243, 243)');
  await page.keyboard.press('Escape');
  expect(await page.locator('style').count()).toBe(builtStyles);
  expect(problems.cspViolations).toEqual([]);

  await expectWrittenStyleRefused(page, problems);
});

test('the policy stops a script written into a page, an event handler attribute, eval and a blob worker', async ({
  page,
  problems,
}) => {
  await page.goto('/lessons/why-orchestration/');
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = "script"';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__injected = \'handler\'">';
    document.body.append(holder);
    await new Promise((resolve) => holder.querySelector('img')!.addEventListener('error', resolve));
    let evaluated = 'ran';
    try {
      (0, eval)('1');
    } catch (error) {
      evaluated = (error as Error).name;
    }
    // Refused without an exception: the violation report below is how the page learns of it.
    new Worker(URL.createObjectURL(new Blob(['1'], { type: 'text/javascript' })));
    return {
      injected: (window as unknown as { __injected?: string }).__injected ?? null,
      evaluated,
    };
  });
  expect(outcome).toEqual({ injected: null, evaluated: 'EvalError' });
  await expect
    .poll(() => problems.cspViolations.map((line) => line.replace(/ at .*$/, '')))
    .toEqual([
      expect.stringMatching(/: script-src-elem blocked inline$/),
      expect.stringMatching(/: script-src-attr blocked inline$/),
      expect.stringMatching(/: script-src blocked eval$/),
      expect.stringMatching(/: worker-src blocked blob$/),
    ]);
  // These were the point of the test; the browser also logs each refusal but the caught eval.
  expect(problems.consoleErrors.map((text) => text.split(' violates ')[0])).toEqual([
    'Executing inline script',
    'Executing inline event handler',
    expect.stringMatching(/^Creating a worker from 'blob:http:\/\/127\.0\.0\.1:\d+\/[\w-]+'$/),
  ]);
  problems.cspViolations.length = 0;
  problems.consoleErrors.length = 0;
});

async function injected(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __injected?: unknown }).__injected ?? null);
}

/** Elements the hostile text would have made, had it been parsed as HTML. */
async function smuggledElements(page: Page): Promise<number> {
  const images = await page.locator('img[onerror]').count();
  return images + (await page.locator('script', { hasText: '__injected' }).count());
}

test('a result file whose learner name carries a script shows the name as text and runs nothing', async ({
  page,
}) => {
  const catalog = nodeCatalog();
  const key = await generateSigningKey(true);
  const { assignment, token } = await signedAssignment(
    {
      id: 'a1b2c3d4e5f60718',
      title: 'ECS lab',
      due: null,
      seed: null,
      challenges: [{ scenario: 'ecs-first-service', faults: [] }],
      quizzes: [],
    },
    key,
  );
  const learner = { name: HOSTILE, email: 'mallory@example.edu', sisLogin: 'm1' };
  const work = solvedWork(assignment, catalog, learner, {
    wrongQuestions: new Set(),
    skipChallenges: new Set(),
  });
  const result = makeResult(assignment, token, work, catalog, FIXED_TIME);

  await page.goto('/instructors/assignment/');
  await page.getByLabel('Or import a key file from another device').setInputFiles({
    name: 'key.json',
    mimeType: 'application/json',
    buffer: Buffer.from(await keyFileText(key.privateKey, key.publicJwk, FIXED_TIME)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'is now this browser' })).toBeVisible();
  await page.goto('/instructors/gradebook/');
  await expect(page.getByLabel('Result files (.json)')).toBeEnabled();
  await page.getByLabel('Result files (.json)').setInputFiles({
    name: 'mallory.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(result)),
  });
  await expect(
    page.getByRole('row', { name: /mallory@example\.edu/ }).getByRole('rowheader'),
  ).toHaveText(`${HOSTILE}mallory@example.edu`);
  expect(await injected(page)).toBeNull();
  expect(await smuggledElements(page)).toBe(0);
});

test('a share link whose action carries a script is refused with the text quoted and runs nothing', async ({
  page,
}) => {
  const link = encodeStateLink({
    scenarioId: 'ecs-first-service',
    seed: 1,
    time: 10,
    // An action type is at most 64 characters: the image alone fits.
    log: [{ at: 5, by: 'learner', action: { type: HOSTILE_IMAGE } }],
  });
  await page.goto(`/lessons/ecs/${link}`);
  const refusal = page.getByText(/^This sandbox link was not opened: /);
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText(HOSTILE_IMAGE);
  expect(await injected(page)).toBeNull();
  expect(await smuggledElements(page)).toBe(0);
});
