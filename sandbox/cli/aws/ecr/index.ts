/**
 * `aws ecr …`: the subset the sandbox models, in the AWS CLI's (alphabetical) order, with the
 * API's JSON shapes. Commands that change the registry return actions (their real command is
 * what the event log shows); the rest read the world and print.
 */
import type { Action } from '../../../model/actions.ts';
import { own } from '../../../model/record.ts';
import type { World } from '../../../model/types.ts';
import { imageByTag } from '../../../services/ecr/state.ts';
import type { Repository } from '../../../services/ecr/world.ts';
import type { CliEnv } from '../../types.ts';
import { ok } from '../../types.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import type { ParsedArgs } from '../args.ts';
import { loginToken } from './login.ts';
import { ecrTime, imageDetailJson, previewJson, repositoryJson } from './shapes.ts';

const repoFlag = {
  name: 'repository-name',
  type: 'string' as const,
  required: true,
  help: 'The name of the repository.',
};

function noRegistry(api: string) {
  return awsError(
    api,
    'AccessDeniedException',
    'This sandbox scenario has no Amazon ECR registry (the sandbox\u2019s own message: a scenario with ECR offers these commands).',
  );
}

function findRepo(
  world: World,
  api: string,
  name: string,
): Repository | ReturnType<typeof awsError> {
  const repo = world.ecr ? own(world.ecr.repositories, name) : undefined;
  if (repo) return repo;
  return awsError(
    api,
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${world.accountId}'`,
  );
}
const isRepo = (r: unknown): r is Repository =>
  typeof r === 'object' && r !== null && 'images' in r;

function fileText(env: CliEnv, raw: string): string | null {
  if (!raw.startsWith('file://')) return raw;
  return own(env.files, raw.slice('file://'.length).replace(/^\.\//, '')) ?? null;
}

/** `imageTag=1.0` / `imageDigest=sha256:…` as an image id. */
function imageIdOf(raw: unknown): { imageTag: string } | { imageDigest: string } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r['imageDigest'] === 'string') return { imageDigest: r['imageDigest'] };
  if (typeof r['imageTag'] === 'string') return { imageTag: r['imageTag'] };
  return null;
}

function simple(
  name: string,
  api: string,
  summary: string,
  flags: AwsOperation['flags'],
  examples: string[],
  run: (
    args: ParsedArgs,
    env: CliEnv,
    globals: Parameters<AwsOperation['run']>[2],
    api: string,
  ) => ReturnType<AwsOperation['run']>,
): AwsOperation {
  return {
    service: 'ecr',
    name,
    api,
    summary,
    flags,
    examples,
    run(args, env, globals) {
      if (!env.world.ecr) return output(noRegistry(api));
      return run(args, env, globals, api);
    },
  };
}

const createRepository = simple(
  'create-repository',
  'CreateRepository',
  'Creates a repository in the account\u2019s private registry (ECR never creates one on push).',
  [
    repoFlag,
    {
      name: 'image-tag-mutability',
      type: 'string',
      choices: ['MUTABLE', 'IMMUTABLE'],
      help: 'MUTABLE (default) or IMMUTABLE: whether a pushed tag may be overwritten.',
    },
    {
      name: 'image-scanning-configuration',
      type: 'structure',
      placeholder: 'scanOnPush=boolean',
      help: 'scanOnPush=true scans every image when it is pushed (basic scanning).',
    },
  ],
  [
    'aws ecr create-repository --repository-name web --image-scanning-configuration scanOnPush=true',
  ],
  (args, env, globals, api) => {
    const scan = (args['image-scanning-configuration'] as Record<string, unknown> | undefined)?.[
      'scanOnPush'
    ];
    const action: Action = {
      type: 'ecr.repository.create',
      name: args['repository-name'] as string,
      ...(typeof args['image-tag-mutability'] === 'string'
        ? { imageTagMutability: args['image-tag-mutability'] as 'MUTABLE' | 'IMMUTABLE' }
        : {}),
      ...(scan !== undefined ? { scanOnPush: scan === true || scan === 'true' } : {}),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(api, e),
      (_r, _b, after) =>
        awsOut(
          { repository: repositoryJson(after, after.ecr!.repositories[action.name]!) },
          globals,
          api,
        ),
    );
  },
);

const describeRepositories = simple(
  'describe-repositories',
  'DescribeRepositories',
  'Describes the registry\u2019s repositories (all, or the ones named).',
  [{ name: 'repository-names', type: 'list', help: 'Repository names.' }],
  ['aws ecr describe-repositories', 'aws ecr describe-repositories --repository-names web'],
  (args, env, globals, api) => {
    const w = env.world;
    const names = args['repository-names'] as string[] | undefined;
    const repos: Repository[] = [];
    for (const n of names ?? Object.keys(w.ecr!.repositories)) {
      const r = findRepo(w, api, n);
      if (!isRepo(r)) return output(r);
      repos.push(r);
    }
    return output(awsOut({ repositories: repos.map((r) => repositoryJson(w, r)) }, globals, api));
  },
);

function imagesOf(r: Repository, ids: unknown[] | undefined, api: string, w: World) {
  if (!ids) return { images: Object.values(r.images) };
  const images = [];
  for (const raw of ids) {
    const id = imageIdOf(raw);
    const img = !id
      ? undefined
      : 'imageDigest' in id
        ? own(r.images, id.imageDigest)
        : imageByTag(r, id.imageTag);
    if (!img)
      return {
        error: awsError(
          api,
          'ImageNotFoundException',
          `The image with imageId {imageDigest:'${id && 'imageDigest' in id ? id.imageDigest : 'null'}', imageTag:'${id && 'imageTag' in id ? id.imageTag : 'null'}'} does not exist within the repository with name '${r.name}' in the registry with id '${w.accountId}'`,
        ),
      };
    images.push(img);
  }
  return { images };
}

const describeImages = simple(
  'describe-images',
  'DescribeImages',
  'Describes a repository\u2019s images: digest, tags, size, push time, scan status.',
  [
    repoFlag,
    {
      name: 'image-ids',
      type: 'structure-list',
      placeholder: 'imageDigest=string,imageTag=string ...',
      help: 'The images to describe (all when omitted).',
    },
  ],
  [
    'aws ecr describe-images --repository-name web',
    'aws ecr describe-images --repository-name web --image-ids imageTag=1.0',
  ],
  (args, env, globals, api) => {
    const r = findRepo(env.world, api, args['repository-name'] as string);
    if (!isRepo(r)) return output(r);
    const found = imagesOf(r, args['image-ids'] as unknown[] | undefined, api, env.world);
    if ('error' in found) return output(found.error!);
    return output(
      awsOut(
        { imageDetails: found.images.map((i) => imageDetailJson(env.world, r, i)) },
        globals,
        api,
      ),
    );
  },
);

const listImages = simple(
  'list-images',
  'ListImages',
  'Lists a repository\u2019s image ids: one per tag, and the untagged images by digest.',
  [
    repoFlag,
    {
      name: 'filter',
      type: 'structure',
      placeholder: 'tagStatus=TAGGED|UNTAGGED|ANY',
      help: 'Only tagged or only untagged images.',
    },
  ],
  ['aws ecr list-images --repository-name web'],
  (args, env, globals, api) => {
    const r = findRepo(env.world, api, args['repository-name'] as string);
    if (!isRepo(r)) return output(r);
    const status = (args['filter'] as Record<string, unknown> | undefined)?.['tagStatus'] ?? 'ANY';
    const ids: Record<string, string>[] = [];
    for (const img of Object.values(r.images)) {
      if (img.tags.length === 0) {
        if (status !== 'TAGGED') ids.push({ imageDigest: img.digest });
      } else if (status !== 'UNTAGGED')
        for (const t of img.tags) ids.push({ imageDigest: img.digest, imageTag: t });
    }
    return output(awsOut({ imageIds: ids }, globals, api));
  },
);

const batchDeleteImage = simple(
  'batch-delete-image',
  'BatchDeleteImage',
  'Deletes images by tag or digest (a tag deleted from a many-tagged image only untags it).',
  [
    repoFlag,
    {
      name: 'image-ids',
      type: 'structure-list',
      required: true,
      placeholder: 'imageDigest=string,imageTag=string ...',
      help: 'The images to delete.',
    },
  ],
  ['aws ecr batch-delete-image --repository-name web --image-ids imageTag=1.0'],
  (args, env, globals, api) => {
    const w = env.world;
    const r = findRepo(w, api, args['repository-name'] as string);
    if (!isRepo(r)) return output(r);
    const ids = (args['image-ids'] as unknown[]).map(imageIdOf);
    if (ids.some((i) => i === null))
      return output(
        awsError(
          api,
          'InvalidParameterException',
          "Invalid parameter at 'imageIds': each image id needs imageTag or imageDigest",
        ),
      );
    const wanted = ids as ({ imageTag: string } | { imageDigest: string })[];
    const deleted: Record<string, string>[] = [];
    const failures: unknown[] = [];
    for (const id of wanted) {
      const img = 'imageDigest' in id ? own(r.images, id.imageDigest) : imageByTag(r, id.imageTag);
      if (!img)
        failures.push({
          imageId: id,
          failureCode: 'ImageNotFound',
          failureReason: 'Requested image not found',
        });
      else
        deleted.push(
          'imageTag' in id
            ? { imageDigest: img.digest, imageTag: id.imageTag }
            : { imageDigest: img.digest },
        );
    }
    const json = { imageIds: deleted, failures };
    if (deleted.length === 0) return output(awsOut(json, globals, api));
    const action: Action = {
      type: 'ecr.image.batch-delete',
      repository: r.name,
      imageIds: wanted.filter((id) =>
        'imageDigest' in id ? own(r.images, id.imageDigest) : imageByTag(r, id.imageTag),
      ),
    };
    return applyAll(
      w,
      [action],
      (e) => refusal(api, e),
      () => awsOut(json, globals, api),
    );
  },
);

const putImageTagMutability = simple(
  'put-image-tag-mutability',
  'PutImageTagMutability',
  'Sets a repository\u2019s tag mutability (MUTABLE or IMMUTABLE; it applies to every tag).',
  [
    repoFlag,
    {
      name: 'image-tag-mutability',
      type: 'string',
      required: true,
      choices: ['MUTABLE', 'IMMUTABLE'],
      help: 'MUTABLE or IMMUTABLE.',
    },
  ],
  ['aws ecr put-image-tag-mutability --repository-name web --image-tag-mutability IMMUTABLE'],
  (args, env, globals, api) => {
    const action: Action = {
      type: 'ecr.image-tag-mutability.put',
      repository: args['repository-name'] as string,
      imageTagMutability: args['image-tag-mutability'] as 'MUTABLE' | 'IMMUTABLE',
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(api, e),
      (_r, _b, after) =>
        awsOut(
          {
            registryId: after.accountId,
            repositoryName: action.repository,
            imageTagMutability: action.imageTagMutability,
          },
          globals,
          api,
        ),
    );
  },
);

const policyText = {
  name: 'lifecycle-policy-text',
  type: 'string' as const,
  placeholder: 'file://policy.json',
  help: 'The lifecycle policy JSON, inline or from a file (file://policy.json reads the editor\u2019s document).',
};

/** The AWS CLI's answer to a `file://` argument naming no file. */
function paramfileMissing(raw: string) {
  return {
    stdout: '',
    stderr: `\nError parsing parameter '--lifecycle-policy-text': Unable to load paramfile ${raw}: [Errno 2] No such file or directory: '${raw.slice('file://'.length)}'`,
    exitCode: 255,
  };
}

const putLifecyclePolicy = simple(
  'put-lifecycle-policy',
  'PutLifecyclePolicy',
  'Puts a lifecycle policy on a repository: the registry expires what it selects within 24 hours.',
  [repoFlag, { ...policyText, required: true }],
  ['aws ecr put-lifecycle-policy --repository-name web --lifecycle-policy-text file://policy.json'],
  (args, env, globals, api) => {
    const text = fileText(env, args['lifecycle-policy-text'] as string);
    if (text === null) return output(paramfileMissing(args['lifecycle-policy-text'] as string));
    const action: Action = {
      type: 'ecr.lifecycle-policy.put',
      repository: args['repository-name'] as string,
      policy: text,
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(api, e),
      (_r, _b, after) =>
        awsOut(
          {
            registryId: after.accountId,
            repositoryName: action.repository,
            lifecyclePolicyText: text,
          },
          globals,
          api,
        ),
    );
  },
);

const getLifecyclePolicy = simple(
  'get-lifecycle-policy',
  'GetLifecyclePolicy',
  'Shows a repository\u2019s lifecycle policy.',
  [repoFlag],
  ['aws ecr get-lifecycle-policy --repository-name web'],
  (args, env, globals, api) => {
    const r = findRepo(env.world, api, args['repository-name'] as string);
    if (!isRepo(r)) return output(r);
    if (!r.lifecyclePolicy)
      return output(
        awsError(
          api,
          'LifecyclePolicyNotFoundException',
          `Lifecycle policy does not exist for the repository with name '${r.name}' in the registry with id '${env.world.accountId}'`,
        ),
      );
    return output(
      awsOut(
        {
          registryId: env.world.accountId,
          repositoryName: r.name,
          lifecyclePolicyText: r.lifecyclePolicy.text,
          lastEvaluatedAt: ecrTime(
            r.lifecyclePolicy.nextPassAt - 86400 >= r.lifecyclePolicy.putAt
              ? r.lifecyclePolicy.nextPassAt - 86400
              : r.lifecyclePolicy.putAt,
          ),
        },
        globals,
        api,
      ),
    );
  },
);

const startLifecyclePolicyPreview = simple(
  'start-lifecycle-policy-preview',
  'StartLifecyclePolicyPreview',
  'Starts a preview of a lifecycle policy (the given text, or the repository\u2019s own): which images it would expire, deleting nothing. The preview runs for a few seconds; read it with get-lifecycle-policy-preview.',
  [repoFlag, policyText],
  [
    'aws ecr start-lifecycle-policy-preview --repository-name web --lifecycle-policy-text file://policy.json',
    'aws ecr start-lifecycle-policy-preview --repository-name web',
  ],
  (args, env, globals, api) => {
    const raw = args['lifecycle-policy-text'];
    const text = typeof raw === 'string' ? fileText(env, raw) : undefined;
    if (text === null) return output(paramfileMissing(raw as string));
    const action: Action = {
      type: 'ecr.lifecycle-policy-preview.start',
      repository: args['repository-name'] as string,
      ...(text !== undefined ? { policy: text } : {}),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(api, e),
      (_r, _b, after) => {
        const preview = after.ecr!.repositories[action.repository]!.lifecyclePreview!;
        return awsOut(
          {
            registryId: after.accountId,
            repositoryName: action.repository,
            lifecyclePolicyText: preview.text,
            status: preview.status,
          },
          globals,
          api,
        );
      },
    );
  },
);

const getLifecyclePolicyPreview = simple(
  'get-lifecycle-policy-preview',
  'GetLifecyclePolicyPreview',
  'Shows the last preview started on a repository: IN_PROGRESS, then COMPLETE with the images its policy would expire, each with the rule that would expire it.',
  [
    repoFlag,
    {
      name: 'image-ids',
      type: 'structure-list',
      placeholder: 'imageDigest=string,imageTag=string ...',
      help: 'Only these images (all the preview expires when omitted).',
    },
    {
      name: 'filter',
      type: 'structure',
      placeholder: 'tagStatus=TAGGED|UNTAGGED|ANY',
      help: 'Only tagged or only untagged images.',
    },
  ],
  [
    'aws ecr get-lifecycle-policy-preview --repository-name web',
    'aws ecr get-lifecycle-policy-preview --repository-name web --filter tagStatus=UNTAGGED',
  ],
  (args, env, globals, api) => {
    const w = env.world;
    const r = findRepo(w, api, args['repository-name'] as string);
    if (!isRepo(r)) return output(r);
    const preview = r.lifecyclePreview;
    if (!preview)
      return output(
        // The API reference's description of the exception (the service's own words were not found).
        awsError(
          api,
          'LifecyclePolicyPreviewNotFoundException',
          'There is no dry run for this repository.',
        ),
      );
    const status = (args['filter'] as Record<string, unknown> | undefined)?.['tagStatus'] ?? 'ANY';
    if (status !== 'TAGGED' && status !== 'UNTAGGED' && status !== 'ANY')
      return output(
        awsError(
          api,
          'InvalidParameterException',
          `Invalid parameter at 'filter.tagStatus': '${String(status)}' is not one of TAGGED, UNTAGGED, ANY (the sandbox's wording)`,
        ),
      );
    const rawIds = args['image-ids'] as unknown[] | undefined;
    const ids = rawIds?.map(imageIdOf);
    if (ids?.some((i) => i === null))
      return output(
        awsError(
          api,
          'InvalidParameterException',
          "Invalid parameter at 'imageIds': each image id needs imageTag or imageDigest",
        ),
      );
    const wanted = ids as ({ imageTag: string } | { imageDigest: string })[] | undefined;
    const results = preview.results.filter(
      (p) =>
        (status === 'ANY' || (status === 'TAGGED') === p.tags.length > 0) &&
        (!wanted ||
          wanted.some((id) =>
            'imageDigest' in id ? id.imageDigest === p.digest : p.tags.includes(id.imageTag),
          )),
    );
    return output(awsOut(previewJson(w, r, preview, results), globals, api));
  },
);

const imageIdFlag = {
  name: 'image-id',
  type: 'structure' as const,
  required: true,
  placeholder: 'imageDigest=string,imageTag=string',
  help: 'The image (by tag or digest).',
};

const startImageScan = simple(
  'start-image-scan',
  'StartImageScan',
  'Starts a basic scan of an image (at most once per image per 24 hours).',
  [repoFlag, imageIdFlag],
  ['aws ecr start-image-scan --repository-name web --image-id imageTag=1.0'],
  (args, env, globals, api) => {
    const id = imageIdOf(args['image-id']);
    if (!id)
      return output(
        awsError(
          api,
          'InvalidParameterException',
          "Invalid parameter at 'imageId': give imageTag or imageDigest",
        ),
      );
    const action: Action = {
      type: 'ecr.image-scan.start',
      repository: args['repository-name'] as string,
      ...id,
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(api, e),
      (_r, _b, after) => {
        const r = after.ecr!.repositories[action.repository]!;
        const img = 'imageDigest' in id ? r.images[id.imageDigest]! : imageByTag(r, id.imageTag)!;
        return awsOut(
          {
            registryId: after.accountId,
            repositoryName: r.name,
            imageId: {
              imageDigest: img.digest,
              ...('imageTag' in id ? { imageTag: id.imageTag } : {}),
            },
            imageScanStatus: { status: 'IN_PROGRESS' },
          },
          globals,
          api,
        );
      },
    );
  },
);

const describeImageScanFindings = simple(
  'describe-image-scan-findings',
  'DescribeImageScanFindings',
  'Shows a scan\u2019s findings (the sandbox\u2019s sample findings, by base image).',
  [repoFlag, imageIdFlag],
  ['aws ecr describe-image-scan-findings --repository-name web --image-id imageTag=1.0'],
  (args, env, globals, api) => {
    const w = env.world;
    const r = findRepo(w, api, args['repository-name'] as string);
    if (!isRepo(r)) return output(r);
    const id = imageIdOf(args['image-id']);
    const found = imagesOf(r, id ? [id] : [{}], api, w);
    if ('error' in found) return output(found.error!);
    const img = found.images[0]!;
    const idJson = {
      imageDigest: img.digest,
      ...(id && 'imageTag' in id ? { imageTag: id.imageTag } : {}),
    };
    if (!img.scan)
      return output(
        awsError(
          api,
          'ScanNotFoundException',
          `Image scan does not exist for the image with '{imageDigest:'${img.digest}', imageTag:'${id && 'imageTag' in id ? id.imageTag : 'null'}'}' in the repository with name '${r.name}' in the registry with id '${w.accountId}'`,
        ),
      );
    const complete = img.scan.status === 'COMPLETE';
    return output(
      awsOut(
        {
          ...(complete
            ? {
                imageScanFindings: {
                  findings: img.scan.findings.map((f) => ({
                    name: f.name,
                    uri: f.uri,
                    severity: f.severity,
                    attributes: [
                      { key: 'package_version', value: f.version },
                      { key: 'package_name', value: f.package },
                    ],
                  })),
                  imageScanCompletedAt: ecrTime(img.scan.completedAt ?? w.time),
                  vulnerabilitySourceUpdatedAt: ecrTime(img.scan.completedAt ?? w.time),
                  findingSeverityCounts: Object.fromEntries(
                    ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
                      .map(
                        (s) =>
                          [s, img.scan!.findings.filter((f) => f.severity === s).length] as const,
                      )
                      .filter(([, n]) => n > 0),
                  ),
                },
              }
            : {}),
          registryId: w.accountId,
          repositoryName: r.name,
          imageId: idJson,
          imageScanStatus: complete
            ? { status: 'COMPLETE', description: 'The scan was completed successfully.' }
            : { status: 'IN_PROGRESS' },
        },
        globals,
        api,
      ),
    );
  },
);

const getLoginPassword: AwsOperation = {
  service: 'ecr',
  name: 'get-login-password',
  api: 'GetAuthorizationToken',
  summary:
    'Prints an authorization token for docker login (valid 12 hours): pipe it into docker login --password-stdin.',
  flags: [],
  examples: [
    'aws ecr get-login-password --region eu-west-3 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-3.amazonaws.com',
  ],
  run(_args, env, globals) {
    if (!env.world.ecr) return output(noRegistry(this.api));
    return output(ok(loginToken(globals.region ?? env.world.region, env.world.time)));
  },
};

export const ECR_OPERATIONS: AwsOperation[] = [
  batchDeleteImage,
  createRepository,
  describeImageScanFindings,
  describeImages,
  describeRepositories,
  getLifecyclePolicy,
  getLifecyclePolicyPreview,
  getLoginPassword,
  listImages,
  putImageTagMutability,
  putLifecyclePolicy,
  startImageScan,
  startLifecyclePolicyPreview,
].sort((a, b) => a.name.localeCompare(b.name));
