/**
 * The island's engine, loaded on first interaction. Until then a static store serves the
 * world the build computed, so the page shows the sandbox without shipping the engine.
 * `withActor` runs a function on the live actor now, or as soon as it is ready.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ActionResult, SandboxActor, Scenario, World } from '@sandbox';
import type * as EngineFunctions from './engine.ts';

export type EngineModule = typeof EngineFunctions;

/** The part of the actor the view reads: `useSelector` needs only these two. */
export interface SandboxStore {
  getSnapshot(): { context: { world: World; lastResult: ActionResult | null } };
  subscribe: SandboxActor['subscribe'];
}

export function staticStore(world: World): SandboxStore {
  const snapshot = { context: { world, lastResult: null } };
  return {
    getSnapshot: () => snapshot,
    // A world that never changes has nothing to report to subscribers.
    subscribe: (() => ({ unsubscribe: () => undefined })) as SandboxActor['subscribe'],
  };
}

export interface Loaded {
  actor: SandboxActor;
  engine: EngineModule;
}

export interface Engine {
  store: SandboxStore;
  /** Why the engine's code could not load (a network failure), or null. */
  failure: string | null;
  actor: SandboxActor | null;
  engine: EngineModule | null;
  /**
   * Starts loading the engine (idempotent while it loads or once loaded). It rejects when the
   * engine's code cannot load; `failure` then says why, and the next call tries again.
   */
  wake: () => Promise<Loaded>;
  /** Runs `fn` with the live actor and engine now, or as soon as they are ready. */
  withLoaded: (fn: (loaded: Loaded) => void) => void;
  withActor: (fn: (actor: SandboxActor) => void) => void;
  /** Swaps in another actor (a shared link's world), stopping the one it replaces. */
  replaceActor: (actor: SandboxActor, engine: EngineModule) => void;
}

/**
 * `onCreate` runs on the new actor before anything is sent to it (an assignment page uses it
 * to restore saved work and record the action log).
 */
export function useEngine(
  scenario: Scenario,
  initialWorld: World,
  onCreate?: (actor: SandboxActor) => void,
): Engine {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const loadedRef = useRef<Loaded | null>(null);
  const loading = useRef<Promise<Loaded> | null>(null);
  const initial = useMemo(() => staticStore(initialWorld), [initialWorld]);

  const wake = useCallback(() => {
    loading.current ??= import('./engine.ts')
      .then(async (engine) => {
        // The services this scenario's world runs (one chunk each), before the actor builds it.
        await engine.loadServicesFor(scenario);
        const ready = { actor: engine.createSandbox(scenario), engine };
        onCreate?.(ready.actor);
        loadedRef.current = ready;
        setFailure(null);
        setLoaded(ready);
        return ready;
      })
      .catch((error: unknown) => {
        // A chunk that did not arrive (offline before the course was cached, a dropped
        // connection): say so, and let the next interaction try again.
        loading.current = null;
        setFailure(error instanceof Error ? error.message : String(error));
        throw error;
      });
    return loading.current;
  }, [scenario, onCreate]);

  const withLoaded = useCallback(
    (fn: (ready: Loaded) => void) => {
      if (loadedRef.current) fn(loadedRef.current);
      // A failure is shown through `failure`; the action it carried is dropped.
      else wake().then(fn, ignoreFailure);
    },
    [wake],
  );
  const withActor = useCallback(
    (fn: (actor: SandboxActor) => void) => withLoaded((ready) => fn(ready.actor)),
    [withLoaded],
  );

  const replaceActor = useCallback((actor: SandboxActor, engine: EngineModule) => {
    const previous = loadedRef.current;
    const ready = { actor, engine };
    loadedRef.current = ready;
    loading.current = Promise.resolve(ready);
    setLoaded(ready);
    if (previous && previous.actor !== actor) previous.actor.stop();
  }, []);

  return {
    replaceActor,
    store: loaded?.actor ?? initial,
    failure,
    actor: loaded?.actor ?? null,
    engine: loaded?.engine ?? null,
    wake,
    withLoaded,
    withActor,
  };
}

/** For callers that only start the engine: its failure is reported through `Engine.failure`. */
export function ignoreFailure(): void {
  // Shown by the island, not thrown again.
}
