/**
 * RegisterTaskDefinition: validation with the real messages (aws-facts.md §1.2, §2.1),
 * family:revision numbering, and the task size placement and billing use.
 */
import { own } from '../../model/record.ts';
import { FARGATE_CPU_MEMORY } from '../../model/aws-data.ts';
import type { RegisterTaskDefinitionInput } from '../../model/actions.ts';
import type { Compatibility, Result, TaskDefinition, World } from '../../model/types.ts';
import { taskDefinitionArn } from '../../engine/arns.ts';
import { ecsMessages } from './messages.ts';

/** "256" → 256, "1 vCPU" → 1024, "0.25 vcpu" → 256. */
export function parseCpu(value: string | number | undefined): number | null | 'invalid' {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(v);
  return m ? Math.round(Number(m[1]) * 1024) : 'invalid';
}

/** "512" → 512 MiB, "1GB" / "1 GB" → 1024 MiB. */
export function parseMemory(value: string | number | undefined): number | null | 'invalid' {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(v);
  return m ? Math.round(Number(m[1]) * 1024) : 'invalid';
}

/** Checks a Fargate size against the table in §2.1. */
export function checkFargateSize(
  cpu: number,
  memory: number,
): Result<true, { field: string; error: string }> {
  const allowed = FARGATE_CPU_MEMORY[cpu];
  if (!allowed) return { ok: false, error: { field: 'cpu', error: ecsMessages.invalidCpu } };
  if (!allowed.includes(memory))
    return { ok: false, error: { field: 'memory', error: ecsMessages.noFargateConfiguration } };
  return { ok: true, value: true };
}

export function validateTaskDefinition(
  input: RegisterTaskDefinitionInput,
): Result<
  Omit<TaskDefinition, 'revision' | 'arn' | 'registeredAt' | 'status'>,
  { field: string; error: string }
> {
  const compat: Compatibility[] =
    input.requiresCompatibilities && input.requiresCompatibilities.length > 0
      ? input.requiresCompatibilities
      : ['EC2'];
  const fargate = compat.includes('FARGATE');
  const networkMode = input.networkMode ?? (fargate ? 'awsvpc' : 'bridge');
  const cpu = parseCpu(input.cpu);
  const memory = parseMemory(input.memory);
  if (cpu === 'invalid')
    return { ok: false, error: { field: 'cpu', error: ecsMessages.invalidCpu } };
  if (memory === 'invalid')
    return { ok: false, error: { field: 'memory', error: ecsMessages.noFargateConfiguration } };
  if (fargate) {
    if (networkMode !== 'awsvpc')
      return { ok: false, error: { field: 'networkMode', error: ecsMessages.fargateNeedsAwsvpc } };
    if (cpu === null)
      return { ok: false, error: { field: 'cpu', error: ecsMessages.fargateNeedsCpu } };
    if (memory === null)
      return { ok: false, error: { field: 'memory', error: ecsMessages.fargateNeedsMemory } };
    const size = checkFargateSize(cpu, memory);
    if (!size.ok) return size;
  } else if (cpu !== null && (cpu < 128 || cpu > 196608)) {
    return { ok: false, error: { field: 'cpu', error: ecsMessages.invalidCpu } };
  }
  // awsvpc and host share the task's network with its ports: a hostPort is blank or the containerPort.
  if (networkMode === 'awsvpc' || networkMode === 'host') {
    for (const [i, c] of input.containerDefinitions.entries()) {
      for (const [j, p] of (c.portMappings ?? []).entries()) {
        if (p.hostPort !== undefined && p.hostPort !== p.containerPort)
          return {
            ok: false,
            error: {
              field: `containerDefinitions[${i}].portMappings[${j}].hostPort`,
              error: `ClientException: When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`,
            },
          };
      }
    }
  }
  const containers = input.containerDefinitions.map((c) => ({
    name: c.name,
    image: c.image,
    cpu: c.cpu ?? 0,
    memory: c.memory ?? null,
    memoryReservation: c.memoryReservation ?? null,
    essential: c.essential ?? true,
    portMappings: (c.portMappings ?? []).map((p) => ({
      containerPort: p.containerPort,
      hostPort: p.hostPort ?? null,
      protocol: p.protocol ?? ('tcp' as const),
    })),
  }));
  for (const [i, c] of containers.entries()) {
    if (memory === null && c.memory === null && c.memoryReservation === null) {
      return {
        ok: false,
        error: {
          field: `containerDefinitions[${i}].memory`,
          error: ecsMessages.containerNeedsMemory(c.name),
        },
      };
    }
    if (c.memory !== null && c.memoryReservation !== null && c.memoryReservation > c.memory) {
      return {
        ok: false,
        error: {
          field: `containerDefinitions[${i}].memoryReservation`,
          error: ecsMessages.reservationAboveLimit(c.name),
        },
      };
    }
    if (memory !== null && c.memory !== null && c.memory > memory) {
      return {
        ok: false,
        error: {
          field: `containerDefinitions[${i}].memory`,
          error: ecsMessages.containerMemoryAboveTask,
        },
      };
    }
  }
  if (!containers.some((c) => c.essential)) {
    return {
      ok: false,
      error: { field: 'containerDefinitions', error: ecsMessages.noEssentialContainer },
    };
  }
  const names = new Set<string>();
  for (const [i, c] of containers.entries()) {
    if (names.has(c.name))
      return {
        ok: false,
        error: {
          field: `containerDefinitions[${i}].name`,
          error: `ClientException: Container names must be unique within a task definition ('${c.name}').`,
        },
      };
    names.add(c.name);
  }
  return {
    ok: true,
    value: {
      family: input.family,
      requiresCompatibilities: compat,
      networkMode,
      cpu,
      memory,
      containerDefinitions: containers,
      taskRoleArn: input.taskRoleArn ?? null,
      executionRoleArn: input.executionRoleArn ?? null,
    },
  };
}

export function registerTaskDefinition(
  world: World,
  input: RegisterTaskDefinitionInput,
  notModelled: readonly string[] = [],
): Result<TaskDefinition, { field: string; error: string }> {
  const valid = validateTaskDefinition(input);
  if (!valid.ok) return valid;
  let revision = 1;
  for (const key in world.ecs.taskDefinitions) {
    const td = world.ecs.taskDefinitions[key]!;
    if (td.family === input.family && td.revision >= revision) revision = td.revision + 1;
  }
  const td: TaskDefinition = {
    ...valid.value,
    revision,
    arn: taskDefinitionArn(world, input.family, revision),
    status: 'ACTIVE',
    registeredAt: world.time,
    ...(notModelled.length > 0 ? { notModelled: [...notModelled] } : {}),
  };
  world.ecs.taskDefinitions[`${td.family}:${td.revision}`] = td;
  return { ok: true, value: td };
}

/** 'web' (latest ACTIVE revision) or 'web:3' or a task-definition ARN. */
export function resolveTaskDefinition(world: World, ref: string): TaskDefinition | null {
  const bare = ref.includes('task-definition/')
    ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length)
    : ref;
  if (bare.includes(':')) return own(world.ecs.taskDefinitions, bare) ?? null;
  let latest: TaskDefinition | null = null;
  for (const key in world.ecs.taskDefinitions) {
    const td = world.ecs.taskDefinitions[key]!;
    if (td.family === bare && td.status === 'ACTIVE' && (!latest || td.revision > latest.revision))
      latest = td;
  }
  return latest;
}

/** CPU units and MiB a task of this definition reserves. */
export function taskSize(td: TaskDefinition): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of td.containerDefinitions) {
    cpu += c.cpu;
    memory += c.memoryReservation ?? c.memory ?? 0;
  }
  return { cpu: td.cpu ?? cpu, memory: td.memory ?? memory };
}
