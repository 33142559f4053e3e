/**
 * Reaching a cluster the way kubectl does: through the current context of the kubeconfig that
 * `aws eks update-kubeconfig` wrote. No kubeconfig: kubectl falls back to localhost:8080 and
 * is refused. A control plane that does not answer (a kubeadm master in a failed AZ, etcd
 * without quorum, a deleted cluster) gives kubectl's connection errors.
 */
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import {
  KUBECTL_NO_KUBECONFIG,
  controlPlaneHealth,
  kubectlConnectionError,
  kubectlDeletedClusterError,
} from '../../services/eks/control-plane.ts';
import type { EksCluster, KubeState } from '../../services/eks/world.ts';
import { emptyKubeState } from '../../services/eks/world.ts';

export type Connection =
  | { ok: true; cluster: EksCluster; kube: KubeState; context: string }
  | { ok: false; error: string };

export function connect(world: World, contextOverride?: string): Connection {
  const eks = world.eks;
  // A world without EKS has no kubeconfig at all.
  const context = contextOverride ?? eks?.kubeconfig.currentContext ?? null;
  if (!eks || context === null) return { ok: false, error: KUBECTL_NO_KUBECONFIG };
  const config = eks.kubeconfig;
  const entry = own(config.contexts, context);
  if (!entry) {
    // `--context` naming a context the kubeconfig does not have.
    return { ok: false, error: `error: context "${context}" does not exist` };
  }
  const cluster = own(eks.clusters, entry.cluster);
  if (!cluster)
    return {
      ok: false,
      error: kubectlDeletedClusterError(
        (entry as { server?: string }).server ??
          `https://${entry.cluster}.${world.region}.eks.amazonaws.com`,
      ),
    };
  const health = controlPlaneHealth(cluster.controlPlane, unavailableAzs(world, cluster));
  const down =
    kubectlConnectionError(cluster.controlPlane, health) ??
    (cluster.status === 'DELETING' || !cluster.apiAvailable
      ? kubectlConnectionError(cluster.controlPlane, {
          state: 'unreachable',
          apiServers: 0,
          etcd: 0,
          etcdTotal: 0,
        })
      : null);
  if (down) return { ok: false, error: down };
  const kube = own(eks.kube, cluster.name) ?? emptyKubeState();
  return { ok: true, cluster, kube, context };
}

/** The AZs where the control plane cannot run: failed AZs, and a kubeadm master's stopped instance. */
function unavailableAzs(world: World, cluster: EksCluster): string[] {
  const down = [...world.azDown];
  if (cluster.kind === 'kubeadm' && cluster.instanceId !== null) {
    const instance = own(world.ec2.instances, cluster.instanceId);
    if (!instance || instance.state !== 'running' || !instance.reachable)
      down.push(...cluster.controlPlane.members.map((m) => m.az));
  }
  return down;
}
