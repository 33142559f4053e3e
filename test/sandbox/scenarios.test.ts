import { describe, expect, it } from 'vitest';
import { checkGoals, replay } from '../../sandbox/index.ts';
import { loadScenario, scenarioFiles } from './helpers.ts';

describe('every scenario', () => {
  const files = scenarioFiles();
  it('exists in the required set', () => {
    const ids = files.map((f) => f.replace(/\.yaml$/, ''));
    for (const id of [
      'why-orchestration-by-hand',
      'why-orchestration-orchestrated',
      'ecs-outgrows-capacity',
      'ecs-no-agent',
      'ecs-az-outage-no-spread',
      'ecs-az-outage-spread',
      'fargate-service',
      'fargate-cost-comparison',
    ]) {
      expect(ids).toContain(id);
    }
  });
  for (const file of files) {
    describe(file, () => {
      const scenario = loadScenario(file);
      it('has an id matching its file name, hints and a solution', () => {
        expect(`${scenario.id}.yaml`).toBe(file);
        expect(scenario.hints.length).toBeGreaterThan(0);
        expect(scenario.solution.length).toBeGreaterThan(0);
      });
      it('solution passes every goal', () => {
        const log = scenario.solution.map((s) => ({
          at: s.at,
          by: 'learner' as const,
          action: s.action,
        }));
        const { world, results } = replay(scenario, log, { until: scenario.duration });
        expect(results.filter((r) => !r.ok)).toEqual([]);
        const goals = checkGoals(world, scenario);
        expect(goals.filter((g) => g.status !== 'pass')).toEqual([]);
      }, 60_000);
      it('doing nothing fails at least one goal', () => {
        const { world } = replay(scenario, [], { until: scenario.duration });
        const goals = checkGoals(world, scenario);
        expect(goals.some((g) => g.status === 'fail')).toBe(true);
      }, 60_000);
    });
  }
});
