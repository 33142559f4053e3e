/**
 * Writes a SCORM 1.2 package for LMSs (Moodle, Blackboard, Brightspace, Open edX…): an
 * imsmanifest.xml and the launcher SCO from scorm/, zipped. The launcher frames the course
 * hosted at the URL given here, so the package stays small and the course stays one site.
 *
 *   npm run build:scorm -- --url https://courses.example.edu/shipyard/
 *        [--title "Shipyard"] [--mastery 70] [--out dist-scorm/shipyard-scorm12.zip]
 *
 * The URL may also come from SHIPYARD_COURSE_URL. It must be http(s); an LMS served over
 * https will refuse to frame an http course, so http is accepted only for localhost.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { strToU8, zipSync } from 'fflate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`build:scorm: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      url: { type: 'string' },
      title: { type: 'string', default: 'Shipyard: containers on AWS' },
      mastery: { type: 'string' },
      out: { type: 'string', default: 'dist-scorm/shipyard-scorm12.zip' },
    },
  }).values;
} catch (error) {
  fail(
    `${error.message}\nUsage: npm run build:scorm -- --url https://your.site/ [--title T] [--mastery 0-100] [--out file.zip]`,
  );
}

const raw = args.url ?? process.env.SHIPYARD_COURSE_URL;
if (!raw)
  fail(
    'give the URL where the course is hosted: --url https://your.site/ (or SHIPYARD_COURSE_URL)',
  );
let url;
try {
  url = new URL(raw);
} catch {
  fail(`"${raw}" is not a URL`);
}
const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
  fail(
    `the course URL must use https (LMSs are served over https and browsers refuse to frame http inside them): ${url.href}`,
  );
if (url.hash) fail(`the course URL must not have a #fragment: ${url.href}`);
if (args.title.length === 0 || args.title.length > 200)
  fail('the title must be 1 to 200 characters');
let mastery = null;
if (args.mastery !== undefined) {
  mastery = Number(args.mastery);
  if (!Number.isInteger(mastery) || mastery < 0 || mastery > 100)
    fail(`--mastery must be a whole number from 0 to 100, not "${args.mastery}"`);
}

const xml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const read = (name) => readFileSync(join(root, 'scorm', name), 'utf8');

let manifest = read('imsmanifest.xml')
  .replace('__IDENTIFIER__', `shipyard-${url.host.replace(/[^A-Za-z0-9]/g, '-')}`)
  .replaceAll('__TITLE__', xml(args.title));
manifest =
  mastery === null
    ? manifest.replace(/\n\s*<adlcp:masteryscore>__MASTERY__<\/adlcp:masteryscore>/, '')
    : manifest.replace('__MASTERY__', String(mastery));
const html = read('index.html').replaceAll('__TITLE__', xml(args.title));
const launcher = read('launcher.js').replace("'__COURSE_URL__'", JSON.stringify(url.href));

const files = {
  'imsmanifest.xml': strToU8(manifest),
  'index.html': strToU8(html),
  'launcher.js': strToU8(launcher),
};
// A fixed date keeps the zip byte-for-byte reproducible.
const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
const out = resolve(root, args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip);
console.log(`build:scorm: wrote ${args.out} (${zip.length} bytes) for ${url.href}`);
