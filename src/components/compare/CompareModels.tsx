/**
 * Five compute models side by side: the learner predicts which model wins each question,
 * then runs the five worlds together (play, pause, step, speed, run to the end) and watches
 * the table fill; at the end the predictions are marked right or wrong, in words. The engine
 * loads only when the run starts.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { Scenario } from '@sandbox';
import {
  MODELS,
  QUESTIONS,
  TIMELINE,
  asModelId,
  buildRows,
  finished,
  grade,
  type Predictions,
} from '@lib/compare/index.ts';
import { SPEEDS, type Speed } from '@lib/sandbox-view/sim-loop.ts';
import { CompareTable } from './CompareTable.tsx';
import { STEP_SECONDS, useComparison } from './use-comparison.ts';

const clock = (s: number) =>
  [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

/** What happens when, as the learner reads it (the same seconds every scenario scripts). */
export const MOMENTS: readonly { at: number; text: string }[] = [
  { at: TIMELINE.spikeAt, text: 'traffic to web jumps from 600 to 1,500 requests per second' },
  { at: TIMELINE.outageAt, text: `${TIMELINE.outageAz} goes down` },
  { at: TIMELINE.badDeployAt, text: 'a teammate deploys an api image that crashes on start' },
  { at: TIMELINE.rollbackAt, text: 'the operator rolls api back' },
];

export default function CompareModels({ scenarios }: { scenarios: Scenario[] }) {
  const run = useComparison(scenarios);
  const [hydrated, setHydrated] = useState(false);
  const [predictions, setPredictions] = useState<Predictions>({});
  const [locked, setLocked] = useState(false);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const lastTime = useRef(0);
  const playRef = useRef<HTMLButtonElement>(null);
  useEffect(() => setHydrated(true), []);

  const c = run.comparison;
  const time = c?.time ?? 0;
  const done = c !== null && finished(c);
  const rows = c ? buildRows(c) : null;
  const verdicts = done && rows ? grade(predictions, rows) : null;

  useEffect(() => {
    const prev = lastTime.current;
    lastTime.current = time;
    if (time <= prev) return;
    const crossed = MOMENTS.filter((m) => m.at > prev && m.at <= time);
    const parts = crossed.map((m) => `${clock(m.at)}: ${m.text}.`);
    if (c && finished(c) && verdicts) {
      const right = verdicts.filter((v) => v.right).length;
      parts.push(`Finished at ${clock(time)}. ${right} of ${verdicts.length} predictions right.`);
    }
    if (parts.length > 0) setAnnouncement((a) => ({ text: parts.join(' '), n: a.n + 1 }));
  }, [time, c, verdicts]);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next: Predictions = {};
    for (const q of QUESTIONS) {
      const id = asModelId(data.get(q.id));
      if (id) next[q.id] = id;
    }
    setPredictions(next);
    setLocked(true);
    // The form is disabled now: the run's first control takes the focus.
    requestAnimationFrame(() => playRef.current?.focus());
    const n = Object.keys(next).length;
    setAnnouncement((a) => ({
      text: `${n} of ${QUESTIONS.length} predictions locked in. Run the five worlds next.`,
      n: a.n + 1,
    }));
  };

  return (
    <div className="cmp">
      <form className="cmp-predict" onSubmit={onSubmit} aria-labelledby="cmp-predict-title">
        <h3 id="cmp-predict-title">1. Predict</h3>
        <p>
          For each question, pick the model you expect to do best over the 30 simulated minutes.
        </p>
        {QUESTIONS.map((q) => (
          <fieldset key={q.id} disabled={locked || !hydrated}>
            <legend>{q.text}</legend>
            <div className="cmp-choices">
              {MODELS.map((m) => (
                <label key={m.id}>
                  <input
                    type="radio"
                    name={q.id}
                    value={m.id}
                    checked={predictions[q.id] === m.id}
                    onChange={() => setPredictions((p) => ({ ...p, [q.id]: m.id }))}
                  />{' '}
                  {m.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button type="submit" disabled={locked || !hydrated}>
          {locked ? 'Predictions locked in' : 'Lock in my predictions'}
        </button>
      </form>

      <section className="cmp-run" aria-labelledby="cmp-run-title">
        <h3 id="cmp-run-title">2. Run the five worlds</h3>
        <ol className="cmp-moments">
          {MOMENTS.map((m) => (
            <li key={m.at}>
              <span className="cmp-at">{clock(m.at)}</span> {m.text}
              {time >= m.at ? <span className="cmp-done"> (happened)</span> : null}
            </li>
          ))}
        </ol>
        {!locked ? (
          <p className="cmp-note">Lock in your predictions first; the run starts after that.</p>
        ) : null}
        <div className="cmp-controls" role="group" aria-label="Simulation controls">
          {run.playing ? (
            <button type="button" onClick={run.pause}>
              Pause
            </button>
          ) : (
            <button
              type="button"
              ref={playRef}
              onClick={run.play}
              disabled={!locked || done || run.loading}
            >
              Play
            </button>
          )}
          <button
            type="button"
            onClick={run.step}
            disabled={!locked || done || run.playing || run.loading}
          >
            Step {STEP_SECONDS} s
          </button>
          <label>
            Speed{' '}
            <select
              value={run.speed}
              onChange={(e) => run.setSpeed(Number(e.target.value) as Speed)}
              disabled={!locked}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={run.runToEnd} disabled={!locked || done || run.loading}>
            Run to the end
          </button>
          <span
            className="cmp-clock"
            aria-label={`Simulated time ${clock(time)} of ${clock(TIMELINE.end)}`}
          >
            {clock(time)} / {clock(TIMELINE.end)}
          </span>
        </div>
        {run.loading ? <p>Loading the five worlds…</p> : null}
        {run.error ? <p role="alert">{run.error}</p> : null}
        {rows ? (
          <CompareTable
            rows={rows}
            final={done}
            caption={
              done
                ? 'Five compute models after 30 simulated minutes (final)'
                : `Five compute models at ${clock(time)} (live)`
            }
          />
        ) : null}
      </section>

      {verdicts ? (
        <section className="cmp-verdicts" aria-labelledby="cmp-verdicts-title">
          <h3 id="cmp-verdicts-title">3. Your predictions against the outcome</h3>
          <ul>
            {verdicts.map((v) => (
              <li key={v.question.id} className={v.right ? 'cmp-right' : 'cmp-wrong'}>
                <span aria-hidden="true">{v.right ? '✓' : '✗'}</span>{' '}
                <strong>{v.question.text}</strong> {v.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="cmp-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        <span key={announcement.n}>{announcement.text}</span>
      </div>
    </div>
  );
}
