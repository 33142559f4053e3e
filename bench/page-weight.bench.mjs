/**
 * JavaScript each lesson page (and the decision guide) runs before any interaction (run by
 * bench/run.mjs, or alone with `node bench/page-weight.bench.mjs [--files]`):
 *
 *   page-js.<page>            gzip size (level 9, as bench/chunks.mjs) of every script the
 *                             page ran on opening: each script response (its bytes gzipped
 *                             here, whatever the server sent) and each inline script
 *   page-js-scrolled.<page>   the same once every island has been scrolled into view, as a
 *                             reader going down the page does: the sandboxes, quizzes and
 *                             comparisons have loaded, nothing has been clicked
 *
 * Budget: 150 KB for both figures on every page. The course's budget is "a lesson page before
 * the editor is opened: ≤ 150 KB gzip, sandbox included"; the sandboxes are `client:visible`
 * and none is in view on opening at 1280×800, so only the scrolled figure includes them.
 *
 * Each page is opened in a fresh browser context at 1280×800 (a first visit; service workers
 * blocked, see scriptsRun). "Ran" means
 * requested as a script; the offline client's fetches of the editor's files into a cache are
 * not scripts and are not counted. Waiting means: the network is idle and the browser has had
 * an idle moment (Starlight starts work in idle callbacks), again until nothing new arrives.
 *
 * Prints `OVER BUDGET` and exits 1 when a figure exceeds the budget; with `--files` (or for a
 * figure over budget) lists its scripts, largest first. Builds the site first (skip with
 * BENCH_SKIP_BUILD=1 when dist/ is current).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, withServedPage } from './browser.mjs';

const BUDGET_KB = 150;
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** Page name → path. The lessons are lessons/*.mdx by their `id`. */
const PAGES = {
  'why-orchestration': '/lessons/why-orchestration/',
  ecs: '/lessons/ecs/',
  fargate: '/lessons/fargate/',
  eks: '/lessons/eks/',
  'node-groups': '/lessons/node-groups/',
  ecr: '/lessons/ecr/',
  pipeline: '/lessons/pipeline/',
  decide: '/decide/',
};
/** `type` values a browser runs as script (empty means classic JavaScript). */
const SCRIPT_TYPES = ['', 'module', 'text/javascript', 'application/javascript'];

const gzipKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1024;

/**
 * Opens `url` in a fresh browser context (a first visit: nothing cached, no service worker
 * yet) and returns `{ name, kb }` for every script the page ran, largest first. With
 * `read`, then brings every island into view in turn, as a reader scrolling down would, and
 * counts what that loads too.
 * @param {import('playwright-core').Browser} browser
 */
async function scriptsRun(browser, url, { read }) {
  // No service worker: once it claims the page, scripts it serves may not be reported to the
  // page, so what was counted would depend on how fast it installed. The page runs the same
  // scripts either way.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  /** @type {Map<string, Promise<number>>} */
  const external = new Map();
  page.on('response', (response) => {
    // Scripts only: the offline client also fetches the editor's files into a cache, unrun.
    if (response.request().resourceType() !== 'script' || external.has(response.url())) return;
    external.set(
      response.url(),
      response.body().then(gzipKb, () => 0),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await settle(page, external);
  if (read) {
    // Until every island has hydrated: one scrolled past while the page above it grew may not
    // have been seen, so bring the first one still waiting into view, and again.
    const waiting = page.locator('astro-island[ssr]');
    while ((await waiting.count()) > 0) {
      // A handle, not the locator: once this one hydrates, `waiting.first()` is the next one.
      const island = await waiting.first().elementHandle();
      await island.scrollIntoViewIfNeeded();
      await island.evaluate(
        (element) =>
          new Promise((done) => {
            const hydrated = () => !element.hasAttribute('ssr') && (done(undefined), true);
            if (hydrated()) return;
            setTimeout(() => done(undefined), 30_000);
            new MutationObserver((_, observer) => hydrated() && observer.disconnect()).observe(
              element,
              { attributes: true, attributeFilter: ['ssr'] },
            );
          }),
      );
      if (await island.evaluate((element) => element.hasAttribute('ssr')))
        throw new Error(`${url}: an island did not hydrate within 30 s of coming into view`);
      await settle(page, external);
    }
  }
  const inline = await page.evaluate(
    (types) =>
      [...document.scripts]
        .filter((s) => !s.src && types.includes(s.type.trim().toLowerCase()))
        .map((s) => s.textContent ?? ''),
    SCRIPT_TYPES,
  );
  const files = [];
  for (const [address, kb] of external)
    files.push({ name: new URL(address).pathname, kb: await kb });
  inline.forEach((text, i) => files.push({ name: `(inline script ${i + 1})`, kb: gzipKb(text) }));
  await context.close();
  return files.sort((a, b) => b.kb - a.kb);
}

/** Waits for an idle moment and an idle network, again until a round loads no new script. */
async function settle(page, external) {
  let seen = -1;
  while (seen !== external.size) {
    seen = external.size;
    await page.evaluate(
      () => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 3000 })),
    );
    await page.waitForLoadState('networkidle');
  }
}

if (
  process.env.BENCH_SKIP_BUILD !== '1' ||
  !existsSync(join(root, 'dist/lessons/why-orchestration/index.html'))
) {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const listAll = process.argv.includes('--files');
const over = [];
await withServedPage(
  join(root, 'dist'),
  async (page, base) => {
    const browser = page.context().browser();
    for (const [name, path] of Object.entries(PAGES)) {
      for (const [figure, read] of [
        [`page-js.${name}`, false],
        [`page-js-scrolled.${name}`, true],
      ]) {
        const files = await scriptsRun(browser, `${base}${path}`, { read });
        const kb = files.reduce((n, f) => n + f.kb, 0);
        console.log(`${figure}: ${kb.toFixed(1)} KB gzip`);
        if (kb > BUDGET_KB) over.push(`${figure} (${kb.toFixed(1)} KB)`);
        if (listAll || kb > BUDGET_KB)
          for (const f of files) console.log(`#   ${f.kb.toFixed(1).padStart(6)} KB  ${f.name}`);
      }
    }
  },
  { viewport: VIEWPORT, args: CHROMIUM_ARGS },
);
if (over.length > 0) {
  console.log(`OVER BUDGET: ${over.join(', ')}; the budget is ${BUDGET_KB} KB gzip`);
  process.exitCode = 1;
}
