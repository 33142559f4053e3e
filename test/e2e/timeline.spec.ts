import { expect, test, waitForIslands } from './fixtures';
import {
  checkMyWork,
  expectPassed,
  launchInstances,
  openSandbox,
  openTab,
  playToEnd,
  playUntil,
  simSeconds,
} from './lesson-sandbox';

const TITLE = 'Lose an instance and watch the service replace its tasks';

test('a learner who let the instance loss go rewinds to it, continues from there and passes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/lessons/ecs/');
  await waitForIslands(page);
  const sandbox = await openSandbox(page, TITLE);
  const timeline = sandbox.getByRole('group', { name: 'Timeline' });
  const slider = timeline.getByRole('slider', { name: 'Simulated time shown' });
  await expect(slider).toHaveAttribute('aria-valuetext', '00:00:00 of 00:10:00, live');

  // Doing nothing through the failure: the goals fail at 05:30.
  await playUntil(sandbox, 360);
  const liveAt = await simSeconds(sandbox);
  const clock = (t: number) =>
    [Math.floor(t / 3600), Math.floor((t % 3600) / 60), t % 60]
      .map((n) => String(n).padStart(2, '0'))
      .join(':');
  const verdict = await checkMyWork(sandbox);
  await expect(verdict.getByRole('heading')).toContainText('Not yet');
  const failed = verdict
    .getByRole('listitem')
    .filter({ hasText: 'At least 3 ACTIVE container instances by 00:05:30' });
  await failed.getByRole('button', { name: 'Show when it failed' }).click();
  await expect(timeline).toContainText('Rewound to 00:05:30');
  await expect(slider).toHaveAttribute(
    'aria-valuetext',
    /^00:05:30 of 00:10:00.*, rewound, read-only$/,
  );
  await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled();
  expect(await simSeconds(sandbox)).toBe(330);

  // The moment it all started: the scripted failure at 02:00.
  await timeline.getByText(/^Moments \(\d+\)/).click();
  await timeline
    .getByRole('button', {
      name: /^00:02:00 Scripted event: The scenario: i-[0-9a-f]{17} is shutting down\.$/,
    })
    .click();
  await expect(timeline).toContainText('Rewound to 00:02:00');
  expect(await simSeconds(sandbox)).toBe(120);

  // Why did the tasks stop? The event log walks back to the fault.
  const log = await openTab(sandbox, 'Event log');
  const stopped = log
    .getByRole('listitem')
    .filter({ hasText: /service:web STOPPED/ })
    .first();
  await stopped.getByRole('button', { name: /^Why\? 02:00 ecs: ECS Task State Change/ }).click();
  const chain = stopped.getByRole('list');
  await expect(chain.getByRole('listitem')).toHaveCount(2);
  await expect(chain.getByRole('listitem').nth(0)).toContainText(
    /because EC2 Instance State-change Notification: i-[0-9a-f]{17} \(t3\.medium, eu-west-3a\) is shutting-down/,
  );
  await expect(chain.getByRole('listitem').nth(1)).toContainText(
    /i-[0-9a-f]{17} is shutting down\. \(fault scripted by the scenario at 00:02:00\)where it started/,
  );

  // The past is read-only.
  const actions = sandbox.getByRole('tab', { name: 'Actions', exact: true });
  await actions.click();
  const form = sandbox.getByRole('form', { name: 'Launch an instance' });
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(sandbox.getByRole('alert')).toHaveText(
    'Refused: The sandbox is showing 00:02:00 of its past, which is read-only. Choose “Back to now”, or “Continue from here” to change what happened next.',
  );

  // Back to now and back again, by keyboard: Home is 00:00:00, the arrows move one second.
  await timeline.getByRole('button', { name: 'Back to now' }).click();
  await expect(timeline).toContainText(`Live at ${clock(liveAt)}`);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', /^00:00:00 of 00:10:00, rewound/);
  for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowRight');
  await expect(timeline).toContainText('Rewound to 00:02:00');

  // Branch from there: nothing the learner did comes after it, so nothing is dropped.
  await timeline.getByRole('button', { name: 'Continue from here…' }).click();
  await expect(timeline.getByRole('group', { name: 'Continue from here?' })).toContainText(
    'Continue from 00:02:00? No actions come after it.',
  );
  await timeline.getByRole('button', { name: 'Continue from here', exact: true }).click();
  await expect(sandbox.getByRole('status')).toHaveText(
    'Continuing from 00:02:00: what came after it was dropped.',
  );
  await expect(timeline).toContainText('Live at 00:02:00');

  // This time the learner adds capacity right after the failure, and passes.
  await launchInstances(sandbox, { az: 'eu-west-3b' });
  await playToEnd(sandbox);
  await expectPassed(sandbox, 2);
});
