/**
 * `kubectl describe`: pods (services/eks/kubectl-format.ts), nodes and deployments as
 * kubectl's describers lay them out (a subset of their fields), each with its Events block;
 * other types get the common header and their events. A name that matches no object exactly
 * matches by prefix, as describe does (`kubectl describe pods web`).
 */
import { own } from '../../model/record.ts';
import {
  describePod,
  eventsBlock,
  humanDuration,
  table,
} from '../../services/eks/kubectl-format.ts';
import { formatSelector } from '../../services/eks/labels.ts';
import type { ContainerSpec, KubeEvent, Labels, Taint } from '../../services/eks/types.ts';
import type { DeploymentState, EksNode, KubeState } from '../../services/eks/world.ts';
import { output } from '../outcome.ts';
import { fail } from '../types.ts';
import { cpuQuantity, deploymentCounts, memoryQuantity } from './api-objects.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import { usageError } from './command.ts';
import { str } from './flags.ts';
import { allNamespacesFlag, selectorFlag } from './get.ts';
import { list, podsOnNode } from './listing.ts';
import type { ResourceType } from './resources.ts';
import { notFound, resolveResource, unknownType } from './resources.ts';
import { parseSelector, selects } from './selector.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123 with a numeric zone (`Mon, 05 Jan 2026 09:00:12 +0000`), from sim time (0 = 2026-01-05 09:00 UTC). */
export function describeTime(simSeconds: number): string {
  const total = Math.max(0, Math.floor(simSeconds)) + 9 * 3600;
  const dayOffset = Math.floor(total / 86400);
  // 2026-01-05 is a Monday; January has 31 days (the sandbox runs days, not months).
  const day = 5 + dayOffset;
  const month = day > 31 ? 1 : 0;
  const dom = day > 31 ? day - 31 : day;
  const rem = total % 86400;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[(1 + dayOffset) % 7]}, ${p(dom)} ${MONTHS[month]} 2026 ${p(Math.floor(rem / 3600))}:${p(Math.floor((rem % 3600) / 60))}:${p(rem % 60)} +0000`;
}

function labelLines(title: string, labels: Labels, width: number): string {
  const keys = Object.keys(labels).sort();
  const pad = ' '.repeat(width);
  if (keys.length === 0) return `${title.padEnd(width)}<none>`;
  return keys.map((k, i) => `${i === 0 ? title.padEnd(width) : pad}${k}=${labels[k]}`).join('\n');
}

function eventsFor(kube: KubeState, object: string, namespace: string): KubeEvent[] {
  return kube.events.filter(
    (e) => e.object === object && (namespace === '' || e.namespace === namespace),
  );
}

function taintText(t: Taint): string {
  return `${t.key}${t.value === '' ? '' : `=${t.value}`}:${t.effect}`;
}

const pct = (used: number, total: number) =>
  `${total === 0 ? 0 : Math.floor((used / total) * 100)}%`;

function conditions(n: EksNode, now: number): string[] {
  const t = (s: number) => describeTime(s);
  const unknown = n.ready === 'Unknown';
  const rows: string[][] = [
    ['Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message'],
    ['----', '------', '-----------------', '------------------', '------', '-------'],
  ];
  const pressure: [string, string, string][] = [
    ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ];
  for (const [type, reason, message] of pressure)
    rows.push(
      unknown
        ? [
            type,
            'Unknown',
            t(n.lastHeartbeat),
            t(n.readySince),
            'NodeStatusUnknown',
            'Kubelet stopped posting node status.',
          ]
        : [type, 'False', t(n.lastHeartbeat), t(n.creationTime), reason, message],
    );
  rows.push(
    unknown
      ? [
          'Ready',
          'Unknown',
          t(n.lastHeartbeat),
          t(n.readySince),
          'NodeStatusUnknown',
          'Kubelet stopped posting node status.',
        ]
      : n.ready === 'True'
        ? [
            'Ready',
            'True',
            t(n.lastHeartbeat),
            t(n.readySince),
            'KubeletReady',
            'kubelet is posting ready status',
          ]
        : [
            'Ready',
            'False',
            t(n.lastHeartbeat),
            t(n.readySince),
            'KubeletNotReady',
            'container runtime is down',
          ],
  );
  void now;
  return table(rows, 2)
    .split('\n')
    .map((l) => `  ${l}`);
}

function sumRequests(containers: ContainerSpec[]) {
  let cpuReq = 0;
  let cpuLim = 0;
  let memReq = 0;
  let memLim = 0;
  for (const c of containers) {
    cpuReq += c.requests.cpuMilli ?? c.limits.cpuMilli ?? 0;
    cpuLim += c.limits.cpuMilli ?? 0;
    memReq += c.requests.memoryBytes ?? c.limits.memoryBytes ?? 0;
    memLim += c.limits.memoryBytes ?? 0;
  }
  return { cpuReq, cpuLim, memReq, memLim };
}

export function describeNode(n: EksNode, kube: KubeState, now: number): string {
  const pods = podsOnNode(kube, n.name).filter(
    (p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
  );
  const alloc = n.allocatable;
  const lines = [
    `Name:               ${n.name}`,
    `Roles:              <none>`,
    labelLines('Labels:', n.labels, 20),
    `CreationTimestamp:  ${describeTime(n.creationTime)}`,
    n.taints.length === 0
      ? `Taints:             <none>`
      : n.taints
          .map((t, i) => `${i === 0 ? 'Taints:             ' : ' '.repeat(20)}${taintText(t)}`)
          .join('\n'),
    `Unschedulable:      ${n.unschedulable ? 'true' : 'false'}`,
    'Conditions:',
    ...conditions(n, now),
    'Addresses:',
    `  InternalIP:   ${n.internalIP}`,
    ...(n.externalIP ? [`  ExternalIP:   ${n.externalIP}`] : []),
    `  Hostname:     ${n.name}`,
    'Capacity:',
    `  cpu:                ${cpuQuantity(n.capacity.cpuMilli)}`,
    `  memory:             ${memoryQuantity(n.capacity.memoryBytes)}`,
    `  pods:               ${n.capacity.pods}`,
    'Allocatable:',
    `  cpu:                ${cpuQuantity(alloc.cpuMilli)}`,
    `  memory:             ${memoryQuantity(alloc.memoryBytes)}`,
    `  pods:               ${alloc.pods}`,
    'System Info:',
    `  Kernel Version:             ${n.kernelVersion}`,
    `  OS Image:                   ${n.osImage}`,
    `  Container Runtime Version:  ${n.containerRuntime}`,
    `  Kubelet Version:            ${n.kubeletVersion}`,
  ];
  if (n.instanceId !== null)
    lines.push(`ProviderID:                   aws:///${n.az}/${n.instanceId}`);
  lines.push(`Non-terminated Pods:          (${pods.length} in total)`);
  const totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  if (pods.length > 0) {
    const rows = [
      [
        'Namespace',
        'Name',
        'CPU Requests',
        'CPU Limits',
        'Memory Requests',
        'Memory Limits',
        'Age',
      ],
      [
        '---------',
        '----',
        '------------',
        '----------',
        '---------------',
        '-------------',
        '---',
      ],
    ];
    for (const p of pods) {
      const r = sumRequests(p.spec.containers);
      totals.cpuReq += r.cpuReq;
      totals.cpuLim += r.cpuLim;
      totals.memReq += r.memReq;
      totals.memLim += r.memLim;
      rows.push([
        p.metadata.namespace,
        p.metadata.name,
        `${cpuQuantity(r.cpuReq)} (${pct(r.cpuReq, alloc.cpuMilli)})`,
        `${cpuQuantity(r.cpuLim)} (${pct(r.cpuLim, alloc.cpuMilli)})`,
        `${memoryQuantity(r.memReq)} (${pct(r.memReq, alloc.memoryBytes)})`,
        `${memoryQuantity(r.memLim)} (${pct(r.memLim, alloc.memoryBytes)})`,
        humanDuration(now - p.metadata.creationTime),
      ]);
    }
    lines.push(
      ...table(rows, 2)
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  lines.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    ...table(
      [
        ['Resource', 'Requests', 'Limits'],
        ['--------', '--------', '------'],
        [
          'cpu',
          `${cpuQuantity(totals.cpuReq)} (${pct(totals.cpuReq, alloc.cpuMilli)})`,
          `${cpuQuantity(totals.cpuLim)} (${pct(totals.cpuLim, alloc.cpuMilli)})`,
        ],
        [
          'memory',
          `${memoryQuantity(totals.memReq)} (${pct(totals.memReq, alloc.memoryBytes)})`,
          `${memoryQuantity(totals.memLim)} (${pct(totals.memLim, alloc.memoryBytes)})`,
        ],
      ],
      2,
    )
      .split('\n')
      .map((l) => `  ${l}`),
    eventsBlock(eventsFor(kube, `node/${n.name}`, ''), now),
  );
  return lines.join('\n');
}

function strategyText(d: DeploymentState): string[] {
  const s = d.object.spec.strategy;
  if (s.type === 'Recreate') return ['StrategyType:           Recreate'];
  const fmt = (v: number | string) => String(v);
  return [
    'StrategyType:           RollingUpdate',
    `MinReadySeconds:        ${d.object.spec.minReadySeconds}`,
    `RollingUpdateStrategy:  ${fmt(s.maxUnavailable)} max unavailable, ${fmt(s.maxSurge)} max surge`,
  ];
}

export function describeDeployment(d: DeploymentState, kube: KubeState, now: number): string {
  const o = d.object;
  const c = deploymentCounts(d, kube);
  const ns = o.metadata.namespace;
  const sets = Object.values(kube.replicaSets)
    .filter(
      (rs) =>
        rs.metadata.namespace === ns &&
        rs.metadata.owner?.kind === 'Deployment' &&
        rs.metadata.owner.name === o.metadata.name,
    )
    .sort((a, b) => b.metadata.revision - a.metadata.revision);
  const [newest, ...older] = sets;
  const rsText = (rs: (typeof sets)[number]) =>
    `${rs.metadata.name} (${rs.status.replicas}/${rs.spec.replicas} replicas created)`;
  const oldSets = older.filter((rs) => rs.spec.replicas > 0 || rs.status.replicas > 0);
  const available = c.available >= o.spec.replicas - maxUnavailable(d);
  const lines = [
    `Name:                   ${o.metadata.name}`,
    `Namespace:              ${ns}`,
    `CreationTimestamp:      ${describeTime(d.createdAt)}`,
    labelLines('Labels:', o.metadata.labels, 24),
    `Annotations:            deployment.kubernetes.io/revision: ${d.revision}`,
    `Selector:               ${formatSelector(o.spec.selector)}`,
    `Replicas:               ${o.spec.replicas} desired | ${c.updated} updated | ${c.total} total | ${c.available} available | ${Math.max(0, c.total - c.available)} unavailable`,
    ...strategyText(d),
    'Pod Template:',
    labelLines('  Labels:', o.spec.template.labels, 11),
    '  Containers:',
  ];
  for (const ctr of o.spec.template.spec.containers) {
    lines.push(`   ${ctr.name}:`, `    Image:        ${ctr.image}`);
    const port = ctr.ports[0];
    lines.push(`    Port:         ${port ? `${port.containerPort}/${port.protocol}` : '<none>'}`);
    lines.push(`    Host Port:    ${port ? `${port.hostPort ?? 0}/${port.protocol}` : '<none>'}`);
    for (const [title, r] of [
      ['Limits', ctr.limits],
      ['Requests', ctr.requests],
    ] as const) {
      if (r.cpuMilli === null && r.memoryBytes === null) continue;
      lines.push(`    ${title}:`);
      if (r.cpuMilli !== null) lines.push(`      cpu:        ${cpuQuantity(r.cpuMilli)}`);
      if (r.memoryBytes !== null) lines.push(`      memory:     ${memoryQuantity(r.memoryBytes)}`);
    }
    lines.push('    Environment:  <none>', '    Mounts:       <none>');
  }
  const progressing =
    d.progressing === 'ProgressDeadlineExceeded'
      ? ['Progressing', 'False', 'ProgressDeadlineExceeded']
      : ['Progressing', 'True', d.progressing];
  lines.push(
    '  Volumes:        <none>',
    'Conditions:',
    ...table(
      [
        ['Type', 'Status', 'Reason'],
        ['----', '------', '------'],
        available
          ? ['Available', 'True', 'MinimumReplicasAvailable']
          : ['Available', 'False', 'MinimumReplicasUnavailable'],
        progressing,
      ],
      2,
    )
      .split('\n')
      .map((l) => `  ${l}`),
    `OldReplicaSets:  ${oldSets.length === 0 ? '<none>' : oldSets.map(rsText).join(', ')}`,
    `NewReplicaSet:   ${newest ? rsText(newest) : '<none>'}`,
    eventsBlock(eventsFor(kube, `deployment/${o.metadata.name}`, ns), now),
  );
  return lines.join('\n');
}

function maxUnavailable(d: DeploymentState): number {
  const s = d.object.spec.strategy;
  if (s.type === 'Recreate') return 0;
  const v = s.maxUnavailable;
  return typeof v === 'number'
    ? v
    : Math.floor((Number.parseInt(v, 10) / 100) * d.object.spec.replicas);
}

function describeGeneric(
  r: ResourceType,
  name: string,
  namespace: string,
  labels: Labels,
  kube: KubeState,
  now: number,
): string {
  return [
    `Name:         ${name}`,
    ...(r.namespaced ? [`Namespace:    ${namespace}`] : []),
    labelLines('Labels:', labels, 14),
    eventsBlock(eventsFor(kube, `${r.singular}/${name}`, namespace), now),
  ].join('\n');
}

function describeOne(r: ResourceType, namespace: string, name: string, run: KubectlRun): string {
  const { kube } = run;
  const now = run.env.world.time;
  const key = `${namespace}/${name}`;
  if (r.key === 'pods') {
    const pod = own(kube.pods, key);
    if (pod) return describePod(pod, eventsFor(kube, `pod/${name}`, namespace), now);
  }
  if (r.key === 'nodes') {
    const node = own(kube.nodes, name);
    if (node) return describeNode(node, kube, now);
  }
  if (r.key === 'deployments') {
    const d = own(kube.deployments, key);
    if (d) return describeDeployment(d, kube, now);
  }
  const row = list(kube, r.key, run.cluster.createdAt).find(
    (x) => x.name === name && (!r.namespaced || x.namespace === namespace),
  );
  return describeGeneric(r, name, namespace, row?.labels ?? {}, kube, now);
}

function runDescribe(run: KubectlRun) {
  const [first, ...names] = run.args;
  if (first === undefined)
    return output(
      fail(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
        1,
      ),
    );
  let typeWord = first;
  if (first.includes('/')) {
    typeWord = first.slice(0, first.indexOf('/'));
    names.unshift(first.slice(first.indexOf('/') + 1));
  }
  const r = resolveResource(typeWord);
  if (!r) return output(fail(unknownType(typeWord), 1));
  const sel = parseSelector(str(run.flags, 'selector') ?? '');
  if (!sel.ok) return output(fail(sel.error, 1));
  if (names.length > 0 && str(run.flags, 'selector') !== undefined)
    return usageError(run.path, 'name cannot be provided when a selector is specified');
  const allNs = run.flags['all-namespaces'] === true;
  const inScope = list(run.kube, r.key, run.cluster.createdAt).filter(
    (x) => !r.namespaced || allNs || x.namespace === run.namespace,
  );
  const out: string[] = [];
  const errors: string[] = [];
  if (names.length === 0) {
    for (const x of inScope.filter((x) => selects(sel.selector, x.labels)))
      out.push(describeOne(r, x.namespace, x.name, run));
    if (out.length === 0)
      errors.push(
        r.namespaced && !allNs
          ? `No resources found in ${run.namespace} namespace.`
          : 'No resources found',
      );
  } else {
    for (const name of names) {
      const exact = inScope.filter((x) => x.name === name);
      const hits = exact.length > 0 ? exact : inScope.filter((x) => x.name.startsWith(name));
      if (hits.length === 0) errors.push(notFound(r, name));
      for (const x of hits) out.push(describeOne(r, x.namespace, x.name, run));
    }
  }
  return output({
    stdout: out.join('\n\n\n'),
    stderr: errors.join('\n'),
    exitCode: errors.some((e) => e.startsWith('Error from server')) ? 1 : 0,
  });
}

export const describe: KubectlCommand = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [flags]',
  flags: [selectorFlag, allNamespacesFlag],
  examples: [
    'kubectl describe pod web-7d9f8c6b5-x2n4q',
    'kubectl describe pods -l app=web',
    'kubectl describe node ip-10-0-1-23.eu-west-3.compute.internal',
    'kubectl describe deployment web',
  ],
  run: runDescribe,
};
