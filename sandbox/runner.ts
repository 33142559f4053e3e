/**
 * The headless runner:
 *   npm run sandbox -- run <scenario-id|file> [--seed N] [--until S] [--actions FILE | --solution] [--json]
 *   npm run sandbox -- list
 *   npm run sandbox -- validate <file>
 * --actions FILE: timed actions (YAML), or a file of terminal commands — one per line as typed in
 * the terminal, `# comments`, `@<seconds> <command>` to run at that sim time, `advance <seconds>`.
 * Exit code 0 only when every goal passes (run) or the file is valid (validate).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkGoals,
  loadServices,
  parseScenario,
  replay,
  scenarioErrorsToText,
  type Scenario,
  type TimedAction,
} from './index.ts';
import { clock } from './engine/events.ts';
import { parseActionsFile } from './scenarios/load.ts';
import { looksLikeCommandFile, runCommandFile } from './cli/command-file.ts';

const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

function loadScenario(ref: string): { scenario: Scenario } | { error: string } {
  const file = existsSync(ref) ? resolve(ref) : join(SCENARIO_DIR, `${ref}.yaml`);
  if (!existsSync(file)) return { error: `no scenario '${ref}' (try: npm run sandbox -- list)` };
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) return { error: scenarioErrorsToText(parsed.error, ref) };
  return { scenario: parsed.value };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function run(args: string[]): number {
  const ref = args[0];
  if (!ref) {
    console.error(
      'usage: run <scenario-id|file> [--seed N] [--until S] [--actions FILE | --solution] [--json]',
    );
    return 2;
  }
  const loaded = loadScenario(ref);
  if ('error' in loaded) {
    console.error(loaded.error);
    return 2;
  }
  const { scenario } = loaded;
  const seedText = flag(args, '--seed');
  const untilText = flag(args, '--until');
  const seed = seedText !== undefined ? Number(seedText) : undefined;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    console.error('--seed must be a whole number between 0 and 4294967295');
    return 2;
  }
  const until = untilText !== undefined ? Number(untilText) : scenario.duration;
  if (!Number.isInteger(until) || until < 0 || until > 7 * 86400) {
    console.error('--until must be a whole number of seconds between 0 and 604800');
    return 2;
  }
  let actions: TimedAction[] = [];
  const actionsFile = flag(args, '--actions');
  if (actionsFile !== undefined && args.includes('--solution')) {
    console.error('use either --actions FILE or --solution');
    return 2;
  }
  if (args.includes('--solution'))
    actions = scenario.solution.map((s) => ({
      at: s.at,
      by: 'learner' as const,
      action: s.action as TimedAction['action'],
    }));
  if (actionsFile !== undefined) {
    if (!existsSync(actionsFile)) {
      console.error(`no actions file ${actionsFile}`);
      return 2;
    }
    const text = readFileSync(actionsFile, 'utf8');
    // A file of terminal commands (see sandbox/cli/command-file.ts): one per line, `# comments`,
    // `@<seconds> <command>` to run it at that sim time, `advance <seconds>` to let time pass.
    if (looksLikeCommandFile(text)) {
      const files = siblingFiles(actionsFile);
      const run = runCommandFile(scenario, text, { seed, until, files });
      if (!run.ok) {
        for (const e of run.error) console.error(`${actionsFile}:${e.line}: ${e.message}`);
        return 2;
      }
      if (!args.includes('--json')) for (const l of run.value.transcript) console.log(l);
      actions = run.value.actions;
    } else {
      const parsed = parseActionsFile(text);
      if (!parsed.ok) {
        console.error(scenarioErrorsToText(parsed.error, actionsFile));
        return 2;
      }
      actions = parsed.value;
    }
  }
  const { world, results } = replay(
    scenario,
    actions.filter((a) => a.at <= until),
    { seed, until },
  );
  const goals = checkGoals(world, scenario, { final: until >= scenario.duration });
  const passed = goals.every((g) => g.status === 'pass');
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        {
          scenario: scenario.id,
          seed: world.seed,
          time: world.time,
          events: world.events,
          results,
          goals,
          cost: world.cost,
          toil: world.docker.toil,
          passed,
        },
        null,
        2,
      ),
    );
  } else {
    for (const e of world.events) {
      console.log(`[${clock(e.time)}] ${e.source.padEnd(11)} ${e.level.padEnd(7)} ${e.message}`);
      if (e.command) console.log(`${' '.repeat(12)}$ ${e.command}`);
    }
    results.forEach((r, i) => {
      if (!r.ok) console.log(`action ${i + 1} refused: ${r.error}`);
    });
    console.log('');
    console.log(
      `cost: $${world.cost.total.toFixed(4)} total, $${world.cost.perHour.toFixed(4)}/h now; toil: ${world.docker.toil}`,
    );
    for (const g of goals)
      console.log(
        `${g.status.toUpperCase().padEnd(7)} ${g.id}: ${g.description} — ${g.explanation}`,
      );
    console.log(passed ? 'all goals pass' : 'some goals do not pass');
  }
  return passed ? 0 : 1;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'list':
      for (const f of scenarioFiles()) {
        const parsed = parseScenario(readFileSync(f, 'utf8'), f);
        console.log(parsed.ok ? parsed.value.id : `${f}: invalid`);
      }
      return 0;
    case 'validate': {
      const file = rest[0];
      if (!file || !existsSync(file)) {
        console.error('usage: validate <file>');
        return 2;
      }
      const parsed = parseScenario(readFileSync(file, 'utf8'), file);
      if (parsed.ok) {
        console.log(`${file}: valid (${parsed.value.id})`);
        return 0;
      }
      console.error(scenarioErrorsToText(parsed.error, file));
      return 1;
    }
    case 'run':
      return run(rest);
    default:
      console.error(
        'usage: run <scenario-id|file> [--seed N] [--until S] [--actions FILE | --solution] [--json] | list | validate <file>',
      );
      return 2;
  }
}

// Every service's behaviour (the runner may run any scenario).
await loadServices();
process.exitCode = main(process.argv.slice(2));

/**
 * The manifests and JSON files next to a command file, by name, for `kubectl apply -f web.yaml`
 * and `file://…` in its commands (at most 200 files of at most 1 MB each).
 */
function siblingFiles(commandFile: string): Record<string, string> {
  const dir = dirname(commandFile);
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)
    .filter((n) => /\.(ya?ml|json)$/.test(n))
    .slice(0, 200)) {
    const path = join(dir, name);
    if (path === commandFile || statSync(path).size > 1_000_000) continue;
    files[name] = readFileSync(path, 'utf8');
  }
  return files;
}
