/** The goal that reads the ELB slice: requests that no healthy target had room for. */
import { z } from 'zod';
import { clock, defineGoal, fail, pass, pending } from '../../goals/goal.ts';

/** The names scenarios may use (kept as a plain list so the scenario schema can name them). */
export const ELB_GOAL_NAMES = ['failedRequestsAtMost'] as const;

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

export const elbGoals = { failedRequestsAtMost };
