/**
 * Runs every bench/*.bench.ts and bench/*.bench.mjs in name order with
 * `node --experimental-strip-types`, relaying their output. Figures are printed as
 * `name: value unit`. Exit code is non-zero if any benchmark process fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`# ${file}`);
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', join(dir, file)],
    {
      stdio: 'inherit',
      cwd: join(dir, '..'),
    },
  );
  if (result.status !== 0) {
    failed++;
    console.log(`# ${file} exited with ${result.status ?? result.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
