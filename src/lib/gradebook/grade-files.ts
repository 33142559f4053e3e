/**
 * Grades a batch of result files: each is read (refused with a message if it is not a result
 * file), its assignment's signature checked and its key compared with the instructor's, then
 * re-graded. Files for several assignments are grouped by assignment.
 */
import { readResult } from '@lib/assignments/result-file.ts';
import { readToken, signedBy } from '@lib/assignments/token.ts';
import { problemsToText } from '@lib/assignments/problems.ts';
import type { Assignment, PublicKeyJwk } from '@lib/assignments/payload.ts';
import type { Catalog } from '@lib/assignments/catalog.ts';
import { loadServicesFor } from '@sandbox';
import { regrade, unknownItems, type LearnerGrade } from './regrade.ts';

export interface FileInput {
  name: string;
  text: string;
}

export type FileOutcome =
  | { name: string; ok: false; message: string }
  | { name: string; ok: true; assignment: Assignment; grade: LearnerGrade };

export interface AssignmentGroup {
  assignment: Assignment;
  /** one per learner (the latest file when a learner handed in more than one) */
  rows: Array<{ file: string; grade: LearnerGrade; superseded: string[] }>;
}

export interface Graded {
  outcomes: FileOutcome[];
  groups: AssignmentGroup[];
}

/**
 * `instructorKey` null: no key in this browser, so no file can be trusted and every one is
 * refused with that reason.
 */
export async function gradeFiles(
  files: readonly FileInput[],
  catalog: Catalog,
  instructorKey: PublicKeyJwk | null,
): Promise<Graded> {
  // Re-grading replays the catalog's scenarios: the services they run load first (a chunk each).
  for (const scenario of Object.values(catalog.scenarios)) await loadServicesFor(scenario);
  const tokens = new Map<string, Promise<Awaited<ReturnType<typeof readToken>>>>();
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const refuse = (message: string) => outcomes.push({ name: file.name, ok: false, message });
    const result = readResult(file.text);
    if (!result.ok) {
      refuse(`${problemsToText(result.problems)}`);
      continue;
    }
    const token = result.value.assignment;
    if (!tokens.has(token)) tokens.set(token, readToken(token));
    const read = await tokens.get(token)!;
    if (!read.ok) {
      refuse(`its assignment ${problemsToText(read.problems)}`);
      continue;
    }
    const { assignment } = read.value;
    if (!instructorKey) {
      refuse('there is no signing key in this browser to check it against: import your key first');
      continue;
    }
    if (!signedBy(assignment, instructorKey)) {
      refuse(
        `its assignment "${assignment.title}" was not signed with your key: it was made or re-signed by someone else`,
      );
      continue;
    }
    const unknown = unknownItems(assignment, catalog);
    if (unknown.length > 0) {
      refuse(`its assignment names items this site does not have: ${unknown.join(', ')}`);
      continue;
    }
    outcomes.push({
      name: file.name,
      ok: true,
      assignment,
      grade: regrade(result.value, assignment, catalog),
    });
  }
  return { outcomes, groups: groupOutcomes(outcomes) };
}

const learnerKey = (g: LearnerGrade) =>
  (g.learner.email || g.learner.sisLogin || g.learner.name).trim().toLowerCase();

/** Groups graded files by assignment, one row per learner (their latest file). */
export function groupOutcomes(outcomes: readonly FileOutcome[]): AssignmentGroup[] {
  const groups = new Map<string, AssignmentGroup>();
  for (const o of outcomes) {
    if (!o.ok) continue;
    let g = groups.get(o.assignment.id);
    if (!g) {
      g = { assignment: o.assignment, rows: [] };
      groups.set(o.assignment.id, g);
    }
    const existing = g.rows.find((r) => learnerKey(r.grade) === learnerKey(o.grade));
    if (!existing) g.rows.push({ file: o.name, grade: o.grade, superseded: [] });
    else if (o.grade.submittedAt > existing.grade.submittedAt) {
      existing.superseded.push(existing.file);
      existing.file = o.name;
      existing.grade = o.grade;
    } else existing.superseded.push(o.name);
  }
  return [...groups.values()];
}
