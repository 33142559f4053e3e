/**
 * What every part of the island shares: a read-only store of the world (read with
 * useSelector), ways to change the world only by sending events, the scenario, and the
 * island's UI callbacks. Until the learner first interacts, the store holds the world the
 * build computed and the engine is not loaded; sends wait for it (see use-engine.ts).
 */
import { createContext, useContext } from 'react';
import { useSelector } from '@xstate/react';
import type { Action, ActionResult, Scenario, World } from '@sandbox';
import type { EntityRef } from '@lib/sandbox-view/entity-actions.ts';
import type { EngineModule, SandboxStore } from './use-engine.ts';

export interface SandboxUi {
  store: SandboxStore;
  /** The engine's functions, or null until it has loaded. */
  engine: EngineModule | null;
  scenario: Scenario;
  /** A prefix for element ids, unique per sandbox on the page. */
  idPrefix: string;
  /**
   * Sends a learner action and announces the outcome. Returns the engine's result, or null
   * when the engine was still loading (the action is then sent as soon as it is ready).
   */
  act: (action: Action) => ActionResult | null;
  /** Fires a fault by hand (sent as `instructor.action`: not toil, not undone) and announces it. */
  fault: (action: Action) => ActionResult | null;
  /** Runs `fn` with the engine and the live world now, or once the engine has loaded. */
  withEngine: (fn: (engine: EngineModule, world: World) => void) => void;
  /** Opens "Why here?" / "Why still waiting?" for an ECS task (focus returns to `opener`). */
  askWhy?: (taskId: string, opener: HTMLElement) => void;
  /** Shows an entity in the inspector. */
  inspect: (ref: EntityRef) => void;
  /** Starts keyboard placement of a tray container. */
  pickUp: (containerId: string, name: string) => void;
  /** Says something through the polite live region. */
  announce: (message: string) => void;
  /** Rewinds the timeline to the second a goal first failed (no-op if it never failed). */
  showFailure: (goalId: string) => void;
  /** Shows second `time` on the timeline (rewinding there, or live if it is now). */
  showMoment: (time: number) => void;
}

export const SandboxUiContext = createContext<SandboxUi | null>(null);

export function useSandboxUi(): SandboxUi {
  const ui = useContext(SandboxUiContext);
  if (!ui) throw new Error('useSandboxUi must be used inside <SandboxIsland>');
  return ui;
}

/** Selects a narrow slice of the world; re-renders only when the slice changes. */
export function useWorldSlice<T>(
  store: SandboxStore,
  pick: (world: World) => T,
  equal?: (a: T, b: T) => boolean,
): T {
  return useSelector(store, (snapshot) => pick(snapshot.context.world), equal);
}
