/** Play/pause, step, speed, reset, undo; the sim clock, the cost meter and the toil counter. */
import { memo } from 'react';
import { SPEEDS } from '@lib/sandbox-view/sim-loop.ts';
import {
  formatClock,
  formatClockWords,
  formatPerHour,
  formatUsd,
} from '@lib/sandbox-view/format.ts';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';
import { STEP_SECONDS, type SimLoop } from './use-sim-loop.ts';

interface Props {
  loop: SimLoop;
  duration: number;
  onReset: () => void;
  onUndo: () => void;
}

export const Toolbar = memo(function Toolbar({ loop, duration, onReset, onUndo }: Props) {
  const { store, idPrefix } = useSandboxUi();
  const time = useWorldSlice(store, (w) => w.time);
  const perHour = useWorldSlice(store, (w) => w.cost.perHour);
  const total = useWorldSlice(store, (w) => w.cost.total);
  const toil = useWorldSlice(store, (w) => w.docker.toil);
  const canUndo = useWorldSlice(store, (w) => w.log.some((entry) => entry.by === 'learner'));
  const finished = time >= duration;

  return (
    <div className="sbx-toolbar" role="toolbar" aria-label="Simulation controls">
      <div className="sbx-toolbar-group">
        {loop.playing ? (
          <button type="button" className="sbx-btn sbx-btn-primary" onClick={loop.pause}>
            <span aria-hidden="true">❚❚</span> Pause
          </button>
        ) : (
          <button
            type="button"
            className="sbx-btn sbx-btn-primary"
            onClick={loop.play}
            disabled={finished}
          >
            <span aria-hidden="true">▶</span> Play
          </button>
        )}
        <button
          type="button"
          className="sbx-btn"
          onClick={loop.step}
          disabled={finished || loop.playing}
        >
          Step {STEP_SECONDS} seconds
        </button>
        <button
          type="button"
          className="sbx-btn"
          onClick={loop.runToEnd}
          disabled={finished || loop.fastForwarding}
        >
          <span aria-hidden="true">⇥</span>{' '}
          {loop.fastForwarding ? 'Running to the end…' : 'Run to the end'}
        </button>
      </div>
      <div className="sbx-toolbar-group sbx-speed" role="group" aria-label="Speed">
        {SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            className="sbx-btn sbx-btn-seg"
            aria-pressed={loop.speed === speed}
            onClick={() => loop.setSpeed(speed)}
          >
            {speed}×
          </button>
        ))}
      </div>
      <div className="sbx-toolbar-group">
        <button type="button" className="sbx-btn" onClick={onUndo} disabled={!canUndo}>
          <span aria-hidden="true">↶</span> Undo
        </button>
        <button type="button" className="sbx-btn" onClick={onReset}>
          <span aria-hidden="true">⟲</span> Reset
        </button>
      </div>
      <dl className="sbx-meters" aria-describedby={`${idPrefix}-clock-words`}>
        <div>
          <dt>Sim time</dt>
          <dd className="sbx-mono">
            {formatClock(time)}
            <span className="sbx-muted"> / {formatClock(duration)}</span>
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd className="sbx-mono">
            {formatPerHour(perHour)} <span className="sbx-muted">· {formatUsd(total)} total</span>
          </dd>
        </div>
        <div>
          <dt>Manual actions (toil)</dt>
          <dd className="sbx-mono">{toil}</dd>
        </div>
      </dl>
      <span id={`${idPrefix}-clock-words`} className="sbx-visually-hidden">
        {finished ? 'Scenario finished. ' : ''}
        {formatClockWords(time)} of {formatClockWords(duration)} simulated.
      </span>
    </div>
  );
});
