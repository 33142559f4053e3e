/**
 * What every part of the island shares: the actor (read with useSelector, changed only by
 * sending events), the scenario, and the island's own UI callbacks.
 */
import { createContext, useContext } from 'react';
import { useSelector } from '@xstate/react';
import type { Action, ActionResult, SandboxActor, Scenario, World } from '@sandbox';
import type { EntityRef } from '@lib/sandbox-view/entity-actions.ts';

export interface SandboxUi {
  actor: SandboxActor;
  scenario: Scenario;
  /** A prefix for element ids, unique per sandbox on the page. */
  idPrefix: string;
  /** Sends a learner action, announces the outcome, and returns the engine's result. */
  act: (action: Action) => ActionResult | null;
  /** Shows an entity in the inspector. */
  inspect: (ref: EntityRef) => void;
  /** Starts keyboard placement of a tray container. */
  pickUp: (containerId: string, name: string) => void;
  /** Says something through the polite live region. */
  announce: (message: string) => void;
}

export const SandboxUiContext = createContext<SandboxUi | null>(null);

export function useSandboxUi(): SandboxUi {
  const ui = useContext(SandboxUiContext);
  if (!ui) throw new Error('useSandboxUi must be used inside <SandboxIsland>');
  return ui;
}

/** Selects a narrow slice of the world; re-renders only when the slice changes. */
export function useWorldSlice<T>(
  actor: SandboxActor,
  pick: (world: World) => T,
  equal?: (a: T, b: T) => boolean,
): T {
  return useSelector(actor, (snapshot) => pick(snapshot.context.world), equal);
}
