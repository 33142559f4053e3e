/**
 * What the browser benchmarks share: bundling a harness folder with Vite, serving a folder
 * from 127.0.0.1 on a free port, and a Chromium page that can reach nothing but that server.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../scripts/chromium-path.mjs';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Bundles bench/<name>/ (an index.html and its modules) for production; returns the output folder. */
export async function buildHarness(name) {
  const outDir = mkdtempSync(join(tmpdir(), `shipyard-${name}-`));
  await build({
    root: join(root, 'bench', name),
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
  return outDir;
}

/** Serves `dir` read-only; resolves to the listening server. */
export function serve(dir) {
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

/**
 * Runs `fn(page, baseUrl)` against `dir` served locally, then closes the browser and server.
 * `args` are Chromium switches added to the ones every bench uses.
 */
export async function withServedPage(
  dir,
  fn,
  { viewport = { width: 1280, height: 900 }, args = [] } = {},
) {
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', ...args],
  });
  try {
    const page = await browser.newPage({ viewport });
    return await fn(page, base);
  } finally {
    await browser.close();
    server.close();
  }
}
