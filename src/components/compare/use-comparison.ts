/**
 * The comparison's run loop: loads the engine on start, then turns wall time into whole
 * simulated seconds (requestAnimationFrame, speed 1×–64×) and steps the five worlds in
 * lockstep. "Run to the end" advances in chunks sized to keep frames short.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '@sandbox';
import {
  finished,
  startComparison,
  stepComparison,
  type CompareEngine,
  type Comparison,
} from '@lib/compare/index.ts';
import { initialLoopState, tick, type Speed } from '@lib/sandbox-view/sim-loop.ts';

export const STEP_SECONDS = 10;

export interface ComparisonRun {
  comparison: Comparison | null;
  loading: boolean;
  error: string | null;
  playing: boolean;
  speed: Speed;
  start: () => Promise<Comparison | null>;
  play: () => void;
  pause: () => void;
  step: () => void;
  runToEnd: () => void;
  setSpeed: (s: Speed) => void;
}

export function useComparison(scenarios: readonly Scenario[]): ComparisonRun {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [fast, setFast] = useState(false);
  const [speed, setSpeed] = useState<Speed>(16);
  const engineRef = useRef<CompareEngine | null>(null);
  const cRef = useRef<Comparison | null>(null);
  const speedRef = useRef(speed);
  speedRef.current = speed;

  const publish = (c: Comparison) => {
    cRef.current = c;
    setComparison(c);
  };

  const start = useCallback(async () => {
    if (cRef.current) return cRef.current;
    setLoading(true);
    try {
      const mod = await import('./compare-engine.ts');
      for (const s of scenarios) await mod.loadServicesFor(s);
      engineRef.current = mod;
      const c = startComparison(mod, scenarios);
      publish(c);
      return c;
    } catch (e) {
      setError(`The comparison could not start: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    } finally {
      setLoading(false);
    }
  }, [scenarios]);

  const advanceBy = useCallback((seconds: number) => {
    const engine = engineRef.current;
    const c = cRef.current;
    if (!engine || !c || finished(c)) return;
    publish(stepComparison(engine, c, seconds));
  }, []);

  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let last: number | null = null;
    let state = initialLoopState;
    let chunk = 20;
    const onFrame = (now: number) => {
      const out = tick(state, last === null ? 0 : now - last, speedRef.current);
      last = now;
      state = out.state;
      const seconds = fast ? chunk : out.seconds;
      if (seconds > 0) {
        const t0 = performance.now();
        advanceBy(seconds);
        const took = performance.now() - t0;
        if (fast)
          chunk = Math.max(
            5,
            Math.min(300, Math.round(took > 48 ? chunk / 2 : took < 16 ? chunk * 1.5 : chunk)),
          );
      }
      if (cRef.current && finished(cRef.current)) {
        setPlaying(false);
        setFast(false);
        return;
      }
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, fast, advanceBy]);

  const play = useCallback(() => {
    void start().then((c) => {
      if (c && !finished(c)) setPlaying(true);
    });
  }, [start]);
  const pause = useCallback(() => {
    setPlaying(false);
    setFast(false);
  }, []);
  const step = useCallback(() => {
    void start().then(() => advanceBy(STEP_SECONDS));
  }, [start, advanceBy]);
  const runToEnd = useCallback(() => {
    void start().then((c) => {
      if (c && !finished(c)) {
        setFast(true);
        setPlaying(true);
      }
    });
  }, [start]);

  return {
    comparison,
    loading,
    error,
    playing,
    speed,
    start,
    play,
    pause,
    step,
    runToEnd,
    setSpeed,
  };
}
