/**
 * A goal across the registry and ECS: a service runs tasks started after the newest push of an
 * image tag (a push that rolls out, by hand or through an EventBridge rule). Reads both slices
 * as data, so it lives with the composition's goals.
 */
import { z } from 'zod';
import { own } from '../model/record.ts';
import { clock, defineGoal, fail, pass, pending } from './goal.ts';

export const tasksStartedAfterPush = defineGoal({
  name: 'tasksStartedAfterPush',
  params: z.strictObject({
    service: z.string().min(1).max(255),
    repository: z.string().min(1).max(256),
    tag: z.string().min(1).max(128),
    count: z.number().int().min(1).max(5000),
    pushedAfter: z
      .number()
      .min(0)
      .default(0)
      .describe('the push must be at or after this time (default: during the scenario)'),
  }),
  describe: (p) =>
    `${p.count} tasks of ${p.service} run, started after ${p.repository}:${p.tag} was last pushed`,
  check: (p, { world, final }) => {
    const repo = world.ecr ? own(world.ecr.repositories, p.repository) : undefined;
    const img = repo ? Object.values(repo.images).find((i) => i.tags.includes(p.tag)) : undefined;
    const notYet = (why: string) => (final ? fail(why) : pending(why));
    if (!img)
      return notYet(`${p.repository}:${p.tag} is not in the registry at ${clock(world.time)}.`);
    if (img.pushedAt < p.pushedAfter)
      return notYet(
        `${p.repository}:${p.tag} was last pushed before ${clock(p.pushedAfter)}: no new push yet at ${clock(world.time)}.`,
      );
    const running = Object.values(world.ecs.tasks).filter(
      (t) => t.service === p.service && t.lastStatus === 'RUNNING',
    );
    const fresh = running.filter((t) => t.startedAt !== null && t.startedAt >= img.pushedAt);
    if (fresh.length < p.count)
      return notYet(
        `${fresh.length} of ${running.length} running ${p.service} tasks started after the push of ${p.repository}:${p.tag} at ${clock(img.pushedAt)}; ${p.count} needed (a running task keeps the image it pulled when it started).`,
      );
    return final
      ? pass(`${fresh.length} ${p.service} tasks started after the push at ${clock(img.pushedAt)}.`)
      : pending(
          `${fresh.length} ${p.service} tasks started after the push at ${clock(img.pushedAt)} so far.`,
        );
  },
});
