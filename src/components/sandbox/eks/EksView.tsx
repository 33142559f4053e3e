/**
 * The Kubernetes side of the sandbox, loaded only when the scenario is an EKS one: per cluster
 * the control plane box (API servers and etcd per AZ, health, backups), the nodes by AZ with
 * their requested CPU, memory and pod slots against allocatable and their pods as chips, each
 * Fargate pod in its own micro-VM, the Pending pods waiting for a node with the scheduler's
 * reason, the node groups, Fargate profiles and Deployments, and the forms. Every chip and
 * card opens a dialog with "Why here? / Why still Pending?", details and actions; the dialog
 * (./EksDialog.tsx and the scheduler explanations) is a chunk of its own, loaded when a
 * learner first opens one. On a narrow island (a phone, below NARROW_WIDTH as the ECS world)
 * the nodes by AZ give way to ./EksList.tsx: the control plane in one line and tables of nodes
 * and pods whose rows open the same dialog. Text and symbols say every state; colour only
 * repeats it.
 */
import { memo, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { eksView, type EksClusterView, type EksNodeView } from '@lib/sandbox-view/eks-view.ts';
import { UsageBar } from '../UsageBar.tsx';
import { useSandboxUi, useWorldSlice } from '../sandbox-context.ts';
import { EksForms } from '../forms/eks-forms.tsx';
import type { DialogTarget } from './EksDialog.tsx';
import { LoadBoundary, retryableLazy } from '../load-boundary.tsx';
import { ClusterList } from './EksList.tsx';
import { ClusterTitle, PendingTray, PodChip, Resources, type Open } from './eks-parts.tsx';
import { useIslandNarrow } from './use-island-narrow.ts';

const EksDialog = retryableLazy(() =>
  import('./EksDialog.tsx').then((m) => ({ default: m.EksDialog })),
);

function NodeCard({ node, cluster, onOpen }: { node: EksNodeView; cluster: string; onOpen: Open }) {
  const fargate = node.origin === 'fargate';
  return (
    <div
      role="group"
      className={`sbx-host sbx-eks-node${node.ready ? '' : ' sbx-host-off'}${fargate ? ' sbx-eks-microvm' : ''}`}
      aria-label={`${fargate ? 'Fargate micro-VM' : 'Node'} ${node.name}, ${node.status}`}
    >
      <div className="sbx-host-head">
        <button
          type="button"
          className="sbx-host-title"
          aria-haspopup="dialog"
          onClick={(e) => onOpen({ kind: 'k8s-node', cluster, id: node.name }, e.currentTarget)}
        >
          <span className="sbx-host-type">
            {fargate ? `micro-VM · ${node.fargate?.size ?? ''}` : (node.instanceType ?? 'node')}
          </span>
          <span className="sbx-host-id sbx-mono">{node.name}</span>
        </button>
        <span className={`sbx-badge sbx-tone-${node.ready ? 'ok' : 'failed'}`}>
          <span aria-hidden="true">{node.ready ? '✓ ' : '✕ '}</span>
          {node.ready ? 'Ready' : 'NotReady'}
        </span>
      </div>
      <p className="sbx-eks-node-kind">
        <span>{node.kind}</span>
        {fargate ? null : <span className="sbx-muted"> · {node.capacity}</span>}
        {node.cordoned ? (
          <span className="sbx-badge sbx-tone-stopping">
            <span aria-hidden="true">⊘ </span>cordoned
          </span>
        ) : null}
      </p>
      {fargate ? null : (
        <>
          <UsageBar
            kind="cpu"
            label="CPU requested"
            text={node.cpu.text}
            used={node.cpu.used}
            total={node.cpu.total}
          />
          <UsageBar
            kind="memory"
            label="Memory requested"
            text={node.memory.text}
            used={node.memory.used}
            total={node.memory.total}
          />
          <UsageBar
            kind="cpu"
            label="Pod slots"
            text={node.pods.text}
            used={node.pods.used}
            total={node.pods.total}
          />
        </>
      )}
      {node.chips.length === 0 ? (
        <p className="sbx-empty">No pods.</p>
      ) : (
        <ul className="sbx-chips" aria-label={`Pods on ${node.name}`}>
          {node.chips.map((chip) => (
            <li key={chip.key}>
              <PodChip chip={chip} cluster={cluster} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ControlPlaneBox({ c }: { c: EksClusterView }) {
  const cp = c.controlPlane;
  const azs = [...new Set(cp.members.map((m) => m.az))];
  return (
    <div
      role="group"
      className={`sbx-eks-cp${cp.managed ? '' : ' sbx-eks-cp-self'}`}
      aria-label={`Control plane of ${c.name}`}
    >
      <h5>
        {cp.managed ? 'Control plane · managed by AWS' : 'Control plane · self-managed (kubeadm)'}{' '}
        <span className={`sbx-badge sbx-tone-${cp.tone}`}>
          <span aria-hidden="true">
            {cp.tone === 'ok' ? '✓ ' : cp.tone === 'failed' ? '✕ ' : '◌ '}
          </span>
          API {cp.api}
        </span>
      </h5>
      <p>{cp.where}</p>
      <ul className="sbx-eks-cp-azs" aria-label="Members by Availability Zone">
        {azs.map((az) => (
          <li key={az}>
            <span className="sbx-mono">{az}</span>
            <ul>
              {cp.members
                .filter((m) => m.az === az)
                .map((m) => (
                  <li key={m.role} className={m.up ? 'sbx-eks-up' : 'sbx-eks-down'}>
                    <span aria-hidden="true">{m.up ? '✓' : '✕'} </span>
                    {m.role} {m.up ? 'up' : 'down (AZ outage)'}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <p>
        {cp.health}. <span className="sbx-muted">{cp.backups}</span>
      </p>
      {!cp.managed && c.api === 'not answering' ? (
        <p className="sbx-eks-error" role="note">
          <span aria-hidden="true">✕ </span>The single API server is gone with its AZ: kubectl gets
          no answer, and nothing below can change until it is back. The nodes and pods show their
          last known state.
        </p>
      ) : null}
    </div>
  );
}

/** The nodes by AZ, each a card with its usage bars and pod chips (the wide layout). */
function Grid({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  return (
    <>
      <ControlPlaneBox c={c} />
      <div
        className="sbx-eks-azs"
        role="group"
        aria-label={`Nodes of ${c.name} by Availability Zone`}
      >
        {c.azs.map((az) => (
          <div
            role="group"
            key={az.az}
            className={`sbx-az${az.down ? ' sbx-az-down' : ''}`}
            aria-label={`Availability Zone ${az.az}${az.down ? ', outage' : ''}`}
          >
            <h5 className="sbx-az-title">
              <span className="sbx-mono">{az.az}</span>
              {az.down ? <span className="sbx-badge sbx-tone-failed">✕ outage</span> : null}
            </h5>
            {az.nodes.length === 0 && az.microVms.length === 0 ? (
              <p className="sbx-empty">No nodes.</p>
            ) : null}
            {az.nodes.map((n) => (
              <NodeCard key={n.name} node={n} cluster={c.name} onOpen={onOpen} />
            ))}
            {az.microVms.length > 0 ? (
              <div
                className="sbx-eks-microvms"
                role="group"
                aria-label={`Fargate in ${az.az}, one pod per micro-VM`}
              >
                {az.microVms.map((n) => (
                  <NodeCard key={n.name} node={n} cluster={c.name} onOpen={onOpen} />
                ))}
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </>
  );
}

const Cluster = memo(function Cluster({
  c,
  narrow,
  onOpen,
}: {
  c: EksClusterView;
  narrow: boolean | null;
  onOpen: Open;
}) {
  // A lesson page holds several sandboxes, often each with a cluster "demo": ids come from
  // React, and the parts are groups rather than landmarks, which must be unique on a page.
  const titleId = useId();
  const unmeasured = narrow === null ? '' : undefined;
  return (
    <div role="group" className="sbx-plane sbx-eks" aria-labelledby={titleId}>
      <ClusterTitle c={c} titleId={titleId} />
      {narrow !== false ? (
        <div className="sbx-eks-as-list" data-unmeasured={unmeasured}>
          <ClusterList c={c} onOpen={onOpen} />
        </div>
      ) : null}
      {narrow !== true ? (
        <div className="sbx-eks-as-grid" data-unmeasured={unmeasured}>
          <Grid c={c} onOpen={onOpen} />
        </div>
      ) : null}
      <PendingTray c={c} onOpen={onOpen} />
      <Resources c={c} onOpen={onOpen} />
    </div>
  );
});

const sameView = (a: EksClusterView[], b: EksClusterView[]) =>
  JSON.stringify(a) === JSON.stringify(b);

export default function EksView() {
  const { store } = useSandboxUi();
  const clusters = useWorldSlice(store, eksView, sameView);
  const rootRef = useRef<HTMLDivElement>(null);
  const narrow = useIslandNarrow(rootRef);
  const [target, setTarget] = useState<DialogTarget | null>(null);
  const onOpen = useCallback<Open>((ref, opener) => setTarget({ ref, opener }), []);
  const onClose = useCallback(() => setTarget(null), []);
  const list = useMemo(
    () => clusters.map((c) => <Cluster key={c.name} c={c} narrow={narrow} onOpen={onOpen} />),
    [clusters, narrow, onOpen],
  );
  return (
    <div className="sbx-eks-view" ref={rootRef}>
      {clusters.length === 0 ? (
        <div className="sbx-plane">
          <h4>Amazon EKS</h4>
          <p className="sbx-empty">
            No cluster yet: create one below, or in the Terminal with{' '}
            <code>aws eks create-cluster</code> or <code>eksctl create cluster</code>.
          </p>
        </div>
      ) : (
        list
      )}
      <EksForms clusters={clusters} />
      {target ? (
        <LoadBoundary what="The details dialog">
          <Suspense
            fallback={
              <p role="status" className="sbx-muted">
                Opening the details…
              </p>
            }
          >
            <EksDialog target={target} onClose={onClose} />
          </Suspense>
        </LoadBoundary>
      ) : null}
    </div>
  );
}
