/** What every new cluster's API already holds: the system namespaces and the `kubernetes` Service. */
import type { ServiceState } from './world.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** `kubectl get svc` on a new cluster: the API server's ClusterIP Service, 10.100.0.1:443 (§4.2). */
export function kubernetesService(now: number): ServiceState {
  return {
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
        annotations: {},
      },
      spec: {
        type: 'ClusterIP',
        selector: null,
        ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 443, nodePort: null }],
        clusterIP: '10.100.0.1',
      },
    },
    createdAt: now,
    clusterIP: '10.100.0.1',
    endpoints: [],
    loadBalancerHostname: null,
  };
}
