/**
 * The API server's view of one cluster, by resource type: every object with its namespace,
 * name, labels and the JSON the API would return. Lists come sorted as the API returns them
 * (by namespace, then name); events stay in the order they were recorded.
 */
import { own } from '../../model/record.ts';
import type { Labels } from '../../services/eks/types.ts';
import type { EksNode, EksPod, KubeState } from '../../services/eks/world.ts';
import {
  deploymentJson,
  eventJson,
  hpaJson,
  namespaceJson,
  nodeJson,
  podJson,
  replicaSetJson,
  serviceJson,
} from './api-objects.ts';
import type { ResourceKey } from './resources.ts';

export interface Listed {
  namespace: string;
  name: string;
  labels: Labels;
  json: () => Record<string, unknown>;
}

const byNsName = (a: Listed, b: Listed) =>
  a.namespace === b.namespace
    ? a.name < b.name
      ? -1
      : a.name > b.name
        ? 1
        : 0
    : a.namespace < b.namespace
      ? -1
      : 1;

/** The namespaces the API knows: `default`, `kube-system`… plus those the learner created. */
export function namespaceNames(kube: KubeState): string[] {
  const names = new Set(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  for (const n of Object.keys(kube.namespaces)) names.add(n);
  return [...names].sort();
}

/** When a namespace was created: the built-in ones with the cluster. */
export function namespaceCreatedAt(
  kube: KubeState,
  name: string,
  clusterCreatedAt: number,
): number {
  return own(kube.namespaces, name)?.createdAt ?? clusterCreatedAt;
}

export function list(kube: KubeState, key: ResourceKey, clusterCreatedAt: number): Listed[] {
  const rows = listUnsorted(kube, key, clusterCreatedAt);
  return key === 'events' ? rows : rows.sort(byNsName);
}

function listUnsorted(kube: KubeState, key: ResourceKey, clusterCreatedAt: number): Listed[] {
  switch (key) {
    case 'pods':
      return Object.values(kube.pods).map((p) => ({
        namespace: p.metadata.namespace,
        name: p.metadata.name,
        labels: p.metadata.labels,
        json: () => podJson(p),
      }));
    case 'nodes':
      return Object.values(kube.nodes).map((n) => ({
        namespace: '',
        name: n.name,
        labels: n.labels,
        json: () => nodeJson(n),
      }));
    case 'deployments':
      return Object.values(kube.deployments).map((d) => ({
        namespace: d.object.metadata.namespace,
        name: d.object.metadata.name,
        labels: d.object.metadata.labels,
        json: () => deploymentJson(d, kube),
      }));
    case 'replicasets':
      return Object.values(kube.replicaSets).map((rs) => ({
        namespace: rs.metadata.namespace,
        name: rs.metadata.name,
        labels: rs.metadata.labels,
        json: () => replicaSetJson(rs),
      }));
    case 'services':
      return Object.values(kube.services).map((s) => ({
        namespace: s.object.metadata.namespace,
        name: s.object.metadata.name,
        labels: s.object.metadata.labels,
        json: () => serviceJson(s),
      }));
    case 'horizontalpodautoscalers':
      return Object.values(kube.hpas).map((h) => ({
        namespace: h.object.metadata.namespace,
        name: h.object.metadata.name,
        labels: h.object.metadata.labels,
        json: () => hpaJson(h),
      }));
    case 'events':
      return kube.events.map((e, i) => ({
        namespace: e.namespace,
        name: eventKey(e.object, i),
        labels: {},
        json: () => eventJson(e),
      }));
    case 'namespaces':
      return namespaceNames(kube).map((name) => {
        const labels = {
          'kubernetes.io/metadata.name': name,
          ...(own(kube.namespaces, name)?.object.metadata.labels ?? {}),
        };
        return {
          namespace: '',
          name,
          labels,
          json: () => namespaceJson(name, namespaceCreatedAt(kube, name, clusterCreatedAt), labels),
        };
      });
    case 'poddisruptionbudgets':
      return Object.values(kube.pdbs).map((p) => ({
        namespace: p.object.metadata.namespace,
        name: p.object.metadata.name,
        labels: p.object.metadata.labels,
        json: () => ({ ...p.object }),
      }));
    case 'daemonsets':
      return Object.values(kube.daemonSets).map((d) => ({
        namespace: d.object.metadata.namespace,
        name: d.object.metadata.name,
        labels: d.object.metadata.labels,
        json: () => ({ ...d.object }),
      }));
    case 'configmaps':
      return Object.values(kube.configMaps).map((c) => ({
        namespace: c.object.metadata.namespace,
        name: c.object.metadata.name,
        labels: c.object.metadata.labels,
        json: () => ({ ...c.object }),
      }));
  }
}

/** Events are named after their object and a suffix; the sandbox uses the record's position. */
export function eventKey(object: string, index: number): string {
  return `${object.slice(object.indexOf('/') + 1)}.${index.toString(16).padStart(16, '0')}`;
}

export function podsOnNode(kube: KubeState, node: string): EksPod[] {
  return Object.values(kube.pods)
    .filter((p) => p.spec.nodeName === node)
    .sort((a, b) =>
      a.metadata.namespace === b.metadata.namespace
        ? a.metadata.name.localeCompare(b.metadata.name)
        : a.metadata.namespace.localeCompare(b.metadata.namespace),
    );
}

export function findNode(kube: KubeState, name: string): EksNode | undefined {
  return own(kube.nodes, name);
}

/** `ns/name` → the namespaced object, by own property only. */
export function findIn<T>(
  record: Record<string, T>,
  namespace: string,
  name: string,
): T | undefined {
  return own(record, `${namespace}/${name}`);
}
