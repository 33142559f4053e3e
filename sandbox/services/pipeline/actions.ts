/**
 * The pipeline's actions: saving a file of the repository (the editor), the form's edits of the
 * application, `git commit` and `git push`, cancelling or re-running a run (`gh run …`) and
 * the CI role's OIDC trust policy.
 */
import { z } from 'zod';

/** The managed policy that lets the CI role push to ECR (ecr:InitiateLayerUpload and the rest). */
export const PUSH_POLICY = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser';

const path = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/,
    'a relative path of letters, digits, ., _, - and /',
  )
  .refine(
    (p) => !p.split('/').some((part) => part === '..' || part === '__proto__'),
    'no .. or __proto__ parts',
  );

export const pipelineActionSchemas = [
  z.strictObject({
    /** The editor saves a file of the repository's working tree. */
    type: z.literal('pipeline.file.write'),
    path,
    content: z.string().max(100_000, 'at most 100,000 characters'),
  }),
  z.strictObject({
    /** The form: change the version, break or fix the test, break or fix the start command. */
    type: z.literal('pipeline.app.edit'),
    version: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[0-9A-Za-z.+-]+$/, 'letters, digits, ., + and -')
      .optional(),
    test: z.enum(['pass', 'fail']).optional(),
    start: z.enum(['ok', 'broken']).optional(),
  }),
  z.strictObject({
    type: z.literal('pipeline.commit'),
    message: z
      .string()
      .min(1, 'Aborting commit due to empty commit message.')
      .max(200)
      .refine((m) => !/[\p{Cc}]/u.test(m), 'one line, no control characters'),
  }),
  z.strictObject({ type: z.literal('pipeline.push') }),
  z.strictObject({
    type: z.literal('pipeline.run.cancel'),
    run: z.number().int().min(1).max(1_000_000),
  }),
  z.strictObject({
    type: z.literal('pipeline.run.rerun'),
    run: z.number().int().min(1).max(1_000_000),
  }),
  z.strictObject({
    /** The CI role's trust policy: which repository/branch (`sub`) and audience may assume it. */
    type: z.literal('pipeline.role.trust'),
    subject: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9:/._*-]+$/, 'a sub claim such as repo:shipyard/web:ref:refs/heads/main'),
    audience: z.string().min(1).max(255).optional(),
  }),
  z.strictObject({
    /** The CI role gets the managed policy that allows pushing to ECR. */
    type: z.literal('pipeline.role.allow-push'),
  }),
] as const;
