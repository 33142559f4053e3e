/**
 * What the assignment builder offers for each challenge, computed at build time from the
 * scenario: its lesson, length, and the targets a scheduled fault can name (AZs, instances by
 * Name tag, services, containers). Fault action types are the engine's `fault.*` names.
 */
import type { Scenario } from '@sandbox';
import { REGIONS } from '@sandbox/view.ts';
import type { Catalog } from '@lib/assignments/catalog.ts';
import { challengeScenarios, lessonOf } from '@lib/assignments/catalog.ts';

export interface ChallengeOption {
  id: string;
  title: string;
  summary: string;
  lessonTitle: string;
  duration: number;
  orchestrator: Scenario['orchestrator'];
  azs: string[];
  instances: string[];
  services: string[];
  containers: string[];
}

export interface QuizOption {
  id: string;
  title: string;
  lessonTitle: string;
  questions: number;
}

export const FAULT_KINDS = [
  { type: 'fault.az-outage', label: 'Availability Zone outage', target: 'az' },
  { type: 'fault.az-recover', label: 'Availability Zone recovers', target: 'az' },
  { type: 'fault.terminate-instance', label: 'Instance terminated', target: 'instance' },
  { type: 'fault.agent-disconnect', label: 'ECS agent disconnects', target: 'instance' },
  { type: 'fault.crash', label: 'A task or container crashes', target: 'workload' },
  { type: 'fault.traffic', label: 'Traffic changes', target: 'service' },
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number]['type'];

function instanceNames(scenario: Scenario): string[] {
  return scenario.initial.instances.flatMap((spec) => {
    if (!spec.name) return [];
    const count = spec.count ?? 1;
    return count === 1
      ? [spec.name]
      : Array.from({ length: count }, (_, i) => `${spec.name}-${i + 1}`);
  });
}

function serviceNames(scenario: Scenario): string[] {
  const names = new Set(scenario.initial.services.map((s) => s.serviceName));
  // Services the learner is expected to create: any solution action that names one.
  for (const entry of scenario.solution) {
    const name = (entry.action as { serviceName?: unknown }).serviceName;
    if (typeof name === 'string') names.add(name);
  }
  return [...names];
}

export function challengeOptions(catalog: Catalog): ChallengeOption[] {
  return challengeScenarios(catalog).map((s) => ({
    id: s.id,
    title: s.title,
    summary: s.summary,
    lessonTitle: lessonOf(catalog, s.lesson)?.title ?? '',
    duration: s.duration,
    orchestrator: s.orchestrator,
    azs: REGIONS[s.region]?.azs ?? [],
    instances: instanceNames(s),
    services: s.orchestrator === 'ecs' ? serviceNames(s) : [],
    containers: s.initial.containers.map((c) => c.name),
  }));
}

export function quizOptions(catalog: Catalog): QuizOption[] {
  return catalog.lessons.flatMap((lesson) =>
    Object.values(catalog.quizzes)
      .filter((q) => q.lesson === lesson.id)
      .map((q) => ({
        id: q.id,
        title: lesson.title,
        lessonTitle: lesson.title,
        questions: q.questions.length,
      })),
  );
}

/** The targets a fault kind can take in a challenge. */
export function faultTargets(option: ChallengeOption, kind: FaultKind): string[] {
  const spec = FAULT_KINDS.find((k) => k.type === kind)!;
  switch (spec.target) {
    case 'az':
      return option.azs;
    case 'instance':
      return kind === 'fault.agent-disconnect' && option.orchestrator !== 'ecs'
        ? []
        : option.instances;
    case 'service':
      return option.services;
    case 'workload':
      return option.orchestrator === 'ecs' ? option.services : option.containers;
  }
}

/** The engine action for a fault, as data. */
export function faultAction(
  option: ChallengeOption,
  kind: FaultKind,
  target: string,
  rps: number,
): Record<string, unknown> {
  switch (kind) {
    case 'fault.az-outage':
    case 'fault.az-recover':
      return { type: kind, az: target };
    case 'fault.terminate-instance':
    case 'fault.agent-disconnect':
      return { type: kind, instanceId: target };
    case 'fault.crash':
      return option.orchestrator === 'ecs'
        ? { type: kind, service: target }
        : { type: kind, targetId: target };
    case 'fault.traffic':
      return { type: kind, service: target, rps };
  }
}

/** "Availability Zone outage: eu-west-3a at 05:00" */
export function describeFault(action: Record<string, unknown>, at: number): string {
  const kind = FAULT_KINDS.find((k) => k.type === action['type']);
  const target =
    action['az'] ?? action['instanceId'] ?? action['service'] ?? action['targetId'] ?? '';
  const rps =
    action['type'] === 'fault.traffic' ? ` to ${String(action['rps'])} requests per second` : '';
  const mm = String(Math.floor(at / 60)).padStart(2, '0');
  const ss = String(at % 60).padStart(2, '0');
  return `${kind?.label ?? String(action['type'])}: ${String(target)}${rps} at ${mm}:${ss}`;
}
