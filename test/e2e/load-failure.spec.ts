/**
 * Code a sandbox loads on first use can fail to arrive (offline before the course was cached, a
 * dropped classroom connection). The learner is told what did not load, nothing else breaks, and
 * "Try again" loads it once the connection is back.
 */
import type { Page } from '@playwright/test';
import { encodeStateLink } from '../../src/lib/share/state-link.ts';
import { test, expect, expectAxeClean } from './fixtures';
import { openSandbox, openTab, simSeconds } from './lesson-sandbox';

const LESSON = '/lessons/why-orchestration/';
const SANDBOX = 'Fifteen containers, three Docker hosts, your two hands';
/** The engine's answer to `docker ps` with no Docker host chosen. */
const DOCKER_PS_ANSWER =
  'error (exit 1): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

// The service worker would answer from its own cache, out of this page's routes' reach.
test.use({ serviceWorkers: 'block' });

interface Outage {
  /** The URL that was refused. */
  url: () => string;
  /** How many times it was refused. */
  refusals: () => number;
  /** The connection is back: later requests load. */
  back: () => void;
}

/** Answers every request for the built chunk matching `name` with 503 until `back()`. */
async function outageFor(page: Page, name: RegExp): Promise<Outage> {
  let url = '';
  let refusals = 0;
  let down = true;
  await page.route(
    (u) => u.pathname.startsWith('/_astro/') && name.test(u.pathname.slice(8)),
    async (route) => {
      if (!down) return route.fallback();
      url = route.request().url();
      refusals += 1;
      await route.fulfill({ status: 503, body: 'Service Unavailable' });
    },
  );
  return { url: () => url, refusals: () => refusals, back: () => (down = false) };
}

/**
 * The outage refused one request, and the failed request and console errors are the ones it
 * caused (the browser's report of the 503, then `logged`), and no others; then forgets them.
 */
function expectOnlyOutage(
  problems: { failedRequests: string[]; consoleErrors: string[] },
  outage: Outage,
  logged: string[] = [],
): void {
  expect(outage.refusals()).toBe(1);
  expect(problems.failedRequests).toEqual([`${outage.url()} (503)`]);
  expect(problems.consoleErrors).toEqual([
    'Failed to load resource: the server responded with a status of 503 (Service Unavailable)',
    ...logged,
  ]);
  problems.failedRequests.length = 0;
  problems.consoleErrors.length = 0;
}

test('when the engine does not arrive the learner is told, and Try again loads it', async ({
  page,
  problems,
}) => {
  const outage = await outageFor(page, /^engine\.[\w-]+\.js$/);
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, SANDBOX);
  const panel = await openTab(sandbox, 'Terminal');
  const reason = `Failed to fetch dynamically imported module: ${outage.url()}`;
  await expect(sandbox.getByRole('group', { name: 'Last action' })).toHaveText(
    `⚠ Refused: The sandbox engine could not load, so nothing changed. Check the connection, then try again. (${reason})✕`,
  );
  await expect(panel).toHaveText(
    `⚠ The sandbox engine could not load. Check the connection, then try again. (${reason})Try again`,
  );
  await expectAxeClean(page, 'a sandbox whose engine did not load');

  outage.back();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByRole('textbox', { name: 'Command' })).toBeVisible();
  // The refusal was about the load that failed; it goes once the engine is here.
  await expect(sandbox.getByRole('group', { name: 'Last action' })).toHaveCount(0);
  await panel.getByRole('textbox', { name: 'Command' }).fill('docker ps');
  await panel.getByRole('textbox', { name: 'Command' }).press('Enter');
  await expect(panel.getByText(DOCKER_PS_ANSWER)).toBeVisible();
  expectOnlyOutage(problems, outage);
});

test('when a panel does not arrive it says so in its place, the sandbox keeps working, and Try again loads it', async ({
  page,
  problems,
}) => {
  const outage = await outageFor(page, /^EventLog\.[\w-]+\.js$/);
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, SANDBOX);
  const panel = await openTab(sandbox, 'Event log');
  const failure = panel.getByRole('alert');
  await expect(failure).toHaveText(
    `⚠ The Event log panel could not load. Check the connection, then try again. (Failed to fetch dynamically imported module: ${outage.url()})Try again`,
  );
  await expectAxeClean(page, 'a sandbox with a panel that did not load');

  // The rest of the sandbox is unharmed: the clock runs.
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect(sandbox.getByText('00:10 / ', { exact: false }).first()).toBeVisible();

  outage.back();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByText('0 events, newest first.')).toBeVisible();
  await expect(panel.getByRole('list', { name: '0 events, newest first.' })).toBeAttached();
  // React reports the error its boundary caught.
  expectOnlyOutage(problems, outage, [
    `TypeError: Failed to fetch dynamically imported module: ${outage.url()}`,
  ]);
});

test('a sandbox link opened while the engine cannot load says so, and opens once it can', async ({
  page,
  problems,
}) => {
  const outage = await outageFor(page, /^engine\.[\w-]+\.js$/);
  const link = encodeStateLink({
    scenarioId: 'why-orchestration-by-hand',
    seed: 1,
    time: 30,
    log: [],
  });
  await page.goto(`${LESSON}${link}`);
  const notice = page.getByRole('alert').filter({ hasText: 'This sandbox link was not opened' });
  await expect.poll(() => outage.refusals()).toBe(1);
  await expect(notice.locator('p')).toHaveText(
    `This sandbox link was not opened: the sandbox’s code did not load (Failed to fetch dynamically imported module: ${outage.url()}). Check the connection, then open the link again.`,
  );
  const sandbox = await openSandbox(page, SANDBOX);
  await expect.poll(() => simSeconds(sandbox)).toBe(0);

  outage.back();
  await page.goto('about:blank');
  await page.goto(`${LESSON}${link}`);
  await expect(
    sandbox.getByRole('group', { name: 'Last action' }).locator('.sbx-outcome-text'),
  ).toHaveText(
    `ℹ Note: Opened a shared link: “${SANDBOX}” at 00:30, with 0 actions replayed. Press Play to continue from there.`,
  );
  await expect.poll(() => simSeconds(sandbox)).toBe(30);
  expectOnlyOutage(problems, outage);
});

test('a dialog that does not arrive says so where it would open, and Try again opens it', async ({
  page,
  problems,
}) => {
  const outage = await outageFor(page, /^ShareDialog\.[\w-]+\.js$/);
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, SANDBOX);
  await sandbox.getByRole('button', { name: 'QR code' }).click();
  const failure = sandbox.locator('.sbx-load-failure');
  await expect.poll(() => outage.refusals()).toBe(1);
  await expect(failure).toHaveRole('alert');
  await expect(failure).toHaveText(
    `⚠ The sharing dialog could not load. Check the connection, then try again. (Failed to fetch dynamically imported module: ${outage.url()})Try again`,
  );

  outage.back();
  await failure.getByRole('button', { name: 'Try again' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR code of this exact state' });
  await expect(dialog.getByRole('textbox')).toHaveValue(new RegExp(`${LESSON}#sbx=v1\\.`));
  await expect(failure).toHaveCount(0);
  expectOnlyOutage(problems, outage, [
    `TypeError: Failed to fetch dynamically imported module: ${outage.url()}`,
  ]);
});
