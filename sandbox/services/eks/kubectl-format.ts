/**
 * kubectl's output (aws-facts.md §5.9): `get` tables as its printers lay them out (columns
 * padded to the widest cell plus 3 spaces, the last column unpadded), `-o wide` columns,
 * `-A`'s NAMESPACE column, AGE as `duration.HumanDuration` prints it, the pod STATUS kubectl
 * derives from a pod's phase and container states, and `describe pod` with its Events block
 * (repeats as `6s (x2 over 7s)`). Times are simulated seconds.
 */
import { formatSelector } from './labels.ts';
import { nodeStatusText } from './node-health.ts';
import type {
  ContainerState,
  Deployment,
  HorizontalPodAutoscaler,
  KubeEvent,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from './types.ts';

/** `duration.HumanDuration`: 45s, 2m30s, 15m, 3h20m, 10h, 3d4h, 20d, 2y3d. */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8)
    return days % 365 === 0 ? `${days / 365}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

/** A tabwriter table: each column as wide as its widest cell plus `padding`, the last unpadded. */
export function table(rows: string[][], padding = 3): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]! + padding) : cell))
        .join(''),
    )
    .join('\n');
}

export interface GetOptions {
  wide?: boolean;
  /** `-A`: a NAMESPACE column first. */
  allNamespaces?: boolean;
  /** `-L key,…`: a column per label key, after the others, headed by the key's last `/` part in capitals. */
  labelColumns?: readonly string[];
  /** `--show-labels`: a LABELS column last, every label as `key=value`, sorted by key, or `<none>`. */
  showLabels?: boolean;
}

/** kubectl's headers for `-L` and `--show-labels` (printers' formatLabelHeaders). */
function labelHeaders(opts: GetOptions): string[] {
  const headers = (opts.labelColumns ?? []).map((key) => key.split('/').at(-1)!.toUpperCase());
  if (opts.showLabels) headers.push('LABELS');
  return headers;
}

/** The cells for `-L` (the value, empty when the object lacks the label) and `--show-labels`. */
function labelCells(labels: Readonly<Record<string, string>>, opts: GetOptions): string[] {
  const cells = (opts.labelColumns ?? []).map((key) =>
    Object.hasOwn(labels, key) ? labels[key]! : '',
  );
  if (opts.showLabels) cells.push(formatLabels(labels));
  return cells;
}

/** `k=v,k2=v2` sorted by key, or `<none>` (apimachinery's labels.FormatLabels). */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

function withNamespace(
  opts: GetOptions,
  header: string[],
  rows: { ns: string; cells: string[] }[],
): string {
  if (rows.length === 0) return '';
  const all = opts.allNamespaces ?? false;
  return table([
    all ? ['NAMESPACE', ...header] : header,
    ...rows.map((r) => (all ? [r.ns, ...r.cells] : r.cells)),
  ]);
}

/** The "No resources found" line kubectl prints for an empty list. */
export function noResources(namespace: string | null): string {
  return namespace === null
    ? 'No resources found'
    : `No resources found in ${namespace} namespace.`;
}

/** The STATUS column, derived as kubectl's pod printer derives it. */
export function podStatus(pod: Pod): string {
  let reason: string = pod.status.reason ?? pod.status.phase;
  let hasRunning = false;
  const statuses = pod.status.containerStatuses;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    const st = c.state;
    if (st.state === 'waiting' && st.reason) reason = st.reason;
    else if (st.state === 'terminated' && st.reason) reason = st.reason;
    else if (st.state === 'terminated') reason = `ExitCode:${st.exitCode}`;
    else if (st.state === 'running' && c.ready) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = 'Running';
  if (pod.metadata.deletionTime !== null)
    reason = pod.status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

function lastRestart(pod: Pod): number | null {
  let last: number | null = null;
  for (const c of pod.status.containerStatuses) {
    const ls: ContainerState | null = c.lastState;
    if (ls && ls.state === 'terminated' && (last === null || ls.finishedAt > last))
      last = ls.finishedAt;
  }
  return last;
}

export function podsTable(pods: Pod[], now: number, opts: GetOptions = {}): string {
  const header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  if (opts.wide) header.push('IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES');
  header.push(...labelHeaders(opts));
  return withNamespace(
    opts,
    header,
    pods.map((p) => {
      const statuses = p.status.containerStatuses;
      const total = p.spec.containers.length;
      const ready = statuses.filter((c) => c.ready).length;
      const restarts = statuses.reduce((n, c) => n + c.restartCount, 0);
      const last = lastRestart(p);
      const cells = [
        p.metadata.name,
        `${ready}/${total}`,
        podStatus(p),
        restarts > 0 && last !== null
          ? `${restarts} (${humanDuration(now - last)} ago)`
          : String(restarts),
        humanDuration(now - p.metadata.creationTime),
      ];
      if (opts.wide)
        cells.push(p.status.podIP ?? '<none>', p.spec.nodeName ?? '<none>', '<none>', '<none>');
      cells.push(...labelCells(p.metadata.labels ?? {}, opts));
      return { ns: p.metadata.namespace, cells };
    }),
  );
}

export function nodesTable(nodes: Node[], now: number, opts: GetOptions = {}): string {
  const header = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];
  if (opts.wide)
    header.push('INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME');
  header.push(...labelHeaders(opts));
  if (nodes.length === 0) return '';
  return table([
    header,
    ...nodes.map((n) => {
      const cells = [
        n.name,
        nodeStatusText(n),
        '<none>',
        humanDuration(now - n.creationTime),
        n.kubeletVersion,
      ];
      if (opts.wide)
        cells.push(
          n.internalIP,
          n.externalIP ?? '<none>',
          n.osImage,
          n.kernelVersion,
          n.containerRuntime,
        );
      cells.push(...labelCells(n.labels, opts));
      return cells;
    }),
  ]);
}

export interface DeploymentRow {
  deployment: Deployment;
  creationTime: number;
  readyReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
}

const containersOf = (t: Deployment['spec']['template']) => [
  t.spec.containers.map((c) => c.name).join(','),
  t.spec.containers.map((c) => c.image).join(','),
];

export function deploymentsTable(
  rows: DeploymentRow[],
  now: number,
  opts: GetOptions = {},
): string {
  const header = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'];
  if (opts.wide) header.push('CONTAINERS', 'IMAGES', 'SELECTOR');
  return withNamespace(
    opts,
    header,
    rows.map((r) => {
      const d = r.deployment;
      const cells = [
        d.metadata.name,
        `${r.readyReplicas}/${d.spec.replicas}`,
        String(r.updatedReplicas),
        String(r.availableReplicas),
        humanDuration(now - r.creationTime),
      ];
      if (opts.wide) cells.push(...containersOf(d.spec.template), formatSelector(d.spec.selector));
      return { ns: d.metadata.namespace, cells };
    }),
  );
}

export function replicaSetsTable(sets: ReplicaSet[], now: number, opts: GetOptions = {}): string {
  const header = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'];
  if (opts.wide) header.push('CONTAINERS', 'IMAGES', 'SELECTOR');
  return withNamespace(
    opts,
    header,
    sets.map((rs) => {
      const cells = [
        rs.metadata.name,
        String(rs.spec.replicas),
        String(rs.status.replicas),
        String(rs.status.readyReplicas),
        humanDuration(now - rs.metadata.creationTime),
      ];
      if (opts.wide) {
        const t = rs.spec.template;
        cells.push(
          t.spec.containers.map((c) => c.name).join(','),
          t.spec.containers.map((c) => c.image).join(','),
          formatSelector(rs.spec.selector),
        );
      }
      return { ns: rs.metadata.namespace, cells };
    }),
  );
}

export interface ServiceRow {
  service: Service;
  creationTime: number;
  clusterIP: string;
  /** The load balancer's DNS name; null while it is being provisioned. */
  loadBalancer: string | null;
}

export function servicesTable(rows: ServiceRow[], now: number, opts: GetOptions = {}): string {
  const header = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'];
  if (opts.wide) header.push('SELECTOR');
  return withNamespace(
    opts,
    header,
    rows.map((r) => {
      const s = r.service;
      const external = s.spec.type === 'LoadBalancer' ? (r.loadBalancer ?? '<pending>') : '<none>';
      const ports = s.spec.ports
        .map((p) =>
          p.nodePort !== null ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`,
        )
        .join(',');
      const cells = [
        s.metadata.name,
        s.spec.type,
        r.clusterIP,
        external,
        ports,
        humanDuration(now - r.creationTime),
      ];
      if (opts.wide)
        cells.push(
          s.spec.selector
            ? Object.keys(s.spec.selector)
                .sort()
                .map((k) => `${k}=${s.spec.selector![k]}`)
                .join(',')
            : '<none>',
        );
      return { ns: s.metadata.namespace, cells };
    }),
  );
}

export interface HpaRow {
  hpa: HorizontalPodAutoscaler;
  creationTime: number;
  /** Current CPU utilization in percent, or null while metrics are missing. */
  currentCpu: number | null;
  replicas: number;
}

export function hpaTable(rows: HpaRow[], now: number, opts: GetOptions = {}): string {
  return withNamespace(
    opts,
    ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    rows.map((r) => {
      const h = r.hpa;
      const targets = h.spec.metrics
        .map((m) => {
          if (m.type !== 'Resource') return `${m.name}: <unknown>`;
          const current =
            m.resource === 'cpu' && r.currentCpu !== null ? `${r.currentCpu}%` : '<unknown>';
          const target =
            m.target.type === 'Utilization'
              ? `${m.target.averageUtilization}%`
              : String(m.target.type === 'AverageValue' ? m.target.averageValue : m.target.value);
          return `${m.resource}: ${current}/${target}`;
        })
        .join(', ');
      return {
        ns: h.metadata.namespace,
        cells: [
          h.metadata.name,
          `${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}`,
          targets,
          String(h.spec.minReplicas),
          String(h.spec.maxReplicas),
          String(r.replicas),
          humanDuration(now - r.creationTime),
        ],
      };
    }),
  );
}

/** `6s (x2 over 7s)` for a repeated event, `6s` otherwise. */
export function eventAge(e: KubeEvent, now: number): string {
  return e.count > 1
    ? `${humanDuration(now - e.lastTimestamp)} (x${e.count} over ${humanDuration(now - e.firstTimestamp)})`
    : humanDuration(now - e.firstTimestamp);
}

export function eventsTable(events: KubeEvent[], now: number, opts: GetOptions = {}): string {
  return withNamespace(
    opts,
    ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    events.map((e) => ({
      ns: e.namespace,
      cells: [
        e.count > 1
          ? `${humanDuration(now - e.lastTimestamp)} (x${e.count} over ${humanDuration(now - e.firstTimestamp)})`
          : humanDuration(now - e.lastTimestamp),
        e.type,
        e.reason,
        e.object,
        e.message,
      ],
    })),
  );
}

export function namespacesTable(
  namespaces: { namespace: Namespace; creationTime: number; terminating: boolean }[],
  now: number,
): string {
  if (namespaces.length === 0) return '';
  return table([
    ['NAME', 'STATUS', 'AGE'],
    ...namespaces.map((n) => [
      n.namespace.metadata.name,
      n.terminating ? 'Terminating' : 'Active',
      humanDuration(now - n.creationTime),
    ]),
  ]);
}

/**
 * Records an event the way the event recorder aggregates it: the same object, reason, type
 * and message within the list bumps the count and last timestamp instead of adding a line.
 */
export function recordEvent(
  events: KubeEvent[],
  e: Omit<KubeEvent, 'firstTimestamp' | 'lastTimestamp' | 'count'>,
  now: number,
): KubeEvent[] {
  const i = events.findIndex(
    (x) =>
      x.object === e.object &&
      x.namespace === e.namespace &&
      x.reason === e.reason &&
      x.type === e.type &&
      x.message === e.message,
  );
  if (i < 0) return [...events, { ...e, firstTimestamp: now, lastTimestamp: now, count: 1 }];
  const updated = { ...events[i]!, lastTimestamp: now, count: events[i]!.count + 1 };
  return [...events.slice(0, i), updated, ...events.slice(i + 1)];
}

/** The Events block of `kubectl describe` (describe's tabwriter pads columns by 2). */
export function eventsBlock(events: KubeEvent[], now: number): string {
  if (events.length === 0) return 'Events:  <none>';
  const rows = [
    ['Type', 'Reason', 'Age', 'From', 'Message'],
    ['----', '------', '----', '----', '-------'],
    ...events.map((e) => [e.type, e.reason, eventAge(e, now), e.source, e.message.trim()]),
  ];
  return `Events:\n${table(rows, 2)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`;
}

function stateLines(label: string, st: ContainerState | null, indent: string): string[] {
  if (!st) return [];
  const head = `${indent}${`${label}:`.padEnd(16)}`;
  const sub = (k: string, v: string | number) => `${indent}  ${`${k}:`.padEnd(14)}${v}`;
  if (st.state === 'running') return [`${head}Running`];
  if (st.state === 'waiting') return [`${head}Waiting`, sub('Reason', st.reason)];
  return [`${head}Terminated`, sub('Reason', st.reason), sub('Exit Code', st.exitCode)];
}

/** A subset of `kubectl describe pod`: identity, placement, containers, then Events. */
/** kubectl describe's longest `key: value` annotation on one line (describe.go's maxAnnotationLen). */
const MAX_ANNOTATION_LEN = 140;
/** The annotation kubectl describe leaves out. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/**
 * describe's `Annotations:` block (printAnnotationsMultiline): `<none>`, or each `key: value`
 * sorted by key; a value with line breaks, or too long for one line, goes on the lines below
 * its key, each cut at 138 characters with `...`.
 */
function annotationLines(annotations: Readonly<Record<string, string>>): string[] {
  const title = 'Annotations:'.padEnd(18);
  const indent = ' '.repeat(18);
  const keys = Object.keys(annotations)
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) return [`${title}<none>`];
  const shorten = (s: string) =>
    s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
  return keys.flatMap((key, i) => {
    const lead = i === 0 ? title : indent;
    const value = annotations[key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n'))
      return [`${lead}${key}:`, ...value.split('\n').map((s) => `${indent}  ${shorten(s)}`)];
    return [`${lead}${key}: ${value}`];
  });
}

export function describePod(pod: Pod, events: KubeEvent[], now: number): string {
  const m = pod.metadata;
  const labels = Object.keys(m.labels).sort();
  const lines = [
    `Name:             ${m.name}`,
    `Namespace:        ${m.namespace}`,
    `Priority:         ${pod.spec.priority}`,
    `Node:             ${pod.spec.nodeName ?? '<none>'}`,
    `Labels:           ${labels.length === 0 ? '<none>' : labels.map((k, i) => `${i === 0 ? '' : '                  '}${k}=${m.labels[k]}`).join('\n')}`,
    ...annotationLines(m.annotations),
    `Status:           ${m.deletionTime !== null ? 'Terminating' : pod.status.phase}`,
  ];
  if (pod.status.reason) lines.push(`Reason:           ${pod.status.reason}`);
  if (pod.status.message) lines.push(`Message:          ${pod.status.message}`);
  lines.push(`IP:               ${pod.status.podIP ?? ''}`);
  if (m.owner) lines.push(`Controlled By:    ${m.owner.kind}/${m.owner.name}`);
  lines.push('Containers:');
  for (const c of pod.spec.containers) {
    const st = pod.status.containerStatuses.find((s) => s.name === c.name) ?? null;
    lines.push(`  ${c.name}:`, `    Image:          ${c.image}`);
    if (st) {
      lines.push(...stateLines('State', st.state, '    '));
      lines.push(...stateLines('Last State', st.lastState, '    '));
      lines.push(
        `    Ready:          ${st.ready ? 'True' : 'False'}`,
        `    Restart Count:  ${st.restartCount}`,
      );
    }
  }
  lines.push(eventsBlock(events, now));
  return lines.join('\n');
}
