import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/chromium-path.mjs';

/**
 * The port the built site is served on for this run: E2E_PORT, or a port that is free now.
 * The choice is kept in the environment, so the test workers (started later, with this
 * process's environment) agree with the web server.
 */
function e2ePort(): number {
  if (!process.env['E2E_PORT']) {
    process.env['E2E_PORT'] = execFileSync(process.execPath, ['scripts/free-port.mjs'], {
      encoding: 'utf8',
    }).trim();
  }
  return Number(process.env['E2E_PORT']);
}

const PORT = e2ePort();
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
    // The tests serve dist/ themselves, on a port no other server holds: `astro preview` allows
    // one preview per machine, so an author's open preview would stop the run.
    // With the headers the README asks a host to send; the SCORM story's LMS is on localhost.
    command: `node scripts/serve-dist.mjs --port ${PORT} --root dist --frame-ancestors "'self' http://localhost:${PORT}"`,
    url: `http://127.0.0.1:${PORT}/favicon.svg`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
