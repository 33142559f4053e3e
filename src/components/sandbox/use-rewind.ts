/**
 * The island's rewind state: which past second is shown (or none: live), the store the view
 * reads while rewound, and the ways back (to now, or branching from the shown second).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { World } from '@sandbox';
import { formatTimelineClock } from '@lib/timeline/marks.ts';
import { createRewind, type Rewind } from '@lib/timeline/rewind.ts';
import { staticStore, type Engine, type SandboxStore } from './use-engine.ts';

export interface Rewound {
  time: number;
  world: World;
}

export interface RewindControls {
  /** The past second shown, or null while the sandbox shows the live world. */
  rewound: Rewound | null;
  /** The second asked for last (shown by the slider at once; the world follows within a frame). */
  target: number | null;
  /** What the view reads: the live actor, or the rewound world (read-only). */
  store: SandboxStore;
  /** Shows second `time` (the live world at or after now). */
  scrub: (time: number) => void;
  backToNow: () => void;
  /** Makes the shown second the live world: the actions after it are dropped. */
  continueFromHere: () => void;
  /** How many logged actions came after the shown second (what continuing drops). */
  droppedIfContinued: number;
  /** Bumps when the checkpoints change (the timeline's goal marks follow them). */
  version: number;
  rewind: Rewind | null;
  /** The first second at which a goal was failing, to the second, or null if it never failed. */
  failedAt: (goalId: string) => number | null;
}

export function useRewind(engine: Engine, onBranch: (message: string) => void): RewindControls {
  const { actor, engine: loaded } = engine;
  const [rewound, setRewound] = useState<Rewound | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const rewindRef = useRef<Rewind | null>(null);
  const pending = useRef<number | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(() => {
    if (!actor || !loaded) return undefined;
    const context = actor.getSnapshot().context;
    const rewind = createRewind(context.scenario, context.seed, loaded);
    rewindRef.current = rewind;
    let last: World | null = null;
    let count = -1;
    const observe = (world: World) => {
      if (world === last) return;
      last = world;
      rewind.observe(world);
      const n = rewind.checkpoints().length;
      if (n !== count) {
        count = n;
        setVersion((v) => v + 1);
      }
    };
    observe(context.world);
    const subscription = actor.subscribe((snapshot) => observe(snapshot.context.world));
    return () => {
      subscription.unsubscribe();
      rewindRef.current = null;
    };
  }, [actor, loaded]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const scrub = useCallback(
    (time: number) => {
      if (!actor) return;
      pending.current = time;
      setTarget(time >= actor.getSnapshot().context.world.time ? null : time);
      // Dragging sends many values a frame; rebuild only the last one each frame.
      frame.current ??= requestAnimationFrame(() => {
        frame.current = null;
        const t = pending.current;
        const rewind = rewindRef.current;
        if (t === null || !rewind) return;
        const live = actor.getSnapshot().context.world;
        if (t >= live.time) setRewound(null);
        else setRewound({ time: t, world: rewind.worldAt(t, live) });
      });
    },
    [actor],
  );

  const backToNow = useCallback(() => {
    pending.current = null;
    setTarget(null);
    setRewound(null);
  }, []);

  const droppedIfContinued = useMemo(() => {
    if (!rewound || !actor) return 0;
    return actor.getSnapshot().context.world.log.filter((e) => e.at > rewound.time).length;
  }, [rewound, actor]);

  const continueFromHere = useCallback(() => {
    if (!rewound || !actor || !loaded) return;
    actor.send({ type: 'sim.restore', snapshot: loaded.serializeWorld(rewound.world) });
    const result = actor.getSnapshot().context.lastResult;
    setTarget(null);
    setRewound(null);
    if (result && !result.ok) onBranch(`Could not continue from there: ${result.error}`);
    else
      onBranch(
        `Continuing from ${formatTimelineClock(rewound.time)}: what came after it was dropped.`,
      );
  }, [rewound, actor, loaded, onBranch]);

  const failedAt = useCallback(
    (goalId: string): number | null => {
      const rewind = rewindRef.current;
      if (!rewind || !actor || !loaded) return null;
      const live = actor.getSnapshot().context.world;
      const { scenario } = actor.getSnapshot().context;
      const failing = (t: number) =>
        loaded.checkGoals(rewind.worldAt(t, live), scenario).find((g) => g.id === goalId)
          ?.status === 'fail';
      if (!failing(live.time)) return null;
      // The newest checkpoint at which the goal was not failing bounds the search from below.
      let low = -1;
      for (const c of rewind.checkpoints())
        if (c.time < live.time && c.goals[goalId]?.status !== 'fail') low = c.time;
      let high = live.time;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (failing(mid)) high = mid;
        else low = mid;
      }
      return high;
    },
    [actor, loaded],
  );

  const liveStore = engine.store;
  const store = useMemo(
    () => (rewound ? staticStore(rewound.world) : liveStore),
    [rewound, liveStore],
  );

  return {
    rewound,
    target,
    store,
    scrub,
    backToNow,
    continueFromHere,
    droppedIfContinued,
    version,
    rewind: rewindRef.current,
    failedAt,
  };
}
