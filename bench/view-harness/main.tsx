/**
 * Benchmark harness: the real sandbox island outside Astro. bench/view.bench.mjs bundles it
 * with Vite and drives it in Chromium. `?scenario=<id>` loads sandbox/scenarios/<id>.yaml
 * instead of the 100-instance, 1,000-task benchmark world.
 */
import { createRoot } from 'react-dom/client';
import {
  advance,
  applyAction,
  checkGoals,
  createWorld,
  loadServices,
  parseScenario,
  type World,
} from '@sandbox';
import SandboxIsland from '../../src/components/sandbox/SandboxIsland.tsx';
import '../../src/components/sandbox/sandbox.css';
import benchYaml from './bench-1k-tasks.yaml?raw';

await loadServices();

const scenarios = import.meta.glob<string>('../../sandbox/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const wanted = new URLSearchParams(window.location.search).get('scenario');
const text = wanted ? scenarios[`../../sandbox/scenarios/${wanted}.yaml`] : benchYaml;
const parsed = parseScenario(text ?? '', `${wanted ?? 'bench-1k-tasks'}.yaml`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const root = document.getElementById('root');
const initialWorld = createWorld(parsed.value);

/**
 * `?bench=advance`: no view; times `advance(world, 1)` as the island calls it (one simulated
 * second per call, a new world each time) once the 1,000 tasks run, with a task crash a minute
 * as in bench/engine.bench.ts, and publishes the median and mean in milliseconds as
 * `window.benchResult`.
 */
function benchAdvance(start: World): { median: number; mean: number } {
  let world = start;
  const running = (w: World) =>
    Object.values(w.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  for (let k = 0; k < 120 && running(world) < 1000; k++) world = advance(world, 10);
  world = advance(world, 120);
  const times: number[] = [];
  for (let k = 0; k < 600; k++) {
    if (k % 60 === 30)
      world = applyAction(world, { type: 'fault.crash', service: 'web' }, 'instructor').world;
    const t0 = performance.now();
    world = advance(world, 1);
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, mean };
}

const mode = new URLSearchParams(window.location.search).get('bench');
if (mode === 'advance') {
  Reflect.set(window, 'benchResult', benchAdvance(initialWorld));
} else if (root) {
  createRoot(root).render(
    <SandboxIsland
      scenario={parsed.value}
      initialWorld={initialWorld}
      initialGoals={checkGoals(initialWorld, parsed.value)}
    />,
  );
}
