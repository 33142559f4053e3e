/**
 * The resource types the sandbox's API server serves, with the names and short names kubectl
 * accepts (`po`, `deploy`, `svc`, `hpa`…), the qualified name its messages use
 * (`deployments.apps "web" not found`) and the kind/name form it prints (`deployment.apps/web`).
 */

export type ResourceKey =
  | 'pods'
  | 'nodes'
  | 'deployments'
  | 'replicasets'
  | 'services'
  | 'horizontalpodautoscalers'
  | 'events'
  | 'namespaces'
  | 'poddisruptionbudgets'
  | 'daemonsets'
  | 'configmaps';

export interface ResourceType {
  key: ResourceKey;
  singular: string;
  shortNames: string[];
  /** API group: '' for the core group. */
  group: string;
  kind: string;
  apiVersion: string;
  namespaced: boolean;
  /** The `kind` of the k8s.delete / k8s.label actions, when the resource can be named by them. */
  actionKind: string | null;
}

export const RESOURCES: readonly ResourceType[] = [
  {
    key: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    kind: 'Pod',
    apiVersion: 'v1',
    namespaced: true,
    actionKind: 'pod',
  },
  {
    key: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    kind: 'Node',
    apiVersion: 'v1',
    namespaced: false,
    actionKind: 'node',
  },
  {
    key: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    namespaced: true,
    actionKind: 'deployment',
  },
  {
    key: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    namespaced: true,
    actionKind: 'replicaset',
  },
  {
    key: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    kind: 'Service',
    apiVersion: 'v1',
    namespaced: true,
    actionKind: 'service',
  },
  {
    key: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    shortNames: ['hpa'],
    group: 'autoscaling',
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    namespaced: true,
    actionKind: 'hpa',
  },
  {
    key: 'events',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    kind: 'Event',
    apiVersion: 'v1',
    namespaced: true,
    actionKind: null,
  },
  {
    key: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    kind: 'Namespace',
    apiVersion: 'v1',
    namespaced: false,
    actionKind: 'namespace',
  },
  {
    key: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    group: 'policy',
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    namespaced: true,
    actionKind: 'pdb',
  },
  {
    key: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    group: 'apps',
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    namespaced: true,
    actionKind: 'daemonset',
  },
  {
    key: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    group: '',
    kind: 'ConfigMap',
    apiVersion: 'v1',
    namespaced: true,
    actionKind: 'configmap',
  },
];

/** `pods`, `pod`, `po`, `Pod`, `deployments.apps`, `deploy.apps` → the type; null if unknown. */
export function resolveResource(word: string): ResourceType | null {
  const lower = word.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.key, r.singular, ...r.shortNames];
    if (names.includes(lower)) return r;
    if (r.group !== '' && names.some((n) => `${n}.${r.group}` === lower)) return r;
    if (lower === r.kind.toLowerCase()) return r;
  }
  return null;
}

/** `deployments.apps`, `pods`: the name NotFound and AlreadyExists messages use. */
export function qualified(r: ResourceType): string {
  return r.group === '' ? r.key : `${r.key}.${r.group}`;
}

/** `deployment.apps/web`, `pod/web-…`: how kubectl names an object it acted on. */
export function objectRef(r: ResourceType, name: string): string {
  return `${r.group === '' ? r.singular : `${r.singular}.${r.group}`}/${name}`;
}

/** `Error from server (NotFound): deployments.apps "web" not found` */
export function notFound(r: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualified(r)} ${JSON.stringify(name)} not found`;
}

/** kubectl's answer to a resource type the server does not have. */
export function unknownType(word: string): string {
  return `error: the server doesn't have a resource type ${JSON.stringify(word)}`;
}

export const byKey = (key: ResourceKey): ResourceType =>
  RESOURCES.find((r) => r.key === key) as ResourceType;
