#!/usr/bin/env node
/**
 * Serves the built site (`dist/`) on 127.0.0.1 for the browser tests, with the headers the README
 * asks a static host to send that a `<meta>` policy cannot: `frame-ancestors` (who may frame the
 * course: `--frame-ancestors`, the sources a SCORM launcher's LMS needs; default 'self') and
 * `X-Content-Type-Options: nosniff`.
 *
 * The tests serve the build themselves instead of through `astro preview`, which allows one
 * preview server per machine: an author's open preview would otherwise stop `npm test`.
 * Usage: node scripts/serve-dist.mjs --port 4399 [--root dist] [--frame-ancestors "'self' https://lms…"]
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const root = resolve(option('root', 'dist'));
const port = Number(option('port', '4399'));
const frameAncestors = option('frame-ancestors', "'self'");
if (!/^[\w'.:/* -]+$/.test(frameAncestors))
  throw new Error(`--frame-ancestors: not a list of CSP sources: ${frameAncestors}`);
/** Sent with every answer. */
const HEADERS = {
  'content-security-policy': `frame-ancestors ${frameAncestors}`,
  'x-content-type-options': 'nosniff',
};

/** The file a URL path names inside `root`, or null (never a path outside it). */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  for (const candidate of [full, join(full, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

function send(response, status, file) {
  response.writeHead(status, {
    ...HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}

const server = createServer((request, response) => {
  const url = request.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  // Directory URLs without their trailing slash redirect, as a static host does.
  if (!path.endsWith('/') && !extname(path) && fileFor(`${path}/`)) {
    response.writeHead(301, { ...HEADERS, location: `${path}/` });
    response.end();
    return;
  }
  const file = fileFor(url);
  if (file) return send(response, 200, file);
  const notFound = fileFor('/404.html');
  if (notFound) return send(response, 404, notFound);
  response.writeHead(404, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  response.end('Not found');
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
});
