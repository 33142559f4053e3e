/**
 * Where the browser tests look for Chromium, in order: CHROMIUM_PATH, Debian's Chromium, then
 * the build Playwright installs for itself (where Playwright can download one).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** @returns {string[]} */
export function chromiumCandidates() {
  const own = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return '';
    }
  })();
  return [
    process.env['CHROMIUM_PATH'] ?? '',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    own,
  ].filter((path) => path.length > 0);
}

/** The first Chromium that exists, or undefined. */
export function chromiumPath() {
  return chromiumCandidates().find((path) => existsSync(path));
}
