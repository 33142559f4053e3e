/**
 * "Why here?" / "Why still waiting?" / "Why on Fargate?" for one ECS task, in a modal dialog:
 * how placement judged each container instance (or AZ). A placed task is explained as of the
 * moment it was placed, rebuilt by replaying the world's log; a waiting one against the world
 * shown. A native <dialog> opened with showModal(): focus moves into it, Tab stays inside,
 * Escape closes it, and focus returns to the chip that opened it. Loaded when first opened.
 */
import { useEffect, useId, useState } from 'react';
import { useModalDialog } from './use-modal-dialog.ts';
import { loadPlacementExplain } from '@sandbox/view.ts';
import { placementMoment } from '@lib/sandbox-view/ecs-placement-moment.ts';
import { taskWhyView, type TaskWhyView } from '@lib/sandbox-view/ecs-why.ts';
import { formatTimelineClock } from '@lib/timeline/marks.ts';
import { useSandboxUi } from './sandbox-context.ts';
import type { EngineModule } from './use-engine.ts';
import { WhyVerdicts } from './WhyVerdicts.tsx';

export interface EcsWhyTarget {
  taskId: string;
  opener: HTMLElement;
}

type Answer =
  | { state: 'working' }
  | { state: 'gone' }
  | { state: 'ready'; view: TaskWhyView; at: number | null };

export function EcsWhyDialog({
  target,
  withReplay,
  onClose,
}: {
  target: EcsWhyTarget;
  /** Runs `fn` with the engine and the sandbox's seed, once the engine has loaded. */
  withReplay: (fn: (engine: EngineModule, seed: number) => void) => void;
  onClose: () => void;
}) {
  const { store, scenario } = useSandboxUi();
  const headingId = useId();
  const { taskId, opener } = target;
  const ref = useModalDialog(opener, onClose);
  const [answer, setAnswer] = useState<Answer>({ state: 'working' });

  useEffect(() => {
    let live = true;
    // The world the view shows now (a past second while rewound), read once: the answer is of this moment.
    const world = store.getSnapshot().context.world;
    void loadPlacementExplain().then(({ explainTaskPlacement }) =>
      withReplay((engine, seed) => {
        if (!live) return;
        const moment = placementMoment(engine, scenario, seed, world, taskId);
        const explained = explainTaskPlacement(world, taskId, moment ?? undefined);
        setAnswer(
          explained
            ? {
                state: 'ready',
                view: taskWhyView(explained),
                at: moment ? moment.world.time : null,
              }
            : { state: 'gone' },
        );
      }),
    );
    return () => {
      live = false;
    };
  }, [store, scenario, taskId, withReplay]);

  return (
    <dialog ref={ref} className="sbx-eks-dialog" aria-labelledby={headingId}>
      <div className="sbx-eks-dialog-head">
        <h4 id={headingId} className="sbx-break">
          Task {taskId.slice(0, 8)}
        </h4>
        <button
          type="button"
          className="sbx-btn sbx-btn-small"
          onClick={() => ref.current?.close()}
        >
          Close
        </button>
      </div>
      <div role="status">
        {answer.state === 'working' ? <p className="sbx-muted">Working it out…</p> : null}
        {answer.state === 'gone' ? <p className="sbx-empty">That task no longer exists.</p> : null}
      </div>
      {answer.state === 'ready' ? (
        <>
          {answer.at !== null ? (
            <p className="sbx-muted">
              As ECS saw the cluster at {formatTimelineClock(answer.at)}, when it placed the task.
            </p>
          ) : null}
          <WhyVerdicts
            question={answer.view.question}
            answer={answer.view.answer}
            quote={answer.view.quote}
            listLabel={answer.view.listLabel}
            verdicts={answer.view.verdicts}
            note={answer.view.note}
            credit="Explanations in the sandbox’s words; the quoted message is ECS’s own service event."
          />
        </>
      ) : null}
    </dialog>
  );
}
