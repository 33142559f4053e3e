/**
 * Gradebook benchmark (run by bench/run.mjs, or alone with `node bench/gradebook.bench.mjs`):
 *
 *   gradebook.grade_30_results   wall time to read, verify and re-grade 30 result files of an
 *                                assignment with two ECS challenges (each with a scheduled
 *                                fault, replayed to the scenario's end) and an 11-question quiz,
 *                                cold (first batch in a fresh process; budget < 5,000 ms)
 *   gradebook.grade_30_results_warm   the median of 5 more batches, for the record
 *
 * The site's modules use Vite aliases (@sandbox, @lib), so they are loaded through Vite's SSR
 * loader; the grading code is exactly the browser's.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
  resolve: {
    alias: [
      { find: /^@sandbox$/, replacement: `${root}sandbox/index.ts` },
      { find: /^@sandbox\/(.*)$/, replacement: `${root}sandbox/$1` },
      { find: /^@components\/(.*)$/, replacement: `${root}src/components/$1` },
      { find: /^@lib\/(.*)$/, replacement: `${root}src/lib/$1` },
    ],
  },
});

try {
  const { loadServices } = await server.ssrLoadModule('/sandbox/index.ts');
  await loadServices();
  const fixtures = await server.ssrLoadModule('/test/assignments/fixtures.ts');
  const { makeResult } = await server.ssrLoadModule('/src/lib/assignments/make-result.ts');
  const { gradeFiles } = await server.ssrLoadModule('/src/lib/gradebook/grade-files.ts');
  const catalog = fixtures.nodeCatalog();
  const { assignment, token, key } = await fixtures.signedAssignment({
    id: 'a1b2c3d4e5f60718',
    title: 'ECS lab',
    due: null,
    seed: null,
    challenges: [
      {
        scenario: 'ecs-first-service',
        faults: [{ at: 120, action: { type: 'fault.crash', service: 'web' } }],
      },
      {
        scenario: 'ecs-az-outage-spread',
        faults: [{ at: 100, action: { type: 'fault.crash', service: 'web' } }],
      },
    ],
    quizzes: ['why-orchestration'],
  });
  const files = Array.from({ length: 30 }, (_, i) => {
    const learner = {
      name: `Learner ${i + 1}`,
      email: `learner${i + 1}@example.edu`,
      sisLogin: '',
    };
    const work = fixtures.solvedWork(assignment, catalog, learner);
    return {
      name: `learner-${i + 1}.json`,
      text: JSON.stringify(makeResult(assignment, token, work, catalog, fixtures.FIXED_TIME)),
    };
  });

  const batch = async () => {
    const started = performance.now();
    const graded = await gradeFiles(files, catalog, key.publicJwk);
    const ms = performance.now() - started;
    const passed = graded.outcomes.filter((o) => o.ok && o.grade.percent === 100).length;
    if (passed !== 30) throw new Error(`expected 30 full grades, got ${passed}`);
    return ms;
  };
  const cold = await batch();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await batch());
  warm.sort((a, b) => a - b);
  console.log(`gradebook.grade_30_results: ${cold.toFixed(0)} ms`);
  console.log(`gradebook.grade_30_results_warm: ${warm[2].toFixed(0)} ms`);
} finally {
  await server.close();
}
