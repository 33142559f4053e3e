/**
 * The live fault panel: every fault the projected world supports, each with the targets that
 * exist now. Firing sends the fault to the projected window, which applies it as the instructor.
 */
import { forwardRef, useState, type Ref } from 'react';
import type { FaultKind } from '@lib/teaching/fault-catalogue.ts';
import type { ConsoleMessage } from '@lib/teaching/presenter-channel.ts';

interface Props {
  faults: FaultKind[];
  send: (message: ConsoleMessage) => void;
}

function FaultForm({
  kind,
  send,
  selectRef,
}: {
  kind: FaultKind;
  send: Props['send'];
  selectRef?: Ref<HTMLSelectElement> | undefined;
}) {
  const [chosen, setChosen] = useState<string>('');
  const [amount, setAmount] = useState(kind.amount ? String(kind.amount.initial) : '');
  const target = kind.targets.find((t) => t.label === chosen) ?? kind.targets[0];
  const id = `pc-fault-${kind.id}`;
  const number = Number(amount);
  const amountError =
    kind.amount &&
    !(
      Number.isInteger(number) &&
      number >= kind.amount.min &&
      number <= kind.amount.max &&
      amount.trim() !== ''
    )
      ? `A whole number from ${kind.amount.min} to ${kind.amount.max.toLocaleString('en')}.`
      : '';

  const fire = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (!target || amountError) return;
    const action = kind.amount ? { ...target.action, [kind.amount.field]: number } : target.action;
    const suffix = kind.amount
      ? ` → ${number.toLocaleString('en')} ${kind.amount.label.toLowerCase()}`
      : '';
    send({ kind: 'fault', label: `${kind.label}: ${target.label}${suffix}`, action });
  };

  return (
    <form className="pc-fault" onSubmit={fire} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{kind.label}</h3>
      <p className="pc-muted">{kind.explain}</p>
      {target ? (
        <div className="pc-row">
          <label className="pc-field">
            <span>Target</span>
            <select
              ref={selectRef}
              value={target.label}
              onChange={(e) => setChosen(e.target.value)}
            >
              {kind.targets.map((t) => (
                <option key={t.label} value={t.label}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          {kind.amount ? (
            <label className="pc-field pc-field-narrow">
              <span>{kind.amount.label}</span>
              <input
                type="number"
                inputMode="numeric"
                min={kind.amount.min}
                max={kind.amount.max}
                value={amount}
                aria-invalid={amountError ? true : undefined}
                aria-describedby={amountError ? `${id}-error` : undefined}
                onChange={(e) => setAmount(e.target.value)}
              />
            </label>
          ) : null}
          <button type="submit" className="sbx-btn sbx-btn-primary" disabled={Boolean(amountError)}>
            <span aria-hidden="true">⚡</span> Fire
          </button>
          {amountError ? (
            <p id={`${id}-error`} className="pc-error">
              {amountError}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="pc-muted">
          <em>{kind.none}</em>
        </p>
      )}
    </form>
  );
}

export const FaultPanel = forwardRef<HTMLSelectElement, Props>(function FaultPanel(
  { faults, send },
  ref,
) {
  let firstSelect = true;
  return (
    <section className="pc-card pc-faults" aria-labelledby="pc-faults-title">
      <h2 id="pc-faults-title">
        Fault panel <kbd>F</kbd>
      </h2>
      <p className="pc-muted">
        Faults fired here happen in the projected sandbox, logged as fired by the instructor.
      </p>
      {faults.map((kind) => {
        const takesRef = firstSelect && kind.targets.length > 0;
        if (takesRef) firstSelect = false;
        return (
          <FaultForm key={kind.id} kind={kind} send={send} selectRef={takesRef ? ref : undefined} />
        );
      })}
    </section>
  );
});
