/** ecs.service.create / ecs.service.update: desired count, launch type, placement strategy. */
import { useState, type SyntheticEvent } from 'react';
import type { LaunchType, PlacementStrategy } from '@sandbox';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { taskFamily } from '@lib/sandbox-view/layout.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import {
  fargatePlacementNote,
  serviceUpdateAction,
  type ServiceNow,
} from '@lib/sandbox-view/service-form.ts';
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

/** The option whose strategies are exactly these, or `current` for a strategy no option names. */
function strategyKey(strategies: readonly PlacementStrategy[]): string {
  const text = JSON.stringify(strategies);
  const match = Object.entries(STRATEGIES).find(([, s]) => JSON.stringify(s.value) === text);
  return match ? match[0] : 'current';
}

/** A service's settings as the update form shows them, or null when there is no such service. */
interface ServiceSettings {
  desired: number;
  launchType: LaunchType;
  strategy: string;
  strategyText: string;
  /** The service's placement constraints as text, '' when it has none. */
  constraintsText: string;
}
const sameSettings = (a: ServiceSettings | null, b: ServiceSettings | null) =>
  JSON.stringify(a) === JSON.stringify(b);
const now = (name: string, s: ServiceSettings): ServiceNow => ({
  name,
  desiredCount: s.desired,
  launchType: s.launchType,
  hasStrategies: s.strategyText !== '',
  hasConstraints: s.constraintsText !== '',
});

export function ServiceForm() {
  const { store, scenario, act } = useSandboxUi();
  const services = useWorldSlice(
    store,
    (w) =>
      Object.values(w.ecs.services)
        .filter((s) => s.status === 'ACTIVE')
        .map((s) => s.name),
    sameList,
  );
  const taskDefs = useWorldSlice(store, (w) => Object.keys(w.ecs.taskDefinitions), sameList);
  const canCreate = isAllowed(scenario, 'ecs.service.create');
  const canUpdate = isAllowed(scenario, 'ecs.service.update') && services.length > 0;
  const [mode, setMode] = useState<'create' | 'update'>(canUpdate ? 'update' : 'create');
  const effectiveMode =
    mode === 'update' && !canUpdate ? 'create' : mode === 'create' && !canCreate ? 'update' : mode;
  const [name, setName] = useState<string | null>(null);
  const [chosenService, setChosenService] = useState('');
  const [chosenTd, setChosenTd] = useState('');
  const [createDesired, setCreateDesired] = useState(1);
  const [createLaunchType, setCreateLaunchType] = useState<LaunchType>('EC2');
  const [createStrategy, setCreateStrategy] = useState('spread-az');
  // In update mode the fields start from the service as it is; only what the learner edits is sent.
  const [edits, setEdits] = useState<
    Partial<Omit<ServiceSettings, 'strategyText' | 'constraintsText'>> & {
      removeConstraints?: boolean;
    }
  >({});
  const service = pickValid(
    chosenService,
    services.map((s) => ({ value: s })),
  );
  const current = useWorldSlice(
    store,
    (w): ServiceSettings | null => {
      const found = Object.hasOwn(w.ecs.services, service) ? w.ecs.services[service] : undefined;
      if (!found) return null;
      return {
        desired: found.desiredCount,
        launchType: found.launchType,
        strategy: strategyKey(found.placementStrategy),
        strategyText: found.placementStrategy
          .map((p) => (p.field ? `${p.type} ${p.field}` : p.type))
          .join(', '),
        constraintsText: found.placementConstraints
          .map((c) => (c.expression ? `${c.type} ${c.expression}` : c.type))
          .join(', '),
      };
    },
    sameSettings,
  );
  const updating = effectiveMode === 'update' && current !== null;
  const desired = updating ? (edits.desired ?? current.desired) : createDesired;
  const launchType = updating ? (edits.launchType ?? current.launchType) : createLaunchType;
  const strategy = updating ? (edits.strategy ?? current.strategy) : createStrategy;
  const setDesired = (value: number) =>
    updating ? setEdits((e) => ({ ...e, desired: value })) : setCreateDesired(value);
  const setLaunchType = (value: LaunchType) =>
    updating ? setEdits((e) => ({ ...e, launchType: value })) : setCreateLaunchType(value);
  const setStrategy = (value: string) =>
    updating ? setEdits((e) => ({ ...e, strategy: value })) : setCreateStrategy(value);
  const strategyChoices =
    updating && current.strategy === 'current'
      ? [
          { value: 'current', label: `Keep current (${current.strategyText || 'none'})` },
          ...strategyOptions,
        ]
      : strategyOptions;
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
        type: 'ecs.service.create',
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
    } else if (current) {
      const changedStrategy = launchType === 'EC2' && strategy !== current.strategy;
      const result = act(
        serviceUpdateAction(now(service, current), {
          desiredCount: desired,
          launchType,
          ...(changedStrategy && placementStrategy ? { placementStrategy } : {}),
          removeConstraints: edits.removeConstraints === true,
        }),
      );
      if (result?.ok) setEdits({});
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
              onChange={(value) => {
                setChosenService(value);
                setEdits({});
              }}
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
            <Select id={id} value={strategy} onChange={setStrategy} options={strategyChoices} />
          )}
        </Field>
      ) : (
        <p className="sbx-muted">
          {fargatePlacementNote(
            updating ? now(service, current) : null,
            updating
              ? [current.strategyText, current.constraintsText].filter((t) => t !== '').join('; ')
              : '',
          )}
        </p>
      )}
      {updating && current.constraintsText !== '' && launchType === 'EC2' ? (
        <label className="sbx-check">
          <input
            type="checkbox"
            checked={edits.removeConstraints === true}
            onChange={(e) => setEdits((x) => ({ ...x, removeConstraints: e.target.checked }))}
          />{' '}
          Remove the placement constraints ({current.constraintsText})
        </label>
      ) : null}
      <button type="submit" className="sbx-btn sbx-btn-primary">
        {effectiveMode === 'create' ? 'Create service' : 'Update service'}
      </button>
    </form>
  );
}
