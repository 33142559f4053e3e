/**
 * The learner's predictions: for each question, the model they expect to do best, graded
 * against the finished table's winners (a tie counts every tied model as right).
 */
import { MODEL_IDS, type ModelId } from './models.ts';
import { labelOf, winners, type Row, type RowId } from './table.ts';

export interface Question {
  id: string;
  row: RowId;
  /** The question as the form asks it. */
  text: string;
}

export const QUESTIONS: readonly Question[] = [
  { id: 'cheapest', row: 'bill', text: 'Which model has the smallest bill after 30 minutes?' },
  {
    id: 'outage',
    row: 'outage',
    text: 'Which model is back to its desired count soonest after the AZ outage?',
  },
  { id: 'deploy', row: 'deploy', text: 'Which model recovers soonest from the bad deploy?' },
  { id: 'manual', row: 'manual', text: 'Which model needs the fewest manual actions?' },
  { id: 'failed', row: 'failed', text: 'Which model fails the fewest requests?' },
];

export type Predictions = Partial<Record<string, ModelId>>;

export interface Verdict {
  question: Question;
  predicted: ModelId | null;
  winners: ModelId[];
  right: boolean;
  /** A sentence for the learner: right or wrong, in words, and who won. */
  text: string;
}

const joinNames = (ids: ModelId[]) => {
  const names = ids.map(labelOf);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

export function grade(predictions: Predictions, rows: readonly Row[]): Verdict[] {
  return QUESTIONS.map((q) => {
    const row = rows.find((r) => r.id === q.row);
    const won = row ? winners(row) : [];
    const predicted = predictions[q.id] ?? null;
    const right = predicted !== null && won.includes(predicted);
    const who = won.length > 1 ? `${joinNames(won)} tie` : `${joinNames(won)} wins`;
    const text =
      predicted === null
        ? `No prediction. ${who}.`
        : right
          ? `Right: you predicted ${labelOf(predicted)}; ${who}.`
          : `Wrong: you predicted ${labelOf(predicted)}; ${who}.`;
    return { question: q, predicted, winners: won, right, text };
  });
}

/** Parses a stored or submitted prediction value; anything else is no prediction. */
export function asModelId(value: unknown): ModelId | null {
  return typeof value === 'string' && (MODEL_IDS as readonly string[]).includes(value)
    ? (value as ModelId)
    : null;
}
