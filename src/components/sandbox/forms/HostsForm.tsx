/** ec2.instance.terminate for a chosen instance (the same as its context menu, as a form). */
import { useState, type SyntheticEvent } from 'react';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

export function HostsForm() {
  const { store, act } = useSandboxUi();
  const options = useWorldSlice(
    store,
    (w) =>
      Object.values(w.ec2.instances)
        .filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down')
        .map((i) => ({ value: i.id, label: `${i.name ?? i.id} · ${i.type} · ${i.az}` })),
    (a, b) => a.length === b.length && a.every((o, i) => o.value === b[i]?.value),
  );
  const [chosen, setChosen] = useState('');
  const instanceId = pickValid(chosen, options);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (instanceId) act({ type: 'ec2.instance.terminate', instanceId });
  };
  return (
    <form className="sbx-form" onSubmit={submit} aria-label="Terminate an instance">
      <h5>Terminate an instance</h5>
      <Field label="Instance">
        {(id) => <Select id={id} value={instanceId} onChange={setChosen} options={options} />}
      </Field>
      <button type="submit" className="sbx-btn sbx-btn-danger" disabled={!instanceId}>
        Terminate
      </button>
    </form>
  );
}
