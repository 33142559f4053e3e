/**
 * The real-time loop: requestAnimationFrame turns wall time into whole sim seconds and
 * sends them as `sim.advance`. Play/pause, step and speed live here, not in the engine.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxActor } from '@sandbox';
import { initialLoopState, tick, type Speed } from '@lib/sandbox-view/sim-loop.ts';

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
export function useSimLoop(actor: SandboxActor, duration: number): SimLoop {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const speedRef = useRef<Speed>(speed);
  speedRef.current = speed;

  const remaining = useCallback(
    () => Math.max(0, duration - actor.getSnapshot().context.world.time),
    [actor, duration],
  );

  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let last: number | null = null;
    let state = initialLoopState;
    const onFrame = (now: number) => {
      const out = tick(state, last === null ? 0 : now - last, speedRef.current);
      last = now;
      state = out.state;
      if (out.seconds > 0) {
        const seconds = Math.min(out.seconds, remaining());
        if (seconds > 0) actor.send({ type: 'sim.advance', seconds });
        if (remaining() <= 0) {
          setPlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, actor, remaining]);

  const step = useCallback(() => {
    const seconds = Math.min(STEP_SECONDS, remaining());
    if (seconds > 0) actor.send({ type: 'sim.advance', seconds });
  }, [actor, remaining]);

  return {
    playing,
    speed,
    play: useCallback(() => {
      if (remaining() > 0) setPlaying(true);
    }, [remaining]),
    pause: useCallback(() => setPlaying(false), []),
    step,
    setSpeed,
  };
}
