/**
 * The built site's engine chunks, read from dist/_astro (shared by bench/view.bench.mjs and
 * test/e2e/service-chunks.spec.ts): the engine core (the chunk the island's engine boundary
 * loads; it holds the composition and the engine) and one behaviour chunk per service
 * (`<svc>-behaviour.<hash>.js`, loaded by `loadServicesFor`). Sizes are gzip level 9, as the
 * page-weight figures are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A message only the engine core (sandbox/engine/engine.ts) contains. */
const ENGINE_MARK = 'its module declares';
const SERVICE_CHUNK = /^([a-z0-9]+)-behaviour\.[\w-]+\.js$/;

const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** `{ engine: { file, gzip }, services: { [name]: { file, gzip } } }` for the built site in `dist`. */
export function engineChunks(dist) {
  const dir = join(dist, '_astro');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const engines = files.filter(
    (f) =>
      !f.includes('worker') &&
      !SERVICE_CHUNK.test(f) &&
      readFileSync(join(dir, f), 'utf8').includes(ENGINE_MARK),
  );
  if (engines.length !== 1)
    throw new Error(`expected one engine chunk in ${dir}, found ${engines.join(', ') || 'none'}`);
  const services = {};
  for (const f of files) {
    const m = SERVICE_CHUNK.exec(f);
    if (m) services[m[1]] = { file: f, gzip: gzip(join(dir, f)) };
  }
  return { engine: { file: engines[0], gzip: gzip(join(dir, engines[0])) }, services };
}
