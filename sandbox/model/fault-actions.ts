/**
 * The fault actions (core): a scenario or an instructor fires them; each service module
 * answers the ones about its own resources (engine/module.ts `crash`, and the fault handlers
 * in the modules' action tables).
 */
import { z } from 'zod';
import { azSchema, refSchema, rpsSchema } from './schema-primitives.ts';

export const faultActionSchemas = [
  z.strictObject({
    type: z.literal('fault.crash'),
    targetId: refSchema.optional(),
    service: refSchema.optional(),
    exitCode: z.number().int().min(0).max(255).optional(),
    oom: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('fault.terminate-instance'), instanceId: refSchema }),
  z.strictObject({ type: z.literal('fault.az-outage'), az: azSchema }),
  z.strictObject({ type: z.literal('fault.az-recover'), az: azSchema }),
  z.strictObject({ type: z.literal('fault.agent-disconnect'), instanceId: refSchema }),
  z.strictObject({ type: z.literal('fault.agent-reconnect'), instanceId: refSchema }),
  z.strictObject({ type: z.literal('fault.traffic'), service: refSchema, rps: rpsSchema }),
] as const;
