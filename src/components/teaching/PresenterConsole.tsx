/**
 * The instructor window: speaker notes, an elapsed timer, the projected sandbox's controls and
 * the live fault panel. It runs no engine of its own; the projected window owns the world and
 * reports it over BroadcastChannel (see PresenterBridge.tsx). Everything has a key
 * (INSTRUCTOR_SHORTCUTS).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpeakerNoteSection } from '@lib/lesson-schema.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { SPEEDS } from '@lib/sandbox-view/sim-loop.ts';
import type { Control } from '@lib/teaching/presenter-channel.ts';
import { INSTRUCTOR_SHORTCUTS } from '@lib/teaching/presenter-shortcuts.ts';
import { isTypingTarget } from '@lib/teaching/typing-target.ts';
import { ElapsedTimer, startTimer, toggleTimer, type TimerState } from './ElapsedTimer.tsx';
import { FaultPanel } from './FaultPanel.tsx';
import { SpeakerNotes } from './SpeakerNotes.tsx';
import { usePresenterLink } from './use-presenter-link.ts';
import '../sandbox/sandbox.css';
import './presenter-console.css';

interface Props {
  lessonId: string;
  lessonTitle: string;
  lessonHref: string;
  notes: SpeakerNoteSection[];
}

export default function PresenterConsole({ lessonId, lessonTitle, lessonHref, notes }: Props) {
  const { status, fired, send } = usePresenterLink();
  const [timer, setTimer] = useState<TimerState>(() => startTimer(performance.now()));
  const faultRef = useRef<HTMLSelectElement>(null);
  const notesRef = useRef<HTMLHeadingElement>(null);
  const control = useCallback((c: Control) => send({ kind: 'control', control: c }), [send]);
  const connected = status !== null;
  const finished = status ? status.time >= status.duration : false;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      const speed = ['1', '2', '3', '4'].indexOf(key);
      let handled = true;
      if (key === 't') setTimer((t) => toggleTimer(t, performance.now()));
      else if (key === 'n') notesRef.current?.focus();
      else if (key === 'f')
        (faultRef.current ?? document.getElementById('pc-faults-title'))?.focus();
      else if (!status) handled = false;
      else if (key === 'k') control(status.playing ? 'pause' : 'play');
      else if (key === '.') control('step');
      else if (key === 'e') control('run-to-end');
      else if (key === 'u') control('undo');
      else if (key === 'r') control('reset');
      else if (speed !== -1) send({ kind: 'speed', speed: SPEEDS[speed]! });
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [status, control, send]);

  const openProjector = () =>
    window.open(`${lessonHref}?present`, 'shipyard-projector', 'popup=no');

  return (
    <div className="pc not-content">
      <section className="pc-card pc-status" aria-labelledby="pc-status-title" aria-live="polite">
        <h2 id="pc-status-title">Projected window</h2>
        {status ? (
          <>
            <p>
              On screen: <strong>{status.title}</strong>
              {status.lesson !== lessonId ? (
                <>
                  {' '}
                  (from another lesson:{' '}
                  <a href={`/presenter/${status.lesson}/`}>open its instructor window</a>)
                </>
              ) : null}
            </p>
            <p className="pc-mono pc-clock">
              {formatClock(status.time)}{' '}
              <span className="pc-muted">/ {formatClock(status.duration)}</span>{' '}
              <span className="pc-tag">
                {finished ? 'finished' : status.playing ? `playing at ${status.speed}×` : 'paused'}
              </span>
            </p>
          </>
        ) : (
          <>
            {typeof BroadcastChannel === 'function' ? null : (
              <p role="alert">
                This browser cannot talk to another window (it has no BroadcastChannel): use a
                current Firefox, Chrome, Edge or Safari.
              </p>
            )}
            <p>
              No projected window is connected. Open “{lessonTitle}” on the projector and press{' '}
              <kbd>P</kbd> on a sandbox, or:
            </p>
            <button type="button" className="sbx-btn sbx-btn-primary" onClick={openProjector}>
              Open the lesson in presenter mode
            </button>
          </>
        )}
      </section>

      <section className="pc-card pc-controls" aria-labelledby="pc-controls-title">
        <h2 id="pc-controls-title">Sandbox controls</h2>
        <div className="pc-row" role="toolbar" aria-label="Projected sandbox controls">
          {status?.playing ? (
            <button
              type="button"
              className="sbx-btn sbx-btn-primary"
              onClick={() => control('pause')}
            >
              <span aria-hidden="true">❚❚</span> Pause <kbd>K</kbd>
            </button>
          ) : (
            <button
              type="button"
              className="sbx-btn sbx-btn-primary"
              onClick={() => control('play')}
              disabled={!connected || finished}
            >
              <span aria-hidden="true">▶</span> Play <kbd>K</kbd>
            </button>
          )}
          <button
            type="button"
            className="sbx-btn"
            onClick={() => control('step')}
            disabled={!connected || finished}
          >
            Step 10 s <kbd>.</kbd>
          </button>
          <button
            type="button"
            className="sbx-btn"
            onClick={() => control('run-to-end')}
            disabled={!connected || finished}
          >
            Run to the end <kbd>E</kbd>
          </button>
          <button
            type="button"
            className="sbx-btn"
            onClick={() => control('undo')}
            disabled={!status?.canUndo}
          >
            <span aria-hidden="true">↶</span> Undo <kbd>U</kbd>
          </button>
          <button
            type="button"
            className="sbx-btn"
            onClick={() => control('reset')}
            disabled={!connected}
          >
            <span aria-hidden="true">⟲</span> Rewind to start <kbd>R</kbd>
          </button>
        </div>
        <div className="pc-row" role="group" aria-label="Speed">
          {SPEEDS.map((speed, index) => (
            <button
              key={speed}
              type="button"
              className="sbx-btn sbx-btn-seg"
              aria-pressed={status?.speed === speed}
              disabled={!connected}
              onClick={() => send({ kind: 'speed', speed })}
            >
              {speed}× <kbd>{index + 1}</kbd>
            </button>
          ))}
        </div>
      </section>

      <ElapsedTimer
        timer={timer}
        onToggle={() => setTimer((t) => toggleTimer(t, performance.now()))}
        onReset={() => setTimer(startTimer(performance.now()))}
      />

      {status ? (
        <FaultPanel ref={faultRef} faults={status.faults} send={send} />
      ) : (
        <section className="pc-card pc-faults" aria-labelledby="pc-faults-title">
          <h2 id="pc-faults-title" tabIndex={-1}>
            Fault panel <kbd>F</kbd>
          </h2>
          <p className="pc-muted">The faults appear when a projected window is connected.</p>
        </section>
      )}

      <section className="pc-card pc-fired" aria-labelledby="pc-fired-title">
        <h2 id="pc-fired-title">Fired so far</h2>
        <div role="log" aria-live="polite">
          {fired.length === 0 ? (
            <p className="pc-muted">Nothing yet.</p>
          ) : (
            <ol reversed>
              {fired.map((entry) => (
                <li key={entry.n}>
                  <span className="pc-mono">{formatClock(entry.at)}</span> {entry.label}:{' '}
                  {entry.ok ? <span>{entry.text}</span> : <strong>refused: {entry.text}</strong>}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>

      <SpeakerNotes
        ref={notesRef}
        notes={notes}
        current={status?.lesson === lessonId ? status.scenarioId : null}
      />

      <section className="pc-card pc-keys" aria-labelledby="pc-keys-title">
        <h2 id="pc-keys-title">Keys in this window</h2>
        <dl>
          {INSTRUCTOR_SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
