/**
 * Golden event logs: one per scenario, from its solution. Regenerate deliberately with
 * UPDATE_GOLDEN=1 npm run test:unit -- test/golden and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashWorld, replay } from '../../sandbox/index.ts';
import { loadScenario, scenarioFiles } from '../sandbox/helpers.ts';

const DIR = join(import.meta.dirname, 'logs');
const UPDATE = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;

describe('golden event logs', () => {
  for (const file of scenarioFiles()) {
    it(`${file} replays its solution to the pinned log`, () => {
      const scenario = loadScenario(file);
      const log = scenario.solution.map((s) => ({ at: s.at, by: 'learner' as const, action: s.action }));
      const { world } = replay(scenario, log, { until: scenario.duration });
      const text =
        world.events.map((e) => `${e.time} ${e.source} ${e.level} ${e.message}${e.command ? ` $ ${e.command}` : ''}`).join('\n') +
        `\n# cost ${world.cost.total.toFixed(6)} toil ${world.docker.toil} hash ${hashWorld(world)}\n`;
      const path = join(DIR, `${scenario.id}.txt`);
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, text);
      }
      expect(existsSync(path), `missing ${path}; run UPDATE_GOLDEN=1 npm run test:unit -- test/golden`).toBe(true);
      expect(text).toBe(readFileSync(path, 'utf8'));
    }, 60_000);
  }
});
