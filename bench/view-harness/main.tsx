/**
 * Benchmark harness: the real sandbox island outside Astro. bench/view.bench.mjs bundles it
 * with Vite and drives it in Chromium. `?scenario=<id>` loads sandbox/scenarios/<id>.yaml
 * instead of the 100-instance, 1,000-task benchmark world.
 */
import { createRoot } from 'react-dom/client';
import { checkGoals, createWorld, parseScenario } from '@sandbox';
import SandboxIsland from '../../src/components/sandbox/SandboxIsland.tsx';
import '../../src/components/sandbox/sandbox.css';
import benchYaml from './bench-1k-tasks.yaml?raw';

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
if (root) {
  createRoot(root).render(
    <SandboxIsland
      scenario={parsed.value}
      initialWorld={initialWorld}
      initialGoals={checkGoals(initialWorld, parsed.value)}
    />,
  );
}
