/**
 * The ECR module's action handlers: the registry API (repositories, tag mutability, lifecycle
 * policies and their previews, deletes, scans), and the workstation's docker CLI against the registry (login,
 * build, tag, push, pull, rmi). Refusals use the real tools' words (aws-facts.md §6,
 * pipeline-facts.md §0 and §7); the sandbox's own words are marked so.
 */
import type { EngineContext } from '../../engine/module.ts';
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import { buildImage, manifestOf } from './build.ts';
import { parseLifecyclePolicy } from './lifecycle.ts';
import { ecrHost, repositoryArn, repositoryNameProblem, repositoryOf } from './names.ts';
import {
  LIFECYCLE_FIRST_PASS_SECONDS,
  scheduleLifecycle,
  startPreview,
  startScan,
} from './registry.ts';
import { ecrOf, imageByTag, localKey, ownRegistry, parseLocal, removeImage } from './state.ts';
import { digestOf } from '../../engine/sha256.ts';
import type { LocalImage, RegistryImage, Repository } from './world.ts';

type Handler<T extends ActionType> = (ctx: EngineContext, action: ActionOf<T>) => ActionResult;
const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });
const ok = (message: string): ActionResult => ({ ok: true, message, command: '' });
const awsError = (code: string, operation: string, message: string) =>
  `An error occurred (${code}) when calling the ${operation} operation: ${message}`;

/** The ECR auth token's life (aws-facts.md §6: 12 hours). */
export const LOGIN_TOKEN_SECONDS = 12 * 3600;

export const NO_AUTH = 'no basic auth credentials';
export const TOKEN_EXPIRED =
  'denied: Your authorization token has expired. Reauthenticate and try again.';

function notFound(world: EngineContext['world'], operation: string, name: string): string {
  return awsError(
    'RepositoryNotFoundException',
    operation,
    `The repository with name '${name}' does not exist in the registry with id '${world.accountId}'`,
  );
}

function repoFor(ctx: EngineContext, name: string, operation: string): Repository | string {
  return own(ecrOf(ctx.world).repositories, name) ?? notFound(ctx.world, operation, name);
}

export const createRepository: Handler<'ecr.repository.create'> = (ctx, a) => {
  const world = ctx.world;
  const problem = repositoryNameProblem(a.name);
  if (problem)
    return fail('name', awsError('InvalidParameterException', 'CreateRepository', problem));
  const ecr = ecrOf(world);
  if (own(ecr.repositories, a.name))
    return fail(
      'name',
      awsError(
        'RepositoryAlreadyExistsException',
        'CreateRepository',
        `The repository with name '${a.name}' already exists in the registry with id '${world.accountId}'`,
      ),
    );
  const repo: Repository = {
    name: a.name,
    arn: repositoryArn(world.accountId, world.region, a.name),
    uri: `${ownRegistry(world)}/${a.name}`,
    createdAt: world.time,
    mutability: a.imageTagMutability ?? 'MUTABLE',
    scanOnPush: a.scanOnPush ?? false,
    lifecyclePolicy: null,
    images: {},
    blobs: {},
  };
  ecr.repositories[a.name] = repo;
  return ok(
    `Created repository ${a.name} (${repo.uri}): tag mutability ${repo.mutability}, scan on push ${repo.scanOnPush ? 'on' : 'off'}.`,
  );
};

export const putTagMutability: Handler<'ecr.image-tag-mutability.put'> = (ctx, a) => {
  const repo = repoFor(ctx, a.repository, 'PutImageTagMutability');
  if (typeof repo === 'string') return fail('repository', repo);
  repo.mutability = a.imageTagMutability;
  return ok(`Repository ${a.repository}: image tag mutability is now ${a.imageTagMutability}.`);
};

export const putLifecyclePolicy: Handler<'ecr.lifecycle-policy.put'> = (ctx, a) => {
  const repo = repoFor(ctx, a.repository, 'PutLifecyclePolicy');
  if (typeof repo === 'string') return fail('repository', repo);
  const parsed = parseLifecyclePolicy(a.policy);
  if (!parsed.ok)
    return fail(
      'policy',
      awsError('InvalidParameterException', 'PutLifecyclePolicy', parsed.error),
    );
  repo.lifecyclePolicy = {
    text: a.policy,
    rules: parsed.rules,
    putAt: ctx.world.time,
    nextPassAt: ctx.world.time + LIFECYCLE_FIRST_PASS_SECONDS,
    expired: [],
  };
  scheduleLifecycle(ctx.world, repo);
  return ok(
    `Repository ${a.repository}: lifecycle policy with ${parsed.rules.length} rule${parsed.rules.length === 1 ? '' : 's'} put; expired images are removed within 24 hours.`,
  );
};

/**
 * LifecyclePolicyNotFoundException's message: GetLifecyclePolicy's, as quoted in public issues
 * (iann0036/former2#16); StartLifecyclePolicyPreview is taken to word it the same way.
 */
export function noLifecyclePolicy(repository: string, accountId: string): string {
  return `Lifecycle policy does not exist for the repository with name '${repository}' in the registry with id '${accountId}'`;
}

export const startLifecyclePolicyPreview: Handler<'ecr.lifecycle-policy-preview.start'> = (
  ctx,
  a,
) => {
  const api = 'StartLifecyclePolicyPreview';
  const repo = repoFor(ctx, a.repository, api);
  if (typeof repo === 'string') return fail('repository', repo);
  if (repo.lifecyclePreview?.status === 'IN_PROGRESS')
    return fail(
      'repository',
      // The API reference's description of the exception (the service's own words were not found).
      awsError(
        'LifecyclePolicyPreviewInProgressException',
        api,
        'The previous lifecycle policy preview request has not completed. Wait and try again.',
      ),
    );
  const text = a.policy ?? repo.lifecyclePolicy?.text;
  if (text === undefined)
    return fail(
      'policy',
      awsError(
        'LifecyclePolicyNotFoundException',
        api,
        noLifecyclePolicy(repo.name, ctx.world.accountId),
      ),
    );
  const parsed = parseLifecyclePolicy(text);
  if (!parsed.ok) return fail('policy', awsError('InvalidParameterException', api, parsed.error));
  startPreview(ctx.world, repo, text, parsed.rules);
  return ok(
    `Lifecycle policy preview of ${repo.name} started (${a.policy === undefined ? 'its own policy' : 'the given policy'}, ${parsed.rules.length} rule${parsed.rules.length === 1 ? '' : 's'}): status IN_PROGRESS.`,
  );
};

/** Drops a tag from whatever image holds it (a tag is a movable pointer). */
function untag(repo: Repository, tag: string): void {
  for (const d in repo.images) {
    const img = repo.images[d]!;
    if (img.tags.includes(tag)) img.tags = img.tags.filter((t) => t !== tag);
  }
}

export const batchDeleteImage: Handler<'ecr.image.batch-delete'> = (ctx, a) => {
  const repo = repoFor(ctx, a.repository, 'BatchDeleteImage');
  if (typeof repo === 'string') return fail('repository', repo);
  const deleted: { digest: string; tag: string | null }[] = [];
  const failures: string[] = [];
  for (const id of a.imageIds) {
    if ('imageTag' in id) {
      const img = imageByTag(repo, id.imageTag);
      if (!img) {
        failures.push(`${id.imageTag}: ImageNotFound (Requested image not found)`);
        continue;
      }
      untag(repo, id.imageTag);
      deleted.push({ digest: img.digest, tag: id.imageTag });
      if (img.tags.length === 0) removeImage(repo, img.digest);
    } else {
      const img = own(repo.images, id.imageDigest);
      if (!img) {
        failures.push(`${id.imageDigest}: ImageNotFound (Requested image not found)`);
        continue;
      }
      removeImage(repo, img.digest);
      deleted.push({ digest: img.digest, tag: null });
    }
  }
  if (deleted.length === 0)
    return fail(
      'imageIds',
      `Nothing deleted from ${a.repository}: ${failures.join('; ')} (the sandbox refuses a delete that deletes nothing)`,
    );
  for (const d of deleted)
    ctx.emit('ecr', 'info', imageActionEvent(repo.name, 'DELETE', d.digest, d.tag), {
      subject: repo.name,
    });
  const list = deleted.map((d) => (d.tag ? `${d.tag} (${d.digest})` : d.digest)).join(', ');
  return ok(
    `Deleted from ${a.repository}: ${list}${failures.length > 0 ? `; failures: ${failures.join('; ')}` : ''}.`,
  );
};

export const startImageScan: Handler<'ecr.image-scan.start'> = (ctx, a) => {
  const repo = repoFor(ctx, a.repository, 'StartImageScan');
  if (typeof repo === 'string') return fail('repository', repo);
  const img = a.imageDigest
    ? own(repo.images, a.imageDigest)
    : a.imageTag
      ? imageByTag(repo, a.imageTag)
      : undefined;
  if (!img)
    return fail(
      'imageTag',
      awsError(
        'ImageNotFoundException',
        'StartImageScan',
        `The image with imageId {imageDigest:'${a.imageDigest ?? 'null'}', imageTag:'${a.imageTag ?? 'null'}'} does not exist within the repository with name '${a.repository}' in the registry with id '${ctx.world.accountId}'`,
      ),
    );
  if (img.scan && ctx.world.time - img.scan.startedAt < 86400)
    return fail(
      'imageTag',
      awsError(
        'LimitExceededException',
        'StartImageScan',
        'The scan quota per image has been exceeded. Wait and try again.',
      ),
    );
  startScan(ctx, repo, img);
  return ok(`Scan of ${a.repository}@${img.digest} started (basic scanning): status IN_PROGRESS.`);
};

/** The `ECR Image Action` event as EventBridge delivers it (aws-facts.md §6), as the log shows it. */
export function imageActionEvent(
  repository: string,
  action: 'PUSH' | 'DELETE',
  digest: string,
  tag: string | null,
): string {
  return `EventBridge ECR Image Action ${JSON.stringify({
    source: 'aws.ecr',
    'detail-type': 'ECR Image Action',
    detail: {
      result: 'SUCCESS',
      'repository-name': repository,
      'image-digest': digest,
      'action-type': action,
      ...(tag !== null ? { 'image-tag': tag } : {}),
    },
  })}`;
}

// ── The workstation's docker ───────────────────────────────────────────────────────────

export const login: Handler<'docker.login'> = (ctx, a) => {
  const world = ctx.world;
  const host = a.registry.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const ecr = ecrHost(host);
  if (!ecr || host !== ownRegistry(world))
    return fail(
      'registry',
      `Error response from daemon: login attempt to https://${host}/v2/ failed with status: 400 Bad Request (the token from this sandbox's aws ecr get-login-password is for ${ownRegistry(world)} only)`,
    );
  ecrOf(world).workstation.logins[host] = world.time + LOGIN_TOKEN_SECONDS;
  return ok('Login Succeeded');
};

/** Why the workstation cannot talk to that registry, in docker's words, or null. */
export function authProblem(world: EngineContext['world'], host: string | null): string | null {
  if (host === null) return 'denied: requested access to the resource is denied';
  const expires = own(ecrOf(world).workstation.logins, host);
  if (expires === undefined) return NO_AUTH;
  if (world.time >= expires) return TOKEN_EXPIRED;
  return null;
}

export const build: Handler<'docker.image.build'> = (ctx, a) => {
  const world = ctx.world;
  const ws = ecrOf(world).workstation;
  const files = { ...ecrOf(world).files, ...(a.context ?? {}) };
  const fileName = a.file ?? 'Dockerfile';
  const dockerfile = own(files, fileName);
  if (dockerfile === undefined)
    return fail(
      'file',
      `ERROR: failed to solve: failed to read dockerfile: open ${fileName}: no such file or directory`,
    );
  const refs = [];
  for (const t of a.tags) {
    const ref = parseLocal(t);
    if (!ref) return fail('tags', `ERROR: invalid tag "${t}": invalid reference format`);
    refs.push(ref);
  }
  const out = buildImage(ws, dockerfile, files, () => ctx.randomInt(0, 0x7fffffff), world.time);
  if (!out.ok) return fail('file', out.error);
  const image: LocalImage = own(ws.images, out.image.id) ?? out.image;
  ws.images[image.id] = image;
  for (const k in out.cacheAdded) ws.cache[k] = out.cacheAdded[k]!;
  for (const ref of refs) ws.tags[localKey(ref)] = image.id;
  const cached = out.steps.filter((s) => s.cached).length;
  return ok(
    `Built image ${image.id.slice(0, 19)}… (${image.layers.length} layers, ${cached} steps CACHED)${refs.length > 0 ? `, tagged ${refs.map(localKey).join(', ')}` : ''}.`,
  );
};

function localImage(
  world: EngineContext['world'],
  text: string,
): { key: string; image: LocalImage } | string {
  const ref = parseLocal(text);
  if (!ref) return `invalid reference format`;
  const ws = ecrOf(world).workstation;
  const key = localKey(ref);
  const id = own(ws.tags, key);
  const byId = /^[0-9a-f]{4,64}$/.test(text)
    ? Object.keys(ws.images).find((i) => i.slice('sha256:'.length).startsWith(text))
    : undefined;
  const imageId = id ?? byId;
  if (!imageId) return `No such image: ${key}`;
  return { key, image: ws.images[imageId]! };
}

export const tag: Handler<'docker.image.tag'> = (ctx, a) => {
  const src = localImage(ctx.world, a.source);
  if (typeof src === 'string') return fail('source', `Error response from daemon: ${src}`);
  const target = parseLocal(a.target);
  if (!target)
    return fail(
      'target',
      `Error parsing reference: "${a.target}" is not a valid repository/tag: invalid reference format`,
    );
  ecrOf(ctx.world).workstation.tags[localKey(target)] = src.image.id;
  return ok(`Tagged ${src.key} as ${localKey(target)}.`);
};

export const push: Handler<'docker.image.push'> = (ctx, a) => {
  const world = ctx.world;
  const ref = parseLocal(a.image);
  if (!ref) return fail('image', 'invalid reference format');
  const ws = ecrOf(world).workstation;
  const key = localKey(ref);
  const id = own(ws.tags, key);
  if (!id)
    return fail(
      'image',
      `An image does not exist locally with the tag: ${repositoryOf(ref).replace(/^docker\.io\//, '')}`,
    );
  const image = ws.images[id]!;
  const host = ref.registry;
  const ecr = ecrHost(host);
  const auth = authProblem(world, ecr ? host : null);
  if (auth) return fail('image', auth);
  if (host !== ownRegistry(world)) return fail('image', NO_AUTH);
  const name = ref.repository;
  const repo = own(ecrOf(world).repositories, name);
  if (!repo)
    return fail(
      'image',
      `name unknown: The repository with name '${name}' does not exist in the registry with id '${world.accountId}'`,
    );
  const tagName = ref.tag ?? 'latest';
  if (repo.mutability === 'IMMUTABLE' && imageByTag(repo, tagName))
    return fail(
      'image',
      `tag invalid: The image tag '${tagName}' already exists in the '${name}' repository and cannot be overwritten because the repository is immutable.`,
    );
  const manifest = manifestOf(image);
  const digest = digestOf(manifest);
  const layers = image.layers.map((l) => l.digest);
  for (const l of image.layers) repo.blobs[l.digest] = l.size;
  repo.blobs[image.id] = image.config.length;
  untag(repo, tagName);
  let img: RegistryImage | undefined = own(repo.images, digest);
  if (img) img.tags = [...img.tags, tagName];
  else {
    img = {
      digest,
      manifest,
      manifestSize: manifest.length,
      sizeInBytes: image.layers.reduce((s, l) => s + l.size, 0) + image.config.length,
      layers,
      config: image.id,
      tags: [tagName],
      pushedAt: world.time,
      lastPulledAt: null,
      scan: null,
    };
    repo.images[digest] = img;
  }
  // An image left without tags by the move stays, untagged (lifecycle rules can expire it).
  const eventId = ctx.emit('ecr', 'info', imageActionEvent(name, 'PUSH', digest, tagName), {
    subject: name,
  });
  if (repo.scanOnPush) startScan(ctx, repo, img);
  ctx.raise({
    type: 'image.pushed',
    repository: name,
    tag: tagName,
    digest,
    uri: `${repo.uri}:${tagName}`,
    eventId,
  });
  for (const rule of ecrOf(world).rules) {
    if (rule.repository !== name || (rule.tag !== null && rule.tag !== tagName)) continue;
    const matched = ctx.emit(
      'ecr',
      'info',
      `EventBridge rule ${rule.name} matched the push of ${name}:${tagName}: its target redeploys service ${rule.service} (update-service --force-new-deployment).`,
      { subject: rule.name, cause: { kind: 'event', eventId } },
    );
    ctx.raise({
      type: 'deployment.requested',
      service: rule.service,
      by: `EventBridge rule ${rule.name}`,
      eventId: matched,
    });
  }
  return ok(`${tagName}: digest: ${digest} size: ${manifest.length}`);
};

export const pull: Handler<'docker.image.pull'> = (ctx, a) => {
  const world = ctx.world;
  const ref = parseLocal(a.image);
  if (!ref) return fail('image', 'invalid reference format');
  const ws = ecrOf(world).workstation;
  const key = localKey(ref);
  const ecr = ecrHost(ref.registry);
  if (!ecr) {
    return fail(
      'image',
      `Error response from daemon: the sandbox pulls public images only where a container starts; docker pull on the workstation reaches the account's ECR registry (${ownRegistry(world)}) only (the sandbox's own message)`,
    );
  }
  const auth = authProblem(world, ref.registry);
  if (auth)
    return fail(
      'image',
      `Error response from daemon: Head "https://${ref.registry}/v2/${ref.repository}/manifests/${ref.tag ?? 'latest'}": ${auth}`,
    );
  const repo =
    ref.registry === ownRegistry(world)
      ? own(ecrOf(world).repositories, ref.repository)
      : undefined;
  if (!repo)
    return fail(
      'image',
      `Error response from daemon: repository ${ref.registry}/${ref.repository} not found: name unknown: The repository with name '${ref.repository}' does not exist in the registry with id '${ecr.account}'`,
    );
  const img = imageByTag(repo, ref.tag ?? 'latest');
  if (!img)
    return fail(
      'image',
      `Error response from daemon: manifest for ${key} not found: manifest unknown: Requested image not found`,
    );
  img.lastPulledAt = world.time;
  if (!own(ws.images, img.config)) {
    // The layers come down; the repository's blobs size them.
    ws.images[img.config] = {
      id: img.config,
      config: `{"pulled":"${img.digest}"}`,
      layers: img.layers.map((l) => ({ digest: l, size: repo.blobs[l] ?? 0, createdBy: 'pulled' })),
      createdAt: img.pushedAt,
      env: [],
      workdir: '/',
      cmd: null,
      exposed: [],
    };
  }
  ws.tags[key] = img.config;
  return ok(`Status: Downloaded newer image for ${key}`);
};

/**
 * `docker rmi` as the daemon answers it (classic image store; moby daemon/images/image_delete.go
 * and the CLI reference for docker image rm): `Untagged:` for the tag, then for the repository's
 * digest reference (`name@sha256:…`, which a push or pull records) once no tag of that repository
 * is left on the image; then, when no tag is left at all, `Deleted:` for the image and for each
 * of its layers no other image uses, newest first. The sandbox names a layer by its digest where
 * the daemon names its chain ID. By image ID, an image tagged more than once needs -f.
 */
export const removeLocal: Handler<'docker.image.remove'> = (ctx, a) => {
  const world = ctx.world;
  const ws = ecrOf(world).workstation;
  const found = localImage(world, a.image);
  if (typeof found === 'string') return fail('image', `Error response from daemon: ${found}`);
  const { image } = found;
  const tagsOf = () => Object.keys(ws.tags).filter((k) => ws.tags[k] === image.id);
  let key = found.key;
  if (own(ws.tags, key) !== image.id) {
    const tags = tagsOf();
    if (tags.length > 1)
      return fail(
        'image',
        `Error response from daemon: conflict: unable to delete ${image.id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories`,
      );
    key = tags[0] ?? key;
  }
  const lines: string[] = [];
  if (own(ws.tags, key) === image.id) {
    delete ws.tags[key];
    lines.push(`Untagged: ${key}`);
    const ref = parseLocal(key);
    const name = key.slice(0, key.lastIndexOf(':'));
    const repo =
      ref && ref.registry === ownRegistry(world)
        ? own(ecrOf(world).repositories, ref.repository)
        : undefined;
    const stored = repo ? Object.values(repo.images).find((i) => i.config === image.id) : undefined;
    const sameRepository = tagsOf().some((k) => k.slice(0, k.lastIndexOf(':')) === name);
    if (stored && !sameRepository) lines.push(`Untagged: ${name}@${stored.digest}`);
  }
  if (tagsOf().length > 0) return ok(lines.join('\n'));
  delete ws.images[image.id];
  const used = new Set(Object.values(ws.images).flatMap((i) => i.layers.map((l) => l.digest)));
  lines.push(`Deleted: ${image.id}`);
  for (const l of [...image.layers].reverse())
    if (!used.has(l.digest)) lines.push(`Deleted: ${l.digest}`);
  return ok(lines.join('\n'));
};

// ── IAM (the ECR pull permission of roles) ─────────────────────────────────────────────

export const attachPullPolicy: Handler<'iam.role-policy.attach'> = (ctx, a) => {
  const ecr = ecrOf(ctx.world);
  const had = ecr.pullDenied.includes(a.role);
  ecr.pullDenied = ecr.pullDenied.filter((r) => r !== a.role);
  return ok(
    `Attached ${a.policyArn} to ${a.role}${had ? ': it can pull from ECR again' : ' (it could already pull from ECR)'}.`,
  );
};

export const pullDenied: Handler<'fault.ecr-pull-denied'> = (ctx, a) => {
  const ecr = ecrOf(ctx.world);
  if (!ecr.pullDenied.includes(a.role)) ecr.pullDenied.push(a.role);
  return ok(
    `The ECR pull permission was removed from ${a.role}: new pulls from ${ownRegistry(ctx.world)} are denied; running containers keep running.`,
  );
};
