// @ts-check
/**
 * Astro integration: after the build, completes each page's Content Security Policy
 * (see complete-policy.mjs). Listed before the offline integration, so the service worker
 * precaches the completed pages.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completePolicy } from './complete-policy.mjs';

/** @returns {import('astro').AstroIntegration} */
export function strictContentSecurityPolicy() {
  return {
    name: 'shipyard:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let pages = 0;
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = join(entry.parentPath, entry.name);
          const html = await readFile(file, 'utf8');
          await writeFile(file, completePolicy(html, relative(root, file)));
          pages += 1;
        }
        logger.info(`Content Security Policy completed on ${pages} pages`);
      },
    },
  };
}
