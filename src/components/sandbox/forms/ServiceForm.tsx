/** service.create / service.update: desired count, launch type, placement strategy. */
import { useState, type SyntheticEvent } from 'react';
import type { LaunchType, PlacementStrategy } from '@sandbox';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { taskFamily } from '@lib/sandbox-view/layout.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

const STRATEGIES: Record<string, { label: string; value: PlacementStrategy[] }> = {
  'spread-az': {
    label: 'Spread across AZs, then binpack memory (AZ balanced)',
    value: [
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ],
  },
  'spread-instance': {
    label: 'Spread across instances',
    value: [{ type: 'spread', field: 'instanceId' }],
  },
  'binpack-memory': { label: 'Binpack on memory', value: [{ type: 'binpack', field: 'memory' }] },
  'binpack-cpu': { label: 'Binpack on CPU', value: [{ type: 'binpack', field: 'cpu' }] },
  random: { label: 'Random', value: [{ type: 'random' }] },
};
const strategyOptions = Object.entries(STRATEGIES).map(([value, s]) => ({ value, label: s.label }));
const launchOptions = [
  { value: 'EC2', label: 'EC2' },
  { value: 'FARGATE', label: 'FARGATE' },
];
const sameList = (a: string[], b: string[]) => a.join('\n') === b.join('\n');

export function ServiceForm() {
  const { store, scenario, act } = useSandboxUi();
  const services = useWorldSlice(
    store,
    (w) =>
      Object.values(w.services)
        .filter((s) => s.status === 'ACTIVE')
        .map((s) => s.name),
    sameList,
  );
  const taskDefs = useWorldSlice(store, (w) => Object.keys(w.taskDefinitions), sameList);
  const canCreate = isAllowed(scenario, 'service.create');
  const canUpdate = isAllowed(scenario, 'service.update') && services.length > 0;
  const [mode, setMode] = useState<'create' | 'update'>(canUpdate ? 'update' : 'create');
  const effectiveMode =
    mode === 'update' && !canUpdate ? 'create' : mode === 'create' && !canCreate ? 'update' : mode;
  const [name, setName] = useState<string | null>(null);
  const [chosenService, setChosenService] = useState('');
  const [chosenTd, setChosenTd] = useState('');
  const [desired, setDesired] = useState(1);
  const [launchType, setLaunchType] = useState<LaunchType>('EC2');
  const [strategy, setStrategy] = useState('spread-az');
  const service = pickValid(
    chosenService,
    services.map((s) => ({ value: s })),
  );
  const taskDefinition = pickValid(
    chosenTd,
    taskDefs.map((t) => ({ value: t })),
  );
  // The service name follows the task definition's family until the learner types one.
  const serviceName = name ?? taskFamily(taskDefinition);
  const placementStrategy = launchType === 'EC2' ? STRATEGIES[strategy]?.value : undefined;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (effectiveMode === 'create') {
      const result = act({
        type: 'service.create',
        serviceName,
        taskDefinition,
        desiredCount: desired,
        launchType,
        ...(placementStrategy ? { placementStrategy } : {}),
      });
      if (result?.ok) {
        // Offer the next task definition that has no service yet.
        const taken = new Set([...services, serviceName]);
        const next = taskDefs.find((td) => !taken.has(taskFamily(td)));
        if (next) setChosenTd(next);
        setName(null);
      }
    } else {
      act({
        type: 'service.update',
        service,
        desiredCount: desired,
        launchType,
        ...(placementStrategy ? { placementStrategy } : {}),
      });
    }
  };

  return (
    <form
      className="sbx-form"
      onSubmit={submit}
      aria-label={effectiveMode === 'create' ? 'Create a service' : 'Update a service'}
    >
      <h5>{effectiveMode === 'create' ? 'Create a service' : 'Update a service'}</h5>
      {canCreate && canUpdate ? (
        <div className="sbx-inline" role="group" aria-label="Create or update">
          <button
            type="button"
            className="sbx-btn sbx-btn-seg"
            aria-pressed={effectiveMode === 'create'}
            onClick={() => setMode('create')}
          >
            Create
          </button>
          <button
            type="button"
            className="sbx-btn sbx-btn-seg"
            aria-pressed={effectiveMode === 'update'}
            onClick={() => setMode('update')}
          >
            Update
          </button>
        </div>
      ) : null}
      {effectiveMode === 'create' ? (
        <>
          <Field label="Service name">
            {(id) => (
              <input id={id} value={serviceName} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field label="Task definition">
            {(id) => (
              <Select
                id={id}
                value={taskDefinition}
                onChange={setChosenTd}
                options={taskDefs.map((t) => ({ value: t, label: t }))}
              />
            )}
          </Field>
        </>
      ) : (
        <Field label="Service">
          {(id) => (
            <Select
              id={id}
              value={service}
              onChange={setChosenService}
              options={services.map((s) => ({ value: s, label: s }))}
            />
          )}
        </Field>
      )}
      <Field label="Desired tasks">
        {(id) => (
          <input
            id={id}
            type="number"
            min={0}
            max={1000}
            value={desired}
            onChange={(e) => setDesired(Number(e.target.value))}
          />
        )}
      </Field>
      <Field label="Launch type">
        {(id) => (
          <Select
            id={id}
            value={launchType}
            onChange={(v) => setLaunchType(v as LaunchType)}
            options={launchOptions}
          />
        )}
      </Field>
      {launchType === 'EC2' ? (
        <Field label="Placement strategy">
          {(id) => (
            <Select id={id} value={strategy} onChange={setStrategy} options={strategyOptions} />
          )}
        </Field>
      ) : (
        <p className="sbx-muted">
          Fargate ignores placement strategies: every task gets its own micro-VM.
        </p>
      )}
      <button type="submit" className="sbx-btn sbx-btn-primary">
        {effectiveMode === 'create' ? 'Create service' : 'Update service'}
      </button>
    </form>
  );
}
