import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, useTheme } from './fixtures';
import { openSandbox } from './lesson-sandbox';

/**
 * "Why here?" and "Why still waiting?" on ECS tasks, in the ECS lesson's sandbox where a host
 * runs no ECS agent: three web tasks fit on ecs-a, the fourth cannot be placed. The learner asks
 * by keyboard; the answer is each container instance's verdict from the placement steps.
 */

const LESSON = '/lessons/ecs/';
const SANDBOX = 'An instance without the ECS agent never joins';
const ECS_A = 'i-059af40f12c465373';
const PLAIN_DOCKER = 'i-0d2f8461ed1ce6a8b';
/** The first task ECS placed (seed 5), and the one left waiting. */
const FIRST = '233c35368d8079209fcb150fae970414';
const WAITING = '77968318cbe3c685d366ecac0f4ee78e';
const OUTSIDE = `${PLAIN_DOCKER} is not in the cluster (no ECS agent registered from it), so ECS does not consider it.`;

/** Opens the task chip's menu with the keyboard and chooses `item`. */
async function askByKeyboard(page: Page, chip: Locator, item: string): Promise<Locator> {
  await chip.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  return dialog;
}

/** The task's chip in the AZ grid (the phone list's row button carries the same id). */
const chipOf = (sandbox: Locator, taskId: string) =>
  sandbox.locator(`.sbx-chip[data-chip-id="${taskId}"]`);

/** The task's row button in the phone list, which replaces the AZ grid on a narrow island. */
const listRowOf = (sandbox: Locator, taskId: string) =>
  sandbox.locator(`.sbx-view-list button[data-chip-id="${taskId}"]`);

test('learner asks a placed task "Why here?" and the waiting one "Why still waiting?"', async ({
  page,
}) => {
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, SANDBOX);

  const placed = chipOf(sandbox, FIRST);
  let dialog = await askByKeyboard(page, placed, 'Why here?');
  await expect(dialog.getByRole('heading', { level: 4 })).toHaveText('Task 233c3536');
  let why = dialog.getByRole('group', { name: 'Why here?' });
  await expect(dialog.getByText(/^As ECS saw the cluster/)).toHaveText(
    'As ECS saw the cluster at 00:00:00, when it placed the task.',
  );
  await expect(why.getByRole('paragraph').first()).toHaveText(
    `The task needs 512 CPU units and 1024 MiB of memory. 1 of 1 container instance could take it; ECS ranked those by spread(attribute:ecs.availability-zone), then spread(instanceId) and placed it on ${ECS_A}.`,
  );
  await expect(
    why.getByRole('list', { name: 'Per container instance' }).getByRole('listitem'),
  ).toHaveText([
    `✓Chosen ${ECS_A} (t3.medium, eu-west-3a) (spread(attribute:ecs.availability-zone) 0, spread(instanceId) 0): passes every step and ranks first, so the task went here.`,
  ]);
  await expect(why.getByText(OUTSIDE)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(placed).toBeFocused();

  const waiting = sandbox
    .getByRole('group', { name: /^Unplaced/ })
    .locator(`.sbx-chip[data-chip-id="${WAITING}"]`);
  dialog = await askByKeyboard(page, waiting, 'Why still waiting?');
  why = dialog.getByRole('group', { name: 'Why still waiting?' });
  await expect(why.getByRole('paragraph').first()).toHaveText(
    'The task needs 512 CPU units and 1024 MiB of memory. No container instance passes every placement step, so the task waits in PROVISIONING; ECS tries again every second.',
  );
  await expect(why.locator('q')).toHaveText(
    /^service web was unable to place a task because no container instance met all of its requirements\. The closest matching container-instance [0-9a-f]{32} has insufficient memory available\. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide\.$/,
  );
  await expect(
    why.getByRole('list', { name: 'Per container instance' }).getByRole('listitem'),
  ).toHaveText([
    `✕Ruled out ${ECS_A} (t3.medium, eu-west-3a) (insufficient memory): 880 MiB of memory unreserved; the task needs 1024 MiB.`,
  ]);
  await dialog.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(waiting).toBeFocused();

  // The inspector offers the same question for the task it shows.
  await placed.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Inspect details' }).press('Enter');
  const inspect = sandbox.getByRole('tabpanel', { name: 'Inspect' });
  const ask = inspect.getByRole('button', { name: 'Why here?' });
  await ask.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('group', { name: 'Why here?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the ECS task dialog is accessible in ${theme}, at 1280 and 390 px`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await useTheme(page, theme);
    await page.goto(LESSON);
    const sandbox = await openSandbox(page, SANDBOX);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [task, question] of [
        [FIRST, 'Why here?'],
        [WAITING, 'Why still waiting?'],
      ] as const) {
        const opener = width === 390 ? listRowOf(sandbox, task) : chipOf(sandbox, task);
        const dialog = await askByKeyboard(page, opener, question);
        await expect(dialog.getByRole('group', { name: question })).toBeVisible();
        const results = await new AxeBuilder({ page }).include('dialog').analyze();
        expect(
          results.violations.map(
            (v) =>
              `${width} ${question}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
          ),
        ).toEqual([]);
        const name = question === 'Why here?' ? 'here' : 'waiting';
        await page.screenshot({
          path: testInfo.outputPath(`ecs-why-${name}-${width}-${theme}.png`),
        });
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      }
    }
  });
}
