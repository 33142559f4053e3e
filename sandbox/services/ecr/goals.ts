/** The goals that read only the ECR slice: an image under a tag, a repository's tag mutability, a lifecycle policy's effect. */
import { z } from 'zod';
import { clock, defineGoal, fail, pass, pending } from '../../goals/goal.ts';
import { own } from '../../model/record.ts';
import { evaluateLifecycle } from './lifecycle.ts';
import { imageByTag } from './state.ts';

export const ECR_GOAL_NAMES = [
  'imageTagged',
  'repositoryTagMutability',
  'lifecyclePolicyExpires',
] as const;

const repository = z.string().min(1).max(256);

export const imageTagged = defineGoal({
  name: 'imageTagged',
  params: z.strictObject({
    repository,
    tag: z.string().min(1).max(128),
    scanned: z.boolean().optional().describe('the image must also have a COMPLETE scan'),
  }),
  describe: (p) =>
    `Repository ${p.repository} holds an image tagged ${p.tag}${p.scanned ? ', scanned' : ''}`,
  check: (p, { world, final }) => {
    const repo = world.ecr ? own(world.ecr.repositories, p.repository) : undefined;
    const notYet = (why: string) => (final ? fail(why) : pending(why));
    if (!repo) return notYet(`There is no repository ${p.repository} at ${clock(world.time)}.`);
    const img = imageByTag(repo, p.tag);
    if (!img)
      return notYet(
        `${p.repository} has no image tagged ${p.tag} at ${clock(world.time)} (tags: ${
          Object.values(repo.images)
            .flatMap((i) => i.tags)
            .join(', ') || 'none'
        }).`,
      );
    if (p.scanned && img.scan?.status !== 'COMPLETE')
      return notYet(
        `${p.repository}:${p.tag} (${img.digest.slice(0, 19)}…) has no completed scan at ${clock(world.time)}.`,
      );
    const when =
      img.pushedAt < 0
        ? `${Math.round(-img.pushedAt / 86400)} days before the start`
        : `at ${clock(img.pushedAt)}`;
    return pass(`${p.repository}:${p.tag} is ${img.digest.slice(0, 19)}…, pushed ${when}.`);
  },
});

export const repositoryTagMutability = defineGoal({
  name: 'repositoryTagMutability',
  params: z.strictObject({ repository, mutability: z.enum(['MUTABLE', 'IMMUTABLE']) }),
  describe: (p) => `Repository ${p.repository} keeps its tags ${p.mutability}`,
  check: (p, { world, final }) => {
    const repo = world.ecr ? own(world.ecr.repositories, p.repository) : undefined;
    if (!repo) return (final ? fail : pending)(`There is no repository ${p.repository}.`);
    if (repo.mutability !== p.mutability)
      return fail(
        `${p.repository}'s tags are ${repo.mutability} at ${clock(world.time)}, not ${p.mutability}.`,
      );
    return final
      ? pass(`${p.repository}'s tags stayed ${p.mutability}.`)
      : pending(`${p.repository}'s tags are ${p.mutability} so far.`);
  },
});

export const lifecyclePolicyExpires = defineGoal({
  name: 'lifecyclePolicyExpires',
  params: z.strictObject({
    repository,
    count: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .describe('images it expires: those the registry already expired plus its preview now'),
    keeps: z
      .array(z.string().min(1).max(128))
      .max(20)
      .default([])
      .describe('tags that must not expire'),
  }),
  describe: (p) =>
    `${p.repository}'s lifecycle policy would expire exactly ${p.count} image${p.count === 1 ? '' : 's'}${p.keeps.length > 0 ? `, keeping ${p.keeps.join(', ')}` : ''}`,
  check: (p, { world, final }) => {
    const repo = world.ecr ? own(world.ecr.repositories, p.repository) : undefined;
    const notYet = (why: string) => (final ? fail(why) : pending(why));
    if (!repo) return notYet(`There is no repository ${p.repository}.`);
    if (!repo.lifecyclePolicy)
      return notYet(`${p.repository} has no lifecycle policy at ${clock(world.time)}.`);
    // What the registry already expired under this policy, plus what its preview shows now.
    const expired = [
      ...repo.lifecyclePolicy.expired,
      ...evaluateLifecycle(repo.lifecyclePolicy.rules, Object.values(repo.images), world.time),
    ];
    const lost = p.keeps.filter((t) => expired.some((e) => e.tags.includes(t)));
    if (lost.length > 0)
      return notYet(`The policy would expire ${lost.join(', ')}, which must be kept.`);
    if (expired.length !== p.count)
      return notYet(
        `The policy would expire ${expired.length} image${expired.length === 1 ? '' : 's'} at ${clock(world.time)}, not ${p.count}.`,
      );
    return pass(
      `The policy would expire ${expired.length} image${expired.length === 1 ? '' : 's'}: ${expired.map((e) => (e.tags.length > 0 ? e.tags.join('/') : `untagged ${e.digest.slice(7, 19)}`)).join(', ') || 'none'}.`,
    );
  },
});

export const ecrGoals = { imageTagged, repositoryTagMutability, lifecyclePolicyExpires };
