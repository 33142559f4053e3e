import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium where it exists (Playwright cannot download browsers here), else Playwright's own. */
function chromiumPath(): string | undefined {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

const PORT = Number(process.env['E2E_PORT'] ?? 4321);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        // Every lookup of an outside host fails, so "no request leaves the site" is testable.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  webServer: {
    // `npm run` puts the project's Node 22 first on PATH; bare `astro preview` would use the system Node.
    command: `npm run preview -- --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/favicon.svg`,
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
  },
});
