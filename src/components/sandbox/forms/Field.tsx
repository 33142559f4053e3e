/** A labelled form control row shared by the palette's forms. */
import { useId, type ReactNode } from 'react';

export function Field({
  label,
  children,
  hint,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="sbx-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <span className="sbx-field-hint">{hint}</span> : null}
    </div>
  );
}

export function Select({
  id,
  value,
  onChange,
  options,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      {options.length === 0 ? <option value="">(none)</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** Keeps a selection valid as the options change (the world moves on). */
export function pickValid(value: string, options: readonly { value: string }[]): string {
  return options.some((o) => o.value === value) ? value : (options[0]?.value ?? '');
}
