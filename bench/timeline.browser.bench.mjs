/**
 * The timeline on a phone-class CPU (run by bench/run.mjs):
 *   timeline.show_any_second_1h_1k_tasks_phone      median time to show a past second of a
 *                                                   one-hour, 1,000-task run, in Chromium with
 *                                                   the CPU throttled 4× (budget ≤ 50 ms)
 *   timeline.show_any_second_1h_1k_tasks_phone_max  the slowest of the 40 seconds asked
 * Bundles bench/timeline-harness/ with Vite, serves it from 127.0.0.1 and drives Chromium
 * (CHROMIUM_PATH, else Debian's). The hour of play before the measurement is not throttled.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../scripts/chromium-path.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = mkdtempSync(join(tmpdir(), 'shipyard-timeline-bench-'));
await build({
  root: join(root, 'bench/timeline-harness'),
  base: './',
  logLevel: 'error',
  configFile: false,
  resolve: {
    alias: [
      { find: /^@sandbox$/, replacement: join(root, 'sandbox/index.ts') },
      { find: /^@sandbox\/(.*)$/, replacement: join(root, 'sandbox/$1') },
      { find: /^@lib\/(.*)$/, replacement: join(root, 'src/lib/$1') },
    ],
  },
  build: { outDir, emptyOutDir: true },
});

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(outDir, path));
  if (!file.startsWith(outDir)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  const type = extname(file) === '.js' ? 'text/javascript' : 'text/html';
  res.writeHead(200, { 'content-type': type });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.timelineBench === 'object');
  // The hour of play is set-up, not the figure: throttle only what the learner waits for.
  await page.evaluate(() => window.timelineBench.play());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const result = await page.evaluate(() => window.timelineBench.measure());
  console.log(`timeline.show_any_second_1h_1k_tasks_phone: ${result.median.toFixed(1)} ms`);
  console.log(`timeline.show_any_second_1h_1k_tasks_phone_max: ${result.max.toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}
