/** Goals about how many tasks (or containers) run, sampled every 10 s. */
import { z } from 'zod';
import { clock, defineGoal, fail, pass, pending, samplesBetween } from './goal.ts';

const window = {
  from: z.number().int().min(0).default(0).describe('Start of the window, sim seconds'),
  until: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('End of the window (default: the end of the scenario)'),
};

export const runningAtLeast = defineGoal({
  name: 'runningAtLeast',
  params: z.strictObject({
    service: z.string().min(1).max(255),
    count: z.number().int().min(0).max(5000),
    ...window,
    forSeconds: z
      .number()
      .int()
      .min(10)
      .optional()
      .describe('Pass once the count held this long without a break'),
  }),
  describe: (p) =>
    p.forSeconds
      ? `At least ${p.count} ${p.service} running for ${p.forSeconds} s in a row`
      : `At least ${p.count} ${p.service} running from ${clock(p.from)}${p.until !== undefined ? ` to ${clock(p.until)}` : ' to the end'}`,
  check: (p, { world, scenario, final }) => {
    const until = p.until ?? scenario.duration;
    const samples = samplesBetween(world, p.from, until);
    if (p.forSeconds) {
      let streakStart: number | null = null;
      let best = 0;
      for (const s of samples) {
        const running = s.services[p.service]?.running ?? 0;
        if (running >= p.count) {
          streakStart ??= s.time;
          if (s.time - streakStart >= p.forSeconds)
            return pass(
              `${p.service} had ${p.count}+ running from ${clock(streakStart)} to ${clock(s.time)}.`,
            );
          best = Math.max(best, s.time - streakStart);
        } else streakStart = null;
      }
      const last = samples.at(-1);
      const msg = `${p.service} never had ${p.count} running for ${p.forSeconds} s (longest stretch ${best} s; ${last?.services[p.service]?.running ?? 0} running at ${clock(last?.time ?? world.time)}).`;
      return final || world.time >= until ? fail(msg) : pending(msg);
    }
    for (const s of samples) {
      const running = s.services[p.service]?.running ?? 0;
      if (running < p.count) {
        const azs = Object.entries(s.services[p.service]?.azs ?? {})
          .map(([az, n]) => `${n} in ${az}`)
          .join(', ');
        return fail(
          `only ${running} of ${p.count} ${p.service} were running at ${clock(s.time)}${azs ? `, ${azs}` : ''}.`,
        );
      }
    }
    if (world.time < until && !final)
      return pending(
        `${p.service} has kept ${p.count}+ running so far (${clock(world.time)}); the window ends at ${clock(until)}.`,
      );
    return pass(
      `${p.service} kept at least ${p.count} running from ${clock(p.from)} to ${clock(until)}.`,
    );
  },
});

export const runningAtMost = defineGoal({
  name: 'runningAtMost',
  params: z.strictObject({
    service: z.string().min(1).max(255),
    count: z.number().int().min(0).max(5000),
    ...window,
  }),
  describe: (p) =>
    `At most ${p.count} ${p.service} running from ${clock(p.from)}${p.until !== undefined ? ` to ${clock(p.until)}` : ' to the end'}`,
  check: (p, { world, scenario, final }) => {
    const until = p.until ?? scenario.duration;
    if (world.time < p.from && !final) return pending(`the window starts at ${clock(p.from)}.`);
    const samples = samplesBetween(world, p.from, until);
    for (const s of samples) {
      const running = s.services[p.service]?.running ?? 0;
      if (running > p.count)
        return fail(
          `${running} ${p.service} were still running at ${clock(s.time)}; at most ${p.count} were wanted from ${clock(p.from)}.`,
        );
    }
    if (samples.length === 0)
      return final
        ? fail(`no samples between ${clock(p.from)} and ${clock(until)}.`)
        : pending(`the window starts at ${clock(p.from)}.`);
    if (world.time < until && !final) return pending(`${p.service} is at most ${p.count} so far.`);
    return pass(
      `${p.service} stayed at ${p.count} or fewer from ${clock(p.from)} to ${clock(until)}.`,
    );
  },
});

export const workloadsUp = defineGoal({
  name: 'workloadsUp',
  params: z.strictObject({
    services: z
      .array(z.string().min(1).max(255))
      .min(1)
      .max(100)
      .describe('Services (ECS) or container workloads (Docker) that must be up'),
    ...window,
    maxDownSeconds: z
      .number()
      .int()
      .min(0)
      .max(86400)
      .default(0)
      .describe('Longest outage tolerated per workload'),
  }),
  describe: (p) =>
    `${p.services.length} workloads up from ${clock(p.from)}, none down longer than ${p.maxDownSeconds} s`,
  check: (p, { world, scenario, final }) => {
    const until = p.until ?? scenario.duration;
    const samples = samplesBetween(world, p.from, until);
    for (const name of p.services) {
      let downSince: number | null = null;
      for (const s of samples) {
        const up = (s.services[name]?.running ?? 0) > 0;
        if (up) downSince = null;
        else {
          downSince ??= s.time;
          if (s.time - downSince > p.maxDownSeconds || p.maxDownSeconds === 0) {
            return fail(
              `${name} was down from ${clock(downSince)} to at least ${clock(s.time)} (${s.time - downSince + 10} s; at most ${p.maxDownSeconds} s allowed).`,
            );
          }
        }
      }
      if (downSince !== null && (final || world.time >= until))
        return fail(
          `${name} was still down at ${clock(samples.at(-1)!.time)} (down since ${clock(downSince)}).`,
        );
    }
    if (samples.length === 0 || (world.time < until && !final))
      return pending(`all ${p.services.length} up so far (${clock(world.time)}).`);
    return pass(
      `all ${p.services.length} workloads stayed up from ${clock(p.from)} to ${clock(until)}, no outage over ${p.maxDownSeconds} s.`,
    );
  },
});

export const spreadOverAzs = defineGoal({
  name: 'spreadOverAzs',
  params: z.strictObject({
    service: z.string().min(1).max(255),
    azs: z.number().int().min(1).max(6),
    at: z.number().int().min(0),
  }),
  describe: (p) => `${p.service} runs in at least ${p.azs} Availability Zones at ${clock(p.at)}`,
  check: (p, { world, final }) => {
    const sample = world.metrics.filter((m) => m.time <= p.at).at(-1);
    if (!sample || (world.time < p.at && !final)) return pending(`checked at ${clock(p.at)}.`);
    const perAz = sample.services[p.service]?.azs ?? {};
    const used = Object.entries(perAz).filter(([az, n]) => az !== 'FARGATE' && n > 0);
    const text = used.map(([az, n]) => `${n} in ${az}`).join(', ') || 'none running';
    return used.length >= p.azs
      ? pass(`${p.service} at ${clock(sample.time)}: ${text}.`)
      : fail(
          `${p.service} ran in ${used.length} of the ${p.azs} AZs wanted at ${clock(sample.time)}: ${text}.`,
        );
  },
});

export const launchTypeIs = defineGoal({
  name: 'launchTypeIs',
  params: z.strictObject({
    service: z.string().min(1).max(255),
    launchType: z.enum(['EC2', 'FARGATE']),
    from: z.number().int().min(0),
  }),
  describe: (p) => `${p.service} runs only on ${p.launchType} from ${clock(p.from)}`,
  check: (p, { world, scenario, final }) => {
    const samples = samplesBetween(world, p.from, scenario.duration);
    if (samples.length === 0)
      return final
        ? fail(`no samples after ${clock(p.from)}.`)
        : pending(`checked from ${clock(p.from)}.`);
    for (const s of samples) {
      const svc = s.services[p.service];
      const running = svc?.running ?? 0;
      const fargate = svc?.azs.FARGATE ?? 0;
      const onType = p.launchType === 'FARGATE' ? fargate : running - fargate;
      if (running === 0 || onType !== running) {
        return fail(
          `at ${clock(s.time)} ${p.service} had ${onType} of ${running} running tasks on ${p.launchType}.`,
        );
      }
    }
    if (!final && world.time < scenario.duration) return pending(`all on ${p.launchType} so far.`);
    return pass(`${p.service} ran only on ${p.launchType} from ${clock(p.from)}.`);
  },
});
