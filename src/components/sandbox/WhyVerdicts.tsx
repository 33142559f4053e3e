/**
 * A scheduler's answer to "Why here?" / "Why still waiting?": one sentence, the scheduler's own
 * message when there is one, then one list item per place it judged — chosen, fits or ruled
 * out, said in words and by an icon (not by colour alone) — so a screen reader reads it as a
 * labelled group with a list. Shared by the EKS pod dialog and the ECS task dialog.
 */
export interface WhyVerdict {
  key: string;
  name: string;
  outcome: 'chosen' | 'fits' | 'ruled out';
  detail: string;
  text: string;
}

export interface WhyVerdictsProps {
  question: string;
  answer: string;
  /** The scheduler's own message, quoted, with what it is (`kube-scheduler (FailedScheduling)`). */
  quote: { label: string; text: string } | null;
  /** The list's accessible name (`Per node`, `Per container instance`). */
  listLabel: string;
  verdicts: WhyVerdict[];
  /** A muted note under the list, or null. */
  note: string | null;
  /** Whose words these are. */
  credit: string;
}

const OUTCOME_ICON = { chosen: '✓', fits: '○', 'ruled out': '✕' } as const;
const OUTCOME_WORD = { chosen: 'Chosen', fits: 'Fits', 'ruled out': 'Ruled out' } as const;

export function WhyVerdicts({
  question,
  answer,
  quote,
  listLabel,
  verdicts,
  note,
  credit,
}: WhyVerdictsProps) {
  return (
    <div role="group" className="sbx-eks-why" aria-label={question}>
      <h5>{question}</h5>
      <p>{answer}</p>
      {quote ? (
        <p>
          <span className="sbx-muted">{quote.label}: </span>
          <q className="sbx-mono sbx-break">{quote.text}</q>
        </p>
      ) : null}
      {verdicts.length > 0 ? (
        <ul className="sbx-eks-verdicts" aria-label={listLabel}>
          {verdicts.map((v) => (
            <li
              key={v.key}
              className={`sbx-eks-verdict sbx-eks-verdict-${v.outcome.replace(' ', '-')}`}
            >
              <span aria-hidden="true" className="sbx-eks-verdict-icon">
                {OUTCOME_ICON[v.outcome]}
              </span>
              <span>
                <strong>{OUTCOME_WORD[v.outcome]}</strong>{' '}
                <span className="sbx-mono sbx-break">{v.name}</span>{' '}
                <span className="sbx-muted">({v.detail})</span>: {v.text}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {note ? <p className="sbx-muted">{note}</p> : null}
      <p className="sbx-muted sbx-eks-note">{credit}</p>
    </div>
  );
}
