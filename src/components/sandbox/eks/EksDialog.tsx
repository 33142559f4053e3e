/**
 * One Kubernetes or EKS entity in a modal dialog: "Why here? / Why still Pending?" for a pod,
 * its details (Inspect), and the actions the scenario allows on it (cordon, drain, scale…).
 * A native <dialog> opened with showModal(): focus moves into it, Tab stays inside, Escape
 * closes it, and focus returns to the button that opened it.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import { useModalDialog } from '../use-modal-dialog.ts';
import type { Action, World } from '@sandbox';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { eksInspect, type EksEntityRef } from '@lib/sandbox-view/eks-inspect.ts';
import { podWhy, type PodWhyView } from '@lib/sandbox-view/eks-why.ts';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { WhyVerdicts } from '../WhyVerdicts.tsx';

export interface DialogTarget {
  ref: EksEntityRef;
  opener: HTMLElement;
}

export function WhyPod({ why }: { why: PodWhyView }) {
  return (
    <WhyVerdicts
      question={why.question}
      answer={why.answer}
      quote={
        why.schedulerMessage
          ? { label: 'kube-scheduler (FailedScheduling)', text: why.schedulerMessage }
          : null
      }
      listLabel="Per node"
      verdicts={why.verdicts.map((v) => ({ ...v, key: v.node, name: v.node }))}
      note={why.unevaluated}
      credit="Explanations in the sandbox’s words; the quoted message is kube-scheduler’s own."
    />
  );
}

function ScaleForm({
  label,
  initial,
  onSubmit,
}: {
  label: string;
  initial: number;
  onSubmit: (n: number) => void;
}) {
  const id = useId();
  const [value, setValue] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n > 10000) {
      setError(`${label}: enter a whole number from 0 to 10000.`);
      return;
    }
    setError(null);
    onSubmit(n);
  };
  return (
    <form className="sbx-eks-inline-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="sbx-btn sbx-btn-small">
        Scale
      </button>
      {error ? (
        <p id={`${id}-error`} className="sbx-eks-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function actionsFor(
  ref: EksEntityRef,
  world: World,
): { id: string; label: string; action: Action }[] {
  if (ref.kind !== 'k8s-node') return [];
  const node = world.eks?.kube[ref.cluster]?.nodes[ref.id];
  if (!node || node.origin === 'fargate') return [];
  const out: { id: string; label: string; action: Action }[] = [];
  out.push(
    node.unschedulable
      ? { id: 'cordon', label: 'Uncordon', action: { type: 'k8s.node.uncordon', node: node.name } }
      : { id: 'cordon', label: 'Cordon', action: { type: 'k8s.node.cordon', node: node.name } },
  );
  out.push({
    id: 'drain',
    label: 'Drain (--ignore-daemonsets)',
    action: { type: 'k8s.node.drain', node: node.name, ignoreDaemonsets: true },
  });
  return out;
}

export function EksDialog({ target, onClose }: { target: DialogTarget; onClose: () => void }) {
  const { store, scenario, act } = useSandboxUi();
  const headingId = useId();
  const { ref: entity, opener } = target;
  const ref = useModalDialog(opener, onClose);
  const details = useWorldSlice(
    store,
    (w) => eksInspect(entity, w),
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  const why = useWorldSlice(
    store,
    (w) => (entity.kind === 'k8s-pod' ? podWhy(w, entity.cluster, entity.id) : null),
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  const world = useWorldSlice(store, (w) => w);
  const actions = actionsFor(entity, world).filter((a) => isAllowed(scenario, a.action.type));
  // The island's live regions are outside the modal (inert while it is open): the dialog says
  // the result of its own actions.
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const send = (action: Action) => {
    const result = act(action);
    setSaid(
      !result
        ? { ok: true, text: 'Sent; the sandbox is still loading.' }
        : result.ok
          ? { ok: true, text: result.message }
          : { ok: false, text: result.error },
    );
  };

  const close = () => ref.current?.close();
  const deployment =
    entity.kind === 'k8s-deployment'
      ? world.eks?.kube[entity.cluster]?.deployments[entity.id]
      : null;
  const nodegroup =
    entity.kind === 'eks-nodegroup'
      ? world.eks?.nodegroups[`${entity.cluster}/${entity.id}`]
      : null;

  return (
    <dialog ref={ref} className="sbx-eks-dialog" aria-labelledby={headingId}>
      <div className="sbx-eks-dialog-head">
        <h4 id={headingId} className="sbx-break">
          {details?.heading ?? 'Gone'}
        </h4>
        <button type="button" className="sbx-btn sbx-btn-small" onClick={close}>
          Close
        </button>
      </div>
      {!details ? <p className="sbx-empty">It no longer exists.</p> : null}
      {why ? <WhyPod why={why} /> : null}
      {actions.length > 0 ? (
        <div className="sbx-eks-dialog-actions" role="group" aria-label="Actions">
          {actions.map((a) => (
            <button key={a.id} type="button" className="sbx-btn" onClick={() => send(a.action)}>
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
      {deployment && isAllowed(scenario, 'k8s.deployment.scale') ? (
        <ScaleForm
          label="Replicas"
          initial={deployment.object.spec.replicas}
          onSubmit={(replicas) =>
            send({
              type: 'k8s.deployment.scale',
              name: deployment.object.metadata.name,
              namespace: deployment.object.metadata.namespace,
              replicas,
            })
          }
        />
      ) : null}
      {nodegroup && isAllowed(scenario, 'eks.nodegroup.update-config') ? (
        <ScaleForm
          label="Desired size"
          initial={nodegroup.desiredSize}
          onSubmit={(desired) =>
            send({
              type: 'eks.nodegroup.update-config',
              cluster: nodegroup.cluster,
              name: nodegroup.name,
              desired,
            })
          }
        />
      ) : null}
      <div role="status" className="sbx-eks-dialog-status">
        {said ? (
          <p className={said.ok ? undefined : 'sbx-eks-error'}>
            <span aria-hidden="true">{said.ok ? '✓ ' : '✕ '}</span>
            <span className="sbx-mono sbx-break sbx-eks-said">{said.text}</span>
          </p>
        ) : null}
      </div>
      {details ? (
        <div role="group" aria-label="Details">
          <h5>Details</h5>
          <dl className="sbx-eks-details">
            {details.rows.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd className={row.code ? 'sbx-mono sbx-break' : undefined}>{row.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </dialog>
  );
}
