import { loadServicesFor, replay, type Scenario } from '@sandbox';
import { runPredict } from '@lib/quiz/predict.ts';
import type { PredictQuestion } from '@lib/quiz/schema.ts';

/** Runs a predict question's scenario headlessly and returns the measured value. */
export type PredictRunner = (question: PredictQuestion, scenario: unknown) => Promise<number>;

/** Loaded only when a learner runs a prediction, so the engine stays out of the page's first load. */
export const runPrediction: PredictRunner = async (question, scenario) => {
  if (scenario === undefined || scenario === null)
    throw new Error(`scenario "${question.scenario}" is missing from the page`);
  // The services the scenario runs load first (a chunk each).
  await loadServicesFor(scenario as Scenario);
  return runPredict({ replay }, question, scenario as Scenario).observed;
};
