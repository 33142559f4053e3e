import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const LESSON = '/lessons/why-orchestration/';

/** The first sandbox of lesson 1 (Docker hosts by hand), hydrated, with its Terminal tab open. */
async function openTerminal(
  page: Page,
): Promise<{ sandbox: Locator; command: Locator; output: Locator }> {
  await page.goto(LESSON);
  const sandbox = page.locator('.sbx-block').first();
  await sandbox.scrollIntoViewIfNeeded();
  await expect(sandbox.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  await sandbox.getByRole('tab', { name: 'Terminal' }).click();
  const command = sandbox.getByRole('textbox', { name: 'Command' });
  await expect(command).toBeVisible();
  return { sandbox, command, output: sandbox.getByRole('log', { name: 'Terminal output' }) };
}

async function type(command: Locator, line: string): Promise<void> {
  await command.fill(line);
  await command.press('Enter');
  await expect(command).toHaveValue('');
}

test('learner places a container on a Docker host by typing docker run, and the host shows it', async ({
  page,
}) => {
  const { sandbox, command, output } = await openTerminal(page);
  await expect(sandbox.getByText('3 instances, 5 on hosts (5 running), 15 unplaced')).toBeVisible();

  await type(command, 'docker context use host-a');
  const hostA = (await output.locator('pre').nth(1).textContent()) ?? '';
  expect(hostA).toMatch(/^i-[0-9a-f]{17}$/);
  await expect(sandbox.getByText(`[${hostA}] $`)).toBeVisible();

  await type(command, 'docker run -d --name orders --cpus 0.5 --memory 768m shipyard/orders:1.0');
  await expect(sandbox.getByText('3 instances, 6 on hosts (6 running), 14 unplaced')).toBeVisible();

  await type(command, 'docker ps');
  const ps = output.locator('pre').last();
  await expect(ps).toContainText(
    'CONTAINER ID   IMAGE                     COMMAND                  CREATED',
  );
  await expect(ps).toContainText(/shipyard\/orders:1\.0 .* orders\n/);
  await expect(ps).toContainText(/storefront-1\n.*storefront-2$/);
});

test('learner gets the real CLI error for a mistyped command and nothing changes', async ({
  page,
}) => {
  const { sandbox, command, output } = await openTerminal(page);
  await type(command, 'docker --context host-a run --detached orders');
  await expect(output.locator('pre').last()).toHaveText(
    "error (exit 125): unknown flag: --detached\nSee 'docker run --help'.",
  );
  await type(command, 'aws ecs update-service --cluster demo');
  await expect(output.locator('pre').last()).toContainText(
    'aws: error: the following arguments are required: --service',
  );
  await type(command, 'docker ps');
  await expect(output.locator('pre').last()).toContainText(
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  );
  await expect(sandbox.getByText('3 instances, 5 on hosts (5 running), 15 unplaced')).toBeVisible();
});

test('learner recalls a command with the Up arrow and completes one with Tab', async ({ page }) => {
  const { command, output } = await openTerminal(page);
  await type(command, 'docker context ls');
  await type(command, 'help');
  await command.press('ArrowUp');
  await expect(command).toHaveValue('help');
  await command.press('ArrowUp');
  await expect(command).toHaveValue('docker context ls');
  await command.press('ArrowDown');
  await command.press('ArrowDown');
  await expect(command).toHaveValue('');

  await command.fill('docker cont');
  await command.press('Tab');
  await expect(command).toHaveValue('docker context ');
  await expect(command).toBeFocused();
  await command.pressSequentially('use host-');
  await command.press('Enter');
  await expect(output.locator('pre').last()).toHaveText(
    'error (exit 1): context "host-" does not exist',
  );

  // On an empty line Tab leaves the terminal: the keyboard is never trapped.
  await command.press('Tab');
  await expect(command).not.toBeFocused();
});

test('the terminal is accessible, in light and dark', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript(
      (value) => window.localStorage.setItem('starlight-theme', value),
      theme,
    );
    const { command } = await openTerminal(page);
    await type(command, 'docker pull nginx');
    await type(command, 'aws ecs list-tasks --cluster demo --output table');
    // Scoped to the terminal: the rest of the sandbox island is another panel's concern.
    const results = await new AxeBuilder({ page }).include('.shipyard-terminal').analyze();
    expect(
      results.violations.map(
        (v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  }
});
