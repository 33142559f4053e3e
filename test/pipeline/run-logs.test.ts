/**
 * Golden run logs: every pipeline scenario's solution, replayed, with each run's jobs, steps,
 * statuses, times and log lines. Regenerate deliberately with
 * UPDATE_GOLDEN=1 npx vitest run test/pipeline/run-logs.test.ts and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGoals, replay, type World } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
const SCENARIOS = ['pipeline-first-run', 'pipeline-oidc', 'pipeline-bad-release'];

export function runLogText(world: World): string {
  const out: string[] = [];
  for (const run of world.pipeline!.runs) {
    out.push(
      `# run ${run.number} ${run.sha.slice(0, 7)} "${run.message}" ${run.status} ${run.createdAt}-${run.completedAt}`,
    );
    for (const job of run.jobs) {
      out.push(`## ${job.id} ${job.status} ${job.startedAt}-${job.completedAt}`);
      for (const s of job.steps) {
        out.push(`### ${s.name}: ${s.status} ${s.startedAt}-${s.completedAt}`);
        for (const l of s.log) out.push(`${l.at} ${l.text}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

describe('pipeline scenarios', () => {
  for (const id of SCENARIOS) {
    it(`${id}: the solution passes every goal and its run logs are pinned`, () => {
      const scenario = loadScenario(`${id}.yaml`);
      const log = scenario.solution.map((s) => ({
        at: s.at,
        by: 'learner' as const,
        action: s.action,
      }));
      const { world, results } = replay(scenario, log, { until: scenario.duration });
      expect(results.every((r) => r.ok)).toBe(true);
      expect(checkGoals(world, scenario, { final: true }).map((g) => [g.id, g.status])).toEqual(
        scenario.goals.map((g) => [g.id, 'pass']),
      );
      const text = runLogText(world);
      const path = join(DIR, `${id}.txt`);
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, text);
      }
      expect(existsSync(path), `missing ${path}`).toBe(true);
      expect(text).toBe(readFileSync(path, 'utf8'));
    }, 60_000);

    it(`${id}: doing nothing fails a goal`, () => {
      const scenario = loadScenario(`${id}.yaml`);
      const { world } = replay(scenario, [], { until: scenario.duration });
      expect(checkGoals(world, scenario, { final: true }).some((g) => g.status === 'fail')).toBe(
        true,
      );
    }, 60_000);
  }
});
