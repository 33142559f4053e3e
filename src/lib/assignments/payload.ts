/**
 * The assignment an instructor hands out: which challenges (with an optional seed and scheduled
 * faults) and which quizzes, a title and a due date. It travels signed in a link (see token.ts);
 * every field is checked again wherever it is read, because a link is untrusted input.
 */
import { z } from 'zod';

export const ASSIGNMENT_VERSION = 1;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes (at most 64)');

/** A fault fired at a sim time; the action itself is checked by the engine (`fault.*` only). */
export const scheduledFaultSchema = z.strictObject({
  at: z
    .number()
    .int('must be a whole number of seconds')
    .min(0, 'must not be negative')
    .max(604_800, 'must be at most 604800 s (7 days)'),
  action: z.record(z.string(), z.unknown()),
});

export const assignedChallengeSchema = z.strictObject({
  scenario: id.describe('A scenario id of the course (sandbox/scenarios/<id>.yaml)'),
  faults: z.array(scheduledFaultSchema).max(20, 'at most 20 scheduled faults per challenge'),
});

/** ECDSA P-256 public key (JWK members that identify it). */
export const publicKeySchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte base64url coordinate'),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte base64url coordinate'),
});

export const assignmentSchema = z
  .strictObject({
    v: z.literal(ASSIGNMENT_VERSION),
    id: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits'),
    title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-24')
      .nullable(),
    seed: z
      .number()
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(0xffffffff, 'must be at most 4294967295')
      .nullable()
      .describe("null: each challenge keeps its scenario's own seed"),
    challenges: z.array(assignedChallengeSchema).max(20, 'at most 20 challenges'),
    quizzes: z.array(id).max(20, 'at most 20 quizzes'),
    createdAt: z.iso.datetime({ message: 'must be an ISO date and time' }),
    key: publicKeySchema.describe('The public half of the key that signed the assignment'),
  })
  .refine((a) => a.challenges.length + a.quizzes.length > 0, {
    message: 'an assignment needs at least one challenge or quiz',
    path: ['challenges'],
  })
  .refine((a) => new Set(a.challenges.map((c) => c.scenario)).size === a.challenges.length, {
    message: 'a challenge appears twice',
    path: ['challenges'],
  })
  .refine((a) => new Set(a.quizzes).size === a.quizzes.length, {
    message: 'a quiz appears twice',
    path: ['quizzes'],
  });

export type Assignment = z.infer<typeof assignmentSchema>;
export type AssignedChallenge = z.infer<typeof assignedChallengeSchema>;
export type ScheduledFault = z.infer<typeof scheduledFaultSchema>;
export type PublicKeyJwk = z.infer<typeof publicKeySchema>;
