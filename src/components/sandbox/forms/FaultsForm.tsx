/** Faults: kill a container or task, terminate an instance, take an AZ down and back, spike traffic. */
import { useState } from 'react';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { taskFamily } from '@lib/sandbox-view/layout.ts';
import { shortId } from '@lib/sandbox-view/format.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

type Option = { value: string; label: string };
const sameOptions = (a: Option[], b: Option[]) =>
  a.length === b.length && a.every((o, i) => o.value === b[i]?.value && o.label === b[i]?.label);

export function FaultsForm() {
  const { actor, scenario, act } = useSandboxUi();
  const allowed = (type: Parameters<typeof isAllowed>[1]) => isAllowed(scenario, type);
  const victims = useWorldSlice(
    actor,
    (w) => [
      ...Object.values(w.containers)
        .filter((c) => c.state === 'running')
        .map((c) => ({ value: c.id, label: `container ${c.name}` })),
      ...Object.values(w.tasks)
        .filter((t) => t.lastStatus === 'RUNNING')
        .map((t) => ({
          value: t.id,
          label: `task ${taskFamily(t.taskDefinition)} ${shortId(t.id)}`,
        })),
    ],
    sameOptions,
  );
  const instances = useWorldSlice(
    actor,
    (w) =>
      Object.values(w.instances)
        .filter((i) => i.state === 'running')
        .map((i) => ({ value: i.id, label: `${i.name ?? i.id} · ${i.az}` })),
    sameOptions,
  );
  const azs = useWorldSlice(
    actor,
    (w) =>
      w.azs.map((az) => ({ value: az, label: `${az}${w.azDown.includes(az) ? ' (down)' : ''}` })),
    sameOptions,
  );
  const services = useWorldSlice(
    actor,
    (w) => Object.keys(w.services).map((s) => ({ value: s, label: s })),
    sameOptions,
  );
  const [victim, setVictim] = useState('');
  const [instance, setInstance] = useState('');
  const [az, setAz] = useState('');
  const [service, setService] = useState('');
  const [rps, setRps] = useState(2000);
  const targetId = pickValid(victim, victims);
  const instanceId = pickValid(instance, instances);
  const zone = pickValid(az, azs);
  const svc = pickValid(service, services);

  return (
    <div className="sbx-form sbx-faults" role="group" aria-label="Faults">
      <h5>
        <span aria-hidden="true">⚡ </span>Faults
      </h5>
      {allowed('fault.crash') ? (
        <div className="sbx-inline">
          <Field label="Kill">
            {(id) => <Select id={id} value={targetId} onChange={setVictim} options={victims} />}
          </Field>
          <button
            type="button"
            className="sbx-btn sbx-btn-danger"
            disabled={!targetId}
            onClick={() => act({ type: 'fault.crash', targetId, exitCode: 137 })}
          >
            Kill
          </button>
        </div>
      ) : null}
      {allowed('fault.terminate-instance') ? (
        <div className="sbx-inline">
          <Field label="Instance failure">
            {(id) => (
              <Select id={id} value={instanceId} onChange={setInstance} options={instances} />
            )}
          </Field>
          <button
            type="button"
            className="sbx-btn sbx-btn-danger"
            disabled={!instanceId}
            onClick={() => act({ type: 'fault.terminate-instance', instanceId })}
          >
            Fail instance
          </button>
        </div>
      ) : null}
      {allowed('fault.az-outage') || allowed('fault.az-recover') ? (
        <div className="sbx-inline">
          <Field label="Availability Zone">
            {(id) => <Select id={id} value={zone} onChange={setAz} options={azs} />}
          </Field>
          {allowed('fault.az-outage') ? (
            <button
              type="button"
              className="sbx-btn sbx-btn-danger"
              onClick={() => act({ type: 'fault.az-outage', az: zone })}
            >
              Take AZ down
            </button>
          ) : null}
          {allowed('fault.az-recover') ? (
            <button
              type="button"
              className="sbx-btn"
              onClick={() => act({ type: 'fault.az-recover', az: zone })}
            >
              Bring AZ back
            </button>
          ) : null}
        </div>
      ) : null}
      {allowed('fault.traffic') && services.length > 0 ? (
        <div className="sbx-inline">
          <Field label="Service">
            {(id) => <Select id={id} value={svc} onChange={setService} options={services} />}
          </Field>
          <Field label="Requests per second">
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={100000}
                value={rps}
                onChange={(e) => setRps(Number(e.target.value))}
              />
            )}
          </Field>
          <button
            type="button"
            className="sbx-btn sbx-btn-danger"
            onClick={() => act({ type: 'fault.traffic', service: svc, rps })}
          >
            Set traffic
          </button>
        </div>
      ) : null}
    </div>
  );
}
