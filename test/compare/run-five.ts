/** The five compare-* scenarios, parsed, for the tests (Node only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  advance,
  applyAction,
  createWorld,
  parseScenario,
  type Scenario,
} from '../../sandbox/index.ts';
import { MODELS } from '../../src/lib/compare/models.ts';
import type { CompareEngine } from '../../src/lib/compare/comparison.ts';

export const engine: CompareEngine = { createWorld, applyAction, advance };

export function fiveScenarios(): Scenario[] {
  return MODELS.map((m) => {
    const file = join(import.meta.dirname, '../../sandbox/scenarios', `${m.scenario}.yaml`);
    const parsed = parseScenario(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    return parsed.value;
  });
}
