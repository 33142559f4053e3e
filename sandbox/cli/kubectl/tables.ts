/**
 * `kubectl get` tables per resource type, from the printers in services/eks/kubectl-format.ts
 * (pods, nodes, deployments, replica sets, services, HPAs, events, namespaces) plus the few
 * kinds they do not cover (PDBs, DaemonSets, ConfigMaps). `withKind` prefixes names with
 * their type (`pod/web-…`), as `kubectl get all` and `get pods,svc` print them.
 */
import {
  deploymentsTable,
  eventsTable,
  hpaTable,
  humanDuration,
  namespacesTable,
  nodesTable,
  podsTable,
  replicaSetsTable,
  servicesTable,
  table,
} from '../../services/eks/kubectl-format.ts';
import { matchesSelector } from '../../services/eks/labels.ts';
import type { KubeState } from '../../services/eks/world.ts';
import { deploymentCounts } from './api-objects.ts';
import type { Listed } from './listing.ts';
import { eventKey, findIn, namespaceCreatedAt } from './listing.ts';
import type { ResourceType } from './resources.ts';
import { objectRef } from './resources.ts';

export interface TableOptions {
  wide: boolean;
  allNamespaces: boolean;
  withKind: boolean;
  now: number;
  clusterCreatedAt: number;
  /** `-L` keys and `--show-labels` (pods and nodes). */
  labelColumns: readonly string[];
  showLabels: boolean;
}

function renamed<T extends { metadata: { name: string } }>(o: T, name: string): T {
  return { ...o, metadata: { ...o.metadata, name } };
}

/** The table for these objects of one type ('' when there are none). */
export function tableFor(
  r: ResourceType,
  rows: Listed[],
  kube: KubeState,
  o: TableOptions,
): string {
  const opts = { wide: o.wide, allNamespaces: o.allNamespaces };
  const labelled = { ...opts, labelColumns: o.labelColumns, showLabels: o.showLabels };
  const label = (name: string) => (o.withKind ? objectRef(r, name) : name);
  const now = o.now;
  const pick = <T>(record: Record<string, T>) =>
    rows.map((x) => findIn(record, x.namespace, x.name)).filter((v): v is T => v !== undefined);
  switch (r.key) {
    case 'pods':
      return podsTable(
        pick(kube.pods).map((p) => renamed(p, label(p.metadata.name))),
        now,
        labelled,
      );
    case 'nodes':
      return nodesTable(
        rows
          .map((x) => kube.nodes[x.name])
          .filter((n) => n !== undefined)
          .map((n) => ({ ...n, name: label(n.name) })),
        now,
        labelled,
      );
    case 'deployments':
      return deploymentsTable(
        pick(kube.deployments).map((d) => {
          const c = deploymentCounts(d, kube);
          return {
            deployment: renamed(d.object, label(d.object.metadata.name)),
            creationTime: d.createdAt,
            readyReplicas: c.ready,
            updatedReplicas: c.updated,
            availableReplicas: c.available,
          };
        }),
        now,
        opts,
      );
    case 'replicasets':
      return replicaSetsTable(
        pick(kube.replicaSets).map((rs) => renamed(rs, label(rs.metadata.name))),
        now,
        opts,
      );
    case 'services':
      return servicesTable(
        pick(kube.services).map((s) => ({
          service: renamed(s.object, label(s.object.metadata.name)),
          creationTime: s.createdAt,
          clusterIP: s.clusterIP,
          loadBalancer: s.loadBalancerHostname,
        })),
        now,
        opts,
      );
    case 'horizontalpodautoscalers':
      return hpaTable(
        pick(kube.hpas).map((h) => ({
          hpa: renamed(h.object, label(h.object.metadata.name)),
          creationTime: h.createdAt,
          currentCpu: h.currentUtilization,
          replicas: h.currentReplicas,
        })),
        now,
        opts,
      );
    case 'events': {
      const wanted = new Set(rows.map((x) => x.name));
      return eventsTable(
        kube.events.filter((e, i) => wanted.has(eventKey(e.object, i))),
        now,
        opts,
      );
    }
    case 'namespaces':
      return namespacesTable(
        rows.map((x) => ({
          namespace: {
            apiVersion: 'v1' as const,
            kind: 'Namespace' as const,
            metadata: { name: label(x.name), namespace: '', labels: x.labels, annotations: {} },
          },
          creationTime: namespaceCreatedAt(kube, x.name, o.clusterCreatedAt),
          terminating: false,
        })),
        now,
      );
    case 'poddisruptionbudgets':
      return nsTable(
        o,
        ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
        pick(kube.pdbs).map((p) => {
          const s = p.object.spec;
          return {
            ns: p.object.metadata.namespace,
            cells: [
              label(p.object.metadata.name),
              s.minAvailable === null ? 'N/A' : String(s.minAvailable),
              s.maxUnavailable === null ? 'N/A' : String(s.maxUnavailable),
              String(allowedDisruptions(kube, p.object)),
              humanDuration(now - p.createdAt),
            ],
          };
        }),
      );
    case 'daemonsets':
      return nsTable(
        o,
        ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
        pick(kube.daemonSets).map((d) => {
          const pods = Object.values(kube.pods).filter(
            (p) =>
              p.metadata.namespace === d.object.metadata.namespace &&
              p.metadata.owner?.kind === 'DaemonSet' &&
              p.metadata.owner.name === d.object.metadata.name,
          );
          const ready = pods.filter((p) => p.status.containerStatuses.every((c) => c.ready)).length;
          const selector = Object.entries(d.object.spec.template.spec.nodeSelector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',');
          return {
            ns: d.object.metadata.namespace,
            cells: [
              label(d.object.metadata.name),
              String(pods.length),
              String(pods.length),
              String(ready),
              String(pods.length),
              String(ready),
              selector === '' ? '<none>' : selector,
              humanDuration(now - d.createdAt),
            ],
          };
        }),
      );
    case 'configmaps':
      return nsTable(
        o,
        ['NAME', 'DATA', 'AGE'],
        pick(kube.configMaps).map((c) => ({
          ns: c.object.metadata.namespace,
          cells: [
            label(c.object.metadata.name),
            String(Object.keys(c.object.data).length),
            humanDuration(now - c.createdAt),
          ],
        })),
      );
  }
}

function nsTable(o: TableOptions, header: string[], rows: { ns: string; cells: string[] }[]) {
  if (rows.length === 0) return '';
  return table([
    o.allNamespaces ? ['NAMESPACE', ...header] : header,
    ...rows.map((r) => (o.allNamespaces ? [r.ns, ...r.cells] : r.cells)),
  ]);
}

/** A PDB's allowed disruptions: ready matching pods minus those it must keep (never below 0). */
export function allowedDisruptions(
  kube: KubeState,
  pdb: KubeState['pdbs'][string]['object'],
): number {
  const sel = pdb.spec.selector;
  const pods = Object.values(kube.pods).filter(
    (p) =>
      p.metadata.namespace === pdb.metadata.namespace &&
      p.metadata.deletionTime === null &&
      sel !== null &&
      matchesSelector(sel, p.metadata.labels),
  );
  const healthy = pods.filter(
    (p) =>
      p.status.containerStatuses.length > 0 && p.status.containerStatuses.every((c) => c.ready),
  ).length;
  const total = pods.length;
  const resolve = (v: number | string, up: boolean) =>
    typeof v === 'number'
      ? v
      : (up ? Math.ceil : Math.floor)((Number.parseInt(v, 10) / 100) * total);
  if (pdb.spec.minAvailable !== null)
    return Math.max(0, healthy - resolve(pdb.spec.minAvailable, true));
  if (pdb.spec.maxUnavailable !== null)
    return Math.max(0, healthy - (total - resolve(pdb.spec.maxUnavailable, true)));
  return 0;
}
