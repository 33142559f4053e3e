/**
 * What the sandbox shows of an EKS world until the Kubernetes view has its own grid: each
 * cluster's control plane (where its API servers and etcd members run, and whether they
 * answer), its nodes, its pods by kubectl's STATUS, and why the Pending ones wait.
 * A pure function of the world, so tests can check it without a DOM.
 */
import {
  controlPlaneHealth,
  controlPlanePricePerHour,
  nodeStatusText,
  podStatus,
  type World,
} from '@sandbox';

export interface ControlPlaneMemberView {
  role: 'API server' | 'etcd';
  az: string;
  up: boolean;
}

export interface EksNodeView {
  name: string;
  /** `node group general`, `self-managed`, `Fargate`, `control plane`. */
  kind: string;
  az: string;
  status: string;
  pods: number;
}

export interface EksClusterView {
  name: string;
  status: string;
  version: string;
  managed: boolean;
  /** The control plane's fee per hour, or null for a self-managed one (billed as its EC2). */
  pricePerHour: number | null;
  members: ControlPlaneMemberView[];
  /** `answering`, `not answering`, `answering, etcd without quorum`. */
  api: string;
  nodes: EksNodeView[];
  /** [STATUS, count], most common first. */
  podStatuses: [string, number][];
  pending: { name: string; message: string }[];
}

const ORIGIN: Record<string, string> = {
  'self-managed': 'self-managed',
  fargate: 'Fargate',
  'control-plane': 'control plane',
};

export function eksView(world: World): EksClusterView[] {
  const eks = world.eks;
  if (!eks) return [];
  return Object.values(eks.clusters).map((cluster) => {
    const kube = Object.hasOwn(eks.kube, cluster.name) ? eks.kube[cluster.name] : undefined;
    const health = controlPlaneHealth(cluster.controlPlane, world.azDown);
    const nodes = Object.values(kube?.nodes ?? {}).filter((n) => !n.gone);
    const pods = Object.values(kube?.pods ?? {});
    const podsOn = new Map<string, number>();
    const statuses = new Map<string, number>();
    const pending: { name: string; message: string }[] = [];
    for (const pod of pods) {
      const status = podStatus(pod);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const node = pod.spec.nodeName;
      if (node) podsOn.set(node, (podsOn.get(node) ?? 0) + 1);
      else if (pod.status.phase === 'Pending')
        pending.push({
          name: pod.metadata.name,
          message:
            pod.runtime.lastDecision?.message ?? pod.status.message ?? 'waiting for the scheduler',
        });
    }
    return {
      name: cluster.name,
      status: cluster.status,
      version: cluster.version,
      managed: cluster.kind === 'eks',
      pricePerHour: cluster.kind === 'eks' ? controlPlanePricePerHour(cluster.supportType) : null,
      members: cluster.controlPlane.members.map((m) => ({
        role: m.role === 'api-server' ? 'API server' : 'etcd',
        az: m.az,
        up: !world.azDown.includes(m.az),
      })),
      api:
        cluster.status !== 'ACTIVE'
          ? 'not answering yet'
          : health.state === 'available'
            ? 'answering'
            : health.state === 'unreachable'
              ? 'not answering'
              : 'answering, etcd without quorum',
      nodes: nodes.map((n) => ({
        name: n.name,
        kind: n.nodegroup ? `node group ${n.nodegroup}` : (ORIGIN[n.origin] ?? n.origin),
        az: n.az,
        status: nodeStatusText(n),
        pods: podsOn.get(n.name) ?? 0,
      })),
      podStatuses: [...statuses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      pending,
    };
  });
}
