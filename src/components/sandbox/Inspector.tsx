/** Details of the selected instance, container, task or service, as the AWS console shows them. */
import { whyQuestion, type EntityRef } from '@lib/sandbox-view/entity-actions.ts';
import { inspect } from '@lib/sandbox-view/inspect-details.ts';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';
import { WhyEntity } from './WhyChain.tsx';

export function Inspector({ selected }: { selected: EntityRef | null }) {
  const { store, askWhy } = useSandboxUi();
  const details = useWorldSlice(
    store,
    (w) => (selected ? inspect(selected, w) : null),
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  const question = useWorldSlice(store, (w) => {
    const task = selected?.kind === 'task' ? w.ecs.tasks[selected.id] : undefined;
    return task ? whyQuestion(task) : null;
  });
  if (!selected) {
    return (
      <p className="sbx-empty">
        Open an instance, container, task or service and choose “Inspect details”.
      </p>
    );
  }
  if (!details) return <p className="sbx-empty">That {selected.kind} no longer exists.</p>;
  return (
    <div className="sbx-inspector">
      <h4>{details.heading}</h4>
      <dl>
        {details.rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd className={row.code ? 'sbx-mono sbx-break' : undefined}>{row.value}</dd>
          </div>
        ))}
      </dl>
      {question && askWhy ? (
        <button
          type="button"
          className="sbx-btn sbx-btn-small"
          onClick={(event) => askWhy(selected.id, event.currentTarget)}
        >
          {question}
        </button>
      ) : null}
      <WhyEntity subject={selected.id} world={store.getSnapshot().context.world} />
    </div>
  );
}
