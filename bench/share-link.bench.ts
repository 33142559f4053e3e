/**
 * Exact-state link lengths (run by bench/run.mjs): every scenario's solution, played to its
 * last action plus two minutes, encoded as the course encodes a "Copy link".
 *
 *   share.link_chars_longest_solution  characters of the longest such address (budget ≈ 2,000)
 *   share.link_chars_median_solution   the median over all scenarios
 *   share.deflate_bytes_fflate / _compression_stream
 *                                      the same states' JSON deflated by fflate (level 9, what
 *                                      link-v1.ts ships) and by the built-in
 *                                      CompressionStream('deflate-raw'), summed over all
 *                                      scenarios, with the largest difference on one scenario
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'fflate';
import { createSandbox, loadServices, parseScenario } from '../sandbox/index.ts';
import { fromBase64Url } from '../src/lib/share/base64url.ts';
import { stateOfWorld } from '../src/lib/share/shared-state.ts';
import { encodeStateLink } from '../src/lib/share/state-link.ts';

await loadServices();

const dir = join(import.meta.dirname, '../sandbox/scenarios');
const lengths: [string, number][] = [];
/** Per scenario: [id, fflate bytes, CompressionStream bytes]. */
const deflated: [string, number, number][] = [];

async function compressionStreamBytes(data: Uint8Array): Promise<number> {
  const stream = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const parsed = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.error)}`);
  const scenario = parsed.value;
  const actor = createSandbox(scenario);
  for (const step of [...scenario.solution].sort((a, b) => a.at - b.at)) {
    const now = actor.getSnapshot().context.world.time;
    if (step.at > now) actor.send({ type: 'sim.advance', seconds: step.at - now });
    actor.send({ type: 'learner.action', action: step.action });
  }
  actor.send({ type: 'sim.advance', seconds: 120 });
  const fragment = encodeStateLink(stateOfWorld(actor.getSnapshot().context.world));
  const data = fromBase64Url(fragment.slice(fragment.indexOf('.') + 1));
  if (!data.ok) throw new Error(`${scenario.id}: the link does not decode`);
  const json = inflateSync(data.bytes);
  deflated.push([
    scenario.id,
    deflateSync(json, { level: 9 }).length,
    await compressionStreamBytes(json),
  ]);
  lengths.push([
    scenario.id,
    `https://shipyard.example.org/lessons/${scenario.lesson ?? 'x'}/${fragment}`.length,
  ]);
}
lengths.sort((a, b) => a[1] - b[1]);
const longest = lengths.at(-1)!;
console.log(`share.link_chars_longest_solution: ${longest[1]} chars (${longest[0]})`);
console.log(
  `share.link_chars_median_solution: ${lengths[Math.floor(lengths.length / 2)]![1]} chars`,
);
const sum = (i: 1 | 2) => deflated.reduce((total, row) => total + row[i], 0);
const differences = deflated.map((row) => row[1] - row[2]);
const widest = deflated[differences.indexOf(Math.max(...differences))]!;
console.log(`share.deflate_bytes_fflate: ${sum(1)} bytes (${deflated.length} scenarios)`);
console.log(`share.deflate_bytes_compression_stream: ${sum(2)} bytes`);
console.log(
  `share.deflate_bytes_difference_per_scenario: ${Math.min(...differences)} to ${Math.max(...differences)} bytes, fflate minus CompressionStream (most: ${widest[0]}, ${widest[1]} vs ${widest[2]})`,
);
