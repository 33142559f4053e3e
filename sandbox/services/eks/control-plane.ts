/**
 * Where the Kubernetes control plane runs and whether it answers (aws-facts.md §4.1):
 * EKS runs at least two API servers and three etcd members across three AZs, so one AZ down
 * leaves the API answering and etcd with quorum (2 of 3). A self-managed kubeadm control
 * plane is one EC2 instance: its API server and its etcd die with its AZ. Plus what kubectl
 * prints when it cannot talk to a cluster.
 */

export interface ControlPlaneMember {
  role: 'api-server' | 'etcd';
  az: string;
}

export interface ControlPlane {
  kind: 'eks' | 'kubeadm';
  members: ControlPlaneMember[];
  /** `https://…eks.amazonaws.com` for EKS, `https://10.0.1.10:6443` for kubeadm. */
  endpoint: string;
}

/** EKS's managed layout: API servers in the first two AZs, an etcd member in each of three. */
export function eksControlPlane(azs: readonly string[], endpoint: string): ControlPlane {
  const three = azs.slice(0, 3);
  return {
    kind: 'eks',
    endpoint,
    members: [
      ...three.slice(0, 2).map((az) => ({ role: 'api-server' as const, az })),
      ...three.map((az) => ({ role: 'etcd' as const, az })),
    ],
  };
}

/** A kubeadm single master: API server and etcd on one instance in one AZ. */
export function kubeadmControlPlane(az: string, privateIp: string): ControlPlane {
  return {
    kind: 'kubeadm',
    endpoint: `https://${privateIp}:6443`,
    members: [
      { role: 'api-server', az },
      { role: 'etcd', az },
    ],
  };
}

export type ControlPlaneHealth =
  | { state: 'available'; apiServers: number; etcd: number; etcdTotal: number }
  | { state: 'unreachable'; apiServers: 0; etcd: number; etcdTotal: number }
  | { state: 'no-quorum'; apiServers: number; etcd: number; etcdTotal: number };

/** Health with some AZs down. EKS replaces lost members in healthy AZs itself (not shown here). */
export function controlPlaneHealth(
  cp: ControlPlane,
  azDown: readonly string[],
): ControlPlaneHealth {
  const up = (m: ControlPlaneMember) => !azDown.includes(m.az);
  const apiServers = cp.members.filter((m) => m.role === 'api-server' && up(m)).length;
  const etcdTotal = cp.members.filter((m) => m.role === 'etcd').length;
  const etcd = cp.members.filter((m) => m.role === 'etcd' && up(m)).length;
  if (apiServers === 0) return { state: 'unreachable', apiServers: 0, etcd, etcdTotal };
  if (etcd < Math.floor(etcdTotal / 2) + 1)
    return { state: 'no-quorum', apiServers, etcd, etcdTotal };
  return { state: 'available', apiServers, etcd, etcdTotal };
}

/** `kubectl get …` with no kubeconfig: it falls back to localhost:8080 (the last line it prints). */
export const KUBECTL_NO_KUBECONFIG =
  'The connection to the server localhost:8080 was refused - did you specify the right host or port?';

/** What kubectl prints when the control plane is not answering. */
export function kubectlConnectionError(
  cp: ControlPlane,
  health: ControlPlaneHealth,
): string | null {
  const host = cp.endpoint.replace(/^https:\/\//, '');
  if (health.state === 'unreachable') {
    // EKS's endpoint sits behind a load balancer; kubeadm's is the instance's own address.
    return cp.kind === 'kubeadm'
      ? `Unable to connect to the server: dial tcp ${host}: i/o timeout`
      : `Unable to connect to the server: dial tcp ${host.replace(/:\d+$/, '')}:443: i/o timeout`;
  }
  if (health.state === 'no-quorum') return 'Error from server: etcdserver: request timed out';
  return null;
}

/** After the cluster is deleted, its endpoint name no longer resolves. */
export function kubectlDeletedClusterError(endpoint: string): string {
  return `Unable to connect to the server: dial tcp: lookup ${endpoint.replace(/^https:\/\//, '')}: no such host`;
}

/** The cluster-hour fee (§4.1): $0.10 standard support, $0.60 extended support. */
export function controlPlanePricePerHour(support: 'STANDARD' | 'EXTENDED'): number {
  return support === 'EXTENDED' ? 0.6 : 0.1;
}
