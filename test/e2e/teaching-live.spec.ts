/**
 * Presenter mode and exact-state links, as an instructor and a learner use them: a projected
 * window and an instructor window driven together, a copied link reopened in a fresh page, and
 * bad links refused with their message.
 */
import type { Page } from '@playwright/test';
import { LESSON_IDS } from '../../src/lib/lesson-schema.ts';
import { toBase64Url } from '../../src/lib/share/base64url.ts';
import { encodeStateLink } from '../../src/lib/share/state-link.ts';
import {
  INSTRUCTOR_SHORTCUTS,
  PROJECTOR_SHORTCUTS,
} from '../../src/lib/teaching/presenter-shortcuts.ts';
import { expect, expectAxeClean, test, useTheme } from './fixtures';
import { openSandbox, openTab, simSeconds } from './lesson-sandbox';

const FIRST_SERVICE = 'Register a task definition and run it as a service';

async function instructorWindow(page: Page) {
  await page.goto('/presenter/ecs/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  return page;
}

test('an instructor drives the projected sandbox and fires a fault that the projected screen shows', async ({
  page,
  context,
}) => {
  await page.goto('/lessons/ecs/?present=2');
  const bar = page.getByRole('region', { name: 'Presenter mode' });
  await expect(bar.getByRole('heading', { level: 2 })).toHaveText(`Presenting “${FIRST_SERVICE}”`);
  const sandbox = page.getByRole('region', { name: FIRST_SERVICE, exact: true });
  await expect(sandbox.getByRole('button', { name: 'Stop presenting' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const console = await instructorWindow(await context.newPage());
  const status = console.getByRole('region', { name: 'Projected window' });
  await expect(status).toContainText(`On screen: ${FIRST_SERVICE}`);
  await expect(status).toContainText('00:00 / 05:00 paused');
  await expect(console.locator('.pc-note-now h3')).toHaveText(
    'Task definitions and services on screen now',
  );

  // Keys in the instructor window move the projected clock.
  await console.keyboard.press('.');
  await console.keyboard.press('.');
  await expect.poll(() => simSeconds(sandbox)).toBe(20);
  await expect(status).toContainText('00:20 / 05:00 paused');
  await console.keyboard.press('2');
  await expect(sandbox.getByRole('button', { name: '4×', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await console.keyboard.press('k');
  await expect(status).toContainText('playing at 4×');
  await expect(sandbox.getByRole('button', { name: 'Pause' })).toBeVisible();
  await console.keyboard.press('k');
  await expect(status).toContainText('paused');
  await expect(sandbox.getByRole('button', { name: 'Play' })).toBeVisible();
  await console.keyboard.press('r');
  await expect.poll(() => simSeconds(sandbox)).toBe(0);
  await console.keyboard.press('.');
  await console.keyboard.press('.');
  await expect(status).toContainText('00:20 / 05:00 paused');
  await console.keyboard.press('n');
  await expect(console.getByRole('heading', { name: 'Speaker notes N' })).toBeFocused();
  await console.keyboard.press('f');
  await expect(
    console
      .getByRole('form', { name: 'Kill an instance' })
      .getByRole('combobox', { name: 'Target' }),
  ).toBeFocused();

  // The fault panel lists the world's faults with targets taken from what runs.
  const faults = console.getByRole('region', { name: 'Fault panel F' });
  await expect(faults.getByRole('heading', { level: 3 })).toHaveText([
    'Crash a task',
    'Out of memory in a task',
    'Bad release of a service',
    'Kill an instance',
    'Availability Zone outage',
    'End an AZ outage',
    'ECS agent down',
    'ECS agent back',
    'Traffic spike',
  ]);
  const outage = faults.getByRole('form', { name: 'Availability Zone outage' });
  await expect(outage.getByRole('combobox', { name: 'Target' }).locator('option')).toHaveText([
    'eu-west-3a',
    'eu-west-3b',
    'eu-west-3c',
  ]);
  await outage.getByRole('combobox', { name: 'Target' }).selectOption('eu-west-3b');
  await outage.getByRole('button', { name: 'Fire' }).click();

  // The projected screen says who fired what, and the event log records the instructor.
  await expect(
    page.getByRole('complementary', { name: 'Faults fired by the instructor' }).locator('li'),
  ).toHaveText(['⚡ Fired by the instructor at 00:20: Availability Zone outage: eu-west-3b']);
  const log = await openTab(sandbox, 'Event log');
  await expect(
    log.locator('li', { hasText: 'Availability Zone eu-west-3b is impaired' }).first(),
  ).toContainText('ec2');
  await expect(
    log.locator('li', { hasText: 'Availability Zone eu-west-3b is down.' }).first(),
  ).toContainText('instructor');

  // The instructor window hears the result and offers the recovery.
  await expect(console.getByRole('log').locator('li')).toHaveText([
    '00:20 Availability Zone outage: eu-west-3b: Availability Zone eu-west-3b is down.',
  ]);
  await expect(
    faults.getByRole('form', { name: 'End an AZ outage' }).getByRole('combobox').locator('option'),
  ).toHaveText(['eu-west-3b']);

  // Rewind from the instructor window resets the projected world.
  await console.keyboard.press('r');
  await expect.poll(() => simSeconds(sandbox)).toBe(0);
  await expect(status).toContainText('00:00 / 05:00');
});

test('on an EKS sandbox of the ECR lesson the instructor fires the ECR and Kubernetes faults the world has, and the projected screen shows them', async ({
  page,
  context,
}) => {
  const title = 'A node role loses its pull permission';
  await page.goto('/lessons/ecr/?present=4');
  await expect(
    page.getByRole('region', { name: 'Presenter mode' }).getByRole('heading', { level: 2 }),
  ).toHaveText(`Presenting “${title}”`);
  await expect(page.locator('.sbx-block[data-presented] astro-island')).not.toHaveAttribute('ssr');

  const console = await context.newPage();
  await console.goto('/presenter/ecr/');
  await expect(console.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(console.getByRole('region', { name: 'Projected window' })).toContainText(
    `On screen: ${title}`,
  );
  await expect(console.locator('.pc-note-now h3')).toHaveText(
    'IAM decides who may pull (5 min) on screen now',
  );
  const faults = console.getByRole('region', { name: 'Fault panel F' });
  await expect(faults.getByRole('heading', { level: 3 })).toHaveText([
    'Kill an instance',
    'Availability Zone outage',
    'End an AZ outage',
    'Crash a Deployment’s containers',
    'Out of memory in a Deployment',
    'Image gone from its registry',
    'ECR pull permission removed',
    'Traffic spike on a Kubernetes Service',
  ]);
  // web's image is the account's own: no public image to remove, and no Service of the class's yet.
  await expect(faults.getByRole('form', { name: 'Image gone from its registry' })).toContainText(
    'No Deployment uses an image from a public registry that is still there.',
  );

  const pull = faults.getByRole('form', { name: 'ECR pull permission removed' });
  await expect(pull.getByRole('combobox', { name: 'Target' }).locator('option')).toHaveText([
    'eks-nodegroup-role · used by 2 nodes',
  ]);
  await pull.getByRole('button', { name: 'Fire' }).click();
  const crash = faults.getByRole('form', { name: 'Crash a Deployment’s containers' });
  await expect(crash.getByRole('combobox', { name: 'Target' }).locator('option')).toHaveText([
    'default/web · 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.0',
  ]);
  await crash.getByRole('button', { name: 'Fire' }).click();

  await expect(
    page.getByRole('complementary', { name: 'Faults fired by the instructor' }).locator('li'),
  ).toHaveText([
    // Newest first, as in the instructor window.
    '⚡ Fired by the instructor at 00:00: Crash a Deployment’s containers: default/web · 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.0',
    '⚡ Fired by the instructor at 00:00: ECR pull permission removed: eks-nodegroup-role · used by 2 nodes',
  ]);
  await expect(console.getByRole('log').locator('li')).toHaveText([
    '00:00 Crash a Deployment’s containers: default/web · 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.0: Containers of 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.0 in deployment default/web now exit with code 1 a few seconds after they start.',
    '00:00 ECR pull permission removed: eks-nodegroup-role · used by 2 nodes: The ECR pull permission was removed from arn:aws:iam::123456789012:role/eks-nodegroup-role: new pulls from 123456789012.dkr.ecr.eu-west-3.amazonaws.com are denied; running containers keep running.',
  ]);
  // A fault already in force is not offered again.
  await expect(pull).toContainText(
    'No role pulls from the registry, or every one is already refused.',
  );
  await expect(crash).toContainText('No Deployment is left to crash (every one already crashes).');
  await expectAxeClean(console, 'instructor window with EKS and ECR faults');
});

test('the instructors’ page has a session plan for every lesson and explains the presenter keys', async ({
  page,
}) => {
  await page.goto('/instructors/');
  await expect(page.locator('h3[id^="plan-"]')).toHaveCount(LESSON_IDS.length);
  expect(await page.locator('h3[id^="plan-"]').evaluateAll((hs) => hs.map((h) => h.id))).toEqual(
    LESSON_IDS.map((id) => `plan-${id}`),
  );
  await expect(
    page.getByRole('heading', { level: 3, name: 'Amazon EKS (55 minutes)' }),
  ).toBeVisible();
  const tables = page.locator('#presenter-keys ~ table');
  for (const [n, shortcuts] of [PROJECTOR_SHORTCUTS, INSTRUCTOR_SHORTCUTS].entries()) {
    await expect(tables.nth(n).locator('tbody td:first-child')).toHaveText(
      shortcuts.map(([key]) => key),
    );
    await expect(tables.nth(n).locator('tbody td:last-child')).toHaveText(
      shortcuts.map(([, what]) => what),
    );
  }
});

test('presenter mode starts from the toolbar button, the P key and the URL flag, and Esc leaves it', async ({
  page,
}) => {
  await page.goto('/lessons/ecs/');
  const sandbox = await openSandbox(page, FIRST_SERVICE);
  await sandbox.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('region', { name: 'Presenter mode' })).toBeFocused();
  await expect(page).toHaveURL(/\/lessons\/ecs\/\?present=2$/);
  await expect(page.locator('.sbx-block:visible')).toHaveCount(1);
  await expect(page.locator('header.header')).toBeHidden();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Amazon ECS on EC2', exact: true }),
  ).toBeHidden();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Presenter mode' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/lessons\/ecs\/$/);
  await expect(page.locator('header.header')).toBeVisible();
  await expect(sandbox.getByRole('button', { name: 'Present' })).toBeFocused();

  // P presents the sandbox on screen; P again stops.
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/\?present=2$/);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/\/lessons\/ecs\/$/);

  await page.goto('/lessons/why-orchestration/?present');
  await expect(
    page.getByRole('region', { name: 'Presenter mode' }).getByRole('heading', { level: 2 }),
  ).toHaveText('Presenting “Fifteen containers, three Docker hosts, your two hands”');
});

test('a copied link opened in a fresh page rebuilds the same world and scrolls to its sandbox', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/lessons/ecs/');
  const sandbox = await openSandbox(page, FIRST_SERVICE);
  await sandbox.getByRole('button', { name: 'Show solution' }).click();
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect.poll(() => simSeconds(sandbox)).toBe(30);
  await sandbox.getByRole('button', { name: 'Copy link' }).click();
  // The clipboard is written asynchronously: read it once the page says the link is copied.
  const status = sandbox.locator('.sbx-share-status');
  await expect(status).toHaveText(/^Link copied: [\d,]+ characters\.$/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lessons\/ecs\/#sbx=v1\.[A-Za-z0-9_-]+$/);
  await expect(status).toHaveText(`Link copied: ${link.length} characters.`);
  const meters = await sandbox.locator('.sbx-meters').innerText();
  const sourceLog = await openTab(sandbox, 'Event log');
  await expect(sourceLog.locator('li').first()).toContainText('(service web) has started 3 tasks');
  const events = await sourceLog.locator('li').allInnerTexts();

  const fresh = await context.newPage();
  await fresh.goto(link);
  const restored = fresh.getByRole('region', { name: FIRST_SERVICE, exact: true });
  await expect(
    restored.getByRole('group', { name: 'Last action' }).locator('.sbx-outcome-text'),
  ).toHaveText(
    `ℹ Note: Opened a shared link: “${FIRST_SERVICE}” at 00:30, with 2 actions replayed. Press Play to continue from there.`,
  );
  await expect(restored).toBeInViewport();
  await expect.poll(() => restored.locator('.sbx-meters').innerText()).toBe(meters);
  const restoredLog = await openTab(restored, 'Event log');
  await expect.poll(() => restoredLog.locator('li').allInnerTexts()).toEqual(events);
  // The same state makes the same link again: scenario, seed, log and time all match.
  await restored.getByRole('button', { name: 'Copy link' }).click();
  expect(await fresh.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('the QR code dialog shows the link as a QR code and closes with Escape', async ({ page }) => {
  await page.goto('/lessons/ecs/');
  const sandbox = await openSandbox(page, FIRST_SERVICE);
  await sandbox.getByRole('button', { name: 'QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR code of this exact state' });
  const url = await dialog.getByRole('textbox').inputValue();
  expect(url).toMatch(/\/lessons\/ecs\/#sbx=v1\./);
  await expect(
    dialog.getByRole('img', { name: `QR code of the link (${url.length} characters)` }),
  ).toBeVisible();
  await expectAxeClean(page, 'QR code dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(sandbox.getByRole('button', { name: 'QR code' })).toBeFocused();
});

const notOpened = 'This sandbox link was not opened: ';
const badLinks: [string, string, string][] = [
  [
    'a format from the future',
    '#sbx=v9.AAAA',
    'it uses link format v9, which this version of the course cannot read (it reads v1).',
  ],
  [
    'a cut-off link',
    encodeStateLink({ scenarioId: 'ecs-first-service', seed: 1, time: 60, log: [] }).slice(0, -6),
    'it is incomplete, probably cut off when it was copied. Copy the whole link again.',
  ],
  [
    'hostile text',
    '#sbx=v1.<img src=x onerror=alert(1)>',
    'it contains a character a sandbox link never has, at position 1 of its data.',
  ],
  [
    'a sandbox this page does not have',
    encodeStateLink({ scenarioId: 'why-orchestration-by-hand', seed: 1, time: 0, log: [] }),
    'it opens the sandbox “why-orchestration-by-hand”, which is not on this page.',
  ],
  [
    'a log that does not replay',
    encodeStateLink({
      scenarioId: 'ecs-first-service',
      seed: 1,
      time: 60,
      log: [{ at: 5, by: 'instructor', action: { type: 'fault.az-outage', az: 'eu-west-3d' } }],
    }),
    'action 1 of 1 (fault.az-outage at 00:05) does not replay: eu-west-3d is not an Availability Zone of eu-west-3.',
  ],
  [
    'an oversized link',
    `#sbx=v1.${toBase64Url(new Uint8Array(18_000))}`,
    'it is 24,007 characters long; a sandbox link is at most 24,000.',
  ],
];

for (const [name, hash, detail] of badLinks) {
  test(`a link with ${name} is refused with its message and the page is left as it was`, async ({
    page,
  }) => {
    await page.goto(`/lessons/ecs/${hash}`);
    const notice = page.getByRole('alert').filter({ hasText: notOpened });
    await expect(notice.locator('p')).toHaveText(notOpened + detail);
    const sandbox = await openSandbox(page, FIRST_SERVICE);
    await expect.poll(() => simSeconds(sandbox)).toBe(0);
    await expect(sandbox.getByRole('group', { name: 'Last action' })).toHaveCount(0);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });
}

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`presenter screens are axe clean in the ${theme} theme at ${width} px`, async ({
      page,
      context,
    }) => {
      // Three full-page axe runs, on a machine shared with other builds.
      test.slow();
      await useTheme(page, theme);
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/lessons/ecs/?present=2');
      await expect(page.getByRole('region', { name: 'Presenter mode' })).toBeVisible();
      await expect(page.locator('.sbx-block[data-presented] astro-island')).not.toHaveAttribute(
        'ssr',
      );
      const console = await context.newPage();
      await useTheme(console, theme);
      await console.setViewportSize({ width, height: 900 });
      await instructorWindow(console);
      const faults = console.getByRole('region', { name: 'Fault panel F' });
      await faults
        .getByRole('form', { name: 'Kill an instance' })
        .getByRole('button', { name: 'Fire' })
        .click();
      await expect(
        page.getByRole('complementary', { name: 'Faults fired by the instructor' }).locator('li'),
      ).toHaveCount(1);
      await expectAxeClean(page, `projected window, ${theme}, ${width} px`);
      await expectAxeClean(console, `instructor window, ${theme}, ${width} px`);
      await page.goto('/lessons/ecs/#sbx=v9.AAAA');
      await expect(page.getByRole('alert').filter({ hasText: notOpened })).toBeVisible();
      await expectAxeClean(page, `link notice, ${theme}, ${width} px`);
    });
  }
}
