import { plainNode, podFromTemplate } from '../../../sandbox/services/eks/objects.ts';
import type { Labels, Node, Pod, PodSpec } from '../../../sandbox/services/eks/types.ts';

export const MI = 2 ** 20;

/** A node with `cpu` millicores, `memMi` MiB and `pods` pod slots allocatable. */
export function node(
  name: string,
  cpu: number,
  memMi: number,
  pods = 110,
  labels: Labels = {},
): Node {
  return plainNode(name, { cpuMilli: cpu, memoryBytes: memMi * MI, pods }, labels);
}

/** A pod with one container requesting `cpu` millicores and `memMi` MiB (0 = no request). */
export function pod(
  name: string,
  cpu: number,
  memMi: number,
  spec: Partial<PodSpec> = {},
  labels: Labels = {},
): Pod {
  return podFromTemplate(
    {
      labels,
      annotations: {},
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            requests: { cpuMilli: cpu || null, memoryBytes: memMi ? memMi * MI : null },
            limits: { cpuMilli: null, memoryBytes: null },
            ports: [],
            privileged: false,
            livenessProbe: null,
            readinessProbe: null,
            startupProbe: null,
          },
        ],
        initContainers: [],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        nodeSelector: {},
        nodeAffinity: null,
        tolerations: [],
        topologySpreadConstraints: [],
        hostNetwork: false,
        nodeName: null,
        priority: 0,
        ...spec,
      },
    },
    { name, namespace: 'default', uid: name, now: 0, owner: null },
  );
}

/** The same pod, bound to a node. */
export function bound(p: Pod, nodeName: string): Pod {
  return { ...p, spec: { ...p.spec, nodeName } };
}
