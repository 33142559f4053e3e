import type {
  ChallengeRecord,
  GoalRecord,
  LessonRecord,
  Progress,
  QuizRecord,
  StoredAnswer,
} from './schema.ts';

/** Pure updates of a progress value. Each returns a new value and leaves its input untouched. */

function lesson(progress: Progress, lessonId: string): LessonRecord {
  return Object.hasOwn(progress.lessons, lessonId)
    ? progress.lessons[lessonId]!
    : { challenges: {} };
}

function withLesson(progress: Progress, lessonId: string, record: LessonRecord): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: record } };
}

export function recordVisit(progress: Progress, lessonId: string, now: string): Progress {
  const before = lesson(progress, lessonId);
  return withLesson(progress, lessonId, {
    ...before,
    firstVisitedAt: before.firstVisitedAt ?? now,
    lastVisitedAt: now,
  });
}

export interface QuizAnswerInput {
  lessonId: string;
  quizId: string;
  passPercent: number;
  /** total points of the quiz */
  maxPoints: number;
  questionId: string;
  questionMaxPoints: number;
  /** points earned by this attempt, after any retry penalty */
  points: number;
  correct: boolean;
  answer?: StoredAnswer;
}

const percentOf = (points: number, max: number) =>
  max > 0 ? Math.round((points / max) * 1000) / 10 : 0;

/** Records one checked answer: the question's attempts go up by one, the quiz is re-scored. */
export function recordQuizAnswer(
  progress: Progress,
  input: QuizAnswerInput,
  now: string,
): Progress {
  const before = lesson(progress, input.lessonId);
  const quizBefore: QuizRecord =
    before.quiz && before.quiz.quizId === input.quizId
      ? before.quiz
      : {
          quizId: input.quizId,
          points: 0,
          maxPoints: input.maxPoints,
          passPercent: input.passPercent,
          bestPercent: 0,
          passed: false,
          updatedAt: now,
          questions: {},
        };
  const q = Object.hasOwn(quizBefore.questions, input.questionId)
    ? quizBefore.questions[input.questionId]
    : undefined;
  const questions = {
    ...quizBefore.questions,
    [input.questionId]: {
      attempts: (q?.attempts ?? 0) + 1,
      points: input.points,
      maxPoints: input.questionMaxPoints,
      correct: input.correct,
      ...(input.answer ? { answer: input.answer } : {}),
      at: now,
    },
  };
  const points = Math.round(Object.values(questions).reduce((s, r) => s + r.points, 0) * 100) / 100;
  const percent = percentOf(points, input.maxPoints);
  const passed = percent >= input.passPercent;
  const quiz: QuizRecord = {
    quizId: input.quizId,
    points,
    maxPoints: input.maxPoints,
    passPercent: input.passPercent,
    bestPercent: Math.max(quizBefore.bestPercent, percent),
    passed,
    ...(quizBefore.passedAt ? { passedAt: quizBefore.passedAt } : passed ? { passedAt: now } : {}),
    updatedAt: now,
    questions,
  };
  return withLesson(progress, input.lessonId, { ...before, quiz });
}

export interface ChallengeResultInput {
  lessonId: string;
  scenarioId: string;
  passed: boolean;
  goals: ReadonlyArray<{ id: string; status: 'pass' | 'fail' | 'pending'; description?: string }>;
}

export function recordChallenge(
  progress: Progress,
  input: ChallengeResultInput,
  now: string,
): Progress {
  const before = lesson(progress, input.lessonId);
  const prior = Object.hasOwn(before.challenges, input.scenarioId)
    ? before.challenges[input.scenarioId]
    : undefined;
  const passedAt = prior?.passedAt ?? (input.passed ? now : undefined);
  const record: ChallengeRecord = {
    attempts: (prior?.attempts ?? 0) + 1,
    passed: input.passed || prior?.passed === true,
    ...(passedAt ? { passedAt } : {}),
    lastAt: now,
    goals: input.goals.slice(0, 50).map((g): GoalRecord => ({
      id: g.id.slice(0, 200),
      status: g.status,
      ...(g.description !== undefined ? { description: g.description.slice(0, 500) } : {}),
    })),
  };
  return withLesson(progress, input.lessonId, {
    ...before,
    challenges: { ...before.challenges, [input.scenarioId]: record },
  });
}

export type LessonStatus = 'not-started' | 'in-progress' | 'done';

export interface LessonRequirements {
  /** the lesson has a graded quiz that must be passed */
  hasQuiz: boolean;
}

/**
 * A lesson is done when it was visited, its quiz (if it has one) has been passed, and every
 * challenge the learner attempted in it has been passed. Anything recorded short of that is
 * in progress.
 */
export function lessonStatus(
  progress: Progress,
  lessonId: string,
  requirements: LessonRequirements,
): LessonStatus {
  if (!Object.hasOwn(progress.lessons, lessonId)) return 'not-started';
  const record = progress.lessons[lessonId]!;
  const visited = record.firstVisitedAt !== undefined;
  const quizDone = !requirements.hasQuiz || record.quiz?.passedAt !== undefined;
  const challengesDone = Object.values(record.challenges).every((c) => c.passed);
  const anything =
    visited || record.quiz !== undefined || Object.keys(record.challenges).length > 0;
  if (!anything) return 'not-started';
  return visited && quizDone && challengesDone ? 'done' : 'in-progress';
}

const earlier = (a?: string, b?: string) =>
  a === undefined ? b : b === undefined || a <= b ? a : b;
const later = (a?: string, b?: string) => (a === undefined ? b : b === undefined || a >= b ? a : b);

function mergeQuiz(a: QuizRecord | undefined, b: QuizRecord | undefined): QuizRecord | undefined {
  if (!a || !b) return a ?? b;
  if (a.quizId !== b.quizId) return a.updatedAt >= b.updatedAt ? a : b;
  const newer = a.updatedAt >= b.updatedAt ? a : b;
  const questions = { ...a.questions };
  for (const [qid, rb] of Object.entries(b.questions)) {
    const ra = Object.hasOwn(questions, qid) ? questions[qid] : undefined;
    if (!ra) {
      questions[qid] = rb;
      continue;
    }
    const latest = ra.at >= rb.at ? ra : rb;
    questions[qid] = { ...latest, attempts: Math.max(ra.attempts, rb.attempts) };
  }
  const points = Math.round(Object.values(questions).reduce((s, r) => s + r.points, 0) * 100) / 100;
  const percent = percentOf(points, newer.maxPoints);
  const passedAt = earlier(a.passedAt, b.passedAt);
  return {
    ...newer,
    points,
    passed: percent >= newer.passPercent,
    bestPercent: Math.max(a.bestPercent, b.bestPercent, percent),
    ...(passedAt ? { passedAt } : {}),
    questions,
  };
}

function mergeChallenge(a: ChallengeRecord, b: ChallengeRecord): ChallengeRecord {
  const latest = a.lastAt >= b.lastAt ? a : b;
  const passedAt = earlier(a.passedAt, b.passedAt);
  return {
    ...latest,
    attempts: Math.max(a.attempts, b.attempts),
    passed: a.passed || b.passed,
    ...(passedAt ? { passedAt } : {}),
  };
}

/**
 * Combines two progress values without losing anything either has: earliest first visit,
 * latest last visit, the newer answer per question, the larger attempt counts, passed if
 * either passed. Merging the same file twice changes nothing the second time.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons: Record<string, LessonRecord> = { ...a.lessons };
  for (const [lessonId, rb] of Object.entries(b.lessons)) {
    const ra = Object.hasOwn(lessons, lessonId) ? lessons[lessonId] : undefined;
    if (!ra) {
      lessons[lessonId] = rb;
      continue;
    }
    const challenges = { ...ra.challenges };
    for (const [sid, cb] of Object.entries(rb.challenges)) {
      const ca = Object.hasOwn(challenges, sid) ? challenges[sid] : undefined;
      challenges[sid] = ca ? mergeChallenge(ca, cb) : cb;
    }
    const firstVisitedAt = earlier(ra.firstVisitedAt, rb.firstVisitedAt);
    const lastVisitedAt = later(ra.lastVisitedAt, rb.lastVisitedAt);
    const quiz = mergeQuiz(ra.quiz, rb.quiz);
    lessons[lessonId] = {
      ...(firstVisitedAt ? { firstVisitedAt } : {}),
      ...(lastVisitedAt ? { lastVisitedAt } : {}),
      ...(quiz ? { quiz } : {}),
      challenges,
    };
  }
  return { version: a.version, lessons };
}
