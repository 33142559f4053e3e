/**
 * "Why here?", "Why still waiting?" and "Why on Fargate?" for an ECS task: the placement
 * explanation (sandbox/services/ecs/placement-explain.ts) in plain words, one line per
 * container instance (or per AZ on Fargate) — which placement step ruled it out, with the
 * task's own numbers, or how the strategies ranked it. The quoted service event is ECS's own
 * wording; every other sentence is the sandbox's. A pure function of the explanation.
 */
import type { EcsInstanceVerdict, PlacementExplanation, PlacementStrategy } from '@sandbox';
import type { WhyQuestion } from './entity-actions.ts';

export interface VerdictView {
  key: string;
  /** What was judged: an instance (with its type and AZ) or an AZ (with its subnet). */
  name: string;
  outcome: 'chosen' | 'fits' | 'ruled out';
  /** The step, in ECS's terms: `insufficient memory`, `distinctInstance`, `spread(…) 1`. */
  detail: string;
  /** The plain-words sentence. */
  text: string;
}

export interface TaskWhyView {
  question: WhyQuestion;
  /** One or two sentences answering the question. */
  answer: string;
  /** ECS's own service event, when it has one for this. */
  quote: { label: string; text: string } | null;
  listLabel: string;
  verdicts: VerdictView[];
  /** A note under the list (instances outside the cluster), or null. */
  note: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A strategy in ECS's notation: `spread(attribute:ecs.availability-zone)`, `binpack(memory)`. */
export function strategyName(s: PlacementStrategy): string {
  return `${s.type}(${s.field ?? (s.type === 'spread' ? 'instanceId' : '')})`;
}

/** Why an instance ranks below the chosen one on strategy `s`, in words with both values. */
function lowerText(
  s: PlacementStrategy,
  mine: number,
  best: number,
  v: EcsInstanceVerdict,
  chosen: EcsInstanceVerdict,
): string {
  const other = `the chosen ${chosen.instanceId}`;
  if (s.type === 'binpack') {
    const unit = s.field === 'cpu' ? 'CPU units' : 'MiB';
    return `it would have ${mine} ${unit} left, ${other} ${best} ${unit} (binpack takes the least left).`;
  }
  const field = s.field ?? 'instanceId';
  if (field === 'instanceId' || field === 'host')
    return `${plural(mine, 'task')} of the group on it, ${other} has ${best}.`;
  if (field === 'attribute:ecs.availability-zone')
    return `${plural(mine, 'task')} of the group in ${v.az}, ${best} in ${chosen.az} where ${other} is.`;
  const name = field.replace(/^attribute:/, '');
  return `${plural(mine, 'task')} of the group on instances with its ${name}, ${best} with that of ${other}.`;
}

const AGENT_TEXT = {
  'host-not-running': (status: string) =>
    `the EC2 instance is ${status}, not running: ECS places nothing on it.`,
  unreachable: () => 'the instance fails its status checks: ECS places nothing on it.',
  'not-active': (status: string) =>
    `its container instance is ${status}, not ACTIVE: ECS places no new task on it.`,
  disconnected: () => 'its ECS agent is disconnected: ECS places nothing where no agent answers.',
};

function instanceVerdict(
  x: PlacementExplanation & { kind: 'ec2' },
  v: EcsInstanceVerdict,
): VerdictView {
  const name = `${v.instanceId} (${v.type}, ${v.az})`;
  const base = { key: v.instanceId, name, outcome: v.outcome };
  const step = v.verdict;
  switch (step.step) {
    case 'agent':
      return { ...base, detail: 'agent', text: AGENT_TEXT[step.reason](step.status) };
    case 'resources': {
      const parts: string[] = [];
      if (step.memory)
        parts.push(
          `${step.memory.free} MiB of memory unreserved; the task needs ${step.memory.needs} MiB`,
        );
      if (step.cpu)
        parts.push(`${step.cpu.free} CPU units unreserved; the task needs ${step.cpu.needs}`);
      const detail =
        step.memory && step.cpu
          ? 'insufficient CPU and memory'
          : step.memory
            ? 'insufficient memory'
            : 'insufficient CPU';
      return { ...base, detail, text: `${parts.join('; ')}.` };
    }
    case 'ports': {
      const ports = step.ports.join(', ');
      const many = step.ports.length > 1;
      const agent = step.ports.every((p) => step.reserved.includes(p));
      return {
        ...base,
        detail: 'host port taken',
        text: agent
          ? `host port${many ? 's' : ''} ${ports} ${many ? 'are' : 'is'} reserved by the ECS agent.`
          : `host port${many ? 's' : ''} ${ports} ${many ? 'are' : 'is'} already taken by a task there: one task per host port per instance.`,
      };
    }
    case 'constraint':
      return step.constraint.type === 'distinctInstance'
        ? {
            ...base,
            detail: 'distinctInstance',
            text: 'already runs a task of this group, and the distinctInstance constraint allows one per instance.',
          }
        : {
            ...base,
            detail: `memberOf(${step.constraint.expression ?? ''})`,
            text: `does not match the memberOf expression ${step.constraint.expression ?? ''}.`,
          };
    case 'ranked':
      return {
        ...base,
        detail: x.strategies.map((s, k) => `${strategyName(s)} ${step.values[k]}`).join(', '),
        text: rankedText(x, v, step.values),
      };
  }
}

function rankedText(
  x: PlacementExplanation & { kind: 'ec2' },
  v: EcsInstanceVerdict,
  values: number[],
): string {
  const tied = x.tied.length > 1;
  if (v.outcome === 'chosen') {
    const where = x.placed
      ? 'so the task went here'
      : 'so ECS places the task here within a second';
    if (!tied) return `passes every step and ranks first, ${where}.`;
    return x.random
      ? `passes every step and ties for first; the random strategy drew it, ${where}.`
      : `passes every step and ties for first; ties go to the instance launched first, ${where}.`;
  }
  const chosen = x.verdicts.find((c) => c.outcome === 'chosen');
  if (!chosen || chosen.verdict.step !== 'ranked') return 'passes every step.';
  const best = chosen.verdict.values;
  const k = values.findIndex((value, i) => value !== best[i]);
  if (k === -1)
    return x.tied.includes(v.instanceId)
      ? x.random
        ? 'passes every step and ties for first, but the random strategy drew another.'
        : 'passes every step and ties for first, but ties go to the instance launched first.'
      : `passes every step and ties on every strategy, but ${chosen.az} comes first among AZs with as few of the group's tasks.`;
  const s = x.strategies[k]!;
  return `passes every step but ranks lower on ${strategyName(s)}: ${lowerText(s, values[k]!, best[k]!, v, chosen)}`;
}

function needs(x: PlacementExplanation & { kind: 'ec2' }): string {
  const ports =
    x.ports.length > 0 ? `host port${x.ports.length > 1 ? 's' : ''} ${x.ports.join(', ')}` : '';
  return ports
    ? `The task needs ${x.cpu} CPU units, ${x.memory} MiB of memory and ${ports}.`
    : `The task needs ${x.cpu} CPU units and ${x.memory} MiB of memory.`;
}

/** EC2 instances that run but are not in the cluster (no ECS agent registered from them). */
function outsideNote(x: PlacementExplanation & { kind: 'ec2' }): string | null {
  const ids = x.notInCluster;
  if (ids.length === 0) return null;
  return `${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} not in the cluster (no ECS agent registered from ${ids.length === 1 ? 'it' : 'them'}), so ECS does not consider ${ids.length === 1 ? 'it' : 'them'}.`;
}

function ec2Why(x: PlacementExplanation & { kind: 'ec2' }): TaskWhyView {
  const verdicts = x.verdicts.map((v) => instanceVerdict(x, v));
  const rank = { chosen: 0, fits: 1, 'ruled out': 2 } as const;
  verdicts.sort((a, b) => rank[a.outcome] - rank[b.outcome]);
  const fit = x.verdicts.filter((v) => v.outcome !== 'ruled out').length;
  const total = x.verdicts.length;
  const strategies = x.strategies.map(strategyName).join(', then ');
  const ranking = `ECS ranked those by ${strategies}${x.random ? ', then drew among the best at random' : ''}`;
  const listLabel = 'Per container instance';
  const note = outsideNote(x);
  if (x.placed) {
    return {
      question: 'Why here?',
      answer: `${needs(x)} ${fit} of ${plural(total, 'container instance')} could take it; ${ranking} and placed it on ${x.chosen ?? x.actual}.`,
      quote: null,
      listLabel,
      verdicts,
      note,
    };
  }
  const quote = x.serviceMessage ? { label: 'ECS service event', text: x.serviceMessage } : null;
  if (x.chosen)
    return {
      question: 'Why still waiting?',
      answer: `${needs(x)} ${x.chosen} can take it now: ECS places waiting tasks every second, so it goes there next.`,
      quote,
      listLabel,
      verdicts,
      note,
    };
  return {
    question: 'Why still waiting?',
    answer:
      total === 0
        ? `${needs(x)} No container instance is registered in the cluster, so the task waits in PROVISIONING until an instance's ECS agent registers.`
        : `${needs(x)} No container instance passes every placement step, so the task waits in PROVISIONING; ECS tries again every second.`,
    quote,
    listLabel,
    verdicts,
    note,
  };
}

function fargateWhy(x: PlacementExplanation & { kind: 'fargate' }): TaskWhyView {
  const fewest = Math.min(...x.azs.filter((a) => !a.down).map((a) => a.tasks));
  const verdicts: VerdictView[] = x.azs.map((a) => {
    const outcome = a.az === x.chosen ? 'chosen' : a.down ? 'ruled out' : 'fits';
    const count = `${plural(a.tasks, 'task')} of the group there`;
    return {
      key: a.az,
      name: `${a.az} (${a.subnet})`,
      outcome,
      detail: a.down ? 'AZ down' : count,
      text: a.down
        ? 'the Availability Zone is down: ECS starts nothing there.'
        : outcome === 'chosen'
          ? `the fewest of the group's tasks${x.azs.filter((b) => !b.down && b.tasks === a.tasks).length > 1 ? '; ties go to the AZ listed first' : ''}.`
          : a.tasks === fewest
            ? "as few of the group's tasks, but ties go to the AZ listed first."
            : "more of the group's tasks than the chosen AZ.",
    };
  });
  const rank = { chosen: 0, fits: 1, 'ruled out': 2 } as const;
  verdicts.sort((a, b) => rank[a.outcome] - rank[b.outcome]);
  const how =
    'Fargate runs each task in a micro-VM of its own, so no container instance is involved: ECS picks a subnet of the service’s network configuration, in the healthy AZ with the fewest of its tasks';
  const subnet = x.azs.find((a) => a.az === x.chosen)?.subnet;
  return {
    question: x.placed ? 'Why on Fargate?' : 'Why still waiting?',
    answer: x.placed
      ? `${how}: ${x.chosen ?? x.actual} (${subnet}).`
      : x.chosen
        ? `${how}: it goes to ${x.chosen} (${subnet}) within a second.`
        : `${how}, and every AZ is down, so the task waits.`,
    quote: null,
    listLabel: 'Per Availability Zone',
    verdicts,
    note: null,
  };
}

export function taskWhyView(x: PlacementExplanation): TaskWhyView {
  return x.kind === 'ec2' ? ec2Why(x) : fargateWhy(x);
}
