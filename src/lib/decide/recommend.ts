/**
 * The guide's scoring: deterministic, from the answers alone. Every rule an answer fires adds
 * its points to the combinations it names or rules them out; the combination with the most
 * points is recommended, and combinations level on the most points are a tie, said as such.
 */
import { normaliseNeeds, type Answers } from './answers.ts';
import { COMBOS, comboLabel, joinWords, type ComboId } from './combos.ts';
import { optionLabel, QUESTION_IDS, QUESTIONS, SINGLE_IDS, type QuestionId } from './questions.ts';
import { RULES, type Rule } from './rules.ts';

export interface Score {
  combo: ComboId;
  points: number;
  /** The rules that rule it out (empty while it is in the running). */
  excludedBy: string[];
}

/** One answer and what it did. */
export interface Reason {
  question: QuestionId;
  /** The answer's label, as the form shows it. */
  answer: string;
  rule: Rule;
  /** The rule's effect in words: "+2 ECS on EC2, +2 ECS on Fargate", "rules out …", "no effect". */
  effect: string;
}

export type Outcome =
  | { kind: 'none' }
  | { kind: 'pick'; combo: ComboId; runnerUp: ComboId | null; margin: number }
  | { kind: 'tie'; combos: ComboId[] };

export interface Recommendation {
  /** Radio questions answered, of all of them (the checkboxes may rightly stay empty). */
  answered: number;
  questions: number;
  /** All four, best first; equal points keep the guide's fixed order; ruled-out ones last. */
  ranking: Score[];
  reasons: Reason[];
  outcome: Outcome;
  /** One sentence, for the heading and the live region. */
  headline: string;
  /** What separates tied or close combinations, or null. */
  tieBreak: string | null;
}

/** The rules the answers fire, in question order, then in the order RULES lists them. */
export function firedRules(answers: Answers): Rule[] {
  const chosen = (q: QuestionId): string[] =>
    q === 'needs' ? normaliseNeeds(answers.needs) : answers[q] === undefined ? [] : [answers[q]];
  return QUESTION_IDS.flatMap((q) =>
    chosen(q).flatMap((value) => RULES.filter((r) => r.question === q && r.when === value)),
  );
}

export function effectText(rule: Rule): string {
  const parts: string[] = [];
  for (const c of COMBOS) {
    const n = rule.points[c.id];
    if (n) parts.push(`${n > 0 ? '+' : '−'}${Math.abs(n)} ${c.label}`);
  }
  if (rule.excludes.length > 0) parts.push(`rules out ${joinWords(rule.excludes.map(comboLabel))}`);
  return parts.length === 0 ? 'no effect' : parts.join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function recommend(answers: Answers): Recommendation {
  const fired = firedRules(answers);
  const scores: Score[] = COMBOS.map((c) => ({ combo: c.id, points: 0, excludedBy: [] }));
  for (const rule of fired) {
    for (const s of scores) {
      s.points += rule.points[s.combo] ?? 0;
      if (rule.excludes.includes(s.combo)) s.excludedBy.push(rule.id);
    }
  }
  const order = (s: Score) => COMBOS.findIndex((c) => c.id === s.combo);
  const ranking = [...scores].sort(
    (a, b) =>
      Number(a.excludedBy.length > 0) - Number(b.excludedBy.length > 0) ||
      b.points - a.points ||
      order(a) - order(b),
  );
  const answered = SINGLE_IDS.filter((q) => answers[q] !== undefined).length;
  const questions = SINGLE_IDS.length;
  const reasons: Reason[] = fired.map((rule) => ({
    question: rule.question,
    answer: optionLabel(rule.question, rule.when),
    rule,
    effect: effectText(rule),
  }));

  const inRunning = ranking.filter((s) => s.excludedBy.length === 0);
  const anyAnswer = fired.length > 0;
  let outcome: Outcome;
  if (!anyAnswer) outcome = { kind: 'none' };
  else {
    const top = inRunning[0]!.points;
    const best = inRunning.filter((s) => s.points === top).map((s) => s.combo);
    if (best.length > 1) outcome = { kind: 'tie', combos: best };
    else {
      const next = inRunning[1] ?? null;
      outcome = {
        kind: 'pick',
        combo: best[0]!,
        runnerUp: next?.combo ?? null,
        margin: next ? top - next.points : 0,
      };
    }
  }
  return {
    answered,
    questions,
    ranking,
    reasons,
    outcome,
    headline: headlineOf(outcome, ranking),
    tieBreak: tieBreakOf(outcome),
  };
}

function headlineOf(outcome: Outcome, ranking: Score[]): string {
  const points = (id: ComboId) => ranking.find((s) => s.combo === id)!.points;
  switch (outcome.kind) {
    case 'none':
      return 'No recommendation yet: answer a question to start.';
    case 'tie':
      return `A tie: ${joinWords(outcome.combos.map(comboLabel))}, ${plural(points(outcome.combos[0]!), 'point')} each.`;
    case 'pick': {
      const head = `Recommended: ${comboLabel(outcome.combo)}, ${plural(points(outcome.combo), 'point')}`;
      if (outcome.runnerUp === null) return `${head}; every other combination is ruled out.`;
      const lead = `${plural(outcome.margin, 'point')} ahead of ${comboLabel(outcome.runnerUp)}`;
      return outcome.margin <= 1 ? `${head}, a close call: ${lead}.` : `${head}, ${lead}.`;
    }
  }
}

const ORCHESTRATOR_TRADE =
  'ECS or EKS: ECS is simpler and its control plane is free; EKS is Kubernetes, portable and with a large ecosystem, for a control-plane fee and more to run.';
const HOSTING_TRADE =
  'EC2 or Fargate: EC2 gives you the hosts (instance types, GPUs, daemons, the cheapest vCPU when kept full) and their chores; Fargate takes the hosts away, and bills each task or pod by its size while it runs.';

/** For a tie or a close call: which of the two choices the leaders differ on, and its trade-off. */
function tieBreakOf(outcome: Outcome): string | null {
  const pair: ComboId[] =
    outcome.kind === 'tie'
      ? outcome.combos
      : outcome.kind === 'pick' && outcome.runnerUp !== null && outcome.margin <= 1
        ? [outcome.combo, outcome.runnerUp]
        : [];
  if (pair.length === 0) return null;
  const combos = COMBOS.filter((c) => pair.includes(c.id));
  const differ = {
    orchestrator: new Set(combos.map((c) => c.orchestrator)).size > 1,
    hosting: new Set(combos.map((c) => c.hosting)).size > 1,
  };
  const lead =
    outcome.kind === 'tie'
      ? 'Your answers do not separate them; the choice left is yours.'
      : 'The runner-up is one point behind; either is a sound choice.';
  const trades = [
    ...(differ.orchestrator ? [ORCHESTRATOR_TRADE] : []),
    ...(differ.hosting ? [HOSTING_TRADE] : []),
  ];
  return [lead, ...trades].join(' ');
}

/** The question a rule belongs to, as the form asks it. */
export const questionText = (q: QuestionId): string => QUESTIONS[q].text;
