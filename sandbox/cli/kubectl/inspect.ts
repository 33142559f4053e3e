/**
 * `kubectl top pods|nodes` (metrics-server's view: CPU from the sandbox's load model),
 * `kubectl logs` (what the container's state implies, in the sandbox's own words), and the
 * offline commands `config current-context|get-contexts` and `version`.
 */
import { own } from '../../model/record.ts';
import { table } from '../../services/eks/kubectl-format.ts';
import type { EksPod } from '../../services/eks/world.ts';
import { applyAll, output } from '../outcome.ts';
import type { CliEnv } from '../types.ts';
import { fail, ok } from '../types.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import type { FlagValues } from './flags.ts';
import { bool, int, str } from './flags.ts';
import { allNamespacesFlag, selectorFlag } from './get.ts';
import { podsOnNode } from './listing.ts';
import { byKey, notFound } from './resources.ts';
import { parseSelector, selects } from './selector.ts';
import { describeTime } from './describe.ts';

const MI = 2 ** 20;

/** Memory is not modelled as usage: `top` shows each container's request (sandbox approximation). */
function podMemory(p: EksPod): number {
  return p.spec.containers.reduce(
    (n, c) => n + (c.requests.memoryBytes ?? c.limits.memoryBytes ?? 0),
    0,
  );
}

const running = (p: EksPod) => p.status.phase === 'Running' && p.metadata.deletionTime === null;

const MEMORY_NOTE =
  "(Sandbox: MEMORY shows the pods' memory requests; memory use itself is not simulated.)";

const topPods: KubectlCommand = {
  name: 'pod',
  summary: 'Display resource (CPU/memory) usage of pods',
  usage: 'kubectl top pod [NAME | -l label]',
  flags: [selectorFlag, allNamespacesFlag],
  examples: ['kubectl top pod', 'kubectl top pod -A'],
  run(run) {
    const sel = parseSelector(str(run.flags, 'selector') ?? '');
    if (!sel.ok) return output(fail(sel.error, 1));
    const allNs = bool(run.flags, 'all-namespaces');
    const [name] = run.args;
    const pods = Object.values(run.kube.pods)
      .filter((p) => allNs || p.metadata.namespace === run.namespace)
      .filter((p) => selects(sel.selector, p.metadata.labels))
      .filter((p) => name === undefined || p.metadata.name === name)
      .sort((a, b) =>
        a.metadata.namespace === b.metadata.namespace
          ? a.metadata.name.localeCompare(b.metadata.name)
          : a.metadata.namespace.localeCompare(b.metadata.namespace),
      );
    if (name !== undefined && pods.length === 0)
      return output(fail(notFound(byKey('pods'), name), 1));
    const withMetrics = pods.filter(running);
    if (name !== undefined && withMetrics.length === 0)
      return output(
        fail(
          `error: Metrics not available for pod ${run.namespace}/${name}, age: ${Math.max(0, run.env.world.time - pods[0]!.metadata.creationTime)}s`,
          1,
        ),
      );
    if (withMetrics.length === 0)
      return output(
        fail(allNs ? 'No resources found' : `No resources found in ${run.namespace} namespace.`, 0),
      );
    const header = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
    const rows = withMetrics.map((p) => [
      p.metadata.name,
      `${Math.round(p.runtime.cpuUsageMilli)}m`,
      `${Math.round(podMemory(p) / MI)}Mi`,
    ]);
    return output({
      stdout: table(
        allNs
          ? [
              ['NAMESPACE', ...header],
              ...rows.map((r, i) => [withMetrics[i]!.metadata.namespace, ...r]),
            ]
          : [header, ...rows],
      ),
      stderr: MEMORY_NOTE,
      exitCode: 0,
    });
  },
};

const topNodes: KubectlCommand = {
  name: 'node',
  summary: 'Display resource (CPU/memory) usage of nodes',
  usage: 'kubectl top node [NAME | -l label]',
  flags: [selectorFlag],
  examples: ['kubectl top node'],
  run(run) {
    const sel = parseSelector(str(run.flags, 'selector') ?? '');
    if (!sel.ok) return output(fail(sel.error, 1));
    const [name] = run.args;
    const nodes = Object.values(run.kube.nodes)
      .filter((n) => selects(sel.selector, n.labels))
      .filter((n) => name === undefined || n.name === name)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (name !== undefined && nodes.length === 0)
      return output(fail(notFound(byKey('nodes'), name), 1));
    const ready = nodes.filter((n) => n.ready === 'True');
    if (ready.length === 0)
      return output(
        fail(
          name === undefined
            ? 'error: metrics not available yet'
            : `error: metrics not available yet`,
          1,
        ),
      );
    const rows = [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
    for (const n of ready) {
      const pods = podsOnNode(run.kube, n.name).filter(running);
      const cpu = Math.round(pods.reduce((s, p) => s + p.runtime.cpuUsageMilli, 0));
      const mem = pods.reduce((s, p) => s + podMemory(p), 0);
      rows.push([
        n.name,
        `${cpu}m`,
        `${Math.floor((cpu / Math.max(1, n.allocatable.cpuMilli)) * 100)}%`,
        `${Math.round(mem / MI)}Mi`,
        `${Math.floor((mem / Math.max(1, n.allocatable.memoryBytes)) * 100)}%`,
      ]);
    }
    return output({ stdout: table(rows), stderr: MEMORY_NOTE, exitCode: 0 });
  },
};

export const top: KubectlCommand = {
  name: 'top',
  summary: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  flags: [],
  examples: ['kubectl top pods', 'kubectl top nodes'],
  subcommands: [
    topPods,
    { ...topPods, name: 'pods' },
    { ...topPods, name: 'po' },
    topNodes,
    { ...topNodes, name: 'nodes' },
    { ...topNodes, name: 'no' },
  ],
};

// ---- logs ------------------------------------------------------------------------------------

const stamp = (t: number) => describeTime(t).slice(17, 25);

/** The lines the sandbox shows for a container: its start, its exits (sandbox wording). */
function logLines(
  pod: EksPod,
  container: string,
  previous: boolean,
): { ok: true; lines: string[] } | { ok: false; error: string } {
  const status = pod.status.containerStatuses.find((c) => c.name === container);
  const spec = pod.spec.containers.find((c) => c.name === container);
  if (!spec)
    return {
      ok: false,
      error: `error: container ${container} is not valid for pod ${pod.metadata.name}`,
    };
  // An unscheduled pod has no kubelet to ask: the API server answers with nothing.
  if (pod.spec.nodeName === null || !status) return { ok: true, lines: [] };
  const waitingToStart = (why: string) => ({
    ok: false as const,
    error: `Error from server (BadRequest): container ${JSON.stringify(container)} in pod ${JSON.stringify(pod.metadata.name)} is waiting to start: ${why}`,
  });
  const st = previous ? status.lastState : status.state;
  if (previous && (st === null || st.state !== 'terminated'))
    return {
      ok: false,
      error: `Error from server (BadRequest): previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(pod.metadata.name)} not found`,
    };
  if (st === null) return { ok: true, lines: [] };
  if (st.state === 'waiting') {
    if (st.reason === 'ErrImagePull' || st.reason === 'ImagePullBackOff')
      return waitingToStart('trying and failing to pull image');
    if (st.reason === 'CrashLoopBackOff' && status.lastState?.state === 'terminated') {
      const last = status.lastState;
      return {
        ok: true,
        lines: runLines(spec.image, last.startedAt, {
          code: last.exitCode,
          reason: last.reason,
          at: last.finishedAt,
        }),
      };
    }
    return waitingToStart(st.reason);
  }
  if (st.state === 'running') return { ok: true, lines: runLines(spec.image, st.startedAt, null) };
  return {
    ok: true,
    lines: runLines(spec.image, st.startedAt, {
      code: st.exitCode,
      reason: st.reason,
      at: st.finishedAt,
    }),
  };
}

function runLines(
  image: string,
  startedAt: number,
  exit: { code: number; reason: string; at: number } | null,
): string[] {
  const lines = [`[sandbox ${stamp(startedAt)}] ${image} started`];
  if (exit) {
    if (exit.reason === 'OOMKilled')
      lines.push(
        `[sandbox ${stamp(exit.at)}] (no more output: the kernel killed the process for exceeding its memory limit, exit code ${exit.code})`,
      );
    else if (exit.code === 0) lines.push(`[sandbox ${stamp(exit.at)}] finished, exit code 0`);
    else lines.push(`[sandbox ${stamp(exit.at)}] fatal error, exiting with code ${exit.code}`);
  }
  return lines;
}

export const logs: KubectlCommand = {
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    { name: 'container', short: 'c', kind: 'string', help: 'Print the logs of this container' },
    {
      name: 'previous',
      short: 'p',
      kind: 'bool',
      help: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
    },
    {
      name: 'follow',
      short: 'f',
      kind: 'bool',
      help: 'Accepted; the sandbox prints what there is and returns.',
    },
    { name: 'tail', kind: 'int', help: 'Lines of recent log file to display.' },
    {
      name: 'timestamps',
      kind: 'bool',
      help: 'Accepted and ignored (the sandbox lines carry their time).',
    },
  ],
  examples: [
    'kubectl logs web-7d9f8c6b5-x2n4q',
    'kubectl logs deployment/web',
    'kubectl logs web-7d9f8c6b5-x2n4q --previous',
  ],
  run(run: KubectlRun) {
    const [ref, ...extra] = run.args;
    if (ref === undefined)
      return output(
        fail(
          "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
          1,
        ),
      );
    let pod: EksPod | undefined;
    if (
      ref.startsWith('deployment/') ||
      ref.startsWith('deploy/') ||
      ref.startsWith('deployments/')
    ) {
      const name = ref.slice(ref.indexOf('/') + 1);
      if (!own(run.kube.deployments, `${run.namespace}/${name}`))
        return output(fail(notFound(byKey('deployments'), name), 1));
      // kubectl picks one of the deployment's pods (the first by its sort; here by name).
      pod = Object.values(run.kube.pods)
        .filter(
          (p) =>
            p.metadata.namespace === run.namespace &&
            p.metadata.owner?.kind === 'ReplicaSet' &&
            run.kube.replicaSets[`${run.namespace}/${p.metadata.owner.name}`]?.metadata.owner
              ?.name === name,
        )
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
      if (!pod) return output(fail(`error: timed out waiting for the condition`, 1));
    } else {
      const name = ref.startsWith('pod/')
        ? ref.slice(4)
        : ref.startsWith('pods/')
          ? ref.slice(5)
          : ref;
      pod = own(run.kube.pods, `${run.namespace}/${name}`);
      if (!pod) return output(fail(notFound(byKey('pods'), name), 1));
    }
    const container = str(run.flags, 'container') ?? extra[0] ?? pod.spec.containers[0]?.name ?? '';
    if (
      str(run.flags, 'container') === undefined &&
      extra.length === 0 &&
      pod.spec.containers.length > 1
    )
      return output(
        fail(
          `error: a container name must be specified for pod ${pod.metadata.name}, choose one of: [${pod.spec.containers.map((c) => c.name).join(' ')}]`,
          1,
        ),
      );
    const result = logLines(pod, container, bool(run.flags, 'previous'));
    if (!result.ok) return output(fail(result.error, 1));
    const tail = int(run.flags, 'tail');
    const lines =
      tail !== undefined && tail >= 0
        ? result.lines.slice(Math.max(0, result.lines.length - tail))
        : result.lines;
    return output(ok(lines.join('\n')));
  },
};

// ---- config, version -------------------------------------------------------------------------

function configCommand(
  name: string,
  summary: string,
  offline: (env: CliEnv, flags: FlagValues, args: string[]) => ReturnType<typeof output>,
): KubectlCommand {
  return {
    name,
    summary,
    usage: `kubectl config ${name}`,
    flags: [],
    examples: [`kubectl config ${name}`],
    offline,
  };
}

const useContext: KubectlCommand = {
  name: 'use-context',
  summary: 'Set the current-context in a kubeconfig file',
  usage: 'kubectl config use-context CONTEXT_NAME',
  flags: [],
  examples: ['kubectl config use-context arn:aws:eks:eu-west-3:123456789012:cluster/demo'],
  offline(env, _flags, args) {
    const [context, ...extra] = args;
    if (context === undefined || extra.length > 0)
      return output(
        fail(
          `error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl config use-context -h' for help and examples`,
          1,
        ),
      );
    if (!env.world.eks || !own(env.world.eks.kubeconfig.contexts, context))
      return output(fail(`error: no context exists with the name: ${JSON.stringify(context)}`, 1));
    return applyAll(
      env.world,
      [{ type: 'eks.kubeconfig.use-context', context }],
      (e) => fail(e, 1),
      () => ok(`Switched to context ${JSON.stringify(context)}.`),
    );
  },
};

export const config: KubectlCommand = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND',
  flags: [],
  examples: ['kubectl config current-context', 'kubectl config get-contexts'],
  subcommands: [
    configCommand('current-context', 'Display the current-context', (env) => {
      const current = env.world.eks?.kubeconfig.currentContext ?? null;
      return output(current === null ? fail('error: current-context is not set', 1) : ok(current));
    }),
    configCommand('get-contexts', 'Describe one or many contexts', (env) => {
      const config = env.world.eks?.kubeconfig;
      const rows = [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      for (const [ctx, { cluster }] of Object.entries(config?.contexts ?? {}).sort(([a], [b]) =>
        a.localeCompare(b),
      )) {
        const arn = env.world.eks?.clusters[cluster]?.arn ?? cluster;
        rows.push([ctx === config?.currentContext ? '*' : '', ctx, arn, arn, '']);
      }
      return output(ok(table(rows)));
    }),
    useContext,
  ],
};

export const version: KubectlCommand = {
  name: 'version',
  summary: 'Print the client and server version information',
  usage: 'kubectl version [flags]',
  flags: [
    {
      name: 'client',
      kind: 'bool',
      help: 'If true, shows client version only (no server required).',
    },
  ],
  examples: ['kubectl version --client'],
  offline(env, flags) {
    const client = `Client Version: v1.31.2\nKustomize Version: v5.4.2`;
    if (flags['client'] === true) return output(ok(client));
    const eks = env.world.eks;
    const ctx = eks?.kubeconfig.currentContext ?? null;
    const cluster =
      ctx !== null ? eks?.clusters[eks.kubeconfig.contexts[ctx]?.cluster ?? ''] : undefined;
    if (!cluster)
      return output({
        stdout: client,
        stderr:
          'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
        exitCode: 1,
      });
    return output(
      ok(`${client}\nServer Version: v${cluster.version}.0-eks-${cluster.platformVersion}`),
    );
  },
};
