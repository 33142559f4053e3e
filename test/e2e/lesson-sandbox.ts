import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * A learner's moves in a lesson sandbox, shared by the lesson stories: open a sandbox, switch
 * tabs, play or run to the end, check the work, and fill the action forms.
 */

/** The sandbox titled `title`, scrolled into view and hydrated. */
export async function openSandbox(page: Page, title: string): Promise<Locator> {
  const sandbox = page.getByRole('region', { name: title, exact: true });
  await sandbox.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: sandbox })).not.toHaveAttribute('ssr');
  return sandbox;
}

export async function openTab(sandbox: Locator, name: string): Promise<Locator> {
  await sandbox.getByRole('tab', { name, exact: true }).click();
  const panel = sandbox.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

/** The sim clock in seconds, read from the toolbar ("05:30 / 10:00" or "01:00:00 / …"). */
export async function simSeconds(sandbox: Locator): Promise<number> {
  const text = await sandbox
    .getByRole('toolbar', { name: 'Simulation controls' })
    .getByRole('definition')
    .first()
    .innerText();
  const clock = text.split('/')[0]?.trim() ?? '';
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

export async function play(sandbox: Locator, speed: '16×' | '64×' = '64×'): Promise<void> {
  await sandbox.getByRole('button', { name: speed }).click();
  await sandbox.getByRole('button', { name: 'Play' }).click();
}

/** Plays at 64× until the clock reaches `seconds`, then pauses. */
export async function playUntil(sandbox: Locator, seconds: number): Promise<void> {
  await play(sandbox);
  await expect
    .poll(() => simSeconds(sandbox), { timeout: 150_000, intervals: [100] })
    .toBeGreaterThanOrEqual(seconds);
  await sandbox.getByRole('button', { name: 'Pause' }).click();
}

/**
 * Plays for `seconds` more simulated seconds from wherever the clock stands, then pauses. After
 * an earlier `playUntil`, whose pause lands late on a busy machine (64×, polled), a later step
 * keeps its margin this way instead of racing a fixed clock time.
 */
export async function playFor(sandbox: Locator, seconds: number): Promise<void> {
  await playUntil(sandbox, (await simSeconds(sandbox)) + seconds);
}

/** Plays at 16× (so the pause lands soon after) until the event log shows `message`. */
export async function playUntilEvent(sandbox: Locator, message: string): Promise<void> {
  const log = await openTab(sandbox, 'Event log');
  await play(sandbox, '16×');
  await expect(log.getByText(message, { exact: true }).first()).toBeVisible({ timeout: 150_000 });
  await sandbox.getByRole('button', { name: 'Pause' }).click();
}

/** Runs the scenario to its end with "Run to the end"; Play is then disabled. */
export async function playToEnd(sandbox: Locator): Promise<void> {
  await sandbox.getByRole('button', { name: 'Run to the end' }).click();
  await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled({ timeout: 60_000 });
}

/** Presses "Check my work" and returns the verdict section. */
export async function checkMyWork(sandbox: Locator): Promise<Locator> {
  const goals = await openTab(sandbox, 'Goals');
  await goals.getByRole('button', { name: 'Check my work' }).click();
  return goals.getByRole('region', { name: /^(Challenge passed|Not yet)/ });
}

export async function expectNotYet(sandbox: Locator, explanations: string[]): Promise<void> {
  const verdict = await checkMyWork(sandbox);
  await expect(verdict.getByRole('heading')).toContainText('Not yet');
  for (const explanation of explanations) {
    await expect(verdict.getByText(explanation, { exact: true })).toBeVisible();
  }
}

export async function expectPassed(sandbox: Locator, goalCount: number): Promise<void> {
  const verdict = await checkMyWork(sandbox);
  await expect(verdict.getByRole('heading'), await verdict.innerText()).toContainText(
    'Challenge passed',
  );
  await expect(verdict.getByRole('listitem')).toHaveCount(goalCount);
  await expect(verdict.getByRole('listitem').filter({ hasText: 'Met:' })).toHaveCount(goalCount);
  await expect(verdict.getByRole('listitem').filter({ hasText: 'Not met:' })).toHaveCount(0);
}

export async function reset(sandbox: Locator): Promise<void> {
  await sandbox.getByRole('button', { name: 'Reset' }).click();
  await expect(sandbox.getByRole('status')).toHaveText('The scenario was reset to its start.');
  expect(await simSeconds(sandbox)).toBe(0);
}

export async function launchInstances(
  sandbox: Locator,
  options: { type?: string; az: string; count?: number },
): Promise<void> {
  const actions = await openTab(sandbox, 'Actions');
  const form = actions.getByRole('form', { name: 'Launch an instance' });
  if (options.type)
    await form
      .getByRole('combobox', { name: 'Instance type' })
      .selectOption({ label: options.type });
  await form.getByRole('combobox', { name: 'Availability Zone' }).selectOption(options.az);
  await form.getByRole('radio', { name: 'Docker + ECS agent (joins the cluster)' }).check();
  await form.getByRole('spinbutton', { name: 'Count' }).fill(String(options.count ?? 1));
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(sandbox.getByRole('status')).toHaveText(/^Launching /);
}

export async function createService(
  sandbox: Locator,
  options: {
    name: string;
    taskDefinition: string;
    desired: number;
    launchType?: string;
    strategy?: string;
  },
): Promise<void> {
  const actions = await openTab(sandbox, 'Actions');
  // With services already running, the form opens in update mode: switch it to create.
  await expect(actions.getByRole('form', { name: /^(Create|Update) a service$/ })).toBeVisible();
  if ((await actions.getByRole('form', { name: 'Update a service' }).count()) > 0) {
    await actions.getByRole('button', { name: 'Create', exact: true }).click();
  }
  const form = actions.getByRole('form', { name: 'Create a service' });
  await form.getByRole('textbox', { name: 'Service name' }).fill(options.name);
  await form
    .getByRole('combobox', { name: 'Task definition' })
    .selectOption(options.taskDefinition);
  await form.getByRole('spinbutton', { name: 'Desired tasks' }).fill(String(options.desired));
  await form
    .getByRole('combobox', { name: 'Launch type' })
    .selectOption(options.launchType ?? 'EC2');
  if (options.strategy)
    await form
      .getByRole('combobox', { name: 'Placement strategy' })
      .selectOption({ label: options.strategy });
  await form.getByRole('button', { name: 'Create service' }).click();
}
