/**
 * Re-grades one learner's result file: every challenge's action log is replayed in the engine
 * from the assignment's own scenario, seed and faults, and judged at the scenario's end; every
 * quiz answer is graded against the key. Nothing the file says about scores is believed; what
 * it claims is only compared with the replay, to point out edits.
 */
import {
  advance,
  checkGoals,
  hashWorld,
  replay,
  validateAction,
  type Scenario,
  type TimedAction,
} from '@sandbox';
import { grade, pointsFor, roundPoints, type Answer } from '@lib/quiz/grade.ts';
import { runPredict } from '@lib/quiz/predict.ts';
import type { PredictQuestion, Quiz } from '@lib/quiz/schema.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { assignedScenario, FAULT_PREFIX } from '@lib/assignments/assigned-scenario.ts';
import { has, quizTitle, type Catalog } from '@lib/assignments/catalog.ts';
import type { AssignedChallenge, Assignment } from '@lib/assignments/payload.ts';
import type { ChallengeWork, QuizWork, ResultFile } from '@lib/assignments/result-file.ts';
import { checkAnswer } from './answers.ts';

export interface GradeItem {
  key: string;
  kind: 'challenge' | 'quiz';
  id: string;
  title: string;
}

export type ChallengeStatus = 'passed' | 'failed' | 'missing' | 'mismatch';

export interface ChallengeGrade {
  kind: 'challenge';
  status: ChallengeStatus;
  percent: number;
  goalsPassed: number;
  goalsTotal: number;
  /** learner actions in the log */
  actions: number;
  /** sim time of the last learner action, seconds */
  lastActionAt: number | null;
  /** the file claimed a pass the replay does not give */
  editedPass: boolean;
  notes: string[];
}

export interface QuestionOutcome {
  answered: boolean;
  correct: boolean;
  answer: Answer | null;
}

export interface QuizGrade {
  kind: 'quiz';
  status: 'graded' | 'missing';
  percent: number;
  points: number;
  maxPoints: number;
  questions: Record<string, QuestionOutcome>;
  notes: string[];
}

export type ItemGrade = ChallengeGrade | QuizGrade;

export interface LearnerGrade {
  learner: ResultFile['learner'];
  submittedAt: string;
  items: Record<string, ItemGrade>;
  /** mean of the items' percentages, one decimal */
  percent: number;
  /** true when any item was edited or does not match the assignment */
  flagged: boolean;
}

/** The assignment's grade items, challenges first, in the order the instructor chose them. */
export function gradeItems(assignment: Assignment, catalog: Catalog): GradeItem[] {
  return [
    ...assignment.challenges.map((c) => ({
      key: `challenge:${c.scenario}`,
      kind: 'challenge' as const,
      id: c.scenario,
      title: has(catalog.scenarios, c.scenario)?.title ?? c.scenario,
    })),
    ...assignment.quizzes.map((q) => ({
      key: `quiz:${q}`,
      kind: 'quiz' as const,
      id: q,
      title: quizTitle(catalog, q),
    })),
  ];
}

/** Ids the assignment names that this site does not have; an assignment with any is refused. */
export function unknownItems(assignment: Assignment, catalog: Catalog): string[] {
  return [
    ...assignment.challenges
      .filter((c) => !has(catalog.scenarios, c.scenario))
      .map((c) => `scenario "${c.scenario}"`),
    ...assignment.quizzes.filter((q) => !has(catalog.quizzes, q)).map((q) => `quiz "${q}"`),
  ];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function mismatch(notes: string[], work: ChallengeWork): ChallengeGrade {
  const learner = work.log.filter((e) => e.by === 'learner');
  return {
    kind: 'challenge',
    status: 'mismatch',
    percent: 0,
    goalsPassed: 0,
    goalsTotal: 0,
    actions: learner.length,
    lastActionAt: learner.at(-1)?.at ?? null,
    editedPass: false,
    notes,
  };
}

export function regradeChallenge(
  scenario: Scenario,
  challenge: AssignedChallenge,
  seed: number | null,
  work: ChallengeWork | undefined,
): ChallengeGrade {
  const goalsTotal = scenario.goals.length;
  if (!work)
    return {
      kind: 'challenge',
      status: 'missing',
      percent: 0,
      goalsPassed: 0,
      goalsTotal,
      actions: 0,
      lastActionAt: null,
      editedPass: false,
      notes: ['not handed in'],
    };
  const assigned = assignedScenario(scenario, challenge, seed);
  if (!assigned.ok)
    return mismatch(
      assigned.problems.map((p) => `${p.path}: ${p.message}`),
      work,
    );
  const run = assigned.value;
  if (work.seed !== run.seed)
    return mismatch(
      [`the log ran with seed ${work.seed}; the assignment sets seed ${run.seed}`],
      work,
    );
  if (work.time > run.duration)
    return mismatch(
      [`the sim time ${work.time} s is after the scenario's end (${run.duration} s)`],
      work,
    );

  const log: TimedAction[] = [];
  let previous = 0;
  for (const [i, entry] of work.log.entries()) {
    const checked = validateAction(entry.action);
    if (!checked.ok)
      return mismatch([`action ${i + 1} is not a valid action: ${checked.error.error}`], work);
    if (entry.at < previous)
      return mismatch(
        [`action ${i + 1} is out of time order (${entry.at} s after ${previous} s)`],
        work,
      );
    if (entry.at > work.time)
      return mismatch(
        [`action ${i + 1} is at ${entry.at} s, after the recorded sim time ${work.time} s`],
        work,
      );
    previous = entry.at;
    log.push({ at: entry.at, by: entry.by, action: checked.value });
  }

  let replayed;
  try {
    replayed = replay(run, log, { until: work.time });
  } catch (error) {
    return mismatch(
      [`the log does not replay: ${error instanceof Error ? error.message : String(error)}`],
      work,
    );
  }
  const refused = replayed.results.findIndex((r) => !r.ok);
  if (refused >= 0) {
    const entry = log[refused]!;
    const result = replayed.results[refused]!;
    return mismatch(
      [
        `the log does not match this assignment: action ${refused + 1} (${entry.action.type} at ${formatClock(entry.at)}) is refused in the assignment's world — ${result.ok ? '' : result.error}`,
      ],
      work,
    );
  }
  const notes: string[] = [];
  if (hashWorld(replayed.world) !== work.hash)
    return mismatch(
      [
        "the log does not match this assignment: replayed with the assignment's seed and faults it leads to a different world than the learner's page recorded",
      ],
      work,
    );
  const ownFaults = log.filter((e) => e.action.type.startsWith(FAULT_PREFIX));
  if (ownFaults.length > 0)
    notes.push(
      `the learner fired ${ownFaults.length} fault${ownFaults.length === 1 ? '' : 's'} of their own: ${ownFaults
        .slice(0, 3)
        .map((e) => `${e.action.type} at ${formatClock(e.at)}`)
        .join(', ')}${ownFaults.length > 3 ? ', …' : ''}`,
    );

  const end = advance(replayed.world, run.duration - replayed.world.time);
  const goals = checkGoals(end, run, { final: true });
  const goalsPassed = goals.filter((g) => g.status === 'pass').length;
  const passed = goals.length > 0 && goalsPassed === goals.length;
  const editedPass = work.passed && !passed;
  if (editedPass) notes.push('the file says "passed", but the replay fails: the file was edited');
  for (const g of goals) if (g.status !== 'pass') notes.push(`${g.description}: ${g.explanation}`);
  const learner = log.filter((e) => e.by === 'learner');
  return {
    kind: 'challenge',
    status: passed ? 'passed' : 'failed',
    percent: round1((goalsPassed / goalsTotal) * 100),
    goalsPassed,
    goalsTotal,
    actions: learner.length,
    lastActionAt: learner.at(-1)?.at ?? null,
    editedPass,
    notes,
  };
}

/** Measured values of predict questions depend only on the question: computed once. */
const observedCache = new WeakMap<PredictQuestion, number>();

function observedFor(question: PredictQuestion, catalog: Catalog): number | null {
  const cached = observedCache.get(question);
  if (cached !== undefined) return cached;
  const scenario = has(catalog.scenarios, question.scenario);
  if (!scenario) return null;
  const { observed } = runPredict({ replay }, question, scenario);
  observedCache.set(question, observed);
  return observed;
}

export function regradeQuiz(quiz: Quiz, work: QuizWork | undefined, catalog: Catalog): QuizGrade {
  const maxPoints = roundPoints(quiz.questions.reduce((s, q) => s + q.points, 0));
  const questions: Record<string, QuestionOutcome> = {};
  const notes: string[] = [];
  let points = 0;
  for (const q of quiz.questions) {
    const raw = work && Object.hasOwn(work.answers, q.id) ? work.answers[q.id] : undefined;
    let answer = raw === undefined ? null : checkAnswer(q, raw);
    if (raw !== undefined && answer === null)
      notes.push(`question "${q.id}": the answer has the wrong shape and counts as none`);
    if (answer?.type === 'predict' && q.type === 'predict') {
      const observed = observedFor(q, catalog);
      answer = observed === null ? null : { ...answer, observed };
    }
    if (answer === null) {
      questions[q.id] = { answered: false, correct: false, answer: null };
      continue;
    }
    const g = grade(q, answer);
    points += pointsFor(q, g.fraction, 1, quiz.retryPenalty);
    questions[q.id] = { answered: true, correct: g.correct, answer };
  }
  if (work) {
    const extra = Object.keys(work.answers).filter(
      (id) => !quiz.questions.some((q) => q.id === id),
    );
    if (extra.length > 0)
      notes.push(
        `answers to questions this quiz does not have were ignored: ${extra.slice(0, 5).join(', ')}`,
      );
  } else notes.push('not handed in');
  points = roundPoints(points);
  return {
    kind: 'quiz',
    status: work ? 'graded' : 'missing',
    percent: maxPoints > 0 ? round1((points / maxPoints) * 100) : 0,
    points,
    maxPoints,
    questions,
    notes,
  };
}

/** Grades a result file against an assignment whose signature was already verified. */
export function regrade(
  result: ResultFile,
  assignment: Assignment,
  catalog: Catalog,
): LearnerGrade {
  const items: Record<string, ItemGrade> = {};
  for (const item of gradeItems(assignment, catalog)) {
    if (item.kind === 'challenge') {
      const challenge = assignment.challenges.find((c) => c.scenario === item.id)!;
      const work = result.challenges.find((c) => c.scenario === item.id);
      items[item.key] = regradeChallenge(
        catalog.scenarios[item.id]!,
        challenge,
        assignment.seed,
        work,
      );
    } else {
      const work = result.quizzes.find((q) => q.quiz === item.id);
      items[item.key] = regradeQuiz(catalog.quizzes[item.id]!, work, catalog);
    }
  }
  const grades = Object.values(items);
  const percent =
    grades.length > 0 ? round1(grades.reduce((s, g) => s + g.percent, 0) / grades.length) : 0;
  const flagged = grades.some(
    (g) => g.kind === 'challenge' && (g.status === 'mismatch' || g.editedPass),
  );
  return { learner: result.learner, submittedAt: result.submittedAt, items, percent, flagged };
}
