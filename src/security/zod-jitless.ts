/** Turns zod's JIT-compiled parsers off before any schema is used: see zod-classic.ts. */
import { config } from 'zod/v4/core';

config({ jitless: true });
