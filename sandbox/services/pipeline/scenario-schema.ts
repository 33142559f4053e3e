/**
 * The `initial.pipeline` part of a scenario: the repository (its name, branch, the application's
 * version, and files that replace the defaults — the workflow above all), the CI role and its
 * OIDC trust, and whether the lesson's equivalent buildspec and Jenkinsfile are shown.
 */
import { z } from 'zod';

export const pipelineInitialSchema = z.strictObject({
  repo: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'owner/name')
    .default('shipyard/web'),
  branch: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._/-]+$/)
    .default('main'),
  version: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[0-9A-Za-z.+-]+$/)
    .default('1.0.0'),
  files: z
    .record(z.string().max(200), z.string().max(100_000))
    .default({})
    .describe(
      'files of the first commit, by path (replace the defaults; the workflow is .github/workflows/deploy.yml)',
    ),
  role: z
    .strictObject({
      arn: z
        .string()
        .max(2048)
        .regex(/^arn:aws:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]+$/),
      trustSubject: z.string().max(255).describe('the sub claim the trust policy accepts'),
      audience: z.string().max(255).default('sts.amazonaws.com'),
      push: z.boolean().default(true).describe('whether its policies allow pushing to ECR'),
    })
    .optional()
    .describe('the IAM role the workflow assumes with OIDC'),
  onImagePush: z
    .array(
      z.strictObject({
        rule: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[.\-_A-Za-z0-9]+$/, 'an EventBridge rule name'),
        repository: z
          .string()
          .min(2)
          .max(256)
          .regex(
            /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/,
            'an ECR repository name',
          ),
        tag: z
          .string()
          .min(1)
          .max(128)
          .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'an image tag')
          .optional()
          .describe('only pushes of this tag (default: any tag)'),
        deployment: z
          .string()
          .min(1)
          .max(253)
          .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes name'),
        container: z
          .string()
          .min(1)
          .max(63)
          .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a container name')
          .optional()
          .describe(
            "the container whose image changes (default: the Deployment's name, as kubectl create deployment names it)",
          ),
        namespace: z
          .string()
          .min(1)
          .max(63)
          .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace name')
          .optional(),
      }),
    )
    .max(10)
    .default([])
    .describe(
      'EventBridge rules on ECR Image Action PUSH events whose target (a CodePipeline with an ECR source and an EKS deploy action) deploys the pushed image, by digest, to a Deployment of the cluster kubectl points at',
    ),
});

export type PipelineInitial = z.infer<typeof pipelineInitialSchema>;
