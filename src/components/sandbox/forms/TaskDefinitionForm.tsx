/** ecs.taskdef.register from a form: one container, sizes, port, compatibilities. */
import { useState, type SyntheticEvent } from 'react';
import type { LaunchType } from '@sandbox';
import { Field } from './Field.tsx';
import { useSandboxUi } from '../sandbox-context.ts';

export function TaskDefinitionForm() {
  const { act } = useSandboxUi();
  const [family, setFamily] = useState('web');
  const [image, setImage] = useState('shipyard/web:1.0');
  const [cpu, setCpu] = useState(256);
  const [memory, setMemory] = useState(512);
  const [port, setPort] = useState(80);
  const [fargate, setFargate] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const compat: LaunchType[] = fargate ? ['EC2', 'FARGATE'] : ['EC2'];
    act({
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family,
        requiresCompatibilities: compat,
        networkMode: fargate ? 'awsvpc' : 'bridge',
        ...(fargate ? { cpu: String(cpu), memory: String(memory) } : {}),
        containerDefinitions: [
          {
            name: family,
            image,
            cpu,
            memory,
            essential: true,
            portMappings: port > 0 ? [{ containerPort: port, protocol: 'tcp' }] : [],
          },
        ],
      },
    });
  };
  const num = (set: (n: number) => void) => (e: { target: { value: string } }) =>
    set(Number(e.target.value));
  return (
    <form className="sbx-form" onSubmit={submit} aria-label="Register a task definition">
      <h5>Register a task definition</h5>
      <Field label="Family">
        {(id) => <input id={id} value={family} onChange={(e) => setFamily(e.target.value)} />}
      </Field>
      <Field label="Image">
        {(id) => <input id={id} value={image} onChange={(e) => setImage(e.target.value)} />}
      </Field>
      <Field label="CPU units" hint="1024 = 1 vCPU">
        {(id) => (
          <input id={id} type="number" min={128} step={128} value={cpu} onChange={num(setCpu)} />
        )}
      </Field>
      <Field label="Memory (MiB)">
        {(id) => (
          <input
            id={id}
            type="number"
            min={64}
            step={64}
            value={memory}
            onChange={num(setMemory)}
          />
        )}
      </Field>
      <Field label="Container port">
        {(id) => (
          <input id={id} type="number" min={0} max={65535} value={port} onChange={num(setPort)} />
        )}
      </Field>
      <label className="sbx-check">
        <input type="checkbox" checked={fargate} onChange={(e) => setFargate(e.target.checked)} />
        Also compatible with Fargate (awsvpc, task-level CPU and memory)
      </label>
      <button type="submit" className="sbx-btn sbx-btn-primary">
        Register
      </button>
    </form>
  );
}
