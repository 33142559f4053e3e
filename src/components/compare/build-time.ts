/**
 * Build-time only (imported by the .astro components): the five comparison scenarios parsed
 * from sandbox/scenarios, and the finished table, computed once per build from the same
 * model the island runs. A missing or invalid scenario fails the build naming it.
 */
import {
  advance,
  applyAction,
  createWorld,
  loadServices,
  parseScenario,
  scenarioErrorsToText,
  type Scenario,
} from '@sandbox';
import {
  buildRows,
  MODELS,
  startComparison,
  stepComparison,
  type Row,
} from '@lib/compare/index.ts';
import { findScenarioFile } from '@lib/sandbox-view/scenario-files.ts';

const files = import.meta.glob<string>('/sandbox/scenarios/compare-*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export async function compareScenarios(): Promise<Scenario[]> {
  await loadServices();
  return MODELS.map((m) => {
    const file = findScenarioFile(files, m.scenario);
    if (!file.ok) throw new Error(`Five compute models: ${file.message}`);
    const parsed = parseScenario(file.text, file.fileName);
    if (!parsed.ok)
      throw new Error(
        `Five compute models: ${file.fileName} is not a valid scenario:\n${scenarioErrorsToText(parsed.error)}`,
      );
    return parsed.value;
  });
}

let finalRows: Promise<Row[]> | null = null;

/** The table after the whole run (every page that shows it shares one computation). */
export function finalTable(): Promise<Row[]> {
  finalRows ??= compareScenarios().then((scenarios) => {
    const engine = { advance, applyAction, createWorld };
    const c = startComparison(engine, scenarios);
    return buildRows(stepComparison(engine, c, c.duration));
  });
  return finalRows;
}
