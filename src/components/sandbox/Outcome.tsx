/** The result of the learner's last action: the message and real command, or the refusal. */
export type OutcomeView =
  | { ok: true; text: string; command: string }
  | { ok: false; text: string }
  | { ok: 'info'; text: string };

export function Outcome({
  outcome,
  onDismiss,
}: {
  outcome: OutcomeView | null;
  onDismiss: () => void;
}) {
  if (!outcome) return null;
  const kind = outcome.ok === true ? 'ok' : outcome.ok === false ? 'refused' : 'info';
  return (
    <section role="group" className={`sbx-outcome sbx-outcome-${kind}`} aria-label="Last action">
      <span className="sbx-outcome-text">
        <strong>
          <span aria-hidden="true">{kind === 'ok' ? '✓ ' : kind === 'refused' ? '⚠ ' : 'ℹ '}</span>
          {kind === 'ok' ? 'Done:' : kind === 'refused' ? 'Refused:' : 'Note:'}
        </strong>{' '}
        {outcome.text}
      </span>
      {outcome.ok === true && outcome.command ? (
        <code className="sbx-outcome-command">{outcome.command}</code>
      ) : null}
      <button
        type="button"
        className="sbx-btn sbx-btn-small sbx-btn-ghost"
        onClick={onDismiss}
        aria-label="Dismiss message"
      >
        ✕
      </button>
    </section>
  );
}
