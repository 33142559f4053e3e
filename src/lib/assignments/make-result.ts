/**
 * Builds a result file from a learner's work: each challenge's log is replayed (with the
 * assignment's seed and faults) to record the world hash and whether its goals pass at the
 * learner's sim time, exactly as the gradebook will replay it.
 */
import {
  checkGoals,
  hashWorld,
  loadServicesFor,
  replay,
  validateAction,
  type TimedAction,
} from '@sandbox';
import { assignedScenario } from './assigned-scenario.ts';
import { has, type Catalog } from './catalog.ts';
import type { Assignment } from './payload.ts';
import { RESULT_KIND, RESULT_VERSION, type ResultFile } from './result-file.ts';
import type { Work } from './work-store.ts';

/** Loads the services every challenge of the assignment runs (a chunk each); await it before makeResult. */
export async function loadAssignmentServices(
  assignment: Assignment,
  catalog: Catalog,
): Promise<void> {
  for (const challenge of assignment.challenges) {
    const scenario = has(catalog.scenarios, challenge.scenario);
    if (scenario) await loadServicesFor(scenario);
  }
}

export function makeResult(
  assignment: Assignment,
  token: string,
  work: Work,
  catalog: Catalog,
  submittedAt: string,
): ResultFile {
  const challenges: ResultFile['challenges'] = [];
  for (const challenge of assignment.challenges) {
    const saved = has(work.challenges, challenge.scenario);
    const scenario = has(catalog.scenarios, challenge.scenario);
    if (!saved || !scenario) continue;
    const assigned = assignedScenario(scenario, challenge, assignment.seed);
    if (!assigned.ok) continue;
    const log: TimedAction[] = [];
    for (const entry of saved.log) {
      const checked = validateAction(entry.action);
      if (checked.ok) log.push({ at: entry.at, by: entry.by, action: checked.value });
    }
    const { world } = replay(assigned.value, log, { until: saved.time });
    const goals = checkGoals(world, assigned.value);
    challenges.push({
      scenario: challenge.scenario,
      seed: assigned.value.seed,
      time: world.time,
      log: log.map((e) => ({
        at: e.at,
        by: e.by as 'learner' | 'instructor',
        action: e.action as unknown as Record<string, unknown>,
      })),
      hash: hashWorld(world),
      passed: goals.length > 0 && goals.every((g) => g.status === 'pass'),
    });
  }
  const quizzes = assignment.quizzes
    .filter((q) => has(work.quizzes, q))
    .map((q) => ({ quiz: q, answers: work.quizzes[q]! }));
  return {
    kind: RESULT_KIND,
    v: RESULT_VERSION,
    assignment: token,
    learner: { ...work.learner },
    submittedAt,
    challenges,
    quizzes,
  };
}
