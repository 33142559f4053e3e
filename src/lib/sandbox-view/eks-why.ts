/**
 * "Why here?" and "Why still Pending?" for a pod: the kube-scheduler's last decision
 * (`pod.runtime.lastDecision`) turned into one line per node — which filter ruled it out, in
 * plain words with the pod's own numbers, or the score it got — short enough to read in ten
 * seconds. The quoted FailedScheduling message is kube-scheduler's; every other sentence is
 * the sandbox's wording (the view says so). A pure function of the world.
 */
import type { EksPod, NodeVerdict, World } from '@sandbox';
import { podRequest, verdictsOf } from '@sandbox/view.ts';
import { mebi, milli } from './eks-view.ts';

export interface NodeVerdictView {
  node: string;
  outcome: 'chosen' | 'fits' | 'ruled out';
  /** The scheduler's filter (`NodeAffinity`) or `score 89 of 100`. */
  detail: string;
  /** The plain-words sentence. */
  text: string;
}

export interface PodWhyView {
  question: 'Why here?' | 'Why still Pending?' | 'Why on Fargate?';
  /** One sentence answering the question. */
  answer: string;
  /** kube-scheduler's own FailedScheduling message, when there is one. */
  schedulerMessage: string | null;
  verdicts: NodeVerdictView[];
  /** Nodes the scheduler did not look at, said as a sentence, or null. */
  unevaluated: string | null;
}

function lookupPod(world: World, cluster: string, key: string): EksPod | null {
  const kube = world.eks && Object.hasOwn(world.eks.kube, cluster) ? world.eks.kube[cluster] : null;
  return kube && Object.hasOwn(kube.pods, key) ? kube.pods[key]! : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function selectorText(pod: EksPod): string {
  const sel = Object.entries(pod.spec.nodeSelector).map(([k, v]) => `${k}=${v}`);
  if (sel.length > 0) return `nodeSelector ${sel.join(', ')}`;
  return 'required node affinity';
}

/** One filter verdict in plain words, with the pod's numbers where they explain it. */
export function ruledOutText(v: NodeVerdict, pod: EksPod): string {
  const req = podRequest(pod.spec);
  switch (v.filter) {
    case 'NodeUnschedulable':
      return 'cordoned (marked unschedulable): no new pods go there.';
    case 'TaintToleration': {
      const taint = /\{(.*)\}/.exec(v.reasons[0] ?? '')?.[1]?.replace(/: $/, '') ?? 'a taint';
      return `has the taint ${taint} and the pod has no toleration for it.`;
    }
    case 'NodeAffinity':
      return `the node's labels do not match the pod's ${selectorText(pod)}.`;
    case 'NodePorts':
      return 'the host port the pod asks for is already taken there.';
    case 'NodeResourcesFit': {
      const parts = v.reasons.map((r) =>
        r === 'Insufficient cpu'
          ? `not enough unrequested CPU for the pod's ${milli(req.cpu)}`
          : r === 'Insufficient memory'
            ? `not enough unrequested memory for the pod's ${mebi(req.memory)}`
            : r === 'Too many pods'
              ? 'every pod slot is taken'
              : r,
      );
      return `${parts.join('; ')}.`;
    }
    case 'PodTopologySpread':
      return 'placing it there would break its topology spread constraint.';
    default:
      return `${v.reasons.join(', ')}.`;
  }
}

export function podWhy(world: World, cluster: string, key: string): PodWhyView | null {
  const pod = lookupPod(world, cluster, key);
  if (!pod) return null;
  const rt = pod.runtime;
  const bound = pod.spec.nodeName;
  if (rt.fargateProfile !== null) {
    const where = bound ? `It runs alone in its own micro-VM, ${bound}.` : rt.unsupported;
    const profileKey = `${cluster}/${rt.fargateProfile}`;
    const profile =
      world.eks && Object.hasOwn(world.eks.fargateProfiles, profileKey)
        ? world.eks.fargateProfiles[profileKey]!
        : null;
    const selector = profile?.selectors.find((s) => s.namespace === pod.metadata.namespace);
    const labels = Object.entries(selector?.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    return {
      question: bound ? 'Why on Fargate?' : 'Why still Pending?',
      answer: `The Fargate profile ${rt.fargateProfile} selects pods in namespace ${pod.metadata.namespace}${
        labels.length > 0 ? ` labelled ${labels.join(', ')}` : ''
      }, so the Fargate scheduler runs this one, not kube-scheduler. ${
        where ?? 'AWS is starting a micro-VM for it (30–60 s in the sandbox).'
      }`,
      schedulerMessage: null,
      verdicts: [],
      unevaluated: null,
    };
  }
  const d = rt.lastDecision;
  if (!d) {
    return {
      question: bound ? 'Why here?' : 'Why still Pending?',
      answer: bound
        ? `It was bound to ${bound} directly (a DaemonSet pod or a pod the scenario placed), without a scheduling decision to show.`
        : 'kube-scheduler has not tried this pod yet: it tries again within a second.',
      schedulerMessage: null,
      verdicts: [],
      unevaluated: null,
    };
  }
  const all = verdictsOf(d);
  const best = all.find((v) => v.node === d.node)?.score ?? null;
  const tied = all.filter((v) => v.score !== null && v.score === best).length > 1;
  const verdicts: NodeVerdictView[] = all.map((v) =>
    v.filter
      ? { node: v.node, outcome: 'ruled out', detail: v.filter, text: ruledOutText(v, pod) }
      : {
          node: v.node,
          outcome: v.node === d.node ? 'chosen' : 'fits',
          detail: `score ${v.score} of 100`,
          text:
            v.node === d.node
              ? tied
                ? 'passes every filter and shares the highest score; a tie is broken by a draw (kube-scheduler draws at random, the sandbox from its seed).'
                : 'passes every filter and scored highest, so the pod went here.'
              : v.score === best
                ? 'passes every filter and ties for the highest score, but lost the draw.'
                : 'passes every filter but scored lower.',
        },
  );
  // The chosen node first, then the others that fit, then those ruled out.
  const rank = { chosen: 0, fits: 1, 'ruled out': 2 } as const;
  verdicts.sort((a, b) => rank[a.outcome] - rank[b.outcome]);
  // A decision keeps the best scores only (a handful, not one per node of a big cluster).
  const unlistedCount = d.feasible - d.scored.length;
  const unevaluatedCount = d.totalNodes - d.evaluated;
  const notes = [
    unlistedCount > 0
      ? `${plural(unlistedCount, 'other node')} could take it too but scored no higher than those listed.`
      : '',
    unevaluatedCount > 0
      ? `${plural(unevaluatedCount, 'other node')} not looked at: the scheduler stops once it has found enough nodes that fit.`
      : '',
  ].filter((note) => note !== '');
  const unevaluated = notes.length > 0 ? notes.join(' ') : null;
  const req = podRequest(pod.spec);
  const asks = `The pod requests ${milli(req.cpu)} CPU and ${mebi(req.memory)} memory.`;
  if (d.node) {
    const fits = d.feasible;
    const out = d.filtered.length;
    return {
      question: 'Why here?',
      answer: `${asks} ${plural(fits, 'node')} could take it${
        out > 0 ? ` and ${plural(out, 'node')} could not` : ''
      }; of those that could, kube-scheduler took the best score (LeastAllocated: the most room left after placing it): ${d.node}.`,
      schedulerMessage: null,
      verdicts,
      unevaluated,
    };
  }
  return {
    question: 'Why still Pending?',
    answer:
      d.totalNodes === 0
        ? 'The cluster has no nodes at all: EKS runs only the control plane. Add a managed node group, self-managed nodes or a Fargate profile.'
        : `${asks} No node passes every filter, so it waits; kube-scheduler tries again when a node or a pod changes.`,
    schedulerMessage: d.message,
    verdicts,
    unevaluated,
  };
}
