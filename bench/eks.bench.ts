/**
 * EKS benchmarks (wall time, so only bench/ may use performance.now):
 *   eks.schedule_10k_pods  kube-scheduler placing 10,000 pods of 10 Deployments onto 1,000
 *                          m5.xlarge nodes in 3 AZs, keeping every per-node verdict (budget ≤ 100 ms)
 */
import { performance } from 'node:perf_hooks';
import { buildSchedulerState, schedulePod } from '../sandbox/services/eks/scheduler.ts';
import { ec2Node, podFromTemplate } from '../sandbox/services/eks/objects.ts';
import type { Node, PodTemplate } from '../sandbox/services/eks/types.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

const zones = ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'];
const nodes: Node[] = Array.from({ length: 1000 }, (_, i) => {
  const name = `ip-10-0-${Math.floor(i / 250)}-${i % 250}.eu-west-3.compute.internal`;
  return ec2Node({
    name,
    instanceType: 'm5.xlarge',
    zone: zones[i % 3]!,
    region: 'eu-west-3',
    instanceId: `i-0${i.toString(16).padStart(16, '0')}`,
    internalIP: `10.0.${Math.floor(i / 250)}.${i % 250}`,
    now: 0,
    kubeletVersion: 'v1.30.0-eks',
  })!;
});
const template = (app: string): PodTemplate => ({
  labels: { app },
  annotations: {},
  spec: {
    containers: [
      {
        name: app,
        image: 'nginx:1.27',
        requests: { cpuMilli: 100, memoryBytes: 128 * 2 ** 20 },
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
  },
});
const pods = Array.from({ length: 10_000 }, (_, i) =>
  podFromTemplate(template(`app-${i % 10}`), {
    name: `app-${i % 10}-${i}`,
    namespace: 'default',
    uid: String(i),
    now: 0,
    owner: null,
  }),
);

const runs: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < 7; run++) {
  const state = buildSchedulerState(nodes, []);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let pending = 0;
  for (const pod of pods) if (schedulePod(pod, state).node === null) pending++;
  runs.push(performance.now() - t0);
  cpu.push(process.cpuUsage(c0).user / 1000);
  if (pending > 0) throw new Error(`${pending} pods stayed Pending`);
}
console.log(`eks.schedule_10k_pods: ${fmt(median(runs))} ms`);
// On a shared machine wall time includes waiting for a core; the process's own CPU time does not.
console.log(`eks.schedule_10k_pods_cpu: ${fmt(median(cpu))} ms`);
