import type {
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  PredictQuestion,
  Question,
  SingleQuestion,
} from './schema.ts';

/** A learner's answer, one shape per question type. */
export type Answer =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'numeric'; value: number }
  | { type: 'ordering'; order: string[] }
  /** pair id → the pair id whose right side the learner chose */
  | { type: 'matching'; matches: Record<string, string> }
  /** the predicted option, and the value the run actually measured */
  | { type: 'predict'; choice: string; observed: number };

export interface Feedback {
  /** right: a right choice; wrong: a wrong choice; missed: a right choice left out */
  tone: 'right' | 'wrong' | 'missed';
  text: string;
}

export interface Grade {
  /** 0…1 share of the question's points earned by this answer, before any retry penalty */
  fraction: number;
  /** true only for a full answer */
  correct: boolean;
  feedback: Feedback[];
}

/** The partial-credit rule of each question type, in the words shown to the learner. */
export function creditRule(q: Question): string {
  switch (q.type) {
    case 'single':
      return 'One option is right.';
    case 'multiple':
      return 'Tick every right option. Partial credit: each right option you tick earns an equal share of the points, each wrong option you tick takes one share away, and the score never goes below zero.';
    case 'numeric':
      return q.tolerance > 0
        ? `Answers within ${formatNumber(q.tolerance)} ${q.unit} of the right value (either way) count as right.`
        : 'Only the exact value counts as right.';
    case 'ordering':
      return 'Partial credit: each item in its right position earns an equal share of the points.';
    case 'matching':
      return 'Partial credit: each right pair earns an equal share of the points.';
    case 'predict':
      return 'Predict first, then run the scenario: your prediction is graded against what actually happens. One attempt.';
  }
}

/**
 * Checks that an answer is complete enough to grade. Returns a message for the learner, or null.
 * An incomplete answer is not an attempt.
 */
export function incompleteAnswer(q: Question, answer: Answer | null): string | null {
  if (answer === null || answer.type !== q.type) {
    switch (q.type) {
      case 'single':
      case 'predict':
        return 'Choose one option first.';
      case 'multiple':
        return 'Tick at least one option first.';
      case 'numeric':
        return 'Enter a number first.';
      case 'ordering':
        return 'Put the items in order first.';
      case 'matching':
        return 'Choose a match for every item first.';
    }
  }
  if (answer.type === 'multiple' && answer.choices.length === 0)
    return 'Tick at least one option first.';
  if (answer.type === 'matching' && q.type === 'matching') {
    const missing = q.pairs.filter((p) => !answer.matches[p.id]);
    if (missing.length > 0)
      return `Choose a match for every item first (${missing.map((p) => p.left).join(', ')}).`;
  }
  return null;
}

/** Grades a complete answer. Pure and deterministic. */
export function grade(q: Question, answer: Answer): Grade {
  switch (q.type) {
    case 'single':
      return answer.type === 'single' ? gradeSingle(q, answer.choice) : mismatch();
    case 'multiple':
      return answer.type === 'multiple' ? gradeMultiple(q, answer.choices) : mismatch();
    case 'numeric':
      return answer.type === 'numeric' ? gradeNumeric(q, answer.value) : mismatch();
    case 'ordering':
      return answer.type === 'ordering' ? gradeOrdering(q, answer.order) : mismatch();
    case 'matching':
      return answer.type === 'matching' ? gradeMatching(q, answer.matches) : mismatch();
    case 'predict':
      return answer.type === 'predict'
        ? gradePredict(q, answer.choice, answer.observed)
        : mismatch();
  }
}

function mismatch(): Grade {
  return { fraction: 0, correct: false, feedback: [] };
}

function gradeSingle(q: SingleQuestion, choice: string): Grade {
  const chosen = q.options.find((o) => o.id === choice);
  const correct = chosen?.correct === true;
  return {
    fraction: correct ? 1 : 0,
    correct,
    feedback: chosen ? [{ tone: correct ? 'right' : 'wrong', text: chosen.explain }] : [],
  };
}

function gradeMultiple(q: MultipleQuestion, choices: readonly string[]): Grade {
  const ticked = new Set(choices);
  const rightCount = q.options.filter((o) => o.correct).length;
  let rightTicked = 0;
  let wrongTicked = 0;
  const feedback: Feedback[] = [];
  for (const o of q.options) {
    if (ticked.has(o.id) && o.correct) rightTicked++;
    if (ticked.has(o.id) && !o.correct) wrongTicked++;
    if (ticked.has(o.id)) feedback.push({ tone: o.correct ? 'right' : 'wrong', text: o.explain });
  }
  // Missed right options are named only once nothing wrong is ticked, so a retry still teaches.
  if (wrongTicked === 0)
    for (const o of q.options)
      if (o.correct && !ticked.has(o.id)) feedback.push({ tone: 'missed', text: o.explain });
  const fraction = Math.max(0, (rightTicked - wrongTicked) / rightCount);
  return { fraction, correct: fraction === 1, feedback };
}

/** True when `value` is within `tolerance` of `target`, allowing for floating-point noise. */
export function withinTolerance(value: number, target: number, tolerance: number): boolean {
  return Math.abs(value - target) <= tolerance + 1e-9 * Math.max(1, Math.abs(target));
}

function gradeNumeric(q: NumericQuestion, value: number): Grade {
  if (withinTolerance(value, q.answer, q.tolerance))
    return { fraction: 1, correct: true, feedback: [] };
  const mistake = q.mistakes.find((m) => withinTolerance(value, m.value, q.tolerance));
  const direction = value < q.answer ? 'too low' : 'too high';
  return {
    fraction: 0,
    correct: false,
    feedback: [
      {
        tone: 'wrong',
        text: mistake ? mistake.explain : `${formatNumber(value)} ${q.unit} is ${direction}.`,
      },
    ],
  };
}

function gradeOrdering(q: OrderingQuestion, order: readonly string[]): Grade {
  let inPlace = 0;
  const feedback: Feedback[] = [];
  q.items.forEach((item, i) => {
    if (order[i] === item.id) inPlace++;
    else feedback.push({ tone: 'wrong', text: `${item.text}: ${item.explain}` });
  });
  const fraction = inPlace / q.items.length;
  return { fraction, correct: inPlace === q.items.length, feedback };
}

function gradeMatching(q: MatchingQuestion, matches: Readonly<Record<string, string>>): Grade {
  let right = 0;
  const feedback: Feedback[] = [];
  for (const pair of q.pairs) {
    if (Object.hasOwn(matches, pair.id) && matches[pair.id] === pair.id) right++;
    else feedback.push({ tone: 'wrong', text: `${pair.left} → ${pair.right}: ${pair.explain}` });
  }
  const fraction = right / q.pairs.length;
  return { fraction, correct: right === q.pairs.length, feedback };
}

/** The option whose range contains the measured value, if any. */
export function matchingPrediction(q: PredictQuestion, observed: number) {
  return q.options.find(
    (o) => (o.min === undefined || observed >= o.min) && (o.max === undefined || observed <= o.max),
  );
}

function gradePredict(q: PredictQuestion, choice: string, observed: number): Grade {
  const actual = matchingPrediction(q, observed);
  const chosen = q.options.find((o) => o.id === choice);
  const correct = actual !== undefined && actual.id === choice;
  const feedback: Feedback[] = [];
  if (chosen && !correct) feedback.push({ tone: 'wrong', text: chosen.explain });
  if (actual) feedback.push({ tone: correct ? 'right' : 'missed', text: actual.explain });
  return { fraction: correct ? 1 : 0, correct, feedback };
}

/**
 * Points earned for an answer on a given attempt (1 = first): each extra attempt lowers the
 * available points by `retryPenalty` of the question's points, never below zero.
 */
export function pointsFor(q: Question, fraction: number, attempt: number, retryPenalty: number) {
  const available = Math.max(0, 1 - retryPenalty * Math.max(0, attempt - 1));
  return roundPoints(q.points * fraction * available);
}

/** Points are shown and stored with at most two decimals. */
export function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `1234.5` → `1,234.5`; at most two decimals. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Reads a number as a learner types it: `101.95`, `$101.95`, `1,234.5`, `1 234,5`, `-3`.
 * Returns null for anything else.
 */
export function parseNumber(input: string): number | null {
  let s = input
    .trim()
    .replace(/^[$€£]\s*/, '')
    .replace(/\s*(usd|eur|\$|€)$/i, '');
  if (s.length === 0 || s.length > 30) return null;
  s = s.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, '$1');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
