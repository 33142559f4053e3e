/**
 * The run view: the workflow runs of the sandbox's repository, each run's jobs and steps with
 * their status in words and an icon (never colour alone), approximate durations, and the live
 * log of the selected step. Beside it, read-only, the same pipeline as a CodeBuild buildspec and
 * a Jenkinsfile. A pipeline scenario's extra panel: loaded on first open (see panels/registry.ts).
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useState } from 'react';
import { loadWorkflowTools, type PipelineRun, type StepRun, type WorkflowTools } from '@sandbox';
import type { SandboxPanelProps } from '../panels/registry.ts';

const STATUS: Record<string, { icon: string; text: string }> = {
  queued: { icon: '◌', text: 'Queued' },
  pending: { icon: '◌', text: 'Waiting' },
  in_progress: { icon: '◐', text: 'In progress' },
  success: { icon: '✓', text: 'Success' },
  failure: { icon: '✗', text: 'Failure' },
  cancelled: { icon: '⊘', text: 'Cancelled' },
  skipped: { icon: '↷', text: 'Skipped' },
};

function Status({ status }: { status: string }) {
  const s = STATUS[status] ?? { icon: '?', text: status };
  return (
    <span className={`sbx-run-status sbx-run-${status}`}>
      <span aria-hidden="true">{s.icon}</span> {s.text}
    </span>
  );
}

/** "≈ 42 s": durations are the simulation's approximations. */
function duration(from: number | null, to: number | null, now: number): string {
  if (from === null) return '';
  const s = (to ?? now) - from;
  return s >= 60 ? `≈ ${Math.floor(s / 60)} min ${s % 60} s` : `≈ ${s} s`;
}

export default function RunsPanel({ actor }: SandboxPanelProps) {
  const runs = useSelector(actor, (s) => s.context.world.pipeline?.runs ?? null);
  const now = useSelector(actor, (s) => s.context.world.time);
  const [selected, setSelected] = useState<{ run: number; job: string; step: number } | null>(null);
  const [tools, setTools] = useState<WorkflowTools | null>(null);
  const id = useId();
  useEffect(() => {
    let live = true;
    void loadWorkflowTools().then((t) => live && setTools(t));
    return () => {
      live = false;
    };
  }, []);
  if (runs === null) return <p className="sbx-muted">This scenario has no pipeline.</p>;
  const run: PipelineRun | undefined =
    runs.find((r) => r.number === selected?.run) ?? runs[runs.length - 1];
  const job = run?.jobs.find((j) => j.id === selected?.job) ?? run?.jobs[0];
  const step: StepRun | undefined =
    job?.steps[selected && selected.job === job.id ? selected.step : 0] ?? undefined;
  const visibleLog = step ? step.log.filter((l) => l.at <= now) : [];
  return (
    <div className="sbx-runs">
      <h3 id={`${id}-runs`}>Workflow runs</h3>
      {runs.length === 0 ? (
        <p className="sbx-muted">
          No runs yet: commit and push to main (git commit -am "…" then git push).
        </p>
      ) : (
        <ul aria-labelledby={`${id}-runs`} className="sbx-run-list">
          {[...runs].reverse().map((r) => (
            <li key={r.number}>
              <button
                type="button"
                className="sbx-btn"
                aria-pressed={run?.number === r.number}
                onClick={() => setSelected({ run: r.number, job: r.jobs[0]?.id ?? '', step: 0 })}
              >
                <Status status={r.status} /> #{r.number} {r.message} ({r.sha.slice(0, 7)}){' '}
                {duration(r.startedAt ?? r.createdAt, r.completedAt, now)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {run?.error ? <pre className="sbx-run-error">{run.error}</pre> : null}
      {run && job ? (
        <div className="sbx-run-detail">
          {run.jobs.map((j) => (
            <section key={j.id} aria-label={`Job ${j.name}`}>
              <h4>
                <Status status={j.status} /> {j.name} {duration(j.startedAt, j.completedAt, now)}
              </h4>
              <ol>
                {j.steps.map((s, i) => (
                  <li key={`${s.kind}-${s.index}`}>
                    <button
                      type="button"
                      className="sbx-btn sbx-btn-quiet"
                      aria-pressed={j.id === job.id && step === s}
                      onClick={() => setSelected({ run: run.number, job: j.id, step: i })}
                    >
                      <Status status={s.status} /> {s.name}{' '}
                      {duration(s.startedAt, s.completedAt, now)}
                    </button>
                  </li>
                ))}
              </ol>
            </section>
          ))}
          <h4 id={`${id}-log`}>Log: {step?.name ?? ''}</h4>
          <pre
            className="sbx-run-log"
            aria-labelledby={`${id}-log`}
            aria-live="polite"
            tabIndex={0}
          >
            {visibleLog.map((l) => l.text).join('\n')}
          </pre>
        </div>
      ) : null}
      <details>
        <summary>
          The same pipeline in AWS CodeBuild (buildspec.yml) and Jenkins (Jenkinsfile)
        </summary>
        {tools ? (
          <>
            <h4>buildspec.yml</h4>
            <pre tabIndex={0}>{tools.BUILDSPEC}</pre>
            <h4>Jenkinsfile</h4>
            <pre tabIndex={0}>{tools.JENKINSFILE}</pre>
          </>
        ) : (
          <p className="sbx-muted">Loading…</p>
        )}
      </details>
    </div>
  );
}
