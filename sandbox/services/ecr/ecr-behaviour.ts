/**
 * The ECR module's behaviour (loaded by index.ts's `load()`): the registry's actions and the
 * workstation's docker, the `ecr-registry` controller (scans, lifecycle expiry), pulls resolved
 * for the orchestrators, storage billing, and the scenario's registry at time 0.
 */
import type { ActionDef, ActionTable, ServiceBehaviour } from '../../engine/module.ts';
import type { ActionType } from '../../model/actions.ts';
import { baseLayers, manifestOf } from './build.ts';
import { ECR_COMMANDS } from './commands.ts';
import * as actions from './ecr-actions.ts';
import { parseLifecyclePolicy, DAY_SECONDS } from './lifecycle.ts';
import { repositoryArn, repositoryNameProblem } from './names.ts';
import {
  LIFECYCLE_FIRST_PASS_SECONDS,
  chargeStorage,
  registryController,
  resolvePull,
  scheduleLifecycle,
  storageRatePerHour,
} from './registry.ts';
import { digestOf } from '../../engine/sha256.ts';
import { ecrOf, ownRegistry } from './state.ts';
import type { LocalImage, RegistryImage, Repository } from './world.ts';

function table(): ActionTable {
  const t: ActionTable = {};
  const add = <T extends ActionType>(type: T, handle: ActionDef<T>['handle']) => {
    const command = ECR_COMMANDS[type];
    if (!command) throw new Error(`ecr: no command for ${type}`);
    (t as Record<string, unknown>)[type] = { handle, command };
  };
  add('ecr.repository.create', actions.createRepository);
  add('ecr.image-tag-mutability.put', actions.putTagMutability);
  add('ecr.lifecycle-policy.put', actions.putLifecyclePolicy);
  add('ecr.lifecycle-policy-preview.start', actions.startLifecyclePolicyPreview);
  add('ecr.image.batch-delete', actions.batchDeleteImage);
  add('ecr.image-scan.start', actions.startImageScan);
  add('docker.login', actions.login);
  add('docker.image.build', actions.build);
  add('docker.image.tag', actions.tag);
  add('docker.image.push', actions.push);
  add('docker.image.pull', actions.pull);
  add('docker.image.remove', actions.removeLocal);
  add('iam.role-policy.attach', actions.attachPullPolicy);
  add('fault.ecr-pull-denied', actions.pullDenied);
  return t;
}

/** An image already in the registry at time 0: an Alpine base and one application layer of the given size. */
function initialImage(
  repo: string,
  index: number,
  tags: string[],
  sizeMB: number,
  pushedAt: number,
): { image: RegistryImage; blobs: Record<string, number> } {
  const base = baseLayers('alpine:3.20')!;
  const appSize = Math.max(
    1,
    Math.round(sizeMB * 1_000_000) - base.reduce((s, l) => s + l.size, 0),
  );
  const layers = [
    ...base,
    { digest: digestOf(`${repo}#initial#${index}`), size: appSize, createdBy: 'COPY . .' },
  ];
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [], Cmd: null, WorkingDir: '', ExposedPorts: {} },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
  });
  const local: LocalImage = {
    id: digestOf(config),
    config,
    layers,
    createdAt: pushedAt,
    env: [],
    workdir: '/',
    cmd: null,
    exposed: [],
  };
  const manifest = manifestOf(local);
  const blobs: Record<string, number> = { [local.id]: config.length };
  for (const l of layers) blobs[l.digest] = l.size;
  const image: RegistryImage = {
    digest: digestOf(manifest),
    manifest,
    manifestSize: manifest.length,
    sizeInBytes: layers.reduce((s, l) => s + l.size, 0) + config.length,
    layers: layers.map((l) => l.digest),
    config: local.id,
    tags: [...tags],
    pushedAt,
    lastPulledAt: null,
    scan: null,
  };
  return { image, blobs };
}

export const ecrBehaviour: ServiceBehaviour<'ecr'> = {
  name: 'ecr',
  build(ctx, scenario, errors) {
    const world = ctx.world;
    const spec = scenario.initial.ecr;
    if (!spec) return;
    const ecr = ecrOf(world);
    ecr.files = { ...spec.files };
    ecr.pullDenied = [...spec.pullDenied];
    ecr.rules = spec.rules.map((r) => ({
      name: r.name,
      repository: r.repository,
      tag: r.tag ?? null,
      service: r.service,
    }));
    spec.repositories.forEach((r, i) => {
      const path = `initial.ecr.repositories[${i}]`;
      const problem = repositoryNameProblem(r.name);
      if (problem) {
        errors.push({ path: `${path}.name`, message: problem });
        return;
      }
      if (Object.hasOwn(ecr.repositories, r.name)) {
        errors.push({ path: `${path}.name`, message: `repository ${r.name} is listed twice` });
        return;
      }
      const repo: Repository = {
        name: r.name,
        arn: repositoryArn(world.accountId, world.region, r.name),
        uri: `${ownRegistry(world)}/${r.name}`,
        createdAt: 0,
        mutability: r.imageTagMutability,
        scanOnPush: r.scanOnPush,
        lifecyclePolicy: null,
        images: {},
        blobs: {},
      };
      const seen = new Set<string>();
      r.images
        .map((img, k) => ({ img, k }))
        .sort((a, b) => b.img.pushedDaysAgo - a.img.pushedDaysAgo || a.k - b.k)
        .forEach(({ img, k }) => {
          const dup = img.tags.find((t) => seen.has(t));
          if (dup) {
            errors.push({
              path: `${path}.images[${k}].tags`,
              message: `tag ${dup} is on two images`,
            });
            return;
          }
          img.tags.forEach((t) => seen.add(t));
          const made = initialImage(
            r.name,
            k,
            img.tags,
            img.sizeMB,
            -Math.round(img.pushedDaysAgo * DAY_SECONDS),
          );
          repo.images[made.image.digest] = made.image;
          Object.assign(repo.blobs, made.blobs);
        });
      if (r.lifecyclePolicy !== undefined) {
        const parsed = parseLifecyclePolicy(r.lifecyclePolicy);
        if (!parsed.ok) {
          errors.push({ path: `${path}.lifecyclePolicy`, message: parsed.error });
          return;
        }
        repo.lifecyclePolicy = {
          text: r.lifecyclePolicy,
          rules: parsed.rules,
          putAt: 0,
          nextPassAt: LIFECYCLE_FIRST_PASS_SECONDS,
          expired: [],
        };
      }
      ecr.repositories[r.name] = repo;
      scheduleLifecycle(world, repo);
    });
  },
  actions: table(),
  run: { 'ecr-registry': registryController },
  resolveImage: resolvePull,
  billing: { ratePerHour: storageRatePerHour, chargeSecond: chargeStorage },
};
