/**
 * `zod` as the browser build sees it (astro.config.mjs aliases it here): zod with its
 * just-in-time compiled parsers off. Zod otherwise probes `new Function('')` on first use, which
 * the Content Security Policy forbids (no 'unsafe-eval') and reports as a violation even though
 * zod catches the error and falls back to the same interpreted parser this switch selects.
 */
import './zod-jitless.ts';

export * from 'zod/v4';
export { default } from 'zod/v4';
