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
});

export type PipelineInitial = z.infer<typeof pipelineInitialSchema>;
