/** The goal that reads the Docker slice: how many manual container operations the learner did. */
import { z } from 'zod';
import { defineGoal, fail, pass, pending } from '../../goals/goal.ts';

/** The names scenarios may use (kept as a plain list so the scenario schema can name them). */
export const DOCKER_GOAL_NAMES = ['toilAtMost'] as const;

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

export const dockerGoals = { toilAtMost };
