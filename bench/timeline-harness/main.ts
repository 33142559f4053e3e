/**
 * Timeline benchmark harness, run in Chromium by bench/timeline.browser.bench.mjs: plays the
 * 1,000-task benchmark world for an hour as the island shows it (every simulated second, a
 * task crash a minute), then times rebuilding 40 past seconds from the island's checkpoints.
 */
import { advance, applyAction, checkGoals, parseScenario, replay } from '@sandbox';
import { createRewind } from '@lib/timeline/rewind.ts';
import benchYaml from '../view-harness/bench-1k-tasks.yaml?raw';

declare global {
  interface Window {
    timelineBench: {
      play: () => number;
      measure: () => { median: number; max: number };
    };
  }
}

let measure: () => { median: number; max: number } = () => {
  throw new Error('play first');
};

function play(): number {
  const parsed = parseScenario(benchYaml, 'bench-1k-tasks.yaml');
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
  const live = world;
  measure = () => timeRewinds(rewind, live, scenario.duration);
  return rewind.checkpoints().length;
}

function timeRewinds(
  rewind: ReturnType<typeof createRewind>,
  world: Parameters<ReturnType<typeof createRewind>['observe']>[0],
  duration: number,
) {
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = (i * 1777 + 59) % duration;
    const t0 = performance.now();
    const shown = rewind.worldAt(t, world);
    times.push(performance.now() - t0);
    if (shown.time !== t) throw new Error(`asked for ${t}, got ${shown.time}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

window.timelineBench = { play, measure: () => measure() };
