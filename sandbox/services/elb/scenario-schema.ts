/** The scenario `initial` part the ELB module builds from: the traffic at time 0. */
import { z } from 'zod';
import { LIMITS } from '../../model/constants.ts';
import { nameSchema } from '../../model/schema-primitives.ts';

/** `initial.traffic`. */
export const elbInitialSchema = {
  traffic: z
    .record(nameSchema, z.number().min(0).max(LIMITS.rps))
    .default({})
    .describe('Requests per second per service at time 0'),
};
