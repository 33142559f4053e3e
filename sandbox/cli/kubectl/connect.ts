/**
 * Reaching a cluster the way kubectl does: through the current context of the kubeconfig that
 * `aws eks update-kubeconfig` wrote (or `--context`). The engine decides, for the terminal and
 * its own k8s.* actions alike (services/eks/state.ts `currentTarget`): no kubeconfig gives the
 * localhost:8080 refusal, a control plane that does not answer gives kubectl's connection error.
 */
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import { KUBECTL_NO_KUBECONFIG } from '../../services/eks/control-plane.ts';
import { currentTarget } from '../../services/eks/state.ts';
import type { EksCluster, KubeState } from '../../services/eks/world.ts';

export type Connection =
  | { ok: true; cluster: EksCluster; kube: KubeState; context: string }
  | { ok: false; error: string };

export function connect(world: World, contextOverride?: string): Connection {
  const eks = world.eks;
  // A world without EKS has no kubeconfig at all.
  if (!eks) return { ok: false, error: KUBECTL_NO_KUBECONFIG };
  let target = world;
  if (contextOverride !== undefined) {
    if (!own(eks.kubeconfig.contexts, contextOverride))
      return {
        ok: false,
        error: `error: context was not found for specified context: ${contextOverride}`,
      };
    target = {
      ...world,
      eks: { ...eks, kubeconfig: { ...eks.kubeconfig, currentContext: contextOverride } },
    };
  }
  const t = currentTarget(target);
  if (!t.ok) return { ok: false, error: t.error };
  return {
    ok: true,
    cluster: t.cluster,
    kube: t.kube,
    context: target.eks!.kubeconfig.currentContext ?? '',
  };
}
