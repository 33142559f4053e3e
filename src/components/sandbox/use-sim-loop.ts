/**
 * The real-time loop: requestAnimationFrame turns wall time into whole sim seconds and
 * sends them as `sim.advance`. Play/pause, step and speed live here, not in the engine.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxActor } from '@sandbox';
import { initialLoopState, tick, type Speed } from '@lib/sandbox-view/sim-loop.ts';
import type { Engine } from './use-engine.ts';

export const STEP_SECONDS = 10;

/** "Run to the end" advances this many sim seconds per frame, adapted to keep frames short. */
const FAST_FORWARD = { first: 60, min: 10, max: 3600, fastMs: 16, slowMs: 48 } as const;

export interface SimLoop {
  playing: boolean;
  /** True while "Run to the end" is advancing as fast as the page allows. */
  fastForwarding: boolean;
  speed: Speed;
  play: () => void;
  /** Runs the scenario to its end as fast as the page allows, frame by frame; Pause stops it. */
  runToEnd: () => void;
  pause: () => void;
  step: () => void;
  setSpeed: (speed: Speed) => void;
}

/** `duration`: the loop pauses itself once the world's clock reaches it. */
export function useSimLoop({ actor, withActor }: Engine, duration: number): SimLoop {
  const [playing, setPlaying] = useState(false);
  const [fastForwarding, setFastForwarding] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const speedRef = useRef<Speed>(speed);
  speedRef.current = speed;

  const remaining = useCallback(
    (live: SandboxActor) => Math.max(0, duration - live.getSnapshot().context.world.time),
    [duration],
  );

  useEffect(() => {
    if (!playing || !actor) return undefined;
    let frame = 0;
    let last: number | null = null;
    let state = initialLoopState;
    let chunk: number = FAST_FORWARD.first;
    const onFrame = (now: number) => {
      const out = tick(state, last === null ? 0 : now - last, speedRef.current);
      last = now;
      state = out.state;
      const wanted = fastForwarding ? chunk : out.seconds;
      if (wanted > 0) {
        const seconds = Math.min(wanted, remaining(actor));
        const started = performance.now();
        if (seconds > 0) actor.send({ type: 'sim.advance', seconds });
        if (fastForwarding) chunk = nextChunk(chunk, performance.now() - started);
        if (remaining(actor) <= 0) {
          setPlaying(false);
          setFastForwarding(false);
          return;
        }
      }
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, fastForwarding, actor, remaining]);

  const play = useCallback(
    () =>
      withActor((live) => {
        if (remaining(live) > 0) setPlaying(true);
      }),
    [withActor, remaining],
  );

  const runToEnd = useCallback(
    () =>
      withActor((live) => {
        if (remaining(live) <= 0) return;
        setFastForwarding(true);
        setPlaying(true);
      }),
    [withActor, remaining],
  );

  const pause = useCallback(() => {
    setPlaying(false);
    setFastForwarding(false);
  }, []);

  const step = useCallback(
    () =>
      withActor((live) => {
        const seconds = Math.min(STEP_SECONDS, remaining(live));
        if (seconds > 0) live.send({ type: 'sim.advance', seconds });
      }),
    [withActor, remaining],
  );

  return { playing, fastForwarding, speed, play, runToEnd, pause, step, setSpeed };
}

/** Doubles the chunk while frames stay fast, halves it when a frame runs long. */
function nextChunk(chunk: number, elapsedMs: number): number {
  if (elapsedMs < FAST_FORWARD.fastMs) return Math.min(FAST_FORWARD.max, chunk * 2);
  if (elapsedMs > FAST_FORWARD.slowMs) return Math.max(FAST_FORWARD.min, Math.floor(chunk / 2));
  return chunk;
}
