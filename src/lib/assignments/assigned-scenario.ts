/**
 * A challenge as assigned: the course's scenario with the assignment's seed and its scheduled
 * faults added to the scenario's own script. The learner's sandbox and the gradebook's replay
 * both start from this, so both see the same faults at the same times.
 */
import { validateAction, type Scenario } from '@sandbox';
import type { AssignedChallenge, Assignment } from './payload.ts';
import type { Checked, InputProblem } from './problems.ts';

export const FAULT_PREFIX = 'fault.';

export function assignedScenario(
  scenario: Scenario,
  challenge: AssignedChallenge,
  seed: number | null,
  path = 'challenge',
): Checked<Scenario> {
  const problems: InputProblem[] = [];
  const faults: Scenario['script'] = [];
  challenge.faults.forEach((fault, i) => {
    const where = `${path}.faults[${i}]`;
    const checked = validateAction(fault.action);
    if (!checked.ok) problems.push({ path: `${where}.action`, message: checked.error.error });
    else if (!checked.value.type.startsWith(FAULT_PREFIX))
      problems.push({
        path: `${where}.action.type`,
        message: `"${checked.value.type}" is not a fault: an assignment may schedule only fault.* actions`,
      });
    else if (fault.at > scenario.duration)
      problems.push({
        path: `${where}.at`,
        message: `${fault.at} s is after the end of "${scenario.id}" (${scenario.duration} s)`,
      });
    else faults.push({ at: fault.at, action: checked.value });
  });
  if (problems.length > 0) return { ok: false, problems };
  // Stable: at equal times the scenario's own script fires first.
  const script = [...scenario.script, ...faults]
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.at - b.entry.at || a.order - b.order)
    .map(({ entry }) => entry);
  return { ok: true, value: { ...scenario, seed: seed ?? scenario.seed, script } };
}

/** The seed a challenge runs with under this assignment. */
export const assignedSeed = (assignment: Assignment, scenario: Scenario) =>
  assignment.seed ?? scenario.seed;
