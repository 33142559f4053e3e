/**
 * The arithmetic of the real-time loop: wall milliseconds in, whole sim seconds out.
 * The island's requestAnimationFrame hook owns the timing; this stays pure.
 */

export const SPEEDS = [1, 4, 16, 64] as const;
export type Speed = (typeof SPEEDS)[number];

/** A frame longer than this (a background tab, a debugger pause) counts as this long. */
export const MAX_FRAME_MS = 250;

/**
 * Sends are batched so that at high speed the view renders at most this often; the sim
 * still advances by every second it owes, only in larger steps.
 */
export const MIN_SEND_INTERVAL_MS = 1000 / 20;

export interface LoopState {
  /** Sim milliseconds owed but not yet sent (less than one second after a send). */
  owedSimMs: number;
  /** Wall milliseconds since the last send. */
  sinceSendMs: number;
}

export const initialLoopState: LoopState = { owedSimMs: 0, sinceSendMs: 0 };

/**
 * Accounts for one animation frame. Returns the whole sim seconds to send now (0 = send
 * nothing this frame) and the state to carry into the next frame.
 */
export function tick(
  state: LoopState,
  frameMs: number,
  speed: number,
  minSendIntervalMs: number = MIN_SEND_INTERVAL_MS,
): { seconds: number; state: LoopState } {
  const dt = Math.min(MAX_FRAME_MS, Math.max(0, frameMs));
  const owed = state.owedSimMs + dt * speed;
  const since = state.sinceSendMs + dt;
  const whole = Math.floor(owed / 1000);
  if (whole < 1 || since < minSendIntervalMs) {
    return { seconds: 0, state: { owedSimMs: owed, sinceSendMs: since } };
  }
  return { seconds: whole, state: { owedSimMs: owed - whole * 1000, sinceSendMs: 0 } };
}

/** The next speed up or down the ladder, staying at the ends. */
export function nextSpeed(current: number, direction: 1 | -1): Speed {
  const index = SPEEDS.indexOf(current as Speed);
  const next = Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? 0 : index) + direction));
  return SPEEDS[next] ?? 1;
}
