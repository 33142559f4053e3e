/**
 * Transition tables derived from the statecharts, so the engine can step thousands of
 * entities as plain data (a lookup per event) instead of one live actor each. A table keeps
 * everything the chart says that the engine acts on: each event's candidate transitions in
 * order with their guards and actions, the delayed transitions, and the named entry and exit
 * actions (the effects a service carries out through its effects map). Deriving a table
 * throws on anything it cannot represent (nested or parallel states, inline functions as
 * guards or actions, numeric delays, several targets), so a chart never says more than the
 * engine does. The tests check every entry against xstate's own `transition()`.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

export interface TransitionRow {
  target: string;
  /** The named guard that must hold, or null. */
  guard: string | null;
  /** Named actions of the transition itself (run between exit and entry). */
  actions: string[];
}

export interface DelayedRow extends TransitionRow {
  /** The named delay. */
  delay: string;
}

export interface StateRow {
  /** Candidate transitions per event, in the chart's order: the first whose guard holds wins. */
  on: Record<string, TransitionRow[]>;
  /** The state's delayed transitions, in order. */
  after: DelayedRow[];
  entry: string[];
  exit: string[];
  final: boolean;
}

export interface TransitionTable {
  id: string;
  initial: string;
  states: Record<string, StateRow>;
}

/** Evaluates a named guard against the world; the engine never guesses. */
export type GuardCheck = (guard: string) => boolean;

function unrepresentable(machine: string, where: string, what: string): never {
  throw new Error(`deriveTable(${machine}): ${where}: ${what} cannot be represented in a table`);
}

/** xstate's own actions (the timers `after` schedules and cancels) are not effects. */
function isBuiltIn(action: unknown): boolean {
  if (typeof action !== 'function' && (typeof action !== 'object' || action === null)) return false;
  const type: unknown = Reflect.get(action, 'type');
  return typeof type === 'string' && type.startsWith('xstate.');
}

function actionName(machine: string, where: string, action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'object' && action !== null && 'type' in action) {
    const type = action.type;
    if (typeof type === 'string' && !type.startsWith('xstate.')) return type;
  }
  return unrepresentable(machine, where, 'an inline action');
}

function actionNames(machine: string, where: string, actions: readonly unknown[]): string[] {
  return actions.filter((a) => !isBuiltIn(a)).map((a) => actionName(machine, where, a));
}

function guardName(machine: string, where: string, guard: unknown): string | null {
  if (guard === undefined) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const type = guard.type;
    if (typeof type === 'string') return type;
  }
  return unrepresentable(machine, where, 'an inline guard');
}

function targetOf(machine: string, where: string, targets: readonly AnyStateNode[] | undefined) {
  if (!targets || targets.length === 0)
    return unrepresentable(machine, where, 'a targetless transition');
  if (targets.length > 1) return unrepresentable(machine, where, 'several targets');
  return targets[0]!.key;
}

export function deriveTable(machine: AnyStateMachine): TransitionTable {
  const id = machine.id;
  const root = machine.root;
  if (root.type !== 'compound') unrepresentable(id, 'root', `a ${root.type} root`);
  const states: Record<string, StateRow> = {};
  for (const [name, node] of Object.entries(root.states)) {
    if (node.type !== 'atomic' && node.type !== 'final')
      unrepresentable(id, name, `a ${node.type} state`);
    const on: Record<string, TransitionRow[]> = {};
    for (const [eventType, transitions] of Object.entries(node.on)) {
      if (eventType.startsWith('xstate.after')) continue;
      on[eventType] = transitions.map((t) => ({
        target: targetOf(id, `${name} on ${eventType}`, t.target),
        guard: guardName(id, `${name} on ${eventType}`, t.guard),
        actions: actionNames(id, `${name} on ${eventType}`, t.actions),
      }));
    }
    const after = node.after.map((t) => {
      if (typeof t.delay !== 'string') unrepresentable(id, `${name} after`, 'a numeric delay');
      return {
        delay: t.delay,
        target: targetOf(id, `${name} after ${t.delay}`, t.target),
        guard: guardName(id, `${name} after ${t.delay}`, t.guard),
        actions: actionNames(id, `${name} after`, t.actions),
      };
    });
    states[name] = {
      on,
      after,
      entry: actionNames(id, `${name} entry`, node.entry),
      exit: actionNames(id, `${name} exit`, node.exit),
      final: node.type === 'final',
    };
  }
  const initial = root.initial.target[0]?.key ?? Object.keys(states)[0] ?? '';
  return { id, initial, states };
}

function pick<R extends TransitionRow>(
  table: TransitionTable,
  rows: readonly R[],
  check: GuardCheck | undefined,
): R | null {
  for (const row of rows) {
    if (row.guard === null) return row;
    if (!check)
      throw new Error(`${table.id}: guard ${row.guard} needs a guard check from the service`);
    if (check(row.guard)) return row;
  }
  return null;
}

/** The transition an event takes, or null when the machine ignores it in that state. */
export function transitionFor(
  table: TransitionTable,
  state: string,
  eventType: string,
  check?: GuardCheck,
): TransitionRow | null {
  const rows = table.states[state]?.on[eventType];
  return rows ? pick(table, rows, check) : null;
}

/** The state an event leads to, or null when the machine ignores the event in that state. */
export function nextState(
  table: TransitionTable,
  state: string,
  eventType: string,
  check?: GuardCheck,
): string | null {
  return transitionFor(table, state, eventType, check)?.target ?? null;
}

/** The delayed transition that will fire in this state, or null. */
export function delayedTransition(
  table: TransitionTable,
  state: string,
  check?: GuardCheck,
): DelayedRow | null {
  const rows = table.states[state]?.after;
  return rows ? pick(table, rows, check) : null;
}

/**
 * Runs the named effects of a transition in statechart order: the source's exit actions, the
 * transition's own actions, then the target's entry actions. A name missing from `effects`
 * throws: a chart that names an effect the service does not carry out is a bug.
 */
export function runEffects<A extends unknown[]>(
  table: TransitionTable,
  from: string,
  transition: { target: string; actions: readonly string[] },
  effects: Record<string, (...args: A) => void>,
  ...args: A
): void {
  const names = [
    ...(table.states[from]?.exit ?? []),
    ...transition.actions,
    ...(table.states[transition.target]?.entry ?? []),
  ];
  for (const name of names) {
    const effect = Object.hasOwn(effects, name) ? effects[name] : undefined;
    if (!effect) throw new Error(`${table.id}: no effect named ${name}`);
    effect(...args);
  }
}
