import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAxeClean, useTheme } from './fixtures';

/**
 * Lesson 1's sandboxes played as a learner would: keyboard placement of all fifteen
 * containers, the scripted crashes restarted by hand, the scale-down, "Check my work";
 * refusals, undo and reset; a fault fired by hand and the orchestrator's recovery; the phone
 * list view; axe in both themes at both widths. Sim time moves only by Step or by playing
 * until a visible clock or event.
 */

const LESSON = '/lessons/why-orchestration/';
const BY_HAND = 'Fifteen containers, three Docker hosts, your two hands';
const ORCHESTRATED = 'The same fifteen containers, with an orchestrator';
const HOST_A = 'i-0792a8e8db7127145';

/** The banner with the result of the learner's last action. */
const lastAction = (sandbox: Locator) => sandbox.getByRole('group', { name: 'Last action' });

async function openSandbox(page: Page, title: string): Promise<Locator> {
  const sandbox = page.getByRole('region', { name: title, exact: true });
  await sandbox.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: sandbox })).not.toHaveAttribute('ssr');
  return sandbox;
}

async function openTab(sandbox: Locator, name: string): Promise<Locator> {
  await sandbox.getByRole('tab', { name, exact: true }).click();
  const panel = sandbox.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

const clock = (seconds: number, duration = '20:00') => {
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss} / ${duration}`;
};

/** Presses Step (10 s each) from `from` until the clock shows `to`. */
async function stepTo(sandbox: Locator, from: number, to: number): Promise<number> {
  const step = sandbox.getByRole('button', { name: 'Step 10 seconds' });
  for (let t = from + 10; t <= to; t += 10) {
    await step.click();
    await expect(sandbox.getByText(clock(t), { exact: true })).toBeVisible();
  }
  return to;
}

/** Opens a chip's or host's action menu with the keyboard and picks `item`. */
async function chooseFromMenu(page: Page, opener: Locator, menuName: string, item: string) {
  await opener.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: menuName });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  const target = menu.getByRole('menuitem', { name: item, exact: true });
  // Walk down with the arrow key, as a keyboard user would.
  for (let i = 0; i < 6 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
}

function host(sandbox: Locator, name: string): Locator {
  return sandbox.getByRole('group', {
    name: new RegExp(`^t3\\.medium ${name} \\(i-0[0-9a-f]{16}\\), running$`),
  });
}

/** Places a tray container on the `hostIndex`-th host (0 = host-a) using only the keyboard. */
async function placeByKeyboard(page: Page, sandbox: Locator, name: string, hostIndex: number) {
  const chip = sandbox.getByRole('button', { name: `${name} created`, exact: true });
  await chooseFromMenu(page, chip, `${name} actions`, 'Place on a host…');
  await expect(host(sandbox, 'host-a')).toBeFocused();
  for (let i = 0; i < hostIndex; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
}

test('a learner places all fifteen containers by keyboard, restarts the crashed ones, scales the storefront down and passes the challenge', async ({
  page,
}) => {
  // Fifteen keyboard placements and 55 steps of sim time: longer than the default test.
  test.setTimeout(240_000);
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, BY_HAND);
  await expect(sandbox.getByText('3 instances, 5 on hosts (5 running), 15 unplaced')).toBeVisible();

  // The first pick is announced with the target host and its free capacity.
  const orders = sandbox.getByRole('button', { name: 'orders created', exact: true });
  await chooseFromMenu(page, orders, 'orders actions', 'Place on a host…');
  await expect(sandbox.getByRole('status')).toHaveText(
    'Picked up orders. Arrow keys choose a host, Enter places, Escape cancels. ' +
      `Host 1 of 3: host-a, t3.medium in eu-west-3a, 1.75 vCPU and 3.4 GiB free.`,
  );
  await page.keyboard.press('ArrowRight');
  await expect(sandbox.getByRole('status')).toHaveText(
    'Host 2 of 3: host-b, t3.medium in eu-west-3b, 1.75 vCPU and 3.4 GiB free.',
  );
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(lastAction(sandbox)).toContainText(`Done: orders is running on host-a (${HOST_A}).`);
  await expect(
    host(sandbox, 'host-a').getByRole('button', { name: 'orders running', exact: true }),
  ).toBeVisible();
  // Focus returns to the placed container.
  await expect(sandbox.getByRole('button', { name: 'orders running', exact: true })).toBeFocused();

  const plan: [string, number][] = [
    ['payments', 0],
    ['catalog', 0],
    ['cart', 0],
    ['search', 1],
    ['frontend', 1],
    ['rabbitmq', 1],
    ['users', 1],
    ['postgres', 2],
    ['shipping', 2],
    ['reviews', 2],
    ['auth', 2],
    ['redis', 2],
    ['notifications', 2],
    ['gateway', 2],
  ];
  for (const [name, index] of plan) await placeByKeyboard(page, sandbox, name, index);
  await expect(
    sandbox.getByText('3 instances, 20 on hosts (20 running), 0 unplaced'),
  ).toBeVisible();
  await expect(sandbox.getByRole('group', { name: 'Unplaced, 0' })).toBeVisible();
  const toil = sandbox
    .getByRole('toolbar', { name: 'Simulation controls' })
    .getByRole('definition');
  await expect(toil.nth(2)).toHaveText('15');

  // The scripted crashes: each is seen in the view and restarted by hand within a minute.
  let now = await stepTo(sandbox, 0, 310);
  const log = await openTab(sandbox, 'Event log');
  await expect(
    log.getByText(
      'container die 09dfd71acce8 (exitCode=1, image=shipyard/orders:1.0, name=orders)',
      {
        exact: true,
      },
    ),
  ).toBeVisible();
  await chooseFromMenu(
    page,
    sandbox.getByRole('button', { name: 'orders exited (1)', exact: true }),
    'orders actions',
    'Start container',
  );
  await expect(lastAction(sandbox)).toContainText(`Done: orders restarted on host-a (${HOST_A}).`);

  now = await stepTo(sandbox, now, 430);
  await chooseFromMenu(
    page,
    sandbox.getByRole('button', { name: 'search exited (137, OOMKilled)', exact: true }),
    'search actions',
    'Start container',
  );
  await stepTo(sandbox, now, 550);
  await chooseFromMenu(
    page,
    sandbox.getByRole('button', { name: 'payments exited (2)', exact: true }),
    'payments actions',
    'Start container',
  );

  // The scale-down by hand: stop, then remove, each storefront replica.
  for (let i = 1; i <= 5; i++) {
    const name = `storefront-${i}`;
    await chooseFromMenu(
      page,
      sandbox.getByRole('button', { name: `${name} running`, exact: true }),
      `${name} actions`,
      'Stop container',
    );
    await expect(lastAction(sandbox)).toContainText(`Done: ${name} stopped.`);
    await chooseFromMenu(
      page,
      sandbox.getByRole('button', { name: new RegExp(`^${name} exited \\(\\d+\\)$`) }),
      `${name} actions`,
      'Remove container',
    );
    await expect(lastAction(sandbox)).toContainText(`Done: ${name} removed.`);
  }
  await expect(toil.nth(2)).toHaveText('28');

  // Play to the end at 64×; the loop stops itself at 20:00.
  await sandbox.getByRole('button', { name: '64×' }).click();
  await sandbox.getByRole('button', { name: 'Play' }).click();
  await expect(sandbox.getByText(clock(1200), { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled();

  const goals = await openTab(sandbox, 'Goals');
  await goals.getByRole('button', { name: 'Check my work' }).click();
  const verdict = goals.getByRole('region', { name: /^Challenge passed/ });
  await expect(verdict.getByRole('heading')).toHaveText('✓ Challenge passed (checked at 20:00)');
  await expect(verdict.getByRole('listitem').filter({ hasText: 'Met:' })).toHaveCount(3);
  await expect(
    verdict.getByText('28 manual container operations.', { exact: false }),
  ).toBeVisible();
  await expect(sandbox.getByRole('status')).toHaveText('All 3 goals met. Challenge passed.');

  // The result is in the learner's progress.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const stored = JSON.parse(localStorage.getItem('shipyard.progress') ?? '{}');
        return stored.lessons?.['why-orchestration']?.challenges?.['why-orchestration-by-hand']
          ?.passed;
      }),
    )
    .toBe(true);
});

test('a learner sees a refused placement with its reason, and undo and reset put the world back', async ({
  page,
}) => {
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, BY_HAND);

  // Fill host-a until the next container does not fit.
  for (const name of ['catalog', 'search', 'rabbitmq'])
    await placeByKeyboard(page, sandbox, name, 0);
  await placeByKeyboard(page, sandbox, 'postgres', 0);
  const refusal =
    'postgres does not fit on host-a (i-0792a8e8db7127145): not enough CPU (needs 0.50 vCPU, 0.25 vCPU free) and memory (needs 1024 MiB, 368 MiB free).';
  await expect(sandbox.getByRole('alert')).toHaveText(`Refused: ${refusal}`);
  await expect(lastAction(sandbox)).toHaveText(`⚠ Refused: ${refusal}✕`);
  await expect(
    sandbox.getByRole('group', { name: 'Unplaced, 12' }).getByRole('button', {
      name: 'postgres created',
      exact: true,
    }),
  ).toBeVisible();

  // Undo takes back the last placement that happened (rabbitmq), not the refused one.
  await sandbox.getByRole('button', { name: 'Undo' }).click();
  await expect(lastAction(sandbox)).toContainText('Note: Your last action was undone.');
  await expect(
    sandbox.getByRole('group', { name: 'Unplaced, 13' }).getByRole('button', {
      name: 'rabbitmq created',
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    sandbox.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('definition').nth(2),
  ).toHaveText('2');

  await stepTo(sandbox, 0, 20);
  await sandbox.getByRole('button', { name: 'Reset' }).click();
  await expect(lastAction(sandbox)).toContainText('Note: The scenario was reset to its start.');
  await expect(sandbox.getByText(clock(0), { exact: true })).toBeVisible();
  await expect(sandbox.getByText('3 instances, 5 on hosts (5 running), 15 unplaced')).toBeVisible();
  await expect(sandbox.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a learner drags a container from the tray onto a host', async ({ page }) => {
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, BY_HAND);
  await sandbox
    .getByRole('button', { name: 'cart created', exact: true })
    .dragTo(host(sandbox, 'host-b'));
  await expect(lastAction(sandbox)).toContainText(
    'Done: cart is running on host-b (i-084d7cccb589caee8).',
  );
  await expect(
    host(sandbox, 'host-b').getByRole('button', { name: 'cart running', exact: true }),
  ).toBeVisible();
  await expect(sandbox.getByRole('group', { name: 'Unplaced, 14' })).toBeVisible();
});

test('a learner kills a task by hand and watches the orchestrator replace it', async ({ page }) => {
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, ORCHESTRATED);

  const goals = await openTab(sandbox, 'Goals');
  await goals.getByRole('button', { name: 'Show solution' }).click();
  await expect(lastAction(sandbox)).toContainText(
    /The solution's \d+ actions were replayed up to \d\d:\d\d\./,
  );

  const catalog = sandbox.getByRole('button', { name: 'catalog RUNNING', exact: true });
  await expect(catalog).toHaveCount(1);
  const before = await catalog.getAttribute('data-chip-id');
  await chooseFromMenu(page, catalog, 'catalog actions', 'Crash task (fault)');
  await expect(catalog).toHaveCount(0);
  // The killed task is on its way out.
  await expect(
    sandbox.locator(`[data-chip-id="${before}"]`).getByText('DEACTIVATING', { exact: true }),
  ).toBeVisible();

  const log = await openTab(sandbox, 'Event log');
  await expect(
    log.getByText(`Container catalog in task ${before} exited with code 1.`, { exact: true }),
  ).toBeVisible();
  await expect(log.getByText('instructor', { exact: true }).first()).toBeVisible();
  const started = log.getByText(
    /^\(service catalog\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/,
  );
  await expect(started).toHaveCount(1);

  // The service scheduler starts a replacement, which reaches RUNNING.
  await sandbox.getByRole('button', { name: '16×' }).click();
  await sandbox.getByRole('button', { name: 'Play' }).click();
  await expect(started).toHaveCount(2, { timeout: 30_000 });
  await expect(catalog).toHaveCount(1, { timeout: 30_000 });
  await sandbox.getByRole('button', { name: 'Pause' }).click();
  expect(await catalog.getAttribute('data-chip-id')).not.toBe(before);
  await expect(
    sandbox.getByRole('button', { name: 'Service catalog 1/1 running EC2', exact: true }),
  ).toBeVisible();
});

test('on a phone the sandbox is a list with the same menus and keyboard placement', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, BY_HAND);
  await expect(sandbox.getByRole('table')).toHaveCount(3);
  await expect(sandbox.getByRole('cell', { name: 'storefront-1', exact: true })).toBeVisible();

  await placeByKeyboard(page, sandbox, 'cart', 2);
  await expect(lastAction(sandbox)).toContainText('Done: cart is running on host-c (i-0');
  await expect(
    host(sandbox, 'host-c').getByRole('cell', { name: 'cart', exact: true }),
  ).toBeVisible();
  // Escape cancels a pick and says so.
  const users = sandbox.getByRole('button', { name: 'users created', exact: true });
  await chooseFromMenu(page, users, 'users actions', 'Place on a host…');
  await page.keyboard.press('Escape');
  await expect(sandbox.getByRole('status')).toHaveText('Placement of users cancelled.');
  await expect(users).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`the lesson's sandboxes are axe clean in the ${theme} theme at ${width} px`, async ({
      page,
    }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(LESSON);
      const byHand = await openSandbox(page, BY_HAND);
      await placeByKeyboard(page, byHand, 'orders', 0);
      await expect(lastAction(byHand)).toContainText(`orders is running on host-a (${HOST_A}).`);
      await openTab(byHand, 'Actions');
      await expect(byHand.getByRole('form', { name: 'Containers' })).toBeVisible();
      const orchestrated = await openSandbox(page, ORCHESTRATED);
      await openTab(orchestrated, 'Goals');
      await orchestrated.getByRole('button', { name: 'Show solution' }).click();
      await openTab(orchestrated, 'Metrics');
      await expect(
        orchestrated.getByRole('img', { name: /^Running vs desired from 00:00/ }),
      ).toBeVisible();
      await expectAxeClean(page, `${LESSON} (${theme}, ${width} px)`);
    });
  }
}
