/**
 * "Why?": a cause chain as a list, newest first, each step with a button that shows its
 * moment on the timeline.
 */
import { useId, useState } from 'react';
import type { World } from '@sandbox';
import { causeChain, latestEventAbout, type CauseStep } from '@lib/timeline/causes.ts';
import { formatTimelineClock } from '@lib/timeline/marks.ts';
import { useSandboxUi } from './sandbox-context.ts';

/**
 * `fromCause`: the list sits under the event it explains, so it starts with the event's cause
 * instead of repeating the event.
 */
export function CauseList({
  steps,
  fromCause = false,
}: {
  steps: readonly CauseStep[];
  fromCause?: boolean;
}) {
  const { showMoment } = useSandboxUi();
  if (steps.length === 0) return <p className="sbx-empty">No cause is recorded for this.</p>;
  const shown = fromCause && steps.length > 1 ? steps.slice(1) : steps;
  return (
    <ol className="sbx-why-chain">
      {shown.map((step, i) => (
        <li key={i}>
          {i > 0 || shown !== steps ? (
            <span className="sbx-muted">
              <span aria-hidden="true">← </span>because{' '}
            </span>
          ) : null}
          <span>{step.text}</span>
          {step.root ? <span className="sbx-badge sbx-tone-neutral">where it started</span> : null}
          {step.time !== null ? (
            <button
              type="button"
              className="sbx-btn sbx-btn-small"
              onClick={() => showMoment(step.time!)}
            >
              Show {formatTimelineClock(step.time)}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A "Why?" toggle for one event. */
export function WhyEvent({ eventId, label }: { eventId: number; label: string }) {
  const { store } = useSandboxUi();
  const id = useId();
  const [steps, setSteps] = useState<CauseStep[] | null>(null);
  const toggle = () =>
    setSteps((current) =>
      current ? null : causeChain(store.getSnapshot().context.world, eventId),
    );
  return (
    <>
      <button
        type="button"
        className="sbx-btn sbx-btn-small"
        aria-expanded={steps !== null}
        aria-controls={steps ? id : undefined}
        aria-label={`Why? ${label}`}
        onClick={toggle}
      >
        Why?
      </button>
      {steps ? (
        <div id={id} className="sbx-why">
          <CauseList steps={steps} fromCause />
        </div>
      ) : null}
    </>
  );
}

/** "Why is it like this?" for an entity: the chain behind the newest event about it. */
export function WhyEntity({ subject, world }: { subject: string; world: World }) {
  const [steps, setSteps] = useState<CauseStep[] | null>(null);
  const id = useId();
  const latest = latestEventAbout(world, subject);
  if (!latest) return null;
  return (
    <div className="sbx-why-entity">
      <button
        type="button"
        className="sbx-btn sbx-btn-small"
        aria-expanded={steps !== null}
        aria-controls={steps ? id : undefined}
        onClick={() => setSteps((s) => (s ? null : causeChain(world, latest.id)))}
      >
        Why is it like this?
      </button>
      {steps ? (
        <div id={id} className="sbx-why">
          <CauseList steps={steps} />
        </div>
      ) : null}
    </div>
  );
}
