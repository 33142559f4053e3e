/** The scenario `initial` part the Docker module builds from: containers, placed or in the tray. */
import { z } from 'zod';
import { LIMITS } from '../../model/constants.ts';
import { nameSchema } from '../../model/schema-primitives.ts';

export const containerSpecSchema = z.strictObject({
  name: nameSchema.describe('Container name (docker run --name)'),
  image: z.string().min(1).max(LIMITS.imageLength).describe('Image, e.g. shipyard/orders:1.0'),
  cpu: z.number().int().min(1).max(196608).describe('CPU units (1024 = 1 vCPU; --cpus 0.5 = 512)'),
  memoryMiB: z.number().int().min(6).max(1_000_000).describe('Memory limit in MiB (--memory)'),
  host: z
    .string()
    .max(255)
    .optional()
    .describe('Name of the host it already runs on; omitted = in the unplaced tray'),
});

/** `initial.containers`. */
export const dockerInitialSchema = {
  containers: z
    .array(containerSpecSchema)
    .max(LIMITS.containersTotal, `at most ${LIMITS.containersTotal} containers (sandbox limit)`)
    .default([]),
};
