/**
 * Transition tables derived from the statecharts, so the engine can step thousands of
 * entities as plain data (a lookup per event) instead of one live actor each. The tests check
 * that every table entry equals what xstate's `transition()` computes for the same machine.
 */
import type { AnyStateMachine } from 'xstate';

export interface StateRow {
  on: Record<string, string>;
  /** The state's delayed transition: the named delay and the target state. */
  after: { delay: string; target: string } | null;
  final: boolean;
}

export interface TransitionTable {
  initial: string;
  states: Record<string, StateRow>;
}

interface NodeLike {
  key: string;
  type: string;
  states: Record<string, NodeLike>;
  on: Record<string, { target?: readonly NodeLike[] | undefined }[]>;
  after: { delay: string | number; target?: readonly NodeLike[] | undefined }[];
}

export function deriveTable(machine: AnyStateMachine): TransitionTable {
  const root = machine.root as unknown as NodeLike;
  const states: Record<string, StateRow> = {};
  for (const [name, node] of Object.entries(root.states)) {
    const on: Record<string, string> = {};
    for (const [eventType, transitions] of Object.entries(node.on)) {
      if (eventType.startsWith('xstate.after')) continue;
      const target = transitions[0]?.target?.[0];
      if (target) on[eventType] = target.key;
    }
    const delayed = node.after[0];
    const afterTarget = delayed?.target?.[0];
    states[name] = {
      on,
      after:
        delayed && afterTarget ? { delay: String(delayed.delay), target: afterTarget.key } : null,
      final: node.type === 'final',
    };
  }
  const initial = (machine.config as { initial?: string }).initial ?? Object.keys(states)[0] ?? '';
  return { initial, states };
}

/** The state an event leads to, or null when the machine ignores the event in that state. */
export function nextState(table: TransitionTable, state: string, eventType: string): string | null {
  return table.states[state]?.on[eventType] ?? null;
}

export function delayedTransition(
  table: TransitionTable,
  state: string,
): { delay: string; target: string } | null {
  return table.states[state]?.after ?? null;
}
