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
  /** @type {Record<string, { file: string, gzip: number }>} */
  const services = {};
  for (const f of files) {
    const m = SERVICE_CHUNK.exec(f);
    if (m) services[m[1]] = { file: f, gzip: gzip(join(dir, f)) };
  }
  return { engine: { file: engines[0], gzip: gzip(join(dir, engines[0])) }, services };
}

/**
 * Everything the engine core loads with it before any service (its chunk and the chunks it
 * imports statically, transitively): what the first interaction with any sandbox costs.
 * @returns {{ files: string[], gzip: number }}
 */
export function engineClosure(dist) {
  const dir = join(dist, '_astro');
  const seen = new Set();
  const todo = [engineChunks(dist).engine.file];
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) todo.push(m[1]);
  }
  const files = [...seen].sort();
  return { files, gzip: files.reduce((n, f) => n + gzip(join(dir, f)), 0) };
}

/**
 * Marks of Kubernetes code, each found in one part only: the EKS view
 * (src/components/sandbox/eks/EksView.tsx: the Pending tray), the entity dialog it opens
 * (EksDialog.tsx with the scheduler explanations of src/lib/sandbox-view/eks-why.ts), the EKS
 * behaviour (the scheduler's FailedScheduling text) and EKS's static parts composed into the
 * engine core (the action schemas' wording).
 */
export const KUBERNETES_MARKS = {
  view: 'Waiting for a node',
  dialog: 'Why still Pending?',
  behaviour: 'no nodes available to schedule pods',
  schemas: 'a Fargate profile needs at least one selector',
};

/**
 * Which built JavaScript files hold each Kubernetes mark: `{ view: [files], … }`.
 * @param {string} dist
 * @returns {{ view: string[], dialog: string[], behaviour: string[], schemas: string[] }}
 */
export function kubernetesChunks(dist) {
  const dir = join(dist, '_astro');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  /** @type {{ view: string[], dialog: string[], behaviour: string[], schemas: string[] }} */
  const out = { view: [], dialog: [], behaviour: [], schemas: [] };
  for (const [part, mark] of /** @type {[keyof typeof out, string][]} */ (
    Object.entries(KUBERNETES_MARKS)
  ))
    out[part] = files.filter((f) => readFileSync(join(dir, f), 'utf8').includes(mark));
  return out;
}

/** `node bench/chunks.mjs [dist]`: the engine core, each service chunk and the Kubernetes view, gzip. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const chunks = engineChunks(dist);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`chunk.engine_gzip: ${kb(chunks.engine.gzip)} (${chunks.engine.file})`);
  const closure = engineClosure(dist);
  console.log(
    `chunk.engine_with_imports_gzip: ${kb(closure.gzip)} (${closure.files.length} files: ${closure.files.join(', ')})`,
  );
  for (const [name, chunk] of Object.entries(chunks.services))
    console.log(`chunk.service_${name}_gzip: ${kb(chunk.gzip)} (${chunk.file})`);
  const k8s = kubernetesChunks(dist);
  for (const [part, files] of Object.entries(k8s))
    for (const f of files)
      console.log(`kubernetes.${part}: ${kb(gzip(join(dist, '_astro', f)))} (${f})`);
}
