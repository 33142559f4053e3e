/**
 * Timeline benchmark harness, run in Chromium by bench/timeline.browser.bench.mjs: `play`
 * runs the hour (set-up), `measure` times showing past seconds (under CPU throttling).
 */
import benchYaml from '../view-harness/bench-1k-tasks.yaml?raw';
import { playHour, timeRewinds, type PlayedHour, type RewindTimes } from '../timeline-run.ts';

declare global {
  interface Window {
    timelineBench: { play: () => number; measure: () => RewindTimes };
  }
}

let hour: PlayedHour | null = null;

window.timelineBench = {
  play: () => {
    hour = playHour(benchYaml);
    return hour.rewind.checkpoints().length;
  },
  measure: () => {
    if (!hour) throw new Error('play first');
    return timeRewinds(hour, () => performance.now());
  },
};
