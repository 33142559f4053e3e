/** The terminal's memory per sandbox (history, scrollback, session): it survives tab switches. */
import type { SandboxActor } from '@sandbox';
import type { CliSession } from '@sandbox/cli/index.ts';

export interface TerminalEntry {
  id: number;
  prompt: string;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface TerminalState {
  history: string[];
  entries: TerminalEntry[];
  session: CliSession;
  nextId: number;
}

/** Scrollback kept (oldest dropped first). */
export const MAX_ENTRIES = 200;
export const MAX_HISTORY = 500;

const states = new WeakMap<SandboxActor, TerminalState>();

export function terminalStateFor(actor: SandboxActor): TerminalState {
  let state = states.get(actor);
  if (!state) {
    state = { history: [], entries: [], session: { dockerContext: null }, nextId: 1 };
    states.set(actor, state);
  }
  return state;
}

export function promptFor(session: CliSession): string {
  return session.dockerContext ? `[${session.dockerContext}] $` : '$';
}
