/** `kubectl cordon`, `uncordon`, `drain` and `taint`: node maintenance with kubectl's messages. */
import type { Action } from '../../model/actions.ts';
import type { World } from '../../model/types.ts';
import type { TaintEffect } from '../../services/eks/types.ts';
import type { EksPod } from '../../services/eks/world.ts';
import { output } from '../outcome.ts';
import type { CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import { act, usageError } from './command.ts';
import { bool } from './flags.ts';
import { findNode, podsOnNode } from './listing.ts';
import { byKey, notFound, resolveResource, unknownType } from './resources.ts';

const NODES = byKey('nodes');

function nodeName(
  run: KubectlRun,
  cmd: string,
): { ok: true; name: string } | { ok: false; out: ReturnType<typeof output> } {
  const [name, ...extra] = run.args;
  if (name === undefined || extra.length > 0)
    return { ok: false, out: usageError(run.path, `USAGE: ${cmd} NODE [flags]`) };
  const bare = name.startsWith('node/')
    ? name.slice(5)
    : name.startsWith('nodes/')
      ? name.slice(6)
      : name;
  if (!findNode(run.kube, bare)) return { ok: false, out: output(fail(notFound(NODES, bare), 1)) };
  return { ok: true, name: bare };
}

function cordonCommand(uncordon: boolean): KubectlCommand {
  const verb = uncordon ? 'uncordon' : 'cordon';
  return {
    name: verb,
    summary: uncordon ? 'Mark node as schedulable' : 'Mark node as unschedulable',
    usage: `kubectl ${verb} NODE`,
    flags: [],
    examples: [`kubectl ${verb} ip-10-0-1-23.eu-west-3.compute.internal`],
    run(run) {
      const n = nodeName(run, verb);
      if (!n.ok) return n.out;
      const node = findNode(run.kube, n.name)!;
      if (node.unschedulable === !uncordon) return output(ok(`node/${n.name} already ${verb}ed`));
      return act(
        run.env.world,
        [{ type: uncordon ? 'k8s.node.uncordon' : 'k8s.node.cordon', node: n.name }],
        () => ok(`node/${n.name} ${verb}ed`),
      );
    },
  };
}

export const cordon = cordonCommand(false);
export const uncordon = cordonCommand(true);

const isDaemonSetPod = (p: EksPod) => p.metadata.owner?.kind === 'DaemonSet';

/** What `kubectl drain` prints once the engine has evicted the node's pods. */
function drainOutput(
  before: World,
  after: World,
  cluster: string,
  node: string,
  ignoreDs: boolean,
  wasCordoned: boolean,
): CommandOutput {
  const kubeBefore = before.eks?.kube[cluster];
  const pods = kubeBefore
    ? podsOnNode(kubeBefore, node).filter((p) => p.metadata.deletionTime === null)
    : [];
  const ds = pods.filter(isDaemonSetPod);
  const evicted = pods.filter((p) => !isDaemonSetPod(p));
  const afterPods = after.eks?.kube[cluster]?.pods ?? {};
  const lines = [wasCordoned ? `node/${node} already cordoned` : `node/${node} cordoned`];
  const stderr: string[] = [];
  if (ignoreDs && ds.length > 0)
    stderr.push(
      `Warning: ignoring DaemonSet-managed Pods: ${ds.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`,
    );
  for (const p of evicted) lines.push(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`);
  for (const p of evicted) {
    const now = afterPods[`${p.metadata.namespace}/${p.metadata.name}`];
    // An eviction the engine held back (a PodDisruptionBudget) leaves the pod as it was.
    if (now && now.metadata.deletionTime === null && now.spec.nodeName === node)
      stderr.push(
        `error when evicting pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)} (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
      );
    else lines.push(`pod/${p.metadata.name} evicted`);
  }
  if (stderr.some((s) => s.startsWith('error when evicting')))
    return { stdout: lines.join('\n'), stderr: stderr.join('\n'), exitCode: 1 };
  lines.push(`node/${node} drained`);
  return { stdout: lines.join('\n'), stderr: stderr.join('\n'), exitCode: 0 };
}

export const drain: KubectlCommand = {
  name: 'drain',
  summary: 'Drain node in preparation for maintenance',
  usage: 'kubectl drain NODE',
  flags: [
    { name: 'ignore-daemonsets', kind: 'bool', help: 'Ignore DaemonSet-managed pods.' },
    {
      name: 'delete-emptydir-data',
      kind: 'bool',
      help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    {
      name: 'force',
      kind: 'bool',
      help: 'Continue even if there are pods that do not declare a controller.',
    },
    {
      name: 'grace-period',
      kind: 'int',
      help: "Accepted; the sandbox uses each pod's terminationGracePeriodSeconds.",
    },
    { name: 'timeout', kind: 'string', help: 'Accepted; the sandbox does not wait.' },
  ],
  examples: ['kubectl drain ip-10-0-1-23.eu-west-3.compute.internal --ignore-daemonsets'],
  run(run) {
    const n = nodeName(run, 'drain');
    if (!n.ok) return n.out;
    const ignoreDs = bool(run.flags, 'ignore-daemonsets');
    const force = bool(run.flags, 'force');
    const node = findNode(run.kube, n.name)!;
    const pods = podsOnNode(run.kube, n.name).filter((p) => p.metadata.deletionTime === null);
    const problems: string[] = [];
    const list = (ps: EksPod[]) =>
      ps.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ');
    const ds = pods.filter(isDaemonSetPod);
    const bare = pods.filter((p) => p.metadata.owner === null);
    if (ds.length > 0 && !ignoreDs)
      problems.push(
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${list(ds)}`,
      );
    if (bare.length > 0 && !force)
      problems.push(
        `cannot delete Pods that declare no controller (use --force to override): ${list(bare)}`,
      );
    if (problems.length > 0) {
      // kubectl cordons first, then refuses to evict: the node stays cordoned.
      const joined = problems.length > 1 ? `[${problems.join(', ')}]` : problems[0];
      const message = `error: unable to drain node ${JSON.stringify(n.name)} due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${n.name}\n${problems.join('\n')}`;
      if (node.unschedulable)
        return output({ stdout: `node/${n.name} already cordoned`, stderr: message, exitCode: 1 });
      return act(run.env.world, [{ type: 'k8s.node.cordon', node: n.name }], () => ({
        stdout: `node/${n.name} cordoned`,
        stderr: message,
        exitCode: 1,
      }));
    }
    const action: Action = {
      type: 'k8s.node.drain',
      node: n.name,
      ...(ignoreDs ? { ignoreDaemonsets: true } : {}),
      ...(bool(run.flags, 'delete-emptydir-data') ? { deleteEmptydirData: true } : {}),
      ...(force ? { force: true } : {}),
    };
    const wasCordoned = node.unschedulable;
    return act(run.env.world, [action], (before, after) =>
      drainOutput(before, after, run.cluster.name, n.name, ignoreDs, wasCordoned),
    );
  },
};

const EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const taint: KubectlCommand = {
  name: 'taint',
  summary: 'Update the taints on one or more nodes',
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [
    {
      name: 'overwrite',
      kind: 'bool',
      help: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    },
  ],
  examples: [
    'kubectl taint nodes ip-10-0-1-23.eu-west-3.compute.internal dedicated=gpu:NoSchedule',
    'kubectl taint nodes ip-10-0-1-23.eu-west-3.compute.internal dedicated:NoSchedule-',
  ],
  run(run) {
    const [typeWord, name, ...specs] = run.args;
    if (typeWord === undefined || name === undefined)
      return usageError(run.path, 'at least one taint update is required');
    const r = resolveResource(typeWord);
    if (!r) return output(fail(unknownType(typeWord), 1));
    if (r.key !== 'nodes')
      return output(
        fail(`error: invalid resource type ${r.key}, only node types are supported`, 1),
      );
    if (specs.length === 0) return usageError(run.path, 'at least one taint update is required');
    const node = findNode(run.kube, name);
    if (!node) return output(fail(notFound(NODES, name), 1));
    const actions: Action[] = [];
    let removed = false;
    for (const spec of specs) {
      const remove = spec.endsWith('-');
      const body = remove ? spec.slice(0, -1) : spec;
      const colon = body.lastIndexOf(':');
      const keyValue = colon >= 0 ? body.slice(0, colon) : body;
      const effect = colon >= 0 ? body.slice(colon + 1) : '';
      const eq = keyValue.indexOf('=');
      const key = eq >= 0 ? keyValue.slice(0, eq) : keyValue;
      const value = eq >= 0 ? keyValue.slice(eq + 1) : '';
      if (key === '')
        return output(
          fail(
            `error: invalid taint spec: ${spec}, a qualified name must consist of alphanumeric characters, '-', '_' or '.'`,
            1,
          ),
        );
      if (effect !== '' && !EFFECTS.includes(effect as TaintEffect))
        return output(fail(`error: invalid taint spec: ${spec}, unsupported taint effect`, 1));
      if (remove) {
        const matching = node.taints.filter(
          (t) => t.key === key && (effect === '' || t.effect === effect),
        );
        if (matching.length === 0)
          return output(
            fail(
              `error: taint ${JSON.stringify(effect === '' ? key : `${key}:${effect}`)} not found`,
              1,
            ),
          );
        // A removal names key and effect (the value, if typed, is carried as typed); `key-` removes every effect.
        for (const e of [...new Set(matching.map((t) => t.effect))])
          actions.push({
            type: 'k8s.taint',
            node: name,
            taint: { key, ...(value === '' ? {} : { value }), effect: e },
            remove: true,
          });
        removed = true;
        continue;
      }
      if (effect === '')
        return output(fail(`error: invalid taint spec: ${spec}, unsupported taint effect`, 1));
      if (
        !bool(run.flags, 'overwrite') &&
        node.taints.some((t) => t.key === key && t.effect === effect)
      )
        return output(
          fail(
            `error: node ${name} already has ${key} taint(s) with same effect(s) and --overwrite is false`,
            1,
          ),
        );
      actions.push({
        type: 'k8s.taint',
        node: name,
        taint: { key, ...(value === '' ? {} : { value }), effect: effect as TaintEffect },
      });
    }
    const verb =
      removed && actions.every((a) => a.type === 'k8s.taint' && a.remove) ? 'untainted' : 'tainted';
    return act(run.env.world, actions, () => ok(`node/${name} ${verb}`));
  },
};
