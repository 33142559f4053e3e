/**
 * The ECR module's action schemas: the registry's API (repositories, tag mutability, lifecycle
 * policies and their previews, image deletes, scans), the workstation's docker CLI against it (login, build, tag,
 * push, pull, rmi), the IAM policy that gives a role pull permission back, and the fault that
 * takes it away. Composed into scenarios/action-schema.ts.
 */
import { z } from 'zod';
import { imageSchema } from '../../model/schema-primitives.ts';

/**
 * A repository name as the actions carry it. Up to 1,024 characters, well past ECR's 256, so a
 * name of the wrong length reaches the handler and the learner reads ECR's own message; longer
 * input is refused here.
 */
const repositoryName = z
  .string()
  .min(1, 'must not be empty')
  .max(1024, 'must be at most 1024 characters (sandbox limit)')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const tag = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const roleArn = z
  .string()
  .min(1)
  .max(2048)
  .regex(
    /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/,
    'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
  );
/** The build context: file name → text (the editor's documents, when they hold the sources). */
const buildContext = z
  .record(z.string().min(1).max(255), z.string().max(64 * 1024))
  .refine((r) => Object.keys(r).length <= 50, 'holds at most 50 files');

/** The AWS managed policies that grant ECR pull (the node and task execution roles' usual ones). */
export const PULL_POLICIES = [
  'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
  'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
] as const;

export const ecrActionSchemas = [
  z.strictObject({
    type: z.literal('ecr.repository.create'),
    name: repositoryName,
    imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE']).optional(),
    scanOnPush: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('ecr.image-tag-mutability.put'),
    repository: repositoryName,
    imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE']),
  }),
  z.strictObject({
    type: z.literal('ecr.lifecycle-policy.put'),
    repository: repositoryName,
    /** The policy's JSON text, as `--lifecycle-policy-text` takes it. */
    policy: z.string().min(1).max(30720),
  }),
  z.strictObject({
    /** `aws ecr start-lifecycle-policy-preview`: what a policy would expire, deleting nothing. */
    type: z.literal('ecr.lifecycle-policy-preview.start'),
    repository: repositoryName,
    /** The policy to preview; without it, the repository's own lifecycle policy. */
    policy: z.string().min(1).max(30720).optional(),
  }),
  z.strictObject({
    type: z.literal('ecr.image.batch-delete'),
    repository: repositoryName,
    imageIds: z
      .array(
        z.union([
          z.strictObject({ imageTag: tag }),
          z.strictObject({
            imageDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256:<64 hex>'),
          }),
        ]),
      )
      .min(1)
      .max(100, 'must be at most 100 (BatchDeleteImage limit)'),
  }),
  z.strictObject({
    type: z.literal('ecr.image-scan.start'),
    repository: repositoryName,
    imageTag: tag.optional(),
    imageDigest: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256:<64 hex>')
      .optional(),
  }),
  z.strictObject({
    /** `aws ecr get-login-password … | docker login --username AWS --password-stdin <registry>`. */
    type: z.literal('docker.login'),
    registry: z.string().min(1).max(255),
  }),
  z.strictObject({
    type: z.literal('docker.image.build'),
    tags: z.array(imageSchema).max(10),
    /** The Dockerfile's name in the context (`-f`), default `Dockerfile`. */
    file: z.string().min(1).max(255).optional(),
    /** Files that replace the workstation's own for this build (the editor's documents). */
    context: buildContext.optional(),
  }),
  z.strictObject({ type: z.literal('docker.image.tag'), source: imageSchema, target: imageSchema }),
  z.strictObject({ type: z.literal('docker.image.push'), image: imageSchema }),
  z.strictObject({ type: z.literal('docker.image.pull'), image: imageSchema }),
  z.strictObject({ type: z.literal('docker.image.remove'), image: imageSchema }),
  z.strictObject({
    type: z.literal('iam.role-policy.attach'),
    role: roleArn,
    policyArn: z.enum(PULL_POLICIES),
  }),
  z.strictObject({
    /** A role loses its ECR pull permission (a policy detached): new pulls are denied. */
    type: z.literal('fault.ecr-pull-denied'),
    role: roleArn,
  }),
] as const;
