/** The session's elapsed time on the wall clock, started when the window opens; T pauses it. */
import { useEffect, useState } from 'react';

export interface TimerState {
  running: boolean;
  /** Milliseconds counted before the current run. */
  banked: number;
  since: number;
}

export const startTimer = (now: number): TimerState => ({ running: true, banked: 0, since: now });

export function toggleTimer(timer: TimerState, now: number): TimerState {
  return timer.running
    ? { running: false, banked: timer.banked + now - timer.since, since: now }
    : { running: true, banked: timer.banked, since: now };
}

export function elapsedMs(timer: TimerState, now: number): number {
  return timer.banked + (timer.running ? Math.max(0, now - timer.since) : 0);
}

export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

interface Props {
  timer: TimerState;
  onToggle: () => void;
  onReset: () => void;
}

export function ElapsedTimer({ timer, onToggle, onReset }: Props) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!timer.running) return undefined;
    const id = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(id);
  }, [timer.running]);
  const shown = formatElapsed(elapsedMs(timer, now));
  return (
    <section className="pc-card pc-timer" aria-labelledby="pc-timer-title">
      <h2 id="pc-timer-title">Elapsed</h2>
      <p className="pc-timer-value" aria-live="off">
        <span className="pc-mono">{shown}</span>{' '}
        {timer.running ? null : <span className="pc-tag">paused</span>}
      </p>
      <div className="pc-row">
        <button type="button" className="sbx-btn" onClick={onToggle}>
          {timer.running ? 'Pause timer' : 'Resume timer'} <kbd>T</kbd>
        </button>
        <button type="button" className="sbx-btn" onClick={onReset}>
          Restart timer
        </button>
      </div>
    </section>
  );
}
