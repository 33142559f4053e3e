/**
 * ec2.asg.update: a group's minimum, desired and maximum capacity, starting from what the group
 * holds now (aws autoscaling update-auto-scaling-group).
 */
import { useState, type SyntheticEvent } from 'react';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

interface GroupView {
  value: string;
  label: string;
  min: number;
  desired: number;
  max: number;
}

const sameGroups = (a: readonly GroupView[], b: readonly GroupView[]) =>
  a.length === b.length &&
  a.every(
    (g, i) =>
      g.value === b[i]?.value &&
      g.min === b[i].min &&
      g.desired === b[i].desired &&
      g.max === b[i].max,
  );

export function AutoScalingGroupForm() {
  const { store, act } = useSandboxUi();
  const groups = useWorldSlice(
    store,
    (w) =>
      Object.values(w.ec2.autoScalingGroups).map((g) => ({
        value: g.name,
        label: `${g.name} · ${g.instanceType}`,
        min: g.minSize,
        desired: g.desiredCapacity,
        max: g.maxSize,
      })),
    sameGroups,
  );
  const [chosen, setChosen] = useState('');
  const name = pickValid(chosen, groups);
  const group = groups.find((g) => g.value === name);
  // What the learner typed, per field; an untouched field shows the group as it is.
  const [edits, setEdits] = useState<{ min?: number; desired?: number; max?: number }>({});
  const value = (field: 'min' | 'desired' | 'max') => edits[field] ?? group?.[field] ?? 0;
  const pick = (next: string) => {
    setChosen(next);
    setEdits({});
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!group) return;
    const changed = Object.fromEntries(
      (['min', 'desired', 'max'] as const)
        .filter((f) => edits[f] !== undefined && edits[f] !== group[f])
        .map((f) => [f, edits[f]]),
    );
    act({ type: 'ec2.asg.update', name: group.value, ...changed });
    setEdits({});
  };
  const number = (field: 'min' | 'desired' | 'max', label: string) => (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={0}
          max={100}
          value={value(field)}
          onChange={(e) => setEdits((old) => ({ ...old, [field]: Number(e.target.value) }))}
        />
      )}
    </Field>
  );
  return (
    <form className="sbx-form" onSubmit={submit} aria-label="Update an Auto Scaling group">
      <h5>Update an Auto Scaling group</h5>
      <Field label="Group">
        {(id) => <Select id={id} value={name} onChange={pick} options={groups} />}
      </Field>
      {number('min', 'Minimum')}
      {number('desired', 'Desired capacity')}
      {number('max', 'Maximum')}
      <button type="submit" className="sbx-btn" disabled={!group}>
        Update group
      </button>
    </form>
  );
}
