/**
 * Rewinding a sandbox: the world at any past second, rebuilt from the nearest checkpoint.
 *
 * The world is a function of (scenario, seed, action log), and the engine never mutates a
 * world it hands out, so the live worlds the island sees can serve as checkpoints as they
 * are. `observe` keeps one every CHECKPOINT_EVERY simulated seconds (and drops those an
 * undo, a reset or a branch made stale); `worldAt` replays the log from the newest
 * checkpoint at or before the second asked for. The engine's functions are passed in, so
 * this module adds nothing to a lesson page before the engine loads.
 */
import type { GoalResult, Scenario, TimedAction, World } from '@sandbox';

/**
 * Simulated seconds between two checkpoints. Checkpoints share every unchanged part with
 * each other (structural sharing), so keeping them dense is cheap; showing a second replays
 * at most this many seconds after copying one.
 */
export const CHECKPOINT_EVERY = 10;

export interface RewindEngine {
  replay: (
    scenario: Scenario,
    log: readonly TimedAction[],
    options: { seed?: number; until?: number; from?: World; detached?: boolean },
  ) => { world: World };
  checkGoals: (world: World, scenario: Scenario) => GoalResult[];
}

export interface Checkpoint {
  time: number;
  world: World;
  /** How many log entries the checkpoint's world holds. */
  logLength: number;
  /** The key of its last log entry, to tell whether a later log still extends it. */
  lastKey: string;
  /** Each goal's status (and description) at this moment, for the timeline's goal marks. */
  goals: Record<string, { status: GoalResult['status']; description: string }>;
}

export interface Rewind {
  /** Called with every world the live sandbox shows. */
  observe: (world: World) => void;
  /** The world as it was at second `time` of the live world's history (the live world itself at or after now). */
  worldAt: (time: number, live: World) => World;
  checkpoints: () => readonly Checkpoint[];
}

const entryKey = (entry: TimedAction | undefined): string =>
  entry ? `${entry.at}|${entry.by}|${JSON.stringify(entry.action)}` : '';

/** Whether `world` is a continuation of the history the checkpoint saw. */
export function continues(world: World, checkpoint: Checkpoint): boolean {
  return (
    checkpoint.time <= world.time &&
    checkpoint.logLength <= world.log.length &&
    entryKey(world.log[checkpoint.logLength - 1]) === checkpoint.lastKey
  );
}

function goalStatuses(results: GoalResult[]): Checkpoint['goals'] {
  const out: Checkpoint['goals'] = {};
  for (const result of results)
    out[result.id] = { status: result.status, description: result.description };
  return out;
}

export function createRewind(scenario: Scenario, seed: number, engine: RewindEngine): Rewind {
  let checkpoints: Checkpoint[] = [];
  /** The last world `worldAt` rebuilt: scrubbing forward continues from it instead of a checkpoint. */
  let lastBuilt: Checkpoint | null = null;

  const checkpointOf = (world: World): Checkpoint => ({
    time: world.time,
    world,
    logLength: world.log.length,
    lastKey: entryKey(world.log.at(-1)),
    goals: goalStatuses(engine.checkGoals(world, scenario)),
  });

  function observe(world: World): void {
    if (checkpoints.some((c) => !continues(world, c))) {
      checkpoints = checkpoints.filter((c) => continues(world, c));
      lastBuilt = null;
    }
    const last = checkpoints.at(-1);
    if (!last || world.time >= last.time + CHECKPOINT_EVERY) checkpoints.push(checkpointOf(world));
  }

  function worldAt(time: number, live: World): World {
    const t = Math.max(0, Math.floor(time));
    if (t >= live.time) return live;
    let from: Checkpoint | null = null;
    for (const c of checkpoints) if (c.time <= t && continues(live, c)) from = c;
    // Scrubbing forward goes on from the world shown last: the engine still holds its working
    // copy, so a few seconds' replay beats copying a checkpoint that is a little closer.
    if (lastBuilt && lastBuilt.time <= t && continues(live, lastBuilt)) {
      if (!from || lastBuilt.time >= from.time || t - lastBuilt.time <= 2 * CHECKPOINT_EVERY)
        from = lastBuilt;
    }
    const start = from?.logLength ?? 0;
    const entries: TimedAction[] = [];
    for (let i = start; i < live.log.length; i++) {
      const entry = live.log[i]!;
      if (entry.at > t) break;
      entries.push(entry);
    }
    // A checkpoint of that very second, with nothing to apply after it, is the world itself.
    if (from && from.time === t && entries.length === 0) return from.world;
    // Shown read-only (and copied if the learner continues from it), so it need not share
    // its parts with the checkpoint: sealing it skips comparing the whole world.
    const { world } = engine.replay(scenario, entries, {
      seed,
      until: t,
      detached: true,
      ...(from ? { from: from.world } : {}),
    });
    lastBuilt = {
      time: world.time,
      world,
      logLength: world.log.length,
      lastKey: entryKey(world.log.at(-1)),
      goals: {},
    };
    return world;
  }

  return { observe, worldAt, checkpoints: () => checkpoints };
}
