/**
 * The guide's questions about the learner's own situation. Ids are stable: they are the keys of
 * a shared link (`#v=1&kubernetes=none&…`) and of the saved answers.
 */

export interface Option<V extends string = string> {
  value: V;
  /** The answer as the form offers it. */
  label: string;
  /** One line under the label, or nothing. */
  hint?: string;
}

export interface Question<V extends string = string> {
  id: string;
  /** The question as the form's legend asks it. */
  text: string;
  /** `one`: radios, one answer; `many`: checkboxes, none or several. */
  kind: 'one' | 'many';
  options: readonly Option<V>[];
}

export const KUBERNETES = ['runs', 'portable', 'ecosystem', 'none'] as const;
export const TEAM = ['solo', 'small', 'platform'] as const;
export const LOAD = ['steady', 'spiky', 'unsure'] as const;
export const SIZE = ['small', 'medium', 'large'] as const;
export const ISOLATION = ['standard', 'strict', 'own-hosts'] as const;
export const NEEDS = ['gpu', 'privileged', 'host', 'daemons', 'spot'] as const;

export type Kubernetes = (typeof KUBERNETES)[number];
export type Team = (typeof TEAM)[number];
export type Load = (typeof LOAD)[number];
export type Size = (typeof SIZE)[number];
export type Isolation = (typeof ISOLATION)[number];
export type Need = (typeof NEEDS)[number];

export const QUESTIONS = {
  kubernetes: {
    id: 'kubernetes',
    text: 'Where do you stand with Kubernetes?',
    kind: 'one',
    options: [
      {
        value: 'runs',
        label: 'We already run Kubernetes',
        hint: 'On premises or on another cloud, or our tooling is built on it.',
      },
      {
        value: 'portable',
        label: 'We must be able to move off AWS',
        hint: 'To another platform or on premises, without rewriting the deployment.',
      },
      {
        value: 'ecosystem',
        label: 'We would like its ecosystem',
        hint: 'Helm charts, operators and plugins, but we do not run Kubernetes yet.',
      },
      { value: 'none', label: 'None of these', hint: 'Nothing ties us to Kubernetes.' },
    ],
  },
  team: {
    id: 'team',
    text: 'Who will run it, and how much operations work can they take on?',
    kind: 'one',
    options: [
      { value: 'solo', label: 'One or two developers', hint: 'Nobody has time for servers.' },
      { value: 'small', label: 'A small team', hint: 'Some time for operations, not a lot.' },
      { value: 'platform', label: 'A platform or operations team', hint: 'Running it is a job.' },
    ],
  },
  load: {
    id: 'load',
    text: 'What does the load look like?',
    kind: 'one',
    options: [
      { value: 'steady', label: 'Steady', hint: 'Much the same round the clock.' },
      { value: 'spiky', label: 'Spiky', hint: 'Quiet most of the time, with sudden peaks.' },
      { value: 'unsure', label: 'We do not know yet' },
    ],
  },
  size: {
    id: 'size',
    text: 'How big is it?',
    kind: 'one',
    options: [
      {
        value: 'small',
        label: 'Small',
        hint: 'A few services; an extra $73 a month would show on the bill.',
      },
      { value: 'medium', label: 'Medium', hint: 'Tens of services.' },
      { value: 'large', label: 'Large', hint: 'Hundreds of containers, or many teams.' },
    ],
  },
  isolation: {
    id: 'isolation',
    text: 'What do your security or compliance rules ask of the hosts?',
    kind: 'one',
    options: [
      {
        value: 'standard',
        label: 'Nothing special',
        hint: 'Our own workloads may share a server.',
      },
      {
        value: 'strict',
        label: 'Every workload isolated',
        hint: 'No shared kernel: several tenants, or code we do not trust.',
      },
      {
        value: 'own-hosts',
        label: 'Hosts we harden ourselves',
        hint: 'Our own OS image, or audit agents on every server.',
      },
    ],
  },
  needs: {
    id: 'needs',
    text: 'Do your containers need any of these?',
    kind: 'many',
    options: [
      { value: 'gpu', label: 'GPUs' },
      {
        value: 'privileged',
        label: 'Privileged containers or host networking',
        hint: 'privileged: true, hostNetwork or hostPort, the host or bridge network modes.',
      },
      {
        value: 'host',
        label: 'The host itself',
        hint: 'A shell on the server, a specific instance type, a custom AMI, kernel settings.',
      },
      {
        value: 'daemons',
        label: 'An agent on every host',
        hint: 'A DaemonSet, or an ECS service with the DAEMON strategy (log or monitoring agents).',
      },
      {
        value: 'spot',
        label: 'Spot capacity to cut the bill',
        hint: 'Cheaper, but AWS may take it back with a short warning.',
      },
    ],
  },
} as const satisfies Record<string, Question>;

export type QuestionId = keyof typeof QUESTIONS;
export const QUESTION_IDS = Object.keys(QUESTIONS) as QuestionId[];
/** The questions answered with one radio (the checkbox question is never "unanswered"). */
export const SINGLE_IDS = QUESTION_IDS.filter((id) => QUESTIONS[id].kind === 'one') as Exclude<
  QuestionId,
  'needs'
>[];

/** The label of one answer: `optionLabel('team', 'solo')` is "One or two developers". */
export function optionLabel(question: QuestionId, value: string): string {
  const options: readonly Option[] = QUESTIONS[question].options;
  return options.find((o) => o.value === value)?.label ?? value;
}
