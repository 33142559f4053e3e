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

// ── One simulated second of a steady EKS world: 100 nodes, 1,000 pods (budget ≤ 1 ms) ──
import { createWorld, loadServices, stepInPlace } from '../sandbox/composition.ts';
import { parseScenario } from '../sandbox/scenarios/parse.ts';

// Parsing a scenario builds its world once to check it, so the services load first.
await loadServices();
const steady = parseScenario(`id: bench-steady-playground
title: bench
orchestrator: eks
duration: 86400
goals: []
solution: []
initial:
  eks:
    clusters: [{ name: demo }]
    nodegroups: [{ cluster: demo, name: ng, instanceType: m5.xlarge, min: 100, desired: 100, max: 100 }]
    manifests:
      - cluster: demo
        yaml: |
${Array.from(
  { length: 10 },
  (_, i) => `          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: app-${i} }
          spec:
            replicas: 100
            selector: { matchLabels: { app: app-${i} } }
            template:
              metadata: { labels: { app: app-${i} } }
              spec:
                containers:
                  - name: app
                    image: nginx:1.27
                    resources: { requests: { cpu: 100m, memory: 128Mi } }
          ---
          apiVersion: v1
          kind: Service
          metadata: { name: app-${i} }
          spec:
            selector: { app: app-${i} }
            ports: [{ port: 80 }]`,
).join('\n          ---\n')}
    traffic: [{ service: app-0, rps: 500 }]
`);
if (!steady.ok) throw new Error(JSON.stringify(steady.error));
const world = createWorld(steady.value);
const running = Object.values(world.eks!.kube.demo!.pods).filter(
  (p) => p.runtime.state === 'Running',
).length;
if (running !== 1000) throw new Error(`${running} pods running, expected 1000`);
for (let i = 0; i < 100; i++) stepInPlace(world); // warm up
const tickRuns: number[] = [];
const tickCpu: number[] = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < 200; i++) stepInPlace(world);
  tickRuns.push((performance.now() - t0) / 200);
  tickCpu.push(process.cpuUsage(c0).user / 1000 / 200);
}
console.log(`eks.tick_100_nodes_1000_pods: ${fmt(median(tickRuns))} ms`);
console.log(`eks.tick_100_nodes_1000_pods_cpu: ${fmt(median(tickCpu))} ms`);
