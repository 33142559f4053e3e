/**
 * The real-time loop: requestAnimationFrame turns wall time into whole sim seconds and
 * sends them as `sim.advance`. Play/pause, step and speed live here, not in the engine.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxActor } from '@sandbox';
import { initialLoopState, tick, type Speed } from '@lib/sandbox-view/sim-loop.ts';
import type { Engine } from './use-engine.ts';

export const STEP_SECONDS = 10;

export interface SimLoop {
  playing: boolean;
  speed: Speed;
  play: () => void;
  pause: () => void;
  step: () => void;
  setSpeed: (speed: Speed) => void;
}

/** `duration`: the loop pauses itself once the world's clock reaches it. */
export function useSimLoop({ actor, withActor }: Engine, duration: number): SimLoop {
  const [playing, setPlaying] = useState(false);
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
    const onFrame = (now: number) => {
      const out = tick(state, last === null ? 0 : now - last, speedRef.current);
      last = now;
      state = out.state;
      if (out.seconds > 0) {
        const seconds = Math.min(out.seconds, remaining(actor));
        if (seconds > 0) actor.send({ type: 'sim.advance', seconds });
        if (remaining(actor) <= 0) {
          setPlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, actor, remaining]);

  const play = useCallback(
    () =>
      withActor((live) => {
        if (remaining(live) > 0) setPlaying(true);
      }),
    [withActor, remaining],
  );

  const step = useCallback(
    () =>
      withActor((live) => {
        const seconds = Math.min(STEP_SECONDS, remaining(live));
        if (seconds > 0) live.send({ type: 'sim.advance', seconds });
      }),
    [withActor, remaining],
  );

  return { playing, speed, play, pause: useCallback(() => setPlaying(false), []), step, setSpeed };
}
