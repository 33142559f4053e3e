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

/** How many times each past second is shown: its figure is the median of these tries. */
const ROUNDS = 5;

export interface RewindTimes {
  /** The median of every try. */
  median: number;
  /** The slowest second: the largest of the 40 per-second medians. */
  max: number;
  /** The slowest single try (a collection or a throttling pause that landed on it included). */
  maxSingle: number;
}

/**
 * Times showing 40 past seconds, in an order a learner dragging back and forth might ask,
 * ROUNDS times over. A second's figure is the median of its tries, so a slow second shows in
 * `max` whichever round it is asked in, while a pause of the garbage collector (or of the
 * browser's CPU throttling) that lands on one try does not; `maxSingle` reports those too.
 */
export function timeRewinds(
  { rewind, live, duration }: PlayedHour,
  now: () => number,
): RewindTimes {
  const seconds = Array.from({ length: 40 }, (_, i) => (i * 1777 + 59) % duration);
  const tries = seconds.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    seconds.forEach((t, i) => {
      const t0 = now();
      const shown = rewind.worldAt(t, live);
      tries[i]!.push(now() - t0);
      if (shown.time !== t) throw new Error(`asked for ${t}, got ${shown.time}`);
    });
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const all = tries.flat();
  return {
    median: median(all),
    max: Math.max(...tries.map(median)),
    maxSingle: Math.max(...all),
  };
}
