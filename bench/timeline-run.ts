/**
 * The timeline benchmark's run, shared by the Node figure (bench/timeline.bench.ts) and the
 * phone-class browser figure (bench/timeline-harness/): an hour of the 1,000-task benchmark
 * world shown every simulated second with a task crash a minute, then 40 past seconds shown
 * from the checkpoints the island keeps.
 */
import {
  advance,
  applyAction,
  checkGoals,
  loadServices,
  parseScenario,
  replay,
} from '../sandbox/index.ts';
import type { World } from '../sandbox/index.ts';
import { createRewind, type Rewind } from '../src/lib/timeline/rewind.ts';

await loadServices();

export interface PlayedHour {
  rewind: Rewind;
  live: World;
  duration: number;
}

export function playHour(scenarioYaml: string): PlayedHour {
  const parsed = parseScenario(scenarioYaml, 'bench-1k-tasks.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const scenario = parsed.value;
  const rewind = createRewind(scenario, scenario.seed, { replay, checkGoals });
  let world = replay(scenario, [], { until: 0 }).world;
  rewind.observe(world);
  for (let t = 1; t <= scenario.duration; t++) {
    if (t % 60 === 30)
      world = applyAction(world, { type: 'fault.crash', service: 'web' }, 'instructor').world;
    world = advance(world, 1);
    rewind.observe(world);
  }
  return { rewind, live: world, duration: scenario.duration };
}

/** Times showing 40 past seconds, in an order a learner dragging back and forth might ask. */
export function timeRewinds(
  { rewind, live, duration }: PlayedHour,
  now: () => number,
): { median: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = (i * 1777 + 59) % duration;
    const t0 = now();
    const shown = rewind.worldAt(t, live);
    times.push(now() - t0);
    if (shown.time !== t) throw new Error(`asked for ${t}, got ${shown.time}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}
