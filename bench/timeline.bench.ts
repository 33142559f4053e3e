/**
 * Timeline benchmark (wall time, so only bench/ may use performance.now):
 *   timeline.show_any_second_1h_1k_tasks   median wall time to rebuild and show a past second
 *                                          of a one-hour run at 1,000 tasks, from the
 *                                          checkpoints the island keeps (budget ≤ 50 ms on a
 *                                          phone-class CPU; a phone is about 4× slower than
 *                                          this machine's Node, so ≤ 12 ms here)
 *   timeline.show_any_second_1h_1k_tasks_max   the slowest of those seconds
 * The run crashes a task every minute and is shown every simulated second, as the island
 * shows it at 1×.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { advance, applyAction, checkGoals, parseScenario, replay } from '../sandbox/index.ts';
import { createRewind } from '../src/lib/timeline/rewind.ts';

const parsed = parseScenario(readFileSync('bench/view-harness/bench-1k-tasks.yaml', 'utf8'));
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
const running = Object.values(world.ecs.tasks).filter(
  (task) => task.lastStatus === 'RUNNING',
).length;
if (running < 990) throw new Error(`expected about 1000 running tasks, got ${running}`);

// Seconds spread over the hour, in an order a learner dragging back and forth might ask.
const seconds = Array.from({ length: 40 }, (_, i) => (i * 1777 + 59) % scenario.duration);
const times: number[] = [];
for (const t of seconds) {
  const t0 = performance.now();
  const shown = rewind.worldAt(t, world);
  times.push(performance.now() - t0);
  if (shown.time !== t) throw new Error(`asked for ${t}, got ${shown.time}`);
}
times.sort((a, b) => a - b);
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
console.log(
  `timeline.show_any_second_1h_1k_tasks: ${fmt(times[Math.floor(times.length / 2)]!)} ms`,
);
console.log(`timeline.show_any_second_1h_1k_tasks_max: ${fmt(times.at(-1)!)} ms`);
console.log(`timeline.checkpoints_1h: ${rewind.checkpoints().length}`);
