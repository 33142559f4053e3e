/**
 * Goals about EKS clusters and Kubernetes workloads: pods Ready, pods waiting for a node, the
 * control plane answering, a rollout completed, failed requests, node count, nodes joined.
 * Each explains itself with numbers and simulated times. Workloads are named by Deployment
 * (in `namespace`, default `default`, of `cluster`, default the first one).
 */
import { z } from 'zod';
import type { MetricSample, World } from '../model/types.ts';
import { clock, defineGoal, fail, pass, pending, samplesBetween } from './goal.ts';

const k8sName = z.string().min(1).max(253);
const window = {
  from: z.number().int().min(0).optional(),
  until: z.number().int().min(0).optional(),
};

/** The metrics key of a Deployment: `cluster/ns/name` (the first matching cluster when none is named). */
function workloadKey(
  sample: MetricSample,
  deployment: string,
  namespace = 'default',
  cluster?: string,
): string | null {
  if (cluster !== undefined) return `${cluster}/${namespace}/${deployment}`;
  const suffix = `/${namespace}/${deployment}`;
  for (const k of Object.keys(sample.services).sort())
    if (k.endsWith(suffix) && k.split('/').length === 3) return k;
  return null;
}

function azText(azs: Record<string, number>): string {
  const parts = Object.entries(azs)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([az, n]) => `${n} in ${az === 'FARGATE' ? 'Fargate' : az}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export const podsReadyAtLeast = defineGoal({
  name: 'podsReadyAtLeast',
  params: z.strictObject({
    deployment: k8sName,
    namespace: k8sName.optional(),
    cluster: k8sName.optional(),
    count: z.number().int().min(0).max(100000),
    ...window,
    forSeconds: z.number().int().min(10).optional(),
  }),
  describe: (p) =>
    `At least ${p.count} pods of ${p.deployment} Ready${p.forSeconds ? ` for ${p.forSeconds} s in a row` : ''}${p.from !== undefined ? ` from ${clock(p.from)}` : ''}${p.until !== undefined ? ` until ${clock(p.until)}` : ''}`,
  check: (p, { world, final, scenario }) => {
    const from = p.from ?? 0;
    const until = p.until ?? scenario.duration;
    const samples = samplesBetween(world, from, until);
    if (samples.length === 0)
      return world.time < from
        ? pending(`the window starts at ${clock(from)}.`)
        : fail('no samples in the window.');
    let run = 0;
    let best = 0;
    for (const s of samples) {
      const key = workloadKey(s, p.deployment, p.namespace, p.cluster);
      const m = key ? s.services[key] : undefined;
      const ready = m?.running ?? 0;
      if (ready >= p.count) {
        run = run === 0 ? 10 : run + 10;
        best = Math.max(best, run);
        if (p.forSeconds !== undefined && run >= p.forSeconds)
          return pass(
            `${ready} pods of ${p.deployment} were Ready at ${clock(s.time)}, ${p.forSeconds} s in a row.`,
          );
      } else {
        run = 0;
        if (p.forSeconds === undefined)
          return fail(
            `only ${ready} of ${p.count} pods of ${p.deployment} were Ready at ${clock(s.time)}${azText(m?.azs ?? {})}${m && m.pending > 0 ? `; ${m.pending} Pending` : ''}.`,
          );
      }
    }
    if (p.forSeconds !== undefined) {
      const last = samples[samples.length - 1]!;
      const key = workloadKey(last, p.deployment, p.namespace, p.cluster);
      const ready = key ? (last.services[key]?.running ?? 0) : 0;
      return final || world.time >= until
        ? fail(
            `${p.deployment} never had ${p.count} pods Ready for ${p.forSeconds} s (longest stretch ${best} s; ${ready} Ready at ${clock(last.time)}).`,
          )
        : pending(`${ready} of ${p.count} pods of ${p.deployment} Ready at ${clock(last.time)}.`);
    }
    const last = samples[samples.length - 1]!;
    const key = workloadKey(last, p.deployment, p.namespace, p.cluster);
    const m = key ? last.services[key] : undefined;
    return final || world.time >= until
      ? pass(
          `${p.deployment} kept at least ${p.count} pods Ready from ${clock(from)} to ${clock(Math.min(until, world.time))}${azText(m?.azs ?? {})}.`,
        )
      : pending(
          `${m?.running ?? 0} pods of ${p.deployment} Ready at ${clock(last.time)}${azText(m?.azs ?? {})}.`,
        );
  },
});

export const noPodPendingLongerThan = defineGoal({
  name: 'noPodPendingLongerThan',
  params: z.strictObject({
    seconds: z.number().int().min(1).max(86400),
    deployment: k8sName.optional(),
    namespace: k8sName.optional(),
  }),
  describe: (p) =>
    `No ${p.deployment ? `${p.deployment} ` : ''}pod waits longer than ${p.seconds} s for a node`,
  check: (p, { world, final }) => {
    const eks = world.eks;
    if (!eks) return fail('this world runs no EKS cluster.');
    const matches = (owner: string) =>
      p.deployment === undefined || owner.endsWith(`/${p.namespace ?? 'default'}/${p.deployment}`);
    let worst: { seconds: number; pod: string; since: number } | null = null;
    for (const [owner, rec] of Object.entries(eks.longestPending))
      if (matches(owner) && (!worst || rec.seconds > worst.seconds)) worst = rec;
    for (const [cluster, kube] of Object.entries(eks.kube))
      for (const pod of Object.values(kube.pods)) {
        if (
          pod.spec.nodeName ||
          pod.metadata.deletionTime !== null ||
          pod.runtime.state !== 'Pending'
        )
          continue;
        const owner = `${cluster}/${pod.metadata.namespace}/${pod.metadata.owner ? pod.metadata.owner.name.replace(/-[^-]+$/, '') : pod.metadata.name}`;
        if (!matches(owner)) continue;
        const waited = world.time - pod.metadata.creationTime;
        if (!worst || waited > worst.seconds)
          worst = {
            seconds: waited,
            pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
            since: pod.metadata.creationTime,
          };
      }
    if (worst && worst.seconds > p.seconds) {
      const why = (() => {
        for (const kube of Object.values(eks.kube)) {
          const pod = kube.pods[worst.pod];
          if (pod?.runtime.lastDecision?.message)
            return ` (FailedScheduling: ${pod.runtime.lastDecision.message})`;
          if (pod?.runtime.unsupported)
            return ` (Pod not supported on Fargate: ${pod.runtime.unsupported})`;
        }
        return '';
      })();
      return fail(
        `pod ${worst.pod} waited ${worst.seconds} s for a node (from ${clock(worst.since)})${why}; the limit is ${p.seconds} s.`,
      );
    }
    const longest = worst ? `${worst.seconds} s` : 'no wait';
    return final
      ? pass(`the longest wait for a node was ${longest}.`)
      : pending(`the longest wait so far is ${longest}.`);
  },
});

function cluster(world: World, name: string) {
  return world.eks?.clusters[name] ?? null;
}

export const controlPlaneAvailable = defineGoal({
  name: 'controlPlaneAvailable',
  params: z.strictObject({
    cluster: k8sName,
    by: z.number().int().min(0).optional(),
    maxDownSeconds: z.number().int().min(0).max(86400).default(0),
    from: z.number().int().min(0).optional(),
  }),
  describe: (p) =>
    `The ${p.cluster} control plane answers kubectl${p.by !== undefined ? ` from ${clock(p.by)} on` : ''}${p.maxDownSeconds > 0 ? ` (down at most ${p.maxDownSeconds} s)` : ''}`,
  check: (p, { world, final }) => {
    const c = cluster(world, p.cluster);
    const by = p.by ?? 0;
    if (!c || c.activeAt === null)
      return world.time < by || !final
        ? pending(
            `cluster ${p.cluster} is ${c ? c.status : 'not created yet'} at ${clock(world.time)}.`,
          )
        : fail(
            `cluster ${p.cluster} was ${c ? c.status : 'never created'} at ${clock(world.time)}; it had to be ACTIVE by ${clock(by)}.`,
          );
    if (c.activeAt > by && p.by !== undefined)
      return fail(
        `cluster ${p.cluster} became ACTIVE at ${clock(c.activeAt)}, after ${clock(by)}.`,
      );
    const from = p.from ?? by;
    const samples = samplesBetween(world, from, world.time);
    let down = 0;
    let firstDown: number | null = null;
    for (const s of samples)
      if (s.k8sApi && s.k8sApi[p.cluster] === false) {
        down += 10;
        firstDown ??= s.time;
      }
    if (down > p.maxDownSeconds)
      return fail(
        `the ${p.cluster} API did not answer for ${down} s from ${clock(firstDown!)} (${c.kind === 'kubeadm' ? 'its single master was unreachable' : 'no quorum'}); at most ${p.maxDownSeconds} s allowed.`,
      );
    return final
      ? pass(
          `the ${p.cluster} API answered from ${clock(c.activeAt)}${down > 0 ? ` except ${down} s` : ' without a break'}.`,
        )
      : pending(`the ${p.cluster} API answers at ${clock(world.time)}.`);
  },
});

export const rolloutCompleted = defineGoal({
  name: 'rolloutCompleted',
  params: z.strictObject({
    deployment: k8sName,
    namespace: k8sName.optional(),
    cluster: k8sName.optional(),
    image: z.string().min(1).max(255).optional(),
    by: z.number().int().min(0).optional(),
  }),
  describe: (p) =>
    `The rollout of ${p.deployment}${p.image ? ` to ${p.image}` : ''} completes${p.by !== undefined ? ` by ${clock(p.by)}` : ''}`,
  check: (p, { world, final }) => {
    const eks = world.eks;
    const name = p.cluster ?? Object.keys(eks?.clusters ?? {}).sort()[0];
    const d = name
      ? eks?.kube[name]?.deployments[`${p.namespace ?? 'default'}/${p.deployment}`]
      : undefined;
    if (!d)
      return final
        ? fail(`there is no deployment ${p.deployment}.`)
        : pending(`no deployment ${p.deployment} yet.`);
    const image = d.object.spec.template.spec.containers[0]?.image ?? '';
    const late = p.by !== undefined && world.time > p.by;
    if (p.image && image !== p.image)
      return final || late
        ? fail(`${p.deployment} runs ${image} at ${clock(world.time)}, not ${p.image}.`)
        : pending(`${p.deployment} runs ${image}.`);
    if (d.completedAt === null)
      return final || late
        ? fail(
            `the rollout of ${p.deployment} (revision ${d.revision}, ${image}) had not completed at ${clock(world.time)}${d.progressing === 'ProgressDeadlineExceeded' ? ' (ProgressDeadlineExceeded)' : ''}.`,
          )
        : pending(`revision ${d.revision} (${image}) is rolling out.`);
    if (p.by !== undefined && d.completedAt > p.by)
      return fail(
        `the rollout of ${p.deployment} completed at ${clock(d.completedAt)}, after ${clock(p.by)}.`,
      );
    return pass(
      `revision ${d.revision} of ${p.deployment} (${image}) completed at ${clock(d.completedAt)}.`,
    );
  },
});

export const requestsFailedAtMost = defineGoal({
  name: 'requestsFailedAtMost',
  params: z.strictObject({
    count: z.number().int().min(0).max(1e12),
    service: k8sName.optional(),
    namespace: k8sName.optional(),
  }),
  describe: (p) => `At most ${p.count} requests${p.service ? ` to ${p.service}` : ''} fail`,
  check: (p, { world, final }) => {
    const eks = world.eks;
    let failed = 0;
    let worst: { key: string; n: number } | null = null;
    for (const [k, load] of Object.entries(eks?.load ?? {})) {
      if (p.service !== undefined && !k.endsWith(`/${p.namespace ?? 'default'}/${p.service}`))
        continue;
      failed += load.failedTotal;
      if (!worst || load.failedTotal > worst.n) worst = { key: k, n: load.failedTotal };
    }
    const n = Math.round(failed);
    if (n > p.count)
      return fail(
        `${n} requests failed by ${clock(world.time)} (most at ${worst!.key.split('/').slice(1).join('/')}: no Ready pod or pods out of CPU); at most ${p.count} allowed.`,
      );
    return final ? pass(`${n} requests failed.`) : pending(`${n} requests failed so far.`);
  },
});

export const nodeCountAtMost = defineGoal({
  name: 'nodeCountAtMost',
  params: z.strictObject({
    count: z.number().int().min(0).max(10000),
    cluster: k8sName.optional(),
    ...window,
  }),
  describe: (p) =>
    `At most ${p.count} Ready nodes${p.from !== undefined ? ` from ${clock(p.from)}` : ''}${p.until !== undefined ? ` until ${clock(p.until)}` : ''}`,
  check: (p, { world, final, scenario }) => {
    const from = p.from ?? 0;
    const until = p.until ?? scenario.duration;
    for (const s of samplesBetween(world, from, until)) {
      const counts = Object.entries(s.k8sNodes ?? {}).filter(
        ([c]) => p.cluster === undefined || c === p.cluster,
      );
      const n = counts.reduce((sum, [, c]) => sum + c.ready, 0);
      if (n > p.count)
        return fail(`${n} nodes were Ready at ${clock(s.time)}; at most ${p.count} allowed.`);
    }
    return final || world.time >= until
      ? pass(
          `never more than ${p.count} Ready nodes between ${clock(from)} and ${clock(Math.min(until, world.time))}.`,
        )
      : pending(`no more than ${p.count} Ready nodes so far.`);
  },
});

export const nodesReadyAtLeast = defineGoal({
  name: 'nodesReadyAtLeast',
  params: z.strictObject({
    count: z.number().int().min(0).max(10000),
    cluster: k8sName.optional(),
    kind: z.enum(['any', 'managed', 'self-managed', 'fargate']).default('any'),
    by: z.number().int().min(0),
  }),
  describe: (p) =>
    `At least ${p.count} ${p.kind === 'any' ? '' : `${p.kind} `}nodes Ready by ${clock(p.by)}`,
  check: (p, { world, final }) => {
    const pick = (c: { ready: number; managed: number; selfManaged: number; fargate: number }) =>
      p.kind === 'any'
        ? c.ready
        : p.kind === 'managed'
          ? c.managed
          : p.kind === 'self-managed'
            ? c.selfManaged
            : c.fargate;
    let last = 0;
    for (const s of samplesBetween(world, 0, p.by)) {
      const n = Object.entries(s.k8sNodes ?? {})
        .filter(([c]) => p.cluster === undefined || c === p.cluster)
        .reduce((sum, [, c]) => sum + pick(c), 0);
      last = n;
      if (n >= p.count)
        return pass(
          `${n} ${p.kind === 'any' ? '' : `${p.kind} `}nodes were Ready at ${clock(s.time)}.`,
        );
    }
    return final || world.time >= p.by
      ? fail(
          `only ${last} ${p.kind === 'any' ? '' : `${p.kind} `}nodes were Ready by ${clock(p.by)}; ${p.count} needed.`,
        )
      : pending(`${last} ${p.kind === 'any' ? '' : `${p.kind} `}nodes Ready so far.`);
  },
});

export const kubectlConnected = defineGoal({
  name: 'kubectlConnected',
  params: z.strictObject({ cluster: k8sName }),
  describe: (p) =>
    `kubectl talks to ${p.cluster} (its context is the current one in the kubeconfig)`,
  check: (p, { world, final }) => {
    const eks = world.eks;
    const current = eks?.kubeconfig.currentContext ?? null;
    const entry = current !== null ? eks?.kubeconfig.contexts[current] : undefined;
    if (entry && entry.cluster === p.cluster)
      return pass(`the current context ${current} points at ${p.cluster}.`);
    const why =
      current === null
        ? 'there is no kubeconfig (kubectl falls back to localhost:8080)'
        : `the current context is ${current}`;
    return final ? fail(`${why} at ${clock(world.time)}.`) : pending(`${why}.`);
  },
});
