/** Faults by hand: kill a container or task, fail an instance, take an AZ down and back, set traffic. */
import { useState } from 'react';
import { taskFamily } from '@lib/sandbox-view/layout.ts';
import { shortId } from '@lib/sandbox-view/format.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

type Option = { value: string; label: string };
const sameOptions = (a: Option[], b: Option[]) =>
  a.length === b.length && a.every((o, i) => o.value === b[i]?.value && o.label === b[i]?.label);

export function FaultsForm() {
  const { store, fault, idPrefix } = useSandboxUi();
  const victims = useWorldSlice(
    store,
    (w) => [
      ...Object.values(w.docker.containers)
        .filter((c) => c.state === 'running')
        .map((c) => ({ value: c.id, label: `container ${c.name}` })),
      ...Object.values(w.ecs.tasks)
        .filter((t) => t.lastStatus === 'RUNNING')
        .map((t) => ({
          value: t.id,
          label: `task ${taskFamily(t.taskDefinition)} ${shortId(t.id)}`,
        })),
    ],
    sameOptions,
  );
  const instances = useWorldSlice(
    store,
    (w) =>
      Object.values(w.ec2.instances)
        .filter((i) => i.state === 'running')
        .map((i) => ({ value: i.id, label: `${i.name ?? i.id} · ${i.az}` })),
    sameOptions,
  );
  const azs = useWorldSlice(
    store,
    (w) =>
      w.azs.map((az) => ({ value: az, label: `${az}${w.azDown.includes(az) ? ' (down)' : ''}` })),
    sameOptions,
  );
  const services = useWorldSlice(
    store,
    (w) => Object.keys(w.ecs.services).map((s) => ({ value: s, label: s })),
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
    <div className="sbx-form sbx-faults" role="group" aria-labelledby={`${idPrefix}-faults`}>
      <h5 id={`${idPrefix}-faults`}>
        <span aria-hidden="true">⚡ </span>Break things
      </h5>
      <p className="sbx-muted">
        Faults are not counted as your actions, and Undo does not remove them.
      </p>
      <div className="sbx-inline">
        <Field label="Kill">
          {(id) => <Select id={id} value={targetId} onChange={setVictim} options={victims} />}
        </Field>
        <button
          type="button"
          className="sbx-btn sbx-btn-danger"
          disabled={!targetId}
          onClick={() => fault({ type: 'fault.crash', targetId, exitCode: 137 })}
        >
          Kill
        </button>
      </div>
      <div className="sbx-inline">
        <Field label="Instance failure">
          {(id) => <Select id={id} value={instanceId} onChange={setInstance} options={instances} />}
        </Field>
        <button
          type="button"
          className="sbx-btn sbx-btn-danger"
          disabled={!instanceId}
          onClick={() => fault({ type: 'fault.terminate-instance', instanceId })}
        >
          Fail instance
        </button>
      </div>
      <div className="sbx-inline">
        <Field label="Availability Zone">
          {(id) => <Select id={id} value={zone} onChange={setAz} options={azs} />}
        </Field>
        <button
          type="button"
          className="sbx-btn sbx-btn-danger"
          onClick={() => fault({ type: 'fault.az-outage', az: zone })}
        >
          Take AZ down
        </button>
        <button
          type="button"
          className="sbx-btn"
          onClick={() => fault({ type: 'fault.az-recover', az: zone })}
        >
          Bring AZ back
        </button>
      </div>
      {services.length > 0 ? (
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
            onClick={() => fault({ type: 'fault.traffic', service: svc, rps })}
          >
            Set traffic
          </button>
        </div>
      ) : null}
    </div>
  );
}
