/**
 * The phone layout of a cluster: the control plane in one line, then the nodes and their pods
 * as tables (kubectl get nodes / get pods -o wide, in words), every row opening the same
 * dialog as the wide view's cards: by keyboard on the row's name, by pointer anywhere on it.
 */
import { Fragment, type MouseEvent } from 'react';
import { controlPlaneLine, nodeRows, podRows } from '@lib/sandbox-view/eks-list.ts';
import type { EksClusterView } from '@lib/sandbox-view/eks-view.ts';
import type { Open } from './eks-parts.tsx';

const NODE_ICON = { ok: '✓', stopping: '⊘', failed: '✕' } as const;
const CP_ICON = { ok: '✓', pending: '◌', failed: '✕' } as const;

/** A node's DNS name, wrapping only after a dot (its text is unchanged). */
function DnsName({ name }: { name: string }) {
  const parts = name.split('.');
  return parts.map((part, i) => (
    <Fragment key={i}>
      <span className="sbx-dns-part">
        {part}
        {i < parts.length - 1 ? '.' : ''}
      </span>
      {i < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}

/** A click anywhere on a row does what its name's button does (the button keeps the focus). */
function openRow(event: MouseEvent<HTMLTableRowElement>) {
  if ((event.target as HTMLElement).closest('button')) return;
  event.currentTarget.querySelector('button')?.click();
}

function NodeTable({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  if (c.nodes.length === 0) return <p className="sbx-empty">No nodes.</p>;
  return (
    <table className="sbx-table sbx-eks-table" aria-label={`Nodes of ${c.name}`}>
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">Status</th>
          <th scope="col">Requested of allocatable</th>
        </tr>
      </thead>
      <tbody>
        {nodeRows(c).map((row) => {
          return (
            <tr key={row.name} onClick={openRow} data-node={row.name}>
              <th scope="row">
                <button
                  type="button"
                  className="sbx-eks-row-open sbx-mono"
                  aria-haspopup="dialog"
                  onClick={(e) =>
                    onOpen({ kind: 'k8s-node', cluster: c.name, id: row.name }, e.currentTarget)
                  }
                >
                  <DnsName name={row.name} />
                </button>{' '}
                <span className="sbx-eks-cell-line sbx-muted">
                  {row.az} · {row.group} · {row.capacity}
                </span>
              </th>
              <td className={`sbx-tone-${row.tone}`}>
                <span aria-hidden="true">{NODE_ICON[row.tone]} </span>
                {row.status}
              </td>
              <td>
                <span className="sbx-eks-cell-line">{row.cpu}</span>{' '}
                <span className="sbx-eks-cell-line">{row.memory}</span>{' '}
                <span className="sbx-eks-cell-line">{row.pods}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PodTable({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  const rows = podRows(c);
  if (rows.length === 0) return <p className="sbx-empty">No pod on a node.</p>;
  return (
    <table className="sbx-table sbx-eks-table" aria-label={`Pods of ${c.name} on nodes`}>
      <thead>
        <tr>
          <th scope="col">Pod</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((pod) => (
          <tr key={pod.key} onClick={openRow} data-pod={pod.name}>
            <th scope="row">
              <button
                type="button"
                className="sbx-eks-row-open"
                aria-haspopup="dialog"
                onClick={(e) =>
                  onOpen({ kind: 'k8s-pod', cluster: c.name, id: pod.key }, e.currentTarget)
                }
              >
                {pod.name}
              </button>{' '}
              {pod.namespace !== 'default' ? (
                <span className="sbx-eks-cell-line sbx-muted">in {pod.namespace}</span>
              ) : null}{' '}
              <span className="sbx-eks-cell-line sbx-muted">
                on{' '}
                <span className="sbx-mono">
                  <DnsName name={pod.node} />
                </span>
              </span>
            </th>
            <td className={`sbx-tone-${pod.tone}`}>
              <span aria-hidden="true">{pod.icon} </span>
              {pod.status} <span className="sbx-eks-cell-line sbx-muted">{pod.ready} ready</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ClusterList({ c, onOpen }: { c: EksClusterView; onOpen: Open }) {
  const cp = c.controlPlane;
  return (
    <div className="sbx-eks-list">
      <p className={`sbx-eks-cp-line sbx-tone-${cp.tone}`}>
        <span aria-hidden="true">{CP_ICON[cp.tone]} </span>
        {controlPlaneLine(c)}
      </p>
      {!cp.managed && c.api === 'not answering' ? (
        <p className="sbx-eks-error" role="note">
          <span aria-hidden="true">✕ </span>The single API server is gone with its AZ: the nodes and
          pods show their last known state.
        </p>
      ) : null}
      <h5>
        Nodes <span className="sbx-count">{c.nodes.length}</span>
      </h5>
      <NodeTable c={c} onOpen={onOpen} />
      <h5>Pods on nodes</h5>
      <PodTable c={c} onOpen={onOpen} />
    </div>
  );
}
