/** The goals that read the ECS slice: how long tasks wait, and the cluster's registered capacity. */
import { z } from 'zod';
import { clock, defineGoal, fail, pass, pending } from '../../goals/goal.ts';
import { taskList } from '../../engine/task-list.ts';

/** The names scenarios may use (kept as a plain list so the scenario schema can name them). */
export const ECS_GOAL_NAMES = [
  'noTaskPendingLongerThan',
  'activeContainerInstancesAtLeast',
] as const;

export const noTaskPendingLongerThan = defineGoal({
  name: 'noTaskPendingLongerThan',
  params: z.strictObject({
    seconds: z.number().int().min(1).max(86400),
    service: z.string().min(1).max(255).optional(),
  }),
  describe: (p) =>
    `No ${p.service ?? ''} task waits longer than ${p.seconds} s to start`.replace('  ', ' '),
  check: (p, { world, final }) => {
    let worst: { seconds: number; taskId: string; since: number } | null = null;
    const group = p.service ? `service:${p.service}` : null;
    for (const [g, record] of Object.entries(world.ecs.longestPending)) {
      if (group && g !== group) continue;
      if (!worst || record.seconds > worst.seconds) worst = record;
    }
    for (const t of taskList(world)) {
      if (group && t.group !== group) continue;
      if (
        t.lastStatus === 'PROVISIONING' ||
        t.lastStatus === 'PENDING' ||
        t.lastStatus === 'ACTIVATING'
      ) {
        const waited = world.time - t.createdAt;
        if (!worst || waited > worst.seconds)
          worst = { seconds: waited, taskId: t.id, since: t.createdAt };
      }
    }
    if (worst && worst.seconds > p.seconds) {
      return fail(
        `task ${worst.taskId} waited ${worst.seconds} s to start (from ${clock(worst.since)}); the limit is ${p.seconds} s.`,
      );
    }
    const longest = worst ? `${worst.seconds} s` : 'no wait';
    return final
      ? pass(`the longest wait was ${longest}.`)
      : pending(`the longest wait so far is ${longest}.`);
  },
});

export const activeContainerInstancesAtLeast = defineGoal({
  name: 'activeContainerInstancesAtLeast',
  params: z.strictObject({ count: z.number().int().min(1).max(1000), by: z.number().int().min(0) }),
  describe: (p) => `At least ${p.count} ACTIVE container instances by ${clock(p.by)}`,
  check: (p, { world, final }) => {
    const active = Object.values(world.ecs.containerInstances).filter(
      (ci) => ci.status === 'ACTIVE' && ci.registeredAt !== null && ci.registeredAt <= p.by,
    );
    const noAgent = Object.values(world.ec2.instances).filter(
      (i) => i.state === 'running' && !Object.hasOwn(world.ecs.containerInstances, i.id),
    );
    if (active.length >= p.count)
      return pass(`${active.length} container instances were ACTIVE by ${clock(p.by)}.`);
    const extra =
      noAgent.length > 0
        ? ` ${noAgent.length} running instance(s) have no ECS agent and never joined: ${noAgent.map((i) => i.id).join(', ')}.`
        : '';
    const msg = `only ${active.length} of ${p.count} container instances were ACTIVE by ${clock(p.by)}.${extra}`;
    return final || world.time >= p.by ? fail(msg) : pending(msg);
  },
});

export const ecsGoals = { noTaskPendingLongerThan, activeContainerInstancesAtLeast };
