/** ec2.instance.launch: type, AZ, with or without the ECS agent, count. */
import { useId, useState, type SyntheticEvent } from 'react';
import type { Software } from '@sandbox';
import { INSTANCE_TYPES } from '@sandbox/view.ts';
import { formatMemory, formatPerHour } from '@lib/sandbox-view/format.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select } from './Field.tsx';

export function LaunchInstanceForm() {
  const { store, scenario, act } = useSandboxUi();
  const azs = useWorldSlice(store, (w) => w.azs);
  const region = useWorldSlice(store, (w) => w.region);
  const [type, setType] = useState('t3.medium');
  const [az, setAz] = useState(azs[0] ?? '');
  const [software, setSoftware] = useState<Software>(
    scenario.orchestrator === 'ecs' ? 'ecs' : 'docker',
  );
  const [count, setCount] = useState(1);
  const radioName = useId();
  const types = Object.entries(INSTANCE_TYPES).map(([name, info]) => ({
    value: name,
    label: `${name} · ${info.vcpu} vCPU, ${formatMemory(info.memoryGiB * 1024)} · ${formatPerHour(info.pricePerHour[region] ?? 0)}`,
  }));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    act({ type: 'ec2.instance.launch', instanceType: type, az, software, count });
  };
  return (
    <form className="sbx-form" onSubmit={submit} aria-label="Launch an instance">
      <h5>Launch EC2 instances</h5>
      <Field label="Instance type">
        {(id) => <Select id={id} value={type} onChange={setType} options={types} />}
      </Field>
      <Field label="Availability Zone">
        {(id) => (
          <Select
            id={id}
            value={az}
            onChange={setAz}
            options={azs.map((a) => ({ value: a, label: a }))}
          />
        )}
      </Field>
      <fieldset className="sbx-radios">
        <legend>Software</legend>
        <label>
          <input
            type="radio"
            name={radioName}
            checked={software === 'docker'}
            onChange={() => setSoftware('docker')}
          />
          Docker only
        </label>
        <label>
          <input
            type="radio"
            name={radioName}
            checked={software === 'ecs'}
            onChange={() => setSoftware('ecs')}
          />
          Docker + ECS agent (joins the cluster)
        </label>
      </fieldset>
      <Field label="Count">
        {(id) => (
          <input
            id={id}
            type="number"
            min={1}
            max={20}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        )}
      </Field>
      <button type="submit" className="sbx-btn sbx-btn-primary">
        Launch
      </button>
    </form>
  );
}
