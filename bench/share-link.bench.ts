/**
 * Exact-state link lengths (run by bench/run.mjs): every scenario's solution, played to its
 * last action plus two minutes, encoded as the course encodes a "Copy link".
 *
 *   share.link_chars_longest_solution  characters of the longest such address (budget ≈ 2,000)
 *   share.link_chars_median_solution   the median over all scenarios
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, loadServices, parseScenario } from '../sandbox/index.ts';
import { stateOfWorld } from '../src/lib/share/shared-state.ts';
import { encodeStateLink } from '../src/lib/share/state-link.ts';

await loadServices();

const dir = join(import.meta.dirname, '../sandbox/scenarios');
const lengths: [string, number][] = [];
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
