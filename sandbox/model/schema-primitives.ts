/**
 * Shared zod primitives: names, references, images, Availability Zones and counts. Every
 * service's action schemas (services/<svc>/actions.ts) and scenario schema part
 * (services/<svc>/scenario-schema.ts) build on these, so a name is checked the same way
 * wherever it is typed.
 */
import { z } from 'zod';
import { LIMITS } from './constants.ts';

const NAME = /^[A-Za-z0-9_-]+$/;

/** A new resource's name (a service, a family, a container, a tag). */
export const nameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`)
  .regex(NAME, 'may contain only letters, digits, hyphens and underscores')
  .refine((v) => v !== '__proto__', 'is reserved in the sandbox');

/**
 * Ids or names typed by a person: printable, bounded. Every lookup by a ref uses own properties
 * only, so `__proto__` here is an ordinary unknown name (only new names reserve it).
 */
export const refSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const imageSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.imageLength, `must be at most ${LIMITS.imageLength} characters`)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._\-/:@#]*$/,
    'may contain letters (uppercase and lowercase), digits, hyphens, underscores, colons, periods, forward slashes and number signs',
  );

export const azSchema = z
  .string()
  .regex(/^[a-z]{2}-[a-z]+-\d[a-z]$/, 'must be an Availability Zone name such as eu-west-3a');

/** A whole number in [0, max]; the message names the limit and where it comes from. */
export const countSchema = (max: number, what: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max} (${what})`);

/** Requests per second sent to a service. */
export const rpsSchema = z
  .number()
  .min(0, 'must not be negative')
  .max(LIMITS.rps, `must be at most ${LIMITS.rps} requests per second`);

/** What an EC2 host runs from its user data (services/ec2 launches it; others read it). */
export const softwareSchema = z.enum(['docker', 'ecs']);
