/**
 * Goals about the pipeline: a version of the application in production (a Deployment runs an
 * image a run built from that version, and its rollout completed), a bad release caught and
 * rolled back, and a run that concluded as asked.
 */
import { z } from 'zod';
import type { World } from '../../model/types.ts';
import { clock, defineGoal, fail, pass, pending } from '../../goals/goal.ts';
import { own } from '../../model/record.ts';

export const PIPELINE_GOAL_NAMES = [
  'versionInProduction',
  'badReleaseRolledBack',
  'runConcluded',
  'imageBuilt',
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
    // The image must have been rolled out after a run built it: a tag pushed again (`:latest`)
    // under a Deployment that already names it changes no pod template, and rolls out nothing.
    const slice = world.pipeline!;
    const builtAt = Math.min(
      ...slice.runs.filter((r) => r.sha === build.sha).map((r) => r.createdAt),
    );
    const released = slice.releases.some(
      (r) => r.deployment === found.id && r.image === image && r.at >= builtAt,
    );
    if (!released)
      return wait(
        `${p.deployment} names ${image}, but nothing rolled out since a run built ${p.version} under that tag: its pods still run the image they pulled before.`,
      );
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

/** A run built an image of this version (`docker build -t …`), and, if asked, pushed it to that ECR repository. */
export const imageBuilt = defineGoal({
  name: 'imageBuilt',
  params: z.strictObject({
    version: z.string().min(1).max(32),
    pushedTo: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe(
        'an ECR repository name: the image must also be there under the tag it was built with',
      ),
  }),
  describe: (p) =>
    `A pipeline run built an image of version ${p.version}${p.pushedTo ? ` and pushed it to ${p.pushedTo}` : ''}`,
  check: (p, { world, final }) => {
    const wait = (why: string) => (final ? fail(why) : pending(why));
    const refs = Object.keys(world.pipeline?.builds ?? {})
      .filter((ref) => world.pipeline!.builds[ref]!.version === p.version)
      .sort();
    if (refs.length === 0) return wait(`no run built an image of version ${p.version} yet.`);
    if (p.pushedTo === undefined) return pass(`a run built ${refs[0]} (version ${p.version}).`);
    const repo = world.ecr ? own(world.ecr.repositories, p.pushedTo) : undefined;
    for (const ref of refs) {
      const colon = ref.lastIndexOf(':');
      const slash = ref.indexOf('/');
      if (colon < 0 || slash < 0 || ref.slice(slash + 1, colon) !== p.pushedTo) continue;
      const tag = ref.slice(colon + 1);
      const image = repo ? Object.values(repo.images).find((i) => i.tags.includes(tag)) : undefined;
      if (image)
        return pass(
          `${p.pushedTo}:${ref.slice(colon + 1)} (version ${p.version}) is in ECR, pushed at ${clock(image.pushedAt)}.`,
        );
    }
    return wait(
      `a run built version ${p.version} (${refs[0]}), but it is not in the repository ${p.pushedTo}.`,
    );
  },
});

export const pipelineGoals = {
  versionInProduction,
  badReleaseRolledBack,
  runConcluded,
  imageBuilt,
};
