import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type Scenario } from '../../sandbox/index.ts';

export const SCENARIO_DIR = join(import.meta.dirname, '../../sandbox/scenarios');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function loadScenario(file: string): Scenario {
  const parsed = parseScenario(readFileSync(join(SCENARIO_DIR, file), 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

export function scenarioFromYaml(yaml: string): Scenario {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}
