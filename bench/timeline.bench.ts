/**
 * Timeline benchmark (wall time, so only bench/ may use performance.now):
 *   timeline.show_any_second_1h_1k_tasks      median wall time to rebuild and show a past
 *                                             second of a one-hour run at 1,000 tasks, from
 *                                             the checkpoints the island keeps
 *   timeline.show_any_second_1h_1k_tasks_max  the slowest second (each second's figure is
 *                                             the median of its 5 tries)
 *   timeline.show_any_second_1h_1k_tasks_max_single  the slowest single try
 * The budget (≤ 50 ms) is for a phone-class CPU: timeline.browser.bench.mjs measures that.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { playHour, timeRewinds } from './timeline-run.ts';

const hour = playHour(readFileSync('bench/view-harness/bench-1k-tasks.yaml', 'utf8'));
const running = Object.values(hour.live.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING');
if (running.length < 990)
  throw new Error(`expected about 1000 running tasks, got ${running.length}`);
const { median, max, maxSingle } = timeRewinds(hour, () => performance.now());
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
console.log(`timeline.show_any_second_1h_1k_tasks: ${fmt(median)} ms`);
console.log(`timeline.show_any_second_1h_1k_tasks_max: ${fmt(max)} ms`);
console.log(`timeline.show_any_second_1h_1k_tasks_max_single: ${fmt(maxSingle)} ms`);
console.log(`timeline.checkpoints_1h: ${hour.rewind.checkpoints().length}`);
