/**
 * Manifest benchmarks (wall time, so only bench/ may use performance.now):
 *   manifest.parse_retail_store   kubectl apply's parser on the EKS Workshop retail store (46 objects)
 *   manifest.refuse_10k_documents the same on a 10,000-document file (refused by the document limit)
 *   manifest.refuse_alias_bomb    the same on a billion-laughs alias bomb (refused by the alias limit)
 *   manifest.refuse_2mb           the same on a 2 MB file (refused by the size limit)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseManifests } from '../sandbox/services/eks/manifest.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

function time(name: string, text: string, expectError: boolean): void {
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const r = parseManifests(text, 'bench.yaml');
    runs.push(performance.now() - t0);
    if ((r.fileError !== null) !== expectError)
      throw new Error(`${name}: unexpected result ${r.fileError ?? 'accepted'}`);
  }
  console.log(`${name}: ${fmt(median(runs))} ms`);
}

const retail = readFileSync(
  new URL('../test/fixtures/manifests/retail-store-deploy.yaml', import.meta.url),
  'utf8',
);
const manyDocs = Array.from(
  { length: 10_000 },
  (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}`,
).join('\n---\n');
const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'])
  bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);

time('manifest.parse_retail_store', retail, false);
time('manifest.refuse_10k_documents', manyDocs, true);
time('manifest.refuse_alias_bomb', bomb.join('\n'), true);
time('manifest.refuse_2mb', `data:\n  big: "${'x'.repeat(2_000_000)}"\n`, true);
