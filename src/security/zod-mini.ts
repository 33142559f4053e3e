/** `zod/mini` as the browser build sees it: see zod-classic.ts. */
import './zod-jitless.ts';

export * from 'zod/v4/mini';
