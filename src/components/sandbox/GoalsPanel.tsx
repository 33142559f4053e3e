/** The scenario's goals with live status, "Check my work", hints one at a time, and the solution. */
import { useMemo, useState } from 'react';
import type { GoalResult } from '@sandbox';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';
import { recordChallenge } from './record-challenge.ts';

const STATUS_ICON: Record<GoalResult['status'], string> = { pass: '✓', fail: '✕', pending: '…' };
const STATUS_WORD: Record<GoalResult['status'], string> = {
  pass: 'Met',
  fail: 'Not met',
  pending: 'Not decided yet',
};

/** Live status is recomputed at most once per this many sim seconds. */
const LIVE_EVERY_SECONDS = 5;

interface Props {
  /** Goal results for the world the build computed, shown until the engine has loaded. */
  initialGoals: GoalResult[];
  onShowSolution: () => void;
}

export function GoalsPanel({ initialGoals, onShowSolution }: Props) {
  const { store, engine, scenario, idPrefix, announce, withEngine, showFailure } = useSandboxUi();
  const bucket = useWorldSlice(store, (w) => Math.floor(w.time / LIVE_EVERY_SECONDS));
  const logLength = useWorldSlice(store, (w) => w.log.length);
  const time = useWorldSlice(store, (w) => w.time);
  const live = useMemo(
    () => (engine ? engine.checkGoals(store.getSnapshot().context.world, scenario) : initialGoals),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed per time bucket and per action, not on every frame
    [engine, store, scenario, initialGoals, bucket, logLength],
  );
  const [checked, setChecked] = useState<{ at: number; results: GoalResult[] } | null>(null);
  const [hintsShown, setHintsShown] = useState(0);

  const check = () =>
    withEngine((loaded, world) => {
      const results = loaded.checkGoals(world, scenario);
      const at = world.time;
      setChecked({ at, results });
      const passed = results.filter((r) => r.status === 'pass').length;
      const verdict =
        passed === results.length
          ? `All ${results.length} goals met. Challenge passed.`
          : `${passed} of ${results.length} goals met.`;
      announce(verdict);
      void recordChallenge(scenario, results);
    });

  // A free-play scenario (no goals) has nothing to check and no solution to show.
  const free = scenario.goals.length === 0;
  const passedAll = checked ? checked.results.every((r) => r.status === 'pass') : false;

  return (
    <div className="sbx-goals">
      {scenario.summary ? <p>{scenario.summary}</p> : null}
      {/* Free play has no goals: the tab says so, without a Goals heading over nothing. */}
      {free ? null : <h4 id={`${idPrefix}-goals`}>Goals</h4>}
      {free ? <p className="sbx-empty">Free play: no goals, nothing is graded.</p> : null}
      {free ? null : (
        <ul className="sbx-goal-list" aria-labelledby={`${idPrefix}-goals`}>
          {live.map((goal) => (
            <li key={goal.id} className={`sbx-goal sbx-goal-${goal.status}`}>
              <span className="sbx-goal-status">
                <span aria-hidden="true">{STATUS_ICON[goal.status]} </span>
                {STATUS_WORD[goal.status]}
              </span>
              <span>{goal.description}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="sbx-goal-actions">
        {free ? null : (
          <button type="button" className="sbx-btn sbx-btn-primary" onClick={check}>
            Check my work
          </button>
        )}
        {scenario.hints.length > 0 ? (
          <button
            type="button"
            className="sbx-btn"
            disabled={hintsShown >= scenario.hints.length}
            onClick={() => setHintsShown((n) => Math.min(scenario.hints.length, n + 1))}
          >
            {hintsShown === 0
              ? 'Show a hint'
              : hintsShown < scenario.hints.length
                ? 'Next hint'
                : 'No more hints'}
          </button>
        ) : null}
        {!free && scenario.solution.length > 0 ? (
          <button type="button" className="sbx-btn" onClick={onShowSolution}>
            Show solution
          </button>
        ) : null}
      </div>
      {hintsShown > 0 ? (
        <ol className="sbx-hints" aria-label="Hints">
          {scenario.hints.slice(0, hintsShown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      ) : null}
      {checked ? (
        <section
          className={`sbx-verdict ${passedAll ? 'sbx-verdict-pass' : 'sbx-verdict-fail'}`}
          aria-labelledby={`${idPrefix}-verdict`}
        >
          <h4 id={`${idPrefix}-verdict`}>
            <span aria-hidden="true">{passedAll ? '✓ ' : '✕ '}</span>
            {passedAll ? 'Challenge passed' : 'Not yet'}{' '}
            <span className="sbx-muted">(checked at {formatClock(checked.at)})</span>
          </h4>
          <ul>
            {checked.results.map((goal) => (
              <li key={goal.id}>
                <strong>
                  <span aria-hidden="true">{STATUS_ICON[goal.status]} </span>
                  {STATUS_WORD[goal.status]}:
                </strong>{' '}
                {goal.description}
                {goal.status !== 'pass' || goal.explanation ? (
                  <p className="sbx-explanation">{goal.explanation}</p>
                ) : null}
                {goal.status === 'fail' ? (
                  <button
                    type="button"
                    className="sbx-btn sbx-btn-small"
                    onClick={() => showFailure(goal.id)}
                  >
                    <span aria-hidden="true">◀ </span>Show when it failed
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {!passedAll && time < scenario.duration ? (
            <p className="sbx-muted">
              Goals are judged over the whole run: play on to {formatClock(scenario.duration)}.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
