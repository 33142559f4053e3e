/**
 * The parts both layouts of the Kubernetes view draw alike: a pod's chip, the cluster's title
 * line, the tray of pods waiting for a node with the scheduler's reason, and the node groups,
 * Fargate profiles and Deployments. Each button opens the entity dialog through `onOpen`.
 */
import type { ReactNode } from 'react';
import type { EksEntityRef } from '@lib/sandbox-view/eks-inspect.ts';
import { podIcon, podStatusText } from '@lib/sandbox-view/eks-list.ts';
import type { EksClusterView, PodChipView } from '@lib/sandbox-view/eks-view.ts';

export type Open = (ref: EksEntityRef, opener: HTMLElement) => void;

export function PodChip({
  chip,
  cluster,
  onOpen,
}: {
  chip: PodChipView;
  cluster: string;
  onOpen: Open;
}) {
  return (
    <button
      type="button"
      className={`sbx-chip sbx-tone-${chip.tone} sbx-eks-pod`}
      aria-haspopup="dialog"
      data-pod={chip.name}
      onClick={(e) => onOpen({ kind: 'k8s-pod', cluster, id: chip.key }, e.currentTarget)}
    >
      <span className="sbx-chip-icon" aria-hidden="true">
        {podIcon(chip)}
      </span>
      <span className="sbx-chip-name">{chip.name}</span>{' '}
      <span className="sbx-chip-status">{podStatusText(chip)}</span>
    </button>
  );
}

/** The cluster's name, status and price, and its pods counted by STATUS. */
export function ClusterTitle({ c, titleId }: { c: EksClusterView; titleId: string }) {
  return (
    <>
      <h4 id={titleId}>
        EKS cluster {c.name} <span className="sbx-badge sbx-tone-neutral">{c.status}</span>{' '}
        <span className="sbx-badge sbx-tone-neutral">
          {c.pricePerHour === null
            ? 'billed as its EC2 instance'
            : `control plane · $${c.pricePerHour.toFixed(2)}/h`}
        </span>
      </h4>
      <p className="sbx-muted">
        Kubernetes {c.version} · pods:{' '}
        {c.podStatuses.length === 0
          ? 'none'
          : c.podStatuses.map(([s, n]) => `${n} ${s}`).join(', ')}
      </p>
    </>
  );
}

export function PendingTray({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  return (
    <div
      role="group"
      className="sbx-tray sbx-eks-pending-tray"
      aria-label={`Waiting for a node, ${c.pending.length}`}
    >
      <h5>
        Waiting for a node <span className="sbx-count">{c.pending.length}</span>
      </h5>
      {c.pending.length === 0 ? (
        <p className="sbx-empty">No pod is waiting.</p>
      ) : (
        <ul className="sbx-eks-pending-list">
          {c.pending.map((p) => (
            <li key={p.key}>
              <PodChip chip={p} cluster={c.name} onOpen={onOpen} />
              <span className="sbx-eks-reason sbx-break">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One kind of resource as a group of buttons, each opening its entity's dialog. */
function ResourceGroup<T>({
  title,
  items,
  empty,
  entity,
  render,
  onOpen,
  children,
}: {
  title: string;
  items: readonly T[];
  /** What the group says when there are none; null leaves the group out then. */
  empty: string | null;
  entity: (item: T) => EksEntityRef;
  render: (item: T) => ReactNode;
  onOpen: Open;
  children?: ReactNode;
}) {
  if (items.length === 0 && empty === null) return null;
  return (
    <div role="group" aria-label={title}>
      <h5>{title}</h5>
      {items.length === 0 ? (
        <p className="sbx-empty">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => {
            const ref = entity(item);
            return (
              <li key={ref.id}>
                <button
                  type="button"
                  className="sbx-service"
                  aria-haspopup="dialog"
                  onClick={(e) => onOpen(ref, e.currentTarget)}
                >
                  {render(item)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </div>
  );
}

export function Resources({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  return (
    <div className="sbx-eks-resources">
      <ResourceGroup
        title="Node groups"
        items={c.nodegroups}
        empty="None."
        entity={(g) => ({ kind: 'eks-nodegroup', cluster: c.name, id: g.name })}
        render={(g) => (
          <>
            <span className="sbx-service-name">{g.name}</span>{' '}
            <span className="sbx-mono">{g.instanceTypes}</span>{' '}
            <span className="sbx-muted">{g.sizes}</span>{' '}
            <span className="sbx-badge sbx-tone-neutral">{g.status}</span>
          </>
        )}
        onOpen={onOpen}
      >
        <p className="sbx-muted">
          Cluster Autoscaler:{' '}
          {c.clusterAutoscaler
            ? 'installed'
            : 'not installed (node groups do not grow by themselves)'}
        </p>
      </ResourceGroup>
      <ResourceGroup
        title="Fargate profiles"
        items={c.fargateProfiles}
        empty={null}
        entity={(p) => ({ kind: 'eks-fargate-profile', cluster: c.name, id: p.name })}
        render={(p) => (
          <>
            <span className="sbx-service-name">{p.name}</span>{' '}
            <span className="sbx-muted">{p.selectors}</span>{' '}
            <span className="sbx-badge sbx-tone-neutral">{p.status}</span>
          </>
        )}
        onOpen={onOpen}
      />
      <ResourceGroup
        title="Deployments"
        items={c.deployments}
        empty="None yet."
        entity={(d) => ({ kind: 'k8s-deployment', cluster: c.name, id: d.key })}
        render={(d) => (
          <>
            <span className="sbx-service-name">{d.name}</span>{' '}
            <span className="sbx-mono">{d.ready} ready</span>{' '}
            {d.namespace !== 'default' ? <span className="sbx-muted">in {d.namespace}</span> : null}
          </>
        )}
        onOpen={onOpen}
      />
    </div>
  );
}
