/**
 * The EKS side of a sandbox: each cluster's control plane (API servers and etcd by AZ, up or
 * down, and what it costs), its nodes and its pods by kubectl's STATUS, with the scheduler's
 * reason for every Pending pod. Text and symbols, never colour alone.
 */
import { memo, useMemo } from 'react';
import { eksView } from '@lib/sandbox-view/eks-view.ts';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';

const MAX_LISTED = 12;

export const EksPlane = memo(function EksPlane() {
  const { store } = useSandboxUi();
  const world = useWorldSlice(store, (w) => w);
  const clusters = useMemo(() => eksView(world), [world]);

  if (clusters.length === 0)
    return (
      <div className="sbx-plane-row">
        <div className="sbx-plane">
          <h4>Amazon EKS</h4>
          <p className="sbx-empty">
            No cluster yet: create one in the Terminal with <code>aws eks create-cluster</code> or{' '}
            <code>eksctl create cluster</code>.
          </p>
        </div>
      </div>
    );
  return (
    <div className="sbx-plane-row">
      {clusters.map((c) => (
        // A group, not a region: a lesson page has several sandboxes with a cluster "demo", and
        // landmarks must be unique on a page.
        <div
          role="group"
          className="sbx-plane sbx-eks"
          key={c.name}
          aria-label={`EKS cluster ${c.name}, ${c.status}`}
        >
          <h4>
            EKS cluster {c.name} <span className="sbx-badge sbx-tone-neutral">{c.status}</span>{' '}
            <span className="sbx-badge sbx-tone-neutral">
              {c.pricePerHour === null
                ? 'self-managed control plane'
                : `control plane · $${c.pricePerHour.toFixed(2)}/h`}
            </span>
          </h4>
          <p>
            Kubernetes {c.version} ·{' '}
            {c.managed
              ? 'control plane run by AWS across AZs, etcd backed up by AWS'
              : 'kubeadm control plane on one EC2 instance'}{' '}
            · API {c.api}
          </p>
          <ul className="sbx-eks-members" aria-label="Control plane members">
            {c.members.map((m) => (
              <li key={`${m.role}-${m.az}`} className="sbx-mono">
                <span aria-hidden="true">{m.up ? '✓' : '✗'} </span>
                {m.role} {m.az}
                <span className="sbx-visually-hidden">{m.up ? ', up' : ', down'}</span>
                {m.up ? null : <span aria-hidden="true"> (AZ down)</span>}
              </li>
            ))}
          </ul>
          <p>
            {c.nodes.length} node{c.nodes.length === 1 ? '' : 's'} (
            {c.nodes.filter((n) => n.status.startsWith('Ready')).length} Ready) · pods:{' '}
            {c.podStatuses.length === 0
              ? 'none'
              : c.podStatuses.map(([s, n]) => `${n} ${s}`).join(', ')}
          </p>
          {c.nodes.length > 0 ? (
            <ul className="sbx-eks-nodes" aria-label="Nodes">
              {c.nodes.slice(0, MAX_LISTED).map((n) => (
                <li key={n.name} className="sbx-mono">
                  <span aria-hidden="true">{n.status.startsWith('Ready') ? '✓ ' : '✗ '}</span>
                  {n.name}{' '}
                  <span className="sbx-muted">
                    · {n.kind} · {n.az} ·
                  </span>{' '}
                  {n.status}{' '}
                  <span className="sbx-muted">
                    · {n.pods} pod{n.pods === 1 ? '' : 's'}
                  </span>
                </li>
              ))}
              {c.nodes.length > MAX_LISTED ? (
                <li className="sbx-muted">and {c.nodes.length - MAX_LISTED} more</li>
              ) : null}
            </ul>
          ) : null}
          {c.pending.length > 0 ? (
            <ul className="sbx-eks-pending" aria-label="Pending pods">
              {c.pending.slice(0, MAX_LISTED).map((p) => (
                <li key={p.name}>
                  <span aria-hidden="true">◌ </span>
                  <span className="sbx-mono">{p.name}</span> Pending: {p.message}
                </li>
              ))}
              {c.pending.length > MAX_LISTED ? (
                <li className="sbx-muted">and {c.pending.length - MAX_LISTED} more</li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ))}
    </div>
  );
});
