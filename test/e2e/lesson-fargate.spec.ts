import type { Locator } from '@playwright/test';
import { test, expect, expectAxeClean, useTheme, waitForIslands } from './fixtures';
import {
  openSandbox,
  openTab,
  playUntil,
  playToEnd,
  expectNotYet,
  expectPassed,
  reset,
  launchInstances,
  createService,
} from './lesson-sandbox';

/**
 * Lesson 3 (fargate): every challenge played through the sandbox UI as a learner would — a
 * wrong attempt first, whose "Check my work" (or refusal) must say why, then the fix, played to
 * the end of the scenario and passed.
 */

const LESSON = '/lessons/fargate/';

async function registerTaskDefinition(
  sandbox: Locator,
  options: { family: string; image: string; cpu: number; memory: number; fargate: boolean },
): Promise<void> {
  const actions = await openTab(sandbox, 'Actions');
  const form = actions.getByRole('form', { name: 'Register a task definition' });
  await form.getByRole('textbox', { name: 'Family' }).fill(options.family);
  await form.getByRole('textbox', { name: 'Image' }).fill(options.image);
  await form.getByRole('spinbutton', { name: 'CPU units' }).fill(String(options.cpu));
  await form.getByRole('spinbutton', { name: 'Memory (MiB)' }).fill(String(options.memory));
  await form
    .getByRole('checkbox', {
      name: 'Also compatible with Fargate (awsvpc, task-level CPU and memory)',
    })
    .setChecked(options.fargate);
  await form.getByRole('button', { name: 'Register' }).click();
}

async function updateService(
  sandbox: Locator,
  options: { service: string; desired: number; launchType: 'EC2' | 'FARGATE' },
): Promise<void> {
  const actions = await openTab(sandbox, 'Actions');
  await expect(actions.getByRole('form', { name: /^(Create|Update) a service$/ })).toBeVisible();
  if ((await actions.getByRole('form', { name: 'Create a service' }).count()) > 0) {
    await actions.getByRole('button', { name: 'Update', exact: true }).click();
  }
  const form = actions.getByRole('form', { name: 'Update a service' });
  await form.getByRole('combobox', { name: 'Service' }).selectOption(options.service);
  await form.getByRole('spinbutton', { name: 'Desired tasks' }).fill(String(options.desired));
  await form.getByRole('combobox', { name: 'Launch type' }).selectOption(options.launchType);
  await form.getByRole('button', { name: 'Update service' }).click();
}

async function updateGroup(
  sandbox: Locator,
  options: { name: string; desired: number },
): Promise<void> {
  const actions = await openTab(sandbox, 'Actions');
  const form = actions.getByRole('form', { name: 'Update an Auto Scaling group' });
  await form.getByRole('combobox', { name: 'Group' }).selectOption(options.name);
  await form.getByRole('spinbutton', { name: 'Desired capacity' }).fill(String(options.desired));
  await form.getByRole('button', { name: 'Update group' }).click();
}

/** The cost meter: "$0.57/h · $13.60 total". */
function bill(sandbox: Locator): Locator {
  return sandbox
    .getByRole('toolbar', { name: 'Simulation controls' })
    .getByRole('definition')
    .nth(1);
}

async function terminateInstance(sandbox: Locator, label: string): Promise<void> {
  const actions = await openTab(sandbox, 'Actions');
  const form = actions.getByRole('form', { name: 'Terminate an instance' });
  await form.getByRole('combobox', { name: 'Instance' }).selectOption({ label });
  await form.getByRole('button', { name: 'Terminate' }).click();
  await expect(sandbox.getByRole('status')).toHaveText(/^i-0[0-9a-f]{16} is shutting down\.$/);
}

test.describe('lesson fargate', () => {
  // Each story plays a scenario twice at 64×; on two busy cores the sim clock runs slower.
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ page }) => {
    await page.goto(LESSON);
  });

  test('learner moves the web service from EC2 to Fargate, retires the instances and scales to 20', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'The same service on Fargate');

    await playUntil(sandbox, 610);
    await expectNotYet(sandbox, ['at 00:10:00 web had 0 of 4 running tasks on FARGATE.']);

    await reset(sandbox);
    await registerTaskDefinition(sandbox, {
      family: 'web',
      image: 'nginx:1.27',
      cpu: 512,
      memory: 1024,
      fargate: true,
    });
    await expect(sandbox.getByRole('status')).toHaveText(
      'Registered task definition web:2 (arn:aws:ecs:eu-west-3:123456789012:task-definition/web:2).',
    );
    await updateService(sandbox, { service: 'web', desired: 4, launchType: 'FARGATE' });
    await expect(sandbox.getByRole('alert')).toHaveText(
      'Refused: InvalidParameterException: Task definition does not support launch_type FARGATE.',
    );

    // The lesson's two steps, in the terminal (its commands, with the sandbox VPC's subnets):
    // the move alone is refused as AWS refuses it.
    const terminal = await openTab(sandbox, 'Terminal');
    const command = terminal.getByRole('textbox', { name: 'Command' });
    const output = terminal.getByRole('log', { name: 'Terminal output' });
    const move =
      "aws ecs update-service --cluster demo --service web --task-definition web:2 --capacity-provider-strategy capacityProvider=FARGATE,weight=1 --network-configuration 'awsvpcConfiguration={subnets=[subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071],securityGroups=[sg-0123456789abcdef0],assignPublicIp=DISABLED}' --force-new-deployment";
    await command.fill(move);
    await command.press('Enter');
    await expect(output.locator('pre').last()).toContainText(
      'An error occurred (InvalidParameterException) when calling the UpdateService operation: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
    );
    await command.fill(
      'aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1',
    );
    await command.press('Enter');
    await expect(sandbox.getByRole('status')).toHaveText(
      'Cluster demo can use the capacity providers FARGATE, FARGATE_SPOT.',
    );
    await command.fill(move);
    await command.press('Enter');
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Updated service web: new deployment ecs-svc\/\d{19} \(web:2, FARGATE\)\.$/,
    );

    await playUntil(sandbox, 400);
    await expect(sandbox.getByRole('group', { name: 'Fargate, 4 tasks' })).toBeVisible();
    await updateService(sandbox, { service: 'web', desired: 20, launchType: 'FARGATE' });
    await expect(sandbox.getByRole('status')).toHaveText('Updated service web: desired count 20.');
    await terminateInstance(sandbox, 'ecs-a · t3.medium · eu-west-3a');
    await terminateInstance(sandbox, 'ecs-b · t3.medium · eu-west-3b');

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
    await expect(sandbox.getByRole('group', { name: 'Fargate, 20 tasks' })).toBeVisible();
  });

  test('learner is refused 1 vCPU with 16 GB, then runs the report service at 2 vCPU', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'Give a Fargate task a size that exists');

    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'report never had 2 running for 60 s (longest stretch 0 s; 0 running at 00:05:00).',
      'at 00:04:00 report had 0 of 0 running tasks on FARGATE.',
    ]);

    await reset(sandbox);
    const size = { family: 'report', image: 'shipyard/report:2.0', memory: 16384, fargate: true };
    await registerTaskDefinition(sandbox, { ...size, cpu: 1024 });
    await expect(sandbox.getByRole('alert')).toHaveText(
      'Refused: An error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.',
    );
    await registerTaskDefinition(sandbox, { ...size, cpu: 2048 });
    await expect(sandbox.getByRole('status')).toHaveText(
      'Registered task definition report:1 (arn:aws:ecs:eu-west-3:123456789012:task-definition/report:1).',
    );
    await createService(sandbox, {
      name: 'report',
      taskDefinition: 'report:1',
      desired: 2,
      launchType: 'FARGATE',
    });
    await expect(sandbox.getByRole('status')).toHaveText(
      'Created service report (desired 2, FARGATE).',
    );

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner scales a Fargate service from 2 to 40 tasks without launching anything', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'From 2 to 40 tasks, with no capacity to manage');

    await updateService(sandbox, { service: 'web', desired: 40, launchType: 'EC2' });
    await expect(sandbox.getByRole('alert')).toHaveText(
      'Refused: InvalidParameterException: Task definition does not support launch_type EC2.',
    );
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'web never had 40 running for 120 s (longest stretch 0 s; 2 running at 00:08:00).',
    ]);

    await reset(sandbox);
    await updateService(sandbox, { service: 'web', desired: 40, launchType: 'FARGATE' });
    await expect(sandbox.getByRole('status')).toHaveText('Updated service web: desired count 40.');

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
    await expect(sandbox.getByRole('group', { name: 'Fargate, 40 tasks' })).toBeVisible();
  });

  test('learner puts the steady service on two instances and the bursty one on Fargate to beat the budget', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const sandbox = await openSandbox(
      page,
      'A steady service and a bursty one — what does each cost where?',
    );

    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'the bill reached $0.57 by 01:00:00 (EC2 $0.57); the budget is $0.34.',
    ]);

    await reset(sandbox);
    await updateService(sandbox, { service: 'reports', desired: 1, launchType: 'FARGATE' });
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Updated service reports: desired count 1, new deployment ecs-svc\/\d{19} \(reports:1, FARGATE\)\.$/,
    );
    for (const host of [
      'host-3 · t3.large · eu-west-3c',
      'host-4 · t3.large · eu-west-3a',
      'host-5 · t3.large · eu-west-3b',
      'host-6 · t3.large · eu-west-3c',
    ]) {
      await terminateInstance(sandbox, host);
    }

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner predicts which world bills the day for less, runs both and reads both bills', async ({
    page,
  }) => {
    test.setTimeout(420_000);
    // Predict first, in the quiz: wrong, then right.
    await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
    await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');
    const prediction = page.getByRole('region', { name: /^Question 10 of 11 / });
    await prediction
      .getByRole('radio', { name: 'About the same, since both worlds run exactly the same tasks.' })
      .check();
    await prediction.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      prediction.getByText(
        'The tasks are the same, the capacity is not. On EC2 you pay for the instances you keep, busy or idle; world 1 keeps six all day, world 2 two instances and only the Fargate tasks that run.',
      ),
    ).toBeVisible();
    await prediction.getByRole('radio', { name: 'World 2, by about half.' }).check();
    await prediction.getByRole('button', { name: 'Check answer' }).click();
    await expect(prediction.getByText('Correct: 0.75 points of 1.')).toBeVisible();

    // World 1: EC2 alone. Too small a group misses the burst; six instances serve it.
    const ec2 = await openSandbox(page, 'The same day on EC2 alone');
    await updateGroup(ec2, { name: 'ecs-asg', desired: 4 });
    await expect(ec2.getByRole('status')).toHaveText('ecs-asg: min 0, desired 4, max 10.');
    await playToEnd(ec2);
    await expectNotYet(ec2, [
      'only 4 of 6 reports were running at 08:45:00, 2 in eu-west-3a, 1 in eu-west-3b, 1 in eu-west-3c.',
    ]);
    await reset(ec2);
    await updateGroup(ec2, { name: 'ecs-asg', desired: 6 });
    await expect(ec2.getByRole('status')).toHaveText('ecs-asg: min 0, desired 6, max 10.');
    await playToEnd(ec2);
    await expectPassed(ec2, 3);
    await expect(bill(ec2)).toHaveText(/· \$13\.60 total$/);

    // World 2: reports on Fargate, the group down to what api needs.
    const mixed = await openSandbox(page, 'The same day with reports on Fargate');
    await updateService(mixed, { service: 'reports', desired: 1, launchType: 'FARGATE' });
    await expect(mixed.getByRole('status')).toHaveText(
      /^Updated service reports: desired count 1, new deployment ecs-svc\/\d{19} \(reports:1, FARGATE\)\.$/,
    );
    await updateGroup(mixed, { name: 'ecs-asg', desired: 2 });
    await expect(mixed.getByRole('status')).toHaveText('ecs-asg: min 0, desired 2, max 10.');
    await playToEnd(mixed);
    await expectPassed(mixed, 3);
    // Both changes at 00:00, so the group shrinks ten minutes earlier than in the lesson's table.
    await expect(bill(mixed)).toHaveText(/· \$6\.63 total$/);
  });

  test('learner runs the host-network agent on EC2 instances because Fargate refuses it', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'A requirement Fargate cannot meet');

    await createService(sandbox, {
      name: 'node-monitor',
      taskDefinition: 'node-monitor:1',
      desired: 2,
      launchType: 'FARGATE',
    });
    await expect(sandbox.getByRole('alert')).toHaveText(
      'Refused: InvalidParameterException: Task definition does not support launch_type FARGATE.',
    );
    await playUntil(sandbox, 310);
    await expectNotYet(sandbox, ['only 0 of 2 node-monitor were running at 00:05:00.']);

    await reset(sandbox);
    await launchInstances(sandbox, { az: 'eu-west-3a' });
    await launchInstances(sandbox, { az: 'eu-west-3b' });
    await createService(sandbox, {
      name: 'node-monitor',
      taskDefinition: 'node-monitor:1',
      desired: 2,
      launchType: 'EC2',
    });
    await expect(sandbox.getByRole('status')).toHaveText(
      'Created service node-monitor (desired 2, EC2).',
    );

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('the lesson page is axe clean in light and dark, with every sandbox and the quiz hydrated', async ({
    page,
  }) => {
    for (const theme of ['light', 'dark'] as const) {
      await useTheme(page, theme);
      await page.goto(LESSON);
      await waitForIslands(page);
      await expectAxeClean(page, `lesson fargate (${theme})`);
    }
  });
});

test.describe('lesson fargate quiz', () => {
  test('learner predicts the scale-out and the cheapest plan, and gets feedback on a misconception', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
    await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');

    const idle = page.getByRole('region', { name: /^Question 5 of 11 / });
    await idle
      .getByRole('radio', { name: 'About 0.1 vCPU and 300 MB — what it actually used.' })
      .check();
    await idle.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      idle.getByText(
        'A common misconception. You pay for the size you asked for; right-sizing the task definition is how you pay less.',
      ),
    ).toBeVisible();

    const predict = page.getByRole('region', { name: /^Question 9 of 11 / });
    await predict
      .getByRole('radio', {
        name: '40. Each new task gets its own micro-VM; there is no fleet to run out of.',
      })
      .check();
    await predict.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(predict.getByText('Correct: 1 point of 1.')).toBeVisible();
    await expect(
      predict.getByText('What happened: after 180 simulated seconds, web tasks were running: 40.'),
    ).toBeVisible();

    const plan = page.getByRole('region', { name: /^Question 11 of 11 / });
    await plan
      .getByRole('radio', { name: 'api on two t3.large instances, reports on Fargate.' })
      .check();
    await plan.getByRole('button', { name: 'Check answer' }).click();
    await expect(plan.getByText('Correct: 1 point of 1.')).toBeVisible();
  });
});
