/**
 * The parts both layouts of the Kubernetes view draw alike: a pod's chip, the cluster's title
 * line, the tray of pods waiting for a node with the scheduler's reason, and the node groups,
 * Fargate profiles and Deployments. Each button opens the entity dialog through `onOpen`.
 */
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

export function Resources({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  const open = (ref: EksEntityRef) => (e: { currentTarget: HTMLElement }) =>
    onOpen(ref, e.currentTarget);
  return (
    <div className="sbx-eks-resources">
      <div role="group" aria-label="Node groups">
        <h5>Node groups</h5>
        {c.nodegroups.length === 0 ? (
          <p className="sbx-empty">None.</p>
        ) : (
          <ul>
            {c.nodegroups.map((g) => (
              <li key={g.name}>
                <button
                  type="button"
                  className="sbx-service"
                  aria-haspopup="dialog"
                  onClick={open({ kind: 'eks-nodegroup', cluster: c.name, id: g.name })}
                >
                  <span className="sbx-service-name">{g.name}</span>{' '}
                  <span className="sbx-mono">{g.instanceTypes}</span>{' '}
                  <span className="sbx-muted">{g.sizes}</span>{' '}
                  <span className="sbx-badge sbx-tone-neutral">{g.status}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="sbx-muted">
          Cluster Autoscaler:{' '}
          {c.clusterAutoscaler
            ? 'installed'
            : 'not installed (node groups do not grow by themselves)'}
        </p>
      </div>
      {c.fargateProfiles.length > 0 ? (
        <div role="group" aria-label="Fargate profiles">
          <h5>Fargate profiles</h5>
          <ul>
            {c.fargateProfiles.map((p) => (
              <li key={p.name}>
                <button
                  type="button"
                  className="sbx-service"
                  aria-haspopup="dialog"
                  onClick={open({ kind: 'eks-fargate-profile', cluster: c.name, id: p.name })}
                >
                  <span className="sbx-service-name">{p.name}</span>{' '}
                  <span className="sbx-muted">{p.selectors}</span>{' '}
                  <span className="sbx-badge sbx-tone-neutral">{p.status}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div role="group" aria-label="Deployments">
        <h5>Deployments</h5>
        {c.deployments.length === 0 ? (
          <p className="sbx-empty">None yet.</p>
        ) : (
          <ul>
            {c.deployments.map((d) => (
              <li key={d.key}>
                <button
                  type="button"
                  className="sbx-service"
                  aria-haspopup="dialog"
                  onClick={open({ kind: 'k8s-deployment', cluster: c.name, id: d.key })}
                >
                  <span className="sbx-service-name">{d.name}</span>{' '}
                  <span className="sbx-mono">{d.ready} ready</span>{' '}
                  {d.namespace !== 'default' ? (
                    <span className="sbx-muted">in {d.namespace}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
