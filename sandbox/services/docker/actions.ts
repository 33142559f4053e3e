/** The zod schemas of the Docker-by-hand actions (`docker.*`); the types are inferred from them. */
import { z } from 'zod';
import { refSchema } from '../../model/schema-primitives.ts';

export const dockerActionSchemas = [
  z.strictObject({
    type: z.literal('docker.container.place'),
    containerId: refSchema,
    hostId: refSchema,
  }),
  z.strictObject({ type: z.literal('docker.container.start'), containerId: refSchema }),
  z.strictObject({ type: z.literal('docker.container.stop'), containerId: refSchema }),
  z.strictObject({ type: z.literal('docker.container.remove'), containerId: refSchema }),
] as const;
