/**
 * The SCORM 1.2 package in an LMS: scorm-again's real SCORM 1.2 runtime plays the LMS on
 * http://localhost:<port>/lms/ (served by the test), the package built by `build:scorm` is its
 * SCO, and the course it frames is the built site on http://127.0.0.1:<port>/ — another origin,
 * as a hosted course would be.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { nodeCatalog } from '../assignments/fixtures';
import config from '../../playwright.config';

// The LMS page is answered by the test (Playwright's router), which Chromium treats as a public
// address framing a loopback one; real LMSs and courses are both public, so the check is off here.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--disable-features=LocalNetworkAccessChecks',
    ],
  },
});

/** The LMS page; `kept` is what the LMS stored from an earlier launch (cmi.suspend_data). */
const lmsPage = (kept: string | null) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/lms/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  ${kept === null ? '' : `window.API.cmi.suspend_data = ${JSON.stringify(kept)};`}
  window.lmsEvents = [];
  window.API.on('LMSInitialize', () => lmsEvents.push('LMSInitialize'));
  window.API.on('LMSSetValue.cmi.*', (element, value) => lmsEvents.push('set ' + element + '=' + value));
  window.API.on('LMSCommit', () => lmsEvents.push('LMSCommit'));
  window.API.on('LMSFinish', () => lmsEvents.push('LMSFinish'));
</script></head>
<body><main><h1>Test LMS</h1><iframe title="SCORM package" src="/lms/sco/index.html" style="width:100%;height:760px"></iframe></main></body></html>`;

async function openInLms(page: Page, baseURL: string, kept: string | null = null): Promise<void> {
  const port = new URL(baseURL).port;
  const out = join(mkdtempSync(join(tmpdir(), 'scorm-')), 'package.zip');
  execFileSync(
    process.execPath,
    ['scripts/build-scorm.mjs', '--url', `${baseURL}/`, '--out', out],
    { stdio: 'pipe' },
  );
  const files = unzipSync(readFileSync(out));
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html', 'launcher.js']);
  expect(strFromU8(files['imsmanifest.xml']!)).toContain('<schemaversion>1.2</schemaversion>');
  expect(strFromU8(files['imsmanifest.xml']!)).toContain('adlcp:scormtype="sco" href="index.html"');
  const runtime = readFileSync('node_modules/scorm-again/dist/scorm12.js', 'utf8');
  await page.route(`http://localhost:${port}/lms/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/lms/') return route.fulfill({ contentType: 'text/html', body: lmsPage(kept) });
    if (path === '/lms/scorm12.js')
      return route.fulfill({ contentType: 'text/javascript', body: runtime });
    const file = files[path.replace('/lms/sco/', '')];
    if (!file) return route.fulfill({ status: 404, body: 'not in the package' });
    return route.fulfill({
      contentType: path.endsWith('.js')
        ? 'text/javascript'
        : path.endsWith('.xml')
          ? 'application/xml'
          : 'text/html',
      body: Buffer.from(file),
    });
  });
  await page.goto(`http://localhost:${port}/lms/`);
}

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { lmsEvents: string[] }).lmsEvents.slice());
const lmsValue = (page: Page, element: string) =>
  page.evaluate(
    (e) => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue(e),
    element,
  );

const catalog = nodeCatalog();
const quizPoints = (quiz: { questions: { points: number }[] }) =>
  quiz.questions.reduce((t, x) => t + x.points, 0);
/** Every quiz point of the course: the SCORM score is earned points out of these. */
const coursePoints = Object.values(catalog.quizzes).reduce((s, q) => s + quizPoints(q), 0);

test('the SCORM package reports the course score to a SCORM 1.2 runtime and finishes on exit', async ({
  page,
  baseURL,
}) => {
  const expectedRaw = String(Math.round((1 / coursePoints) * 10000) / 100);
  await openInLms(page, baseURL!);
  const sco = page.frameLocator('iframe[title="SCORM package"]');
  await expect(sco.getByRole('status')).toHaveText('Your LMS has your progress: 0 %, incomplete.');
  expect((await events(page)).slice(0, 2)).toEqual([
    'LMSInitialize',
    'set cmi.core.lesson_status=incomplete',
  ]);

  const course = sco.frameLocator('#course');
  await course.getByRole('link', { name: 'Why containers need an orchestrator' }).first().click();
  const q8 = course.getByRole('region', { name: /^Question 8 of 11 / });
  // The quiz hydrates when scrolled into view; an answer before that would reach no handler.
  await q8.scrollIntoViewIfNeeded();
  await expect(course.locator('#quiz astro-island')).not.toHaveAttribute('ssr');
  await q8.getByRole('radio', { name: 'Kubernetes' }).check();
  await q8.getByRole('button', { name: 'Check answer' }).click();
  await expect(sco.getByRole('status')).toHaveText(
    `Your LMS has your progress: ${Math.round(Number(expectedRaw))} %, incomplete.`,
  );
  expect(await lmsValue(page, 'cmi.core.score.raw')).toBe(expectedRaw);
  expect(await lmsValue(page, 'cmi.core.score.max')).toBe('100');
  expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe('incomplete');
  const suspend = await lmsValue(page, 'cmi.suspend_data');
  expect(JSON.parse(suspend)).toEqual({ v: 2, l: { 'why-orchestration': [1, 0, 0] } });
  expect(suspend.length).toBeLessThanOrEqual(4096);
  const afterAnswer = await events(page);
  expect(afterAnswer.slice(-6)).toEqual([
    'set cmi.core.score.min=0',
    'set cmi.core.score.max=100',
    `set cmi.core.score.raw=${expectedRaw}`,
    'set cmi.core.lesson_status=incomplete',
    `set cmi.suspend_data=${suspend}`,
    'LMSCommit',
  ]);

  // A message from any origin but the course's is ignored.
  await page.evaluate(() => {
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    frame.contentWindow!.postMessage(
      { source: 'shipyard-scorm', version: 1, type: 'progress', scoreRaw: 100, status: 'passed' },
      '*',
    );
  });
  await sco.getByRole('button', { name: 'Save and exit' }).click();
  await expect(sco.getByRole('status')).toHaveText('Saved. You can close this window.');
  const final = await events(page);
  expect(final.slice(afterAnswer.length, -4)).toEqual([]);
  expect(final.slice(-4)).toEqual([
    expect.stringMatching(/^set cmi\.core\.session_time=\d{4}:\d{2}:\d{2}\.\d{2}$/),
    'set cmi.core.exit=suspend',
    'LMSCommit',
    'LMSFinish',
  ]);
  expect(
    await page.evaluate(() =>
      (window as unknown as { API: { isTerminated(): boolean } }).API.isTerminated(),
    ),
  ).toBe(true);
});

test('a learner who launches the course again from a fresh browser keeps the score the LMS has', async ({
  page,
  baseURL,
}) => {
  const lesson1 = quizPoints(catalog.quizzes['why-orchestration']!);
  // Earlier, on another computer: lesson 1's quiz full marks, two challenges passed.
  const kept = JSON.stringify({ v: 2, l: { 'why-orchestration': [lesson1, 2, 0] } });
  const expectedRaw = String(Math.round((lesson1 / coursePoints) * 10000) / 100);
  await openInLms(page, baseURL!, kept);
  const sco = page.frameLocator('iframe[title="SCORM package"]');
  await expect(sco.getByRole('status')).toHaveText(
    `Your LMS has your progress: ${Math.round(Number(expectedRaw))} %, incomplete.`,
  );
  expect(await lmsValue(page, 'cmi.core.score.raw')).toBe(expectedRaw);
  expect(await lmsValue(page, 'cmi.suspend_data')).toBe(kept);

  // New work on this browser adds to it (question 8 of lesson 1 is already counted at its best).
  const course = sco.frameLocator('#course');
  await course.getByRole('link', { name: 'Why containers need an orchestrator' }).first().click();
  const q8 = course.getByRole('region', { name: /^Question 8 of 11 / });
  // The quiz hydrates when scrolled into view; an answer before that would reach no handler.
  await q8.scrollIntoViewIfNeeded();
  await expect(course.locator('#quiz astro-island')).not.toHaveAttribute('ssr');
  const scoreSets = async () =>
    (await events(page)).filter((e) => e.startsWith('set cmi.core.score.raw='));
  const before = (await scoreSets()).length;
  await q8.getByRole('radio', { name: 'Kubernetes' }).check();
  await q8.getByRole('button', { name: 'Check answer' }).click();
  await expect(q8.getByText('Correct: 1 point of 1.')).toBeVisible();
  // The course reported again after the answer, and no report ever fell to this browser's 1 point.
  await expect.poll(async () => (await scoreSets()).length).toBeGreaterThan(before);
  expect(new Set(await scoreSets())).toEqual(new Set([`set cmi.core.score.raw=${expectedRaw}`]));
  expect(await lmsValue(page, 'cmi.core.score.raw')).toBe(expectedRaw);
  expect(JSON.parse(await lmsValue(page, 'cmi.suspend_data'))).toEqual({
    v: 2,
    l: { 'why-orchestration': [lesson1, 2, 0] },
  });
});

test('a page on an origin the host does not list cannot frame the course (frame-ancestors)', async ({
  page,
  baseURL,
  problems,
}) => {
  const port = new URL(baseURL!).port;
  // Another origin than the test LMS (http://localhost:<port>), which the host lists.
  const elsewhere = `http://localhost:${Number(port) + 1}`;
  await page.route(`${elsewhere}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Elsewhere</title></head>
<body><iframe title="course" src="${baseURL}/lessons/ecs/"></iframe></body></html>`,
    }),
  );
  const course = page.waitForResponse(`${baseURL}/lessons/ecs/`);
  await page.goto(`${elsewhere}/`);
  expect((await course).headers()['content-security-policy']).toBe(
    `frame-ancestors 'self' http://localhost:${port}`,
  );
  await expect.poll(() => page.frames()[1]?.url()).toBe('chrome-error://chromewebdata/');
  // Chromium's own words, with its trailing newline.
  await expect
    .poll(() => problems.consoleErrors)
    .toEqual([
      `Framing '${baseURL}/' violates the following Content Security Policy directive: "frame-ancestors 'self' http://localhost:${port}". The request has been blocked.\n`,
    ]);
  expect(problems.failedRequests).toEqual([
    `${baseURL}/lessons/ecs/ (net::ERR_BLOCKED_BY_RESPONSE)`,
  ]);
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
});
