/** The five-compute-models comparison: pure model (no React, no DOM). */
export { MODELS, MODEL_IDS, TIMELINE, type ComputeModel, type ModelId } from './models.ts';
export {
  startComparison,
  stepComparison,
  finished,
  laneOf,
  orderScenarios,
  type Comparison,
  type CompareEngine,
  type Lane,
} from './comparison.ts';
export {
  buildRows,
  winners,
  labelOf,
  formatSeconds,
  ROW_IDS,
  type Row,
  type RowId,
  type Cell,
} from './table.ts';
export {
  QUESTIONS,
  grade,
  asModelId,
  type Question,
  type Predictions,
  type Verdict,
} from './predictions.ts';
