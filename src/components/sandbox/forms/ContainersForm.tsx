/** Container actions as a form: place on a host, start, stop, remove. */
import { useState, type SyntheticEvent } from 'react';
import type { Action } from '@sandbox';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { containerStatus } from '@lib/sandbox-view/layout.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

type Option = { value: string; label: string };
const sameOptions = (a: Option[], b: Option[]) =>
  a.length === b.length && a.every((o, i) => o.value === b[i]?.value && o.label === b[i]?.label);

export function ContainersForm() {
  const { store, scenario, act } = useSandboxUi();
  const containers = useWorldSlice(
    store,
    (w) =>
      Object.values(w.docker.containers).map((c) => ({
        value: c.id,
        label: `${c.name} · ${containerStatus(c)}${c.hostId ? ` on ${w.ec2.instances[c.hostId]?.name ?? c.hostId}` : ' · unplaced'}`,
      })),
    sameOptions,
  );
  const hosts = useWorldSlice(
    store,
    (w) =>
      Object.values(w.ec2.instances)
        .filter((i) => i.state === 'running')
        .map((i) => ({ value: i.id, label: `${i.name ?? i.id} · ${i.az}` })),
    sameOptions,
  );
  const [chosen, setChosen] = useState('');
  const [host, setHost] = useState('');
  const containerId = pickValid(chosen, containers);
  const hostId = pickValid(host, hosts);
  const run = (action: Action) => (event: SyntheticEvent) => {
    event.preventDefault();
    act(action);
  };
  const can = (type: Action['type']) => isAllowed(scenario, type) && Boolean(containerId);
  return (
    <form className="sbx-form" onSubmit={(e) => e.preventDefault()} aria-label="Containers">
      <h5>Containers</h5>
      <Field label="Container">
        {(id) => <Select id={id} value={containerId} onChange={setChosen} options={containers} />}
      </Field>
      {isAllowed(scenario, 'docker.container.place') ? (
        <div className="sbx-inline">
          <Field label="Host">
            {(id) => <Select id={id} value={hostId} onChange={setHost} options={hosts} />}
          </Field>
          <button
            type="button"
            className="sbx-btn"
            disabled={!containerId || !hostId}
            onClick={run({ type: 'docker.container.place', containerId, hostId })}
          >
            Place
          </button>
        </div>
      ) : null}
      <div className="sbx-inline">
        {can('docker.container.start') ? (
          <button
            type="button"
            className="sbx-btn"
            onClick={run({ type: 'docker.container.start', containerId })}
          >
            Start
          </button>
        ) : null}
        {can('docker.container.stop') ? (
          <button
            type="button"
            className="sbx-btn"
            onClick={run({ type: 'docker.container.stop', containerId })}
          >
            Stop
          </button>
        ) : null}
        {can('docker.container.remove') ? (
          <button
            type="button"
            className="sbx-btn"
            onClick={run({ type: 'docker.container.remove', containerId })}
          >
            Remove
          </button>
        ) : null}
      </div>
    </form>
  );
}
