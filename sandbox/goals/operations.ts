/** Goals about waiting, money, toil, failed requests and cluster capacity. */
import { z } from 'zod';
import { clock, defineGoal, fail, pass, pending } from './goal.ts';
import { taskList } from '../engine/task-list.ts';

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

export const costBelow = defineGoal({
  name: 'costBelow',
  params: z.strictObject({ usd: z.number().min(0).max(1_000_000) }),
  describe: (p) => `Total cost stays below $${p.usd.toFixed(2)}`,
  check: (p, { world, final }) => {
    const total = world.cost.total;
    const kinds = Object.entries(world.cost.byKind)
      .map(([k, v]) => `${k.toUpperCase()} $${v.toFixed(2)}`)
      .join(', ');
    if (total >= p.usd)
      return fail(
        `the bill reached $${total.toFixed(2)} by ${clock(world.time)} (${kinds}); the budget is $${p.usd.toFixed(2)}.`,
      );
    return final
      ? pass(`the bill was $${total.toFixed(2)} (${kinds}), under $${p.usd.toFixed(2)}.`)
      : pending(`$${total.toFixed(2)} so far (${kinds}).`);
  },
});

export const toilAtMost = defineGoal({
  name: 'toilAtMost',
  params: z.strictObject({ count: z.number().int().min(0).max(100000) }),
  describe: (p) => `At most ${p.count} manual container operations`,
  check: (p, { world, final }) => {
    if (world.docker.toil > p.count)
      return fail(
        `${world.docker.toil} manual container operations so far; at most ${p.count} allowed.`,
      );
    return final
      ? pass(`${world.docker.toil} manual container operations.`)
      : pending(`${world.docker.toil} manual container operations so far.`);
  },
});

export const failedRequestsAtMost = defineGoal({
  name: 'failedRequestsAtMost',
  params: z.strictObject({
    count: z.number().min(0),
    service: z.string().min(1).max(255).optional(),
  }),
  describe: (p) => `At most ${p.count} failed requests${p.service ? ` to ${p.service}` : ''}`,
  check: (p, { world, final }) => {
    let failed = 0;
    for (const [name, stats] of Object.entries(world.elb.load))
      if (!p.service || name === p.service) failed += stats.failedTotal;
    const n = Math.round(failed);
    if (n > p.count)
      return fail(
        `${n} requests failed by ${clock(world.time)} because no healthy task had room for them; at most ${p.count} allowed.`,
      );
    return final ? pass(`${n} requests failed.`) : pending(`${n} requests failed so far.`);
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
