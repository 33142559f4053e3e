/**
 * Runs the five worlds in lockstep on the deterministic engine: each second, every world
 * first takes the operator actions due (its scenario's solution, applied as the learner's,
 * exactly as `replay` applies a log), then advances one simulated second; the tracker folds
 * each world's reading. Pure apart from the engine it is handed: no clock, no DOM.
 *
 * The engine's services must be loaded first (`loadServicesFor(scenario)` for each).
 */
import type { Action, ActionResult, Scenario, World } from '@sandbox';
import { MODELS, type ComputeModel, type ModelId } from './models.ts';
import { observe } from './observe.ts';
import { emptyTracker, track, type Tracker } from './tracker.ts';

/** The engine functions the comparison needs (injected, so the page can load them lazily). */
export interface CompareEngine {
  createWorld(scenario: Scenario): World;
  applyAction(world: World, action: Action, by: 'learner'): { world: World; result: ActionResult };
  advance(world: World, seconds: number): World;
}

export interface Lane {
  model: ComputeModel;
  scenario: Scenario;
  world: World;
  /** Index of the next solution entry to apply. */
  next: number;
  tracker: Tracker;
  /** Operator actions the engine refused (there should be none; shown if there are). */
  refused: string[];
}

export interface Comparison {
  time: number;
  duration: number;
  lanes: Lane[];
}

/** The five scenarios, by model id, in MODELS order; throws naming a missing one. */
export function orderScenarios(scenarios: readonly Scenario[]): Scenario[] {
  return MODELS.map((m) => {
    const s = scenarios.find((x) => x.id === m.scenario);
    if (!s) throw new Error(`The comparison needs the scenario ${m.scenario} (${m.label}).`);
    return s;
  });
}

export function startComparison(engine: CompareEngine, scenarios: readonly Scenario[]): Comparison {
  const ordered = orderScenarios(scenarios);
  const lanes = ordered.map((scenario, i) => {
    const model = MODELS[i]!;
    const world = engine.createWorld(scenario);
    return {
      model,
      scenario,
      world,
      next: 0,
      tracker: track(emptyTracker(), observe(world, model)),
      refused: [],
    };
  });
  return {
    time: 0,
    duration: Math.min(...ordered.map((s) => s.duration)),
    lanes,
  };
}

function stepLane(engine: CompareEngine, lane: Lane): Lane {
  let { world, next } = lane;
  const refused = [...lane.refused];
  const solution = lane.scenario.solution;
  while (next < solution.length && solution[next]!.at <= world.time) {
    const applied = engine.applyAction(world, solution[next]!.action, 'learner');
    if (!applied.result.ok) refused.push(`${solution[next]!.action.type}: ${applied.result.error}`);
    world = applied.world;
    next++;
  }
  world = engine.advance(world, 1);
  return {
    ...lane,
    world,
    next,
    refused,
    tracker: track(lane.tracker, observe(world, lane.model)),
  };
}

/** Advances every world by `seconds` (capped at the end), one second at a time in lockstep. */
export function stepComparison(engine: CompareEngine, c: Comparison, seconds: number): Comparison {
  const n = Math.max(0, Math.min(Math.floor(seconds), c.duration - c.time));
  let lanes = c.lanes;
  for (let k = 0; k < n; k++) lanes = lanes.map((lane) => stepLane(engine, lane));
  return { ...c, time: c.time + n, lanes };
}

export function finished(c: Comparison): boolean {
  return c.time >= c.duration;
}

export function laneOf(c: Comparison, id: ModelId): Lane {
  const lane = c.lanes.find((l) => l.model.id === id);
  if (!lane) throw new Error(`no lane ${id}`);
  return lane;
}
