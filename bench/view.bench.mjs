/**
 * Browser benchmarks for the sandbox view (run by bench/run.mjs, or alone with
 * `node bench/view.bench.mjs`):
 *
 *   view.fps_1k_tasks_64x  median frames per second while the island plays a world of
 *                          100 instances and 1,000 tasks at 64× (budget ≥ 60)
 *   page.lesson_js_gzip    gzip size of all JavaScript /lessons/why-orchestration/ loads
 *                          before any interaction, islands included (budget ≤ 150 KB)
 *   engine.chromium_sim_second_1k_tasks
 *                          median ms of one advance(world, 1) in Chromium at 1,000 running
 *                          tasks, as the island calls it (target ≤ 0.5)
 *   page.lesson_js_gzip_after_first_step
 *                          the same after one Step in the first sandbox (the engine loads on
 *                          first use), for the record
 *   chunk.engine_gzip      the engine core chunk (budget ≤ 66.9 KB, its size before the
 *                          services were split off)
 *   chunk.service_<svc>_gzip
 *                          each service's behaviour chunk, loaded only where a scenario
 *                          runs that service
 *
 * Builds the site (skip with BENCH_SKIP_BUILD=1) and the harness in bench/view-harness/,
 * serves both from 127.0.0.1 and drives Chromium (CHROMIUM_PATH, else Debian's).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildHarness, root, withServedPage } from './browser.mjs';
import { engineChunks } from './chunks.mjs';

async function lessonJsGzip() {
  if (
    process.env.BENCH_SKIP_BUILD !== '1' ||
    !existsSync(join(root, 'dist/lessons/why-orchestration/index.html'))
  ) {
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  return withServedPage(join(root, 'dist'), async (page, base) => {
    const scripts = new Map();
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!type.includes('javascript')) return;
      const body = await response.body().catch(() => null);
      if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
    });
    await page.goto(`${base}/lessons/why-orchestration/`, {
      waitUntil: 'networkidle',
    });
    // Bring every client:visible island into view so it loads, as a reader scrolling would.
    const islands = page.locator('astro-island');
    for (let i = 0; i < (await islands.count()); i++) {
      await islands.nth(i).scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
    }
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    await page.waitForLoadState('networkidle');
    const sum = () => [...scripts.values()].reduce((n, size) => n + size, 0) / 1024;
    const before = sum();
    const files = [...scripts.entries()].sort((a, b) => b[1] - a[1]);
    // For the record: what the first interaction adds (the engine loads on first use).
    await page.getByRole('button', { name: 'Step 10 seconds' }).first().click();
    await page.getByText('00:10 / ', { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
    return { kb: before, afterFirstUse: sum(), files };
  });
}

async function fps1kTasks(outDir) {
  return withServedPage(outDir, async (page, base) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: '64×' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    // Warm up until the service has placed its 1,000 tasks.
    await page.getByText('1000/1000 running').waitFor({ timeout: 120_000 });
    const perSecond = await page.evaluate(
      () =>
        new Promise((done) => {
          const counts = [];
          let frames = 0;
          let start = performance.now();
          const onFrame = (now) => {
            frames++;
            if (now - start >= 1000) {
              counts.push((frames * 1000) / (now - start));
              frames = 0;
              start = now;
            }
            if (counts.length < 8) requestAnimationFrame(onFrame);
            else done(counts);
          };
          requestAnimationFrame(onFrame);
        }),
    );
    if (errors.length) throw new Error(errors.join('\n'));
    const tasks = await page.locator('.sbx-host .sbx-chip').count();
    const sorted = [...perSecond].sort((a, b) => a - b);
    return { fps: sorted[Math.floor(sorted.length / 2)], tasks };
  });
}

/**
 * One simulated second at 1,000 running tasks in Chromium, as the island asks for it:
 * `advance(world, 1)`, a new world each call (structural sharing included), a task crash a
 * minute as in the Node figure. Median and mean ms over ten simulated minutes (target ≤ 0.5).
 */
async function advanceMs1kTasks(outDir) {
  return withServedPage(outDir, async (page, base) => {
    await page.goto(`${base}/?bench=advance`);
    await page.waitForFunction(() => typeof window.benchResult === 'object', null, {
      timeout: 300_000,
    });
    return page.evaluate(() => window.benchResult);
  });
}

const only = process.env.BENCH_VIEW_ONLY;
const harness = only === 'js' ? null : await buildHarness('view-harness');
if (harness && only !== 'fps') {
  const { median, mean } = await advanceMs1kTasks(harness);
  console.log(`engine.chromium_sim_second_1k_tasks: ${median.toFixed(3)} ms (target ≤ 0.5)`);
  console.log(`engine.chromium_sim_second_1k_tasks_mean: ${mean.toFixed(3)} ms`);
}
if (harness && only !== 'advance') {
  const { fps, tasks } = await fps1kTasks(harness);
  console.log(`view.fps_1k_tasks_64x: ${fps.toFixed(1)} fps (${tasks} task chips on screen)`);
}
if (only !== 'fps' && only !== 'advance') {
  const { kb, afterFirstUse, files } = await lessonJsGzip();
  console.log(`page.lesson_js_gzip: ${kb.toFixed(1)} KB`);
  console.log(`page.lesson_js_gzip_after_first_step: ${afterFirstUse.toFixed(1)} KB`);
  if (process.env.BENCH_VERBOSE)
    for (const [url, size] of files) console.log(`  ${(size / 1024).toFixed(1)} KB ${url}`);
  const chunks = engineChunks(join(root, 'dist'));
  console.log(`chunk.engine_gzip: ${(chunks.engine.gzip / 1024).toFixed(1)} KB (budget ≤ 66.9)`);
  for (const [name, chunk] of Object.entries(chunks.services))
    console.log(`chunk.service_${name}_gzip: ${(chunk.gzip / 1024).toFixed(1)} KB`);
}
