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
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { engineChunks } from './chunks.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

function browserPath() {
  return [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(
    (p) => p && existsSync(p),
  );
}

async function withPage(fn) {
  const browser = await chromium.launch({
    executablePath: browserPath(),
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    return await fn(page);
  } finally {
    await browser.close();
  }
}

async function lessonJsGzip() {
  if (
    process.env.BENCH_SKIP_BUILD !== '1' ||
    !existsSync(join(root, 'dist/lessons/why-orchestration/index.html'))
  ) {
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const server = await serve(join(root, 'dist'));
  const { port } = server.address();
  try {
    return await withPage(async (page) => {
      const scripts = new Map();
      page.on('response', async (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript')) return;
        const body = await response.body().catch(() => null);
        if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
      });
      await page.goto(`http://127.0.0.1:${port}/lessons/why-orchestration/`, {
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
  } finally {
    server.close();
  }
}

async function fps1kTasks() {
  const outDir = mkdtempSync(join(tmpdir(), 'shipyard-view-bench-'));
  await build({
    root: join(root, 'bench/view-harness'),
    base: './',
    logLevel: 'error',
    configFile: false,
    resolve: {
      alias: [
        { find: /^@sandbox$/, replacement: join(root, 'sandbox/index.ts') },
        { find: /^@sandbox\/(.*)$/, replacement: join(root, 'sandbox/$1') },
        { find: /^@lib\/(.*)$/, replacement: join(root, 'src/lib/$1') },
        { find: /^@components\/(.*)$/, replacement: join(root, 'src/components/$1') },
        // Monaco's old worker path (as in astro.config.mjs); only the lazily loaded editor uses it.
        { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
      ],
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true },
  });
  const server = await serve(outDir);
  const { port } = server.address();
  try {
    return await withPage(async (page) => {
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${port}/`);
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
  } finally {
    server.close();
  }
}

/** Median ms of one `advance(world, 1)` at 1,000 running tasks, in Chromium (target ≤ 0.5). */
async function advanceMs1kTasks() {
  const outDir = mkdtempSync(join(tmpdir(), 'shipyard-advance-bench-'));
  await build({
    root: join(root, 'bench/view-harness'),
    base: './',
    logLevel: 'error',
    configFile: false,
    resolve: {
      alias: [
        { find: /^@sandbox$/, replacement: join(root, 'sandbox/index.ts') },
        { find: /^@sandbox\/(.*)$/, replacement: join(root, 'sandbox/$1') },
        { find: /^@lib\/(.*)$/, replacement: join(root, 'src/lib/$1') },
        { find: /^@components\/(.*)$/, replacement: join(root, 'src/components/$1') },
        { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
      ],
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true },
  });
  const server = await serve(outDir);
  const { port } = server.address();
  try {
    return await withPage(async (page) => {
      await page.goto(`http://127.0.0.1:${port}/?bench=advance`);
      await page.waitForFunction(() => typeof window.benchResult === 'number', null, {
        timeout: 300_000,
      });
      return page.evaluate(() => window.benchResult);
    });
  } finally {
    server.close();
  }
}

const only = process.env.BENCH_VIEW_ONLY;
if (only !== 'js' && only !== 'fps') {
  const ms = await advanceMs1kTasks();
  console.log(`engine.chromium_sim_second_1k_tasks: ${ms.toFixed(3)} ms (target ≤ 0.5)`);
}
if (only !== 'js' && only !== 'advance') {
  const { fps, tasks } = await fps1kTasks();
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
