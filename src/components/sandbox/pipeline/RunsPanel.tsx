/**
 * The run view: the workflow runs of the sandbox's repository, each run's jobs and steps with
 * their status in words and an icon (never colour alone), approximate durations (marked ≈), and
 * the log of the selected step as it is printed. A run that ends is announced by the island
 * (SandboxIsland.tsx), whether or not this tab is open.
 * Above, the application form (where the scenario allows it); beside, read-only, the same
 * pipeline as a CodeBuild buildspec and a Jenkinsfile. A pipeline scenario's extra panel: loaded
 * on first open (see panels/registry.ts).
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { JobRun, PipelineRun, StepRun } from '@sandbox';
import { loadWorkflowTools, type WorkflowTools } from '@sandbox/view.ts';
import type { SandboxPanelProps } from '../panels/registry.ts';
import { AppChangeForm } from './AppChangeForm.tsx';
import { allows, approxDuration } from './pipeline-ui.ts';
import { jobKey, runKey, stepKey, treeKey, treeRunOf, visibleItems } from './run-tree.ts';

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

function Twisty({ open }: { open: boolean }) {
  return (
    <span className="sbx-tree-twisty" aria-hidden="true">
      {open ? '▾' : '▸'}
    </span>
  );
}

/** What every row of the run tree reads: which row takes Tab, which is open or selected, and a click. */
interface TreeState {
  tabbable: string | null;
  selectedKey: string | null;
  isExpanded(key: string): boolean;
  choose(key: string): void;
}

interface TreeRowProps {
  row: string;
  level: 1 | 2 | 3;
  setSize: number;
  posInSet: number;
  tree: TreeState;
  label: ReactNode;
  /** A run or a job with something under it; absent for a step (a leaf, which can be selected). */
  expandable?: boolean;
  /** The run whose detail is shown (runs only). */
  current?: boolean;
  /** The name of the group of rows under this one, and those rows. */
  groupLabel?: string;
  children?: ReactNode;
}

/** One row of the run tree (a run, a job or a step) and, when it is open, the rows under it. */
function TreeRow({
  row,
  level,
  setSize,
  posInSet,
  tree,
  label,
  expandable,
  current,
  groupLabel,
  children,
}: TreeRowProps) {
  const leaf = expandable === undefined;
  const open = expandable === true && tree.isExpanded(row);
  return (
    <li role="none">
      <div
        role="treeitem"
        data-key={row}
        aria-level={level}
        aria-setsize={setSize}
        aria-posinset={posInSet}
        aria-expanded={expandable ? open : undefined}
        aria-selected={leaf ? row === tree.selectedKey : undefined}
        tabIndex={tree.tabbable === row ? 0 : -1}
        className={leaf ? 'sbx-tree-row sbx-tree-leaf' : 'sbx-tree-row'}
        data-current={current}
        onClick={() => tree.choose(row)}
      >
        {leaf ? (
          label
        ) : (
          <>
            <Twisty open={open} />
            <span className="sbx-tree-label">{label}</span>
          </>
        )}
      </div>
      {open ? (
        <ul role="group" aria-label={groupLabel}>
          {children}
        </ul>
      ) : null}
    </li>
  );
}

/** The tree item an event happened in. */
function itemOf(target: EventTarget): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[role="treeitem"]') : null;
}

function Duration({ from, to, now }: { from: number | null; to: number | null; now: number }) {
  const text = approxDuration(from, to, now);
  if (!text) return null;
  return (
    <span className="sbx-run-time" title="Approximate: simulated time">
      {text}
      <span className="sbx-visually-hidden"> (approximate)</span>
    </span>
  );
}

/** The step worth showing when the learner has not picked one: the running one, else the failed one, else the last that ran. */
export function defaultStep(job: JobRun): number {
  const running = job.steps.findIndex((s) => s.status === 'in_progress');
  if (running >= 0) return running;
  const failed = job.steps.findIndex((s) => s.status === 'failure');
  if (failed >= 0) return failed;
  let last = 0;
  job.steps.forEach((s, i) => {
    if (s.startedAt !== null) last = i;
  });
  return last;
}

/** The job worth showing: the running one, else the failed one, else the last that started. */
function defaultJob(run: PipelineRun): JobRun | undefined {
  return (
    run.jobs.find((j) => j.status === 'in_progress') ??
    run.jobs.find((j) => j.status === 'failure') ??
    [...run.jobs].reverse().find((j) => j.startedAt !== null) ??
    run.jobs[0]
  );
}

interface Selection {
  run: number;
  job: string | null;
  step: number | null;
}

export default function RunsPanel({ actor, act }: SandboxPanelProps) {
  const runs = useSelector(actor, (s) => s.context.world.pipeline?.runs ?? null);
  const repo = useSelector(actor, (s) => s.context.world.pipeline?.repo ?? null);
  const allowed = useSelector(actor, (s) => s.context.world.allowedActions);
  const now = useSelector(actor, (s) => s.context.world.time);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [tools, setTools] = useState<WorkflowTools | null>(null);
  const id = useId();
  // Opened and closed items (by key); an item not in it is open when it belongs to the shown run.
  const [opened, setOpened] = useState<Readonly<Record<string, boolean>>>({});
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current || focusKey === null) return;
    moveFocus.current = false;
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus();
  }, [focusKey]);
  useEffect(() => {
    let live = true;
    void loadWorkflowTools().then((t) => live && setTools(t));
    return () => {
      live = false;
    };
  }, []);
  if (runs === null || repo === null)
    return <p className="sbx-muted">This scenario has no pipeline.</p>;

  const run: PipelineRun | undefined =
    runs.find((r) => r.number === selected?.run) ?? runs[runs.length - 1];
  const pickedJob = run?.jobs.find((j) => j.id === selected?.job);
  const job = pickedJob ?? (run ? defaultJob(run) : undefined);
  const stepIndex =
    pickedJob && selected?.step !== null && selected?.step !== undefined
      ? selected.step
      : job
        ? defaultStep(job)
        : 0;
  const step: StepRun | undefined = job?.steps[stepIndex];
  const visibleLog = step ? step.log.filter((l) => l.at <= now) : [];
  const canCancel = allows(allowed, 'pipeline.run.cancel');
  const canRerun = allows(allowed, 'pipeline.run.rerun');
  const open = run && (run.status === 'queued' || run.status === 'in_progress');

  const isExpanded = (key: string) => opened[key] ?? treeRunOf(key) === run?.number;
  const items = visibleItems(runs, isExpanded);
  const selectedKey = run && job ? stepKey(run.number, job.id, stepIndex) : null;
  const visible = (key: string | null) => key !== null && items.some((i) => i.key === key);
  // One tab stop (roving tabindex): the item last focused, else the shown step, else the shown run.
  const tabbable = visible(focusKey)
    ? focusKey
    : visible(selectedKey)
      ? selectedKey
      : run
        ? runKey(run.number)
        : null;
  const setOpen = (key: string, value: boolean) => setOpened((o) => ({ ...o, [key]: value }));
  /**
   * Enter, Space or a click: a step shows its log; a run or a job opens and shows its step, or
   * closes when it is open and already shown.
   */
  const choose = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (!item) return;
    setFocusKey(key);
    if (item.step !== null) {
      setSelected({ run: item.run, job: item.job, step: item.step });
      return;
    }
    const shown = item.run === run?.number && (item.job === null || item.job === job?.id);
    if (item.expanded && shown) {
      setOpen(key, false);
      return;
    }
    setOpen(key, true);
    setSelected({ run: item.run, job: item.job, step: null });
  };
  const tree: TreeState = { tabbable, selectedKey, isExpanded, choose };
  const onTreeKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const key = itemOf(e.target)?.dataset['key'];
    if (!key || e.altKey || e.ctrlKey || e.metaKey) return;
    const move = treeKey(items, key, e.key);
    if (!move) return;
    e.preventDefault();
    if (move.kind === 'focus') {
      moveFocus.current = true;
      setFocusKey(move.key);
    } else if (move.kind === 'expand') setOpen(move.key, true);
    else if (move.kind === 'collapse') setOpen(move.key, false);
    else if (move.kind === 'select') choose(move.key);
  };

  return (
    <div className="sbx-runs">
      <p className="sbx-muted">
        Repository <code>{repo.name}</code>, branch <code>{repo.branch}</code>: a push to it starts
        the workflow. Durations are approximate (simulated time).
      </p>
      {allows(allowed, 'pipeline.app.edit') && allows(allowed, 'pipeline.commit') ? (
        <AppChangeForm
          files={repo.files}
          branch={repo.branch}
          act={act}
          onPushed={() => setSelected(null)}
        />
      ) : null}
      <h4 id={`${id}-runs`}>Workflow runs</h4>
      {runs.length === 0 ? (
        <p className="sbx-muted">
          No runs yet: commit and push to {repo.branch} (the form above, the editor’s Commit and
          push, or <code>git commit -am "…"</code> then <code>git push</code> in the terminal).
        </p>
      ) : (
        <>
          <p className="sbx-field-hint" id={`${id}-keys`}>
            Arrow keys move through runs, jobs and steps; Right opens, Left closes; Enter shows a
            step’s log.
          </p>
          <ul
            role="tree"
            aria-labelledby={`${id}-runs`}
            aria-describedby={`${id}-keys`}
            className="sbx-run-tree"
            ref={treeRef}
            onKeyDown={onTreeKey}
            onFocus={(e) => {
              const key = itemOf(e.target)?.dataset['key'];
              if (key) setFocusKey(key);
            }}
          >
            {[...runs].reverse().map((r, ri) => {
              const rk = runKey(r.number);
              return (
                <TreeRow
                  key={rk}
                  row={rk}
                  level={1}
                  setSize={runs.length}
                  posInSet={ri + 1}
                  tree={tree}
                  expandable={r.jobs.length > 0}
                  current={run?.number === r.number}
                  label={
                    <>
                      <Status status={r.status} />{' '}
                      <span>
                        #{r.number} {r.workflowName}: {r.message} ({r.sha.slice(0, 7)})
                      </span>{' '}
                      <Duration from={r.startedAt ?? r.createdAt} to={r.completedAt} now={now} />
                    </>
                  }
                  groupLabel={`Jobs of run #${r.number}`}
                >
                  {r.jobs.map((j, ji) => {
                    const jk = jobKey(r.number, j.id);
                    return (
                      <TreeRow
                        key={jk}
                        row={jk}
                        level={2}
                        setSize={r.jobs.length}
                        posInSet={ji + 1}
                        tree={tree}
                        expandable={j.steps.length > 0}
                        label={
                          <>
                            <Status status={j.status} /> <span>Job {j.name}</span>{' '}
                            <Duration from={j.startedAt} to={j.completedAt} now={now} />
                          </>
                        }
                        groupLabel={`Steps of job ${j.name}`}
                      >
                        {j.steps.map((st, i) => {
                          const sk = stepKey(r.number, j.id, i);
                          return (
                            <TreeRow
                              key={sk}
                              row={sk}
                              level={3}
                              setSize={j.steps.length}
                              posInSet={i + 1}
                              tree={tree}
                              label={
                                <>
                                  <Status status={st.status} /> <span>{st.name}</span>{' '}
                                  <Duration from={st.startedAt} to={st.completedAt} now={now} />
                                </>
                              }
                            />
                          );
                        })}
                      </TreeRow>
                    );
                  })}
                </TreeRow>
              );
            })}
          </ul>
        </>
      )}
      {run ? (
        <div className="sbx-run-detail" aria-label={`Run #${run.number}`} role="group">
          <div className="sbx-run-actions">
            {canCancel && open ? (
              <button
                type="button"
                className="sbx-btn sbx-btn-small"
                onClick={() => act({ type: 'pipeline.run.cancel', run: run.number })}
              >
                Cancel run #{run.number}
              </button>
            ) : null}
            {canRerun && !open ? (
              <button
                type="button"
                className="sbx-btn sbx-btn-small"
                onClick={() => act({ type: 'pipeline.run.rerun', run: run.number })}
              >
                Re-run #{run.number}
              </button>
            ) : null}
          </div>
          {run.error ? (
            <pre className="sbx-run-error" tabIndex={0} aria-label="Why the run failed">
              {run.error}
            </pre>
          ) : null}
          {step && job ? (
            <section className="sbx-run-logbox" aria-labelledby={`${id}-log`}>
              <h5 id={`${id}-log`}>
                Log of “{step.name}” (job {job.name})
              </h5>
              <pre className="sbx-run-log" tabIndex={0} aria-label={`Log of ${step.name}`}>
                {visibleLog.length > 0 ? visibleLog.map((l) => l.text).join('\n') : '(nothing yet)'}
              </pre>
            </section>
          ) : null}
        </div>
      ) : null}
      <details className="sbx-run-equivalents">
        <summary>
          The same pipeline in AWS CodeBuild (buildspec.yml) and Jenkins (Jenkinsfile)
        </summary>
        {tools ? (
          <>
            <h5>buildspec.yml</h5>
            <pre tabIndex={0} aria-label="buildspec.yml">
              {tools.BUILDSPEC}
            </pre>
            <h5>Jenkinsfile</h5>
            <pre tabIndex={0} aria-label="Jenkinsfile">
              {tools.JENKINSFILE}
            </pre>
          </>
        ) : (
          <p className="sbx-muted">Loading…</p>
        )}
      </details>
    </div>
  );
}
