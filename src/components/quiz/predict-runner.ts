import type { PredictQuestion } from '@lib/quiz/schema.ts';

/** Runs a predict question's scenario headlessly and returns the measured value. */
export type PredictRunner = (question: PredictQuestion, scenario: unknown) => Promise<number>;

export const runPrediction: PredictRunner = async () => {
  throw new Error('the sandbox engine is not available yet');
};
