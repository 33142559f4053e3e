/**
 * The timeline under the toolbar: a slider over the scenario's simulated time with marks for
 * actions, faults, scripted events, scaling and goal changes (shape and word, not colour
 * alone). Moving it shows the world as it was at that second; while rewound the sandbox is
 * read-only, "Back to now" returns and "Continue from here" branches.
 */
import { memo, useId, useMemo, useState } from 'react';
import {
  bucketMarks,
  formatTimelineClock,
  MARK_KINDS,
  marksOf,
  sliderText,
  type Mark,
  type MarkKind,
} from '@lib/timeline/marks.ts';
import { useWorldSlice } from './sandbox-context.ts';
import type { SandboxStore } from './use-engine.ts';
import type { RewindControls } from './use-rewind.ts';

/** Marks drawn across the track at most; the list below names every one. */
const TRACK_SLOTS = 120;
/** Moments the list shows, newest last. */
const LIST_LIMIT = 60;

interface Props {
  /** The live world (the timeline always spans the real history, even while rewound). */
  liveStore: SandboxStore;
  duration: number;
  controls: RewindControls;
  /** Pauses the real-time loop (scrubbing stops the clock). */
  onPause: () => void;
}

export const Timeline = memo(function Timeline({ liveStore, duration, controls, onPause }: Props) {
  const id = useId();
  const now = useWorldSlice(liveStore, (w) => w.time);
  const logLength = useWorldSlice(liveStore, (w) => w.log.length);
  const eventCount = useWorldSlice(liveStore, (w) => w.events.at(-1)?.id ?? -1);
  const { rewound, version, rewind } = controls;
  const marks = useMemo(
    () => marksOf(liveStore.getSnapshot().context.world, rewind?.checkpoints() ?? []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the history grows, not every frame
    [liveStore, rewind, logLength, eventCount, version],
  );
  const slots = useMemo(() => bucketMarks(marks, duration, TRACK_SLOTS), [marks, duration]);
  const [confirming, setConfirming] = useState(false);
  const shown = controls.target ?? rewound?.time ?? now;
  const percent = (t: number) => `${(100 * Math.min(t, duration)) / Math.max(1, duration)}%`;

  const go = (t: number) => {
    onPause();
    setConfirming(false);
    controls.scrub(Math.max(0, Math.min(t, now)));
  };

  return (
    <div className="sbx-timeline" role="group" aria-labelledby={`${id}-label`}>
      <div className="sbx-timeline-head">
        <h4 id={`${id}-label`}>Timeline</h4>
        <ul className="sbx-timeline-legend" aria-label="Mark shapes">
          {(Object.keys(MARK_KINDS) as MarkKind[]).map((kind) => (
            <li key={kind}>
              <span className={`sbx-mark sbx-mark-${kind}`} aria-hidden="true">
                {MARK_KINDS[kind].glyph}
              </span>{' '}
              {MARK_KINDS[kind].word}
            </li>
          ))}
        </ul>
      </div>
      <div className="sbx-timeline-track">
        <div
          className="sbx-timeline-future"
          style={{ left: percent(now) }}
          aria-hidden="true"
          title="Not simulated yet"
        />
        {slots.map((slot) => (
          <span
            key={`${slot.time}-${slot.kind}`}
            className={`sbx-mark sbx-mark-${slot.kind} sbx-timeline-mark`}
            style={{ left: percent(slot.time) }}
            aria-hidden="true"
            title={slot.count > 1 ? `${slot.count} moments` : undefined}
          >
            {MARK_KINDS[slot.kind].glyph}
          </span>
        ))}
        <input
          type="range"
          className="sbx-timeline-slider"
          min={0}
          max={Math.max(1, duration)}
          step={1}
          value={shown}
          aria-label="Simulated time shown"
          aria-valuetext={`${sliderText(shown, duration, marks)}${rewound ? ', rewound, read-only' : ', live'}`}
          onChange={(event) => go(Number(event.currentTarget.value))}
        />
      </div>
      <div className="sbx-timeline-status">
        {rewound ? (
          <>
            <strong>
              <span aria-hidden="true">◀ </span>Rewound to {formatTimelineClock(rewound.time)}
            </strong>{' '}
            <span className="sbx-muted">— read-only; live is at {formatTimelineClock(now)}.</span>
          </>
        ) : (
          <span>
            <span aria-hidden="true">● </span>Live at {formatTimelineClock(now)}
            <span className="sbx-muted">
              {' '}
              · drag the slider, or use the arrow keys, to look back
            </span>
          </span>
        )}
      </div>
      {rewound ? (
        <div className="sbx-timeline-actions">
          <button
            type="button"
            className="sbx-btn"
            onClick={() => {
              setConfirming(false);
              controls.backToNow();
            }}
          >
            Back to now
          </button>
          {confirming ? (
            <span className="sbx-timeline-confirm" role="group" aria-label="Continue from here?">
              <span>
                Continue from {formatTimelineClock(rewound.time)}?{' '}
                {controls.droppedIfContinued === 0
                  ? 'No actions come after it.'
                  : `The ${controls.droppedIfContinued === 1 ? 'action' : `${controls.droppedIfContinued} actions`} after it will be dropped.`}
              </span>
              <button
                type="button"
                className="sbx-btn sbx-btn-primary"
                onClick={() => {
                  setConfirming(false);
                  controls.continueFromHere();
                }}
              >
                Continue from here
              </button>
              <button type="button" className="sbx-btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="sbx-btn" onClick={() => setConfirming(true)}>
              Continue from here…
            </button>
          )}
        </div>
      ) : null}
      <Moments marks={marks} onGo={go} />
    </div>
  );
});

function Moments({ marks, onGo }: { marks: Mark[]; onGo: (time: number) => void }) {
  if (marks.length === 0) return null;
  const shown = marks.slice(-LIST_LIMIT);
  return (
    <details className="sbx-timeline-moments">
      <summary>
        Moments ({marks.length}) <span className="sbx-muted">— jump to any of them</span>
      </summary>
      {marks.length > shown.length ? (
        <p className="sbx-muted">
          The latest {shown.length} of {marks.length}.
        </p>
      ) : null}
      <ol>
        {shown.map((mark, i) => (
          <li key={`${mark.time}-${i}`}>
            <button
              type="button"
              className="sbx-btn sbx-btn-small sbx-btn-ghost"
              onClick={() => onGo(mark.time)}
            >
              <span className="sbx-mono">{formatTimelineClock(mark.time)}</span>{' '}
              <span className={`sbx-mark sbx-mark-${mark.kind}`} aria-hidden="true">
                {MARK_KINDS[mark.kind].glyph}
              </span>{' '}
              <span className="sbx-visually-hidden">{MARK_KINDS[mark.kind].word}: </span>
              {mark.text}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
