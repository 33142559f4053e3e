/** The goal about money (core: every service's billing adds to the one bill). */
import { z } from 'zod';
import { clock, defineGoal, fail, pass, pending } from './goal.ts';

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
