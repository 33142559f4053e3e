/**
 * The offline course: after one visit, with the network off, a learner reloads a lesson, plays a
 * challenge, opens the code editor, searches the course, and an instructor grades a result file.
 * A first visit fetches the editor only once the page is idle, and a new version waits for the
 * learner's "Reload to update", keeping their progress.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { keyFileText } from '@lib/assignments/key-file.ts';
import { makeResult } from '@lib/assignments/make-result.ts';
import { generateSigningKey } from '@lib/assignments/signing.ts';
import { test, expect, expectAxeClean } from './fixtures';
import { openSandbox, playToEnd, expectPassed, openTab } from './lesson-sandbox';
import { FIXED_TIME, nodeCatalog, signedAssignment, solvedWork } from '../assignments/fixtures';

const FIRST_SERVICE = 'Register a task definition and run it as a service';
// Each story plays a challenge to its end and waits for the whole site to be cached.
test.describe.configure({ timeout: 180_000 });
const editorAssets = JSON.parse(readFileSync('dist/offline/editor-assets.json', 'utf8')) as {
  cache: string;
  files: string[];
};

/** Waits until the service worker controls the page and the editor's files are all cached. */
async function waitUntilOfflineReady(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (name) => {
          if (!navigator.serviceWorker.controller) return -1;
          return (await (await caches.open(name)).keys()).length;
        }, editorAssets.cache),
      { timeout: 60_000 },
    )
    .toBe(editorAssets.files.length);
}

async function openEditor(page: Page): Promise<Locator> {
  const sandbox = page.locator('.sbx-block').first();
  await sandbox.scrollIntoViewIfNeeded();
  await expect(sandbox.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  await sandbox.getByRole('tab', { name: 'Editor' }).click();
  await expect(sandbox.getByRole('textbox', { name: /^Editor: web\.json\./ })).toBeAttached();
  return sandbox;
}

async function oneResultFile() {
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
  const learner = { name: 'Learner 01', email: 'learner1@example.edu', sisLogin: 'l1' };
  const work = solvedWork(assignment, catalog, learner, {
    wrongQuestions: new Set(),
    skipChallenges: new Set(),
  });
  const result = makeResult(assignment, token, work, catalog, FIXED_TIME);
  return {
    file: {
      name: 'learner-1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(result)),
    },
    keyFile: await keyFileText(key.privateKey, key.publicJwk, FIXED_TIME),
  };
}

test('a first visit fetches the editor only after the page has loaded and the offline client started', async ({
  page,
}) => {
  const timeline: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (editorAssets.files.includes(path)) timeline.push('editor file');
    else if (/\/_astro\/offline-client\.[\w-]+\.js$/.test(path)) timeline.push('offline client');
  });
  page.on('load', () => timeline.push('load'));
  await page.goto('/lessons/why-orchestration/');
  await waitUntilOfflineReady(page);
  // Editor files come one at a time, each once, after the page's load and the idle callback.
  expect(timeline).toEqual([
    'load',
    'offline client',
    ...editorAssets.files.map(() => 'editor file'),
  ]);
});

test('after one visit, with the network off, a learner reloads a lesson, passes a challenge, edits, searches, and an instructor grades a file', async ({
  page,
  context,
}) => {
  const { file, keyFile } = await oneResultFile();
  await page.goto('/lessons/ecs/');
  await waitUntilOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  const sandbox = await openSandbox(page, FIRST_SERVICE);
  const goals = await openTab(sandbox, 'Goals');
  await goals.getByRole('button', { name: 'Show solution' }).click();
  await playToEnd(sandbox);
  await expectPassed(sandbox, 2);

  await page.goto('/lessons/why-orchestration/');
  const withEditor = await openEditor(page);
  await expect(withEditor.getByText('No problems found in web.json.')).toBeVisible();
  await expect(withEditor.locator('.monaco-editor')).toHaveCSS('position', 'relative');

  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog');
  await search.getByRole('textbox', { name: 'Search' }).pressSequentially('toil counter');
  await expect(
    search.getByRole('link', { name: /Why containers need an orchestrator/ }).first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto('/instructors/assignment/');
  await page.getByLabel('Or import a key file from another device').setInputFiles({
    name: 'key.json',
    mimeType: 'application/json',
    buffer: Buffer.from(keyFile),
  });
  await expect(page.getByRole('status').filter({ hasText: 'is now this browser' })).toBeVisible();
  await page.goto('/instructors/gradebook/');
  await expect(page.getByLabel('Result files (.json)')).toBeEnabled();
  await page.getByLabel('Result files (.json)').setInputFiles([file]);
  await expect(
    page.getByRole('status').filter({ hasText: /^Graded 1 of 1 result in \d+\.\d s\.$/ }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /Learner 01/ }).getByRole('cell')).toHaveText([
    '✓ Passed',
    '100 %',
    '—',
  ]);

  await page.goto('/presenter/ecs/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Instructor window: Amazon ECS on EC2',
  );
});

/** A copy of the build served on its own port, so the test can publish a "new version". */
class Site {
  readonly root = mkdtempSync(join(tmpdir(), 'shipyard-site-'));
  readonly port = Number(
    execFileSync(process.execPath, ['scripts/free-port.mjs'], { encoding: 'utf8' }).trim(),
  );
  private server: ChildProcess | null = null;

  async start(): Promise<string> {
    cpSync('dist', this.root, { recursive: true });
    const server = spawn(process.execPath, [
      'scripts/serve-dist.mjs',
      '--port',
      String(this.port),
      '--root',
      this.root,
    ]);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('serving')) resolve();
      });
      server.on('exit', (code) => reject(new Error(`the test server exited with ${code}`)));
    });
    return `http://127.0.0.1:${this.port}`;
  }

  /** A new version: the worker's bytes change, as they do whenever any precached file does. */
  publishNewVersion(): void {
    const worker = join(this.root, 'sw.js');
    writeFileSync(worker, `${readFileSync(worker, 'utf8')}\n// next version\n`);
  }

  stop(): void {
    this.server?.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}

for (const width of [1280, 390]) {
  test(`at ${width} px, a new version waits for the learner's "Reload to update" and keeps their progress`, async ({
    page,
  }) => {
    const site = new Site();
    try {
      const origin = await site.start();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${origin}/lessons/ecs/`);
      const sandbox = await openSandbox(page, FIRST_SERVICE);
      const goals = await openTab(sandbox, 'Goals');
      await goals.getByRole('button', { name: 'Show solution' }).click();
      await playToEnd(sandbox);
      await expectPassed(sandbox, 2);
      const progress = await page.evaluate(() => localStorage.getItem('shipyard.progress'));
      expect(progress).toContain('ecs-first-service');
      await waitUntilOfflineReady(page);

      site.publishNewVersion();
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const notice = page.getByRole('status').filter({ hasText: 'A new version' });
      await expect(notice.getByRole('paragraph')).toHaveText(
        'A new version of the course is ready. Your progress is kept when you reload.',
      );
      await expect(notice.getByRole('button')).toHaveText(['Reload to update', 'Later']);
      // It waits: the page is still served by the version it started with.
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            waiting: registration?.waiting?.state,
            controller: navigator.serviceWorker.controller === registration?.active,
          };
        }),
      ).toEqual({ waiting: 'installed', controller: true });
      await expectAxeClean(page, `update notice at ${width} px`);

      const reload = notice.getByRole('button', { name: 'Reload to update' });
      await reload.focus();
      await expect(reload).toBeFocused();
      const reloaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await reloaded;
      await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return { waiting: registration?.waiting ?? null, active: registration?.active?.state };
        }),
      ).toEqual({ waiting: null, active: 'activated' });
      // The reload is a visit (lastVisitedAt moves); everything the learner did is as it was.
      const saved = (text: string | null) => {
        const { challenges, firstVisitedAt } = JSON.parse(text ?? '{}').lessons.ecs;
        return { challenges, firstVisitedAt };
      };
      const after = await page.evaluate(() => localStorage.getItem('shipyard.progress'));
      expect(saved(after)).toEqual(saved(progress));
      expect(saved(after).challenges['ecs-first-service'].passed).toBe(true);
    } finally {
      site.stop();
    }
  });
}
