/**
 * Goals about the pipeline: a version of the application in production (a Deployment runs an
 * image a run built from that version, and its rollout completed), a bad release caught and
 * rolled back, and a run that concluded as asked.
 */
import { z } from 'zod';
import type { World } from '../../model/types.ts';
import { clock, defineGoal, fail, pass, pending } from '../../goals/goal.ts';

export const PIPELINE_GOAL_NAMES = [
  'versionInProduction',
  'badReleaseRolledBack',
  'runConcluded',
] as const;

const k8sName = z.string().min(1).max(253);

function deployment(world: World, name: string, namespace = 'default', cluster?: string) {
  const eks = world.eks;
  const c = cluster ?? Object.keys(eks?.clusters ?? {}).sort()[0];
  const d = c ? eks?.kube[c]?.deployments[`${namespace}/${name}`] : undefined;
  return d ? { d, id: `${c}/${namespace}/${name}` } : null;
}

export const versionInProduction = defineGoal({
  name: 'versionInProduction',
  params: z.strictObject({
    deployment: k8sName,
    version: z.string().min(1).max(32),
    namespace: k8sName.optional(),
    cluster: k8sName.optional(),
  }),
  describe: (p) =>
    `Version ${p.version}, built by the pipeline, runs in ${p.deployment} and its rollout completed`,
  check: (p, { world, final }) => {
    const found = deployment(world, p.deployment, p.namespace, p.cluster);
    const wait = (why: string) => (final ? fail(why) : pending(why));
    if (!found) return wait(`there is no deployment ${p.deployment}.`);
    const image = found.d.object.spec.template.spec.containers[0]?.image ?? '';
    const build = world.pipeline?.builds[image];
    if (!build) return wait(`${p.deployment} runs ${image}, which no pipeline run built.`);
    if (build.version !== p.version)
      return wait(`${p.deployment} runs ${image}: version ${build.version}, not ${p.version}.`);
    if (found.d.completedAt === null) return wait(`the rollout of ${image} has not completed.`);
    return pass(
      `${p.deployment} runs ${image} (version ${p.version}); its rollout completed at ${clock(found.d.completedAt)}.`,
    );
  },
});

export const badReleaseRolledBack = defineGoal({
  name: 'badReleaseRolledBack',
  params: z.strictObject({
    deployment: k8sName,
    namespace: k8sName.optional(),
    cluster: k8sName.optional(),
  }),
  describe: (p) => `A release of ${p.deployment} that could not start was caught and rolled back`,
  check: (p, { world, final }) => {
    const found = deployment(world, p.deployment, p.namespace, p.cluster);
    const slice = world.pipeline;
    if (!found || !slice)
      return final
        ? fail(`there is no deployment ${p.deployment}.`)
        : pending('no deployment yet.');
    const history = slice.releases.filter((r) => r.deployment === found.id);
    const bad = history.findIndex((r) => slice.builds[r.image]?.starts === false);
    if (bad < 0)
      return final
        ? fail(`no bad release of ${p.deployment} was ever rolled out.`)
        : pending('no bad release yet.');
    const after = history.slice(bad + 1).find((r) => slice.builds[r.image]?.starts !== false);
    if (!after)
      return final
        ? fail(`${p.deployment} still ran the bad release ${history[bad]!.image} at the end.`)
        : pending(
            `the bad release ${history[bad]!.image} (${clock(history[bad]!.at)}) is not rolled back yet.`,
          );
    return pass(
      `the bad release ${history[bad]!.image} (${clock(history[bad]!.at)}) was replaced by ${after.image} at ${clock(after.at)}.`,
    );
  },
});

export const runConcluded = defineGoal({
  name: 'runConcluded',
  params: z.strictObject({
    conclusion: z.enum(['success', 'failure', 'cancelled']),
    step: z.string().min(1).max(200).optional().describe('the step that failed (a failure run)'),
  }),
  describe: (p) =>
    `A workflow run concludes ${p.conclusion}${p.step ? ` at the step "${p.step}"` : ''}`,
  check: (p, { world, final }) => {
    const runs = world.pipeline?.runs ?? [];
    const match = runs.find(
      (r) =>
        r.status === p.conclusion &&
        (p.step === undefined ||
          r.jobs.some((j) => j.steps.some((s) => s.status === 'failure' && s.name === p.step))),
    );
    if (match)
      return pass(
        `run #${match.number} concluded ${p.conclusion} at ${clock(match.completedAt ?? world.time)}.`,
      );
    const why =
      runs.length === 0
        ? 'no run yet.'
        : `no run concluded ${p.conclusion}${p.step ? ` at "${p.step}"` : ''} (${runs.length} runs).`;
    return final ? fail(why) : pending(why);
  },
});

export const pipelineGoals = { versionInProduction, badReleaseRolledBack, runConcluded };
