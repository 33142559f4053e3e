/**
 * The `initial.ecr` part of a scenario: the registry at time 0 (repositories with their
 * settings, lifecycle policy and images already pushed, possibly days ago), the workstation's
 * build context (`docker build .` reads it), and roles that have lost ECR pull permission.
 * A scenario with this key runs the ECR module. Every field says what it is for.
 */
import { z } from 'zod';

const repositoryName = z.string().min(2).max(256);
const tag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'must be a Docker tag');

export const ecrScenarioSchema = z.strictObject({
  repositories: z
    .array(
      z.strictObject({
        name: repositoryName.describe('Repository name (ECR name rules apply)'),
        imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE']).default('MUTABLE'),
        scanOnPush: z.boolean().default(false),
        lifecyclePolicy: z.string().max(30720).optional().describe('Lifecycle policy JSON text'),
        images: z
          .array(
            z.strictObject({
              tags: z.array(tag).max(10).describe('Tags pointing at it (empty = untagged)'),
              pushedDaysAgo: z
                .number()
                .min(0)
                .max(3650)
                .default(0)
                .describe('How long ago it was pushed'),
              sizeMB: z.number().min(1).max(10000).default(50).describe('Compressed size in MB'),
            }),
          )
          .max(200)
          .default([]),
      }),
    )
    .max(50)
    .default([]),
  files: z
    .record(z.string().min(1).max(255), z.string().max(64 * 1024))
    .refine((r) => Object.keys(r).length <= 50, 'holds at most 50 files')
    .default({})
    .describe('The workstation build context: a Dockerfile and the files it copies'),
  rules: z
    .array(
      z.strictObject({
        name: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[.\-_A-Za-z0-9]+$/, 'an EventBridge rule name'),
        repository: repositoryName,
        tag: tag.optional().describe('Only pushes of this tag (default: any tag)'),
        service: z.string().min(1).max(255).describe('The ECS service its target redeploys'),
      }),
    )
    .max(10)
    .default([])
    .describe(
      'EventBridge rules on ECR Image Action PUSH events whose target forces a new deployment',
    ),
  pullDenied: z
    .array(z.string().regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/))
    .max(20)
    .default([])
    .describe('IAM roles (ARNs) without ECR pull permission at time 0'),
});

export const ecrInitialSchema = {
  ecr: ecrScenarioSchema
    .optional()
    .describe('The ECR registry at time 0; a scenario with this key runs the registry'),
};
