import { test, expect, expectAxeClean, useTheme, waitForIslands } from './fixtures';
import {
  openSandbox,
  openTab,
  playUntil,
  playUntilEvent,
  playToEnd,
  expectNotYet,
  expectPassed,
  reset,
  launchInstances,
  createService,
} from './lesson-sandbox';

/**
 * Lesson 2 (ecs): every challenge played through the sandbox UI as a learner would — a wrong
 * attempt first, whose "Check my work" must name the failed goal's cause, then the fix, played
 * to the end of the scenario and passed.
 */

const LESSON = '/lessons/ecs/';

test.describe('lesson ecs', () => {
  // Each story plays a scenario twice at 64×; on two busy cores the sim clock runs slower.
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ page }) => {
    await page.goto(LESSON);
  });

  test('learner replaces a host without the ECS agent so all four web tasks run', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'An instance without the ECS agent never joins');

    await playUntil(sandbox, 310);
    await expectNotYet(sandbox, [
      'only 1 of 2 container instances were ACTIVE by 00:05:00. 1 running instance(s) have no ECS agent and never joined: i-0d2f8461ed1ce6a8b.',
      'only 3 of 4 web were running at 00:05:00, 3 in eu-west-3a.',
    ]);

    await reset(sandbox);
    const actions = await openTab(sandbox, 'Actions');
    const terminate = actions.getByRole('form', { name: 'Terminate an instance' });
    await terminate
      .getByRole('combobox', { name: 'Instance' })
      .selectOption({ label: 'plain-docker-b · t3.medium · eu-west-3b' });
    await terminate.getByRole('button', { name: 'Terminate' }).click();
    await expect(sandbox.getByRole('status')).toHaveText('i-0d2f8461ed1ce6a8b is shutting down.');
    await launchInstances(sandbox, { az: 'eu-west-3b' });
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Launching i-0[0-9a-f]{16} \(t3\.medium, eu-west-3b, Docker \+ ECS agent\)\.$/,
    );

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner registers a task definition and runs it as a service of three tasks', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'Register a task definition and run it as a service');

    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'web never had 3 running for 60 s (longest stretch 0 s; 0 running at 00:05:00).',
      'at 00:04:00 web had 0 of 0 running tasks on EC2.',
    ]);

    await reset(sandbox);
    const actions = await openTab(sandbox, 'Actions');
    const register = actions.getByRole('form', { name: 'Register a task definition' });
    await expect(register.getByRole('textbox', { name: 'Family' })).toHaveValue('web');
    await expect(register.getByRole('textbox', { name: 'Image' })).toHaveValue('shipyard/web:1.0');
    await register.getByRole('spinbutton', { name: 'CPU units' }).fill('256');
    await register.getByRole('spinbutton', { name: 'Memory (MiB)' }).fill('512');
    await register.getByRole('button', { name: 'Register' }).click();
    await expect(
      sandbox.getByText('aws ecs register-task-definition --cli-input-json file://web.json'),
    ).toBeVisible();
    await createService(sandbox, { name: 'web', taskDefinition: 'web:1', desired: 3 });
    await expect(
      sandbox.getByText(
        'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 --launch-type EC2',
        { exact: false },
      ),
    ).toBeVisible();

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner reads the unable-to-place event and adds capacity for the service', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'The service outgrows its container instances');

    await playUntil(sandbox, 910);
    await expectNotYet(sandbox, [
      'only 6 of 8 web were running at 00:15:00, 3 in eu-west-3a, 3 in eu-west-3b.',
    ]);

    await reset(sandbox);
    await playUntilEvent(
      sandbox,
      'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ' +
        '7813ac316e6e5fc72a572d5b34b62864 has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    );
    await launchInstances(sandbox, { az: 'eu-west-3c', count: 2 });

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner watches the scheduler replace the tasks of a lost instance, then gives it room', async ({
    page,
  }) => {
    const sandbox = await openSandbox(
      page,
      'Lose an instance and watch the service replace its tasks',
    );

    await playUntil(sandbox, 340);
    await expectNotYet(sandbox, [
      'only 6 of 8 web were running at 00:05:30, 3 in eu-west-3b, 3 in eu-west-3c.',
      'only 2 of 3 container instances were ACTIVE by 00:05:30.',
    ]);

    await reset(sandbox);
    await playUntilEvent(
      sandbox,
      'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 0e2545a79bd22031d4d13b4b910dea1c has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    );
    const log = sandbox.getByRole('tabpanel', { name: 'Event log' });
    await expect(
      log.getByText('(service web) has started 1 tasks: (task 2ed30855ee4da9a1916965652c3d8955).', {
        exact: true,
      }),
    ).toBeVisible();
    await launchInstances(sandbox, { az: 'eu-west-3a' });

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner finds that binpack alone loses every task in the outage, and spread plus binpack passes', async ({
    page,
  }) => {
    const sandbox = await openSandbox(
      page,
      'Binpack or spread? Cheap and still standing after an AZ outage',
    );

    await createService(sandbox, {
      name: 'web',
      taskDefinition: 'web:1',
      desired: 6,
      strategy: 'Binpack on memory',
    });
    await playUntil(sandbox, 310);
    await expectNotYet(sandbox, ['only 0 of 4 web were running at 00:05:00.']);

    await reset(sandbox);
    await createService(sandbox, {
      name: 'web',
      taskDefinition: 'web:1',
      desired: 6,
      strategy: 'Spread across AZs, then binpack memory (AZ balanced)',
    });
    await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
    const zoneA = sandbox.getByRole('group', { name: 'Availability Zone eu-west-3a' });
    // Spread over AZs, then binpack: both eu-west-3a tasks land on host-a1, host-a2 stays empty.
    const emptyHost = zoneA.getByRole('group', { name: /^m5\.xlarge host-a2 / });
    await expect(emptyHost.getByText('Nothing running here yet.')).toBeVisible();
    await emptyHost.getByRole('button', { name: /host-a2/ }).click();
    await page
      .getByRole('menu', { name: 'host-a2 actions' })
      .getByRole('menuitem', { name: 'Terminate instance' })
      .click();
    await expect(
      sandbox.getByText('aws ec2 terminate-instances --instance-ids i-0220a8b8564fba775'),
    ).toBeVisible();

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner lifts the constraint that pins every task to the failing AZ, and spreads the service', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'An AZ outage when every task lives in one AZ');

    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'only 0 of 4 web were running at 00:06:00.',
      'web ran in 0 of the 2 AZs wanted at 00:15:00: none running.',
    ]);

    await reset(sandbox);
    const actions = await openTab(sandbox, 'Actions');
    const form = actions.getByRole('form', { name: 'Update a service' });
    await form.getByRole('combobox', { name: 'Service' }).selectOption('web');
    await expect(form.getByRole('spinbutton', { name: 'Desired tasks' })).toHaveValue('6');
    await form
      .getByRole('checkbox', {
        name: 'Remove the placement constraints (memberOf attribute:ecs.availability-zone == eu-west-3a)',
      })
      .check();
    await form
      .getByRole('combobox', { name: 'Placement strategy' })
      .selectOption({ label: 'Spread across AZs, then binpack memory (AZ balanced)' });
    await form.getByRole('button', { name: 'Update service' }).click();
    await expect(
      sandbox.getByText(
        'aws ecs update-service --cluster demo --service web --desired-count 6 --placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory --placement-constraints []',
      ),
    ).toBeVisible();

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner adds capacity in a healthy zone after an AZ outage, so spread can restore six tasks', async ({
    page,
  }) => {
    const sandbox = await openSandbox(
      page,
      'Spread across AZs survives an outage only with spare capacity',
    );

    await playUntil(sandbox, 610);
    await expectNotYet(sandbox, [
      'only 4 of 6 web were running at 00:10:00, 2 in eu-west-3b, 2 in eu-west-3c.',
    ]);

    await reset(sandbox);
    await playUntilEvent(
      sandbox,
      'Availability Zone eu-west-3a is impaired: instances in it are unreachable.',
    );
    await launchInstances(sandbox, { az: 'eu-west-3b' });

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner scales out before the spike so the load balancer always has healthy tasks', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'Traffic goes only to healthy tasks');

    await playUntil(sandbox, 190);
    await expectNotYet(sandbox, [
      'only 2 of 9 web were running at 00:03:00, 1 in eu-west-3a, 1 in eu-west-3b.',
    ]);

    await reset(sandbox);
    const actions = await openTab(sandbox, 'Actions');
    const form = actions.getByRole('form', { name: 'Update a service' });
    await form.getByRole('combobox', { name: 'Service' }).selectOption('web');
    await form.getByRole('spinbutton', { name: 'Desired tasks' }).fill('10');
    await form.getByRole('combobox', { name: 'Launch type' }).selectOption('EC2');
    await form.getByRole('button', { name: 'Update service' }).click();
    await expect(
      sandbox.getByText(/^aws ecs update-service --cluster demo --service web --desired-count 10/),
    ).toBeVisible();

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
    const metrics = await openTab(sandbox, 'Metrics');
    await expect(
      metrics.getByText('CloudWatch metrics, one sample every 10 simulated seconds.'),
    ).toBeVisible();
  });

  test('the lesson page is axe clean in light and dark, with every sandbox and the quiz hydrated', async ({
    page,
  }) => {
    for (const theme of ['light', 'dark'] as const) {
      await useTheme(page, theme);
      await page.goto(LESSON);
      await waitForIslands(page);
      await expectAxeClean(page, `lesson ecs (${theme})`);
    }
  });
});

test.describe('lesson ecs quiz', () => {
  test('learner predicts how many web tasks survive a lost instance, and the run grades it', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
    await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');

    const misconception = page.getByRole('region', { name: /^Question 6 of 11 / });
    await misconception
      .getByRole('radio', {
        name: 'Turn on service auto scaling; it will add the instances that are missing.',
      })
      .check();
    await misconception.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      misconception.getByText(
        'Service auto scaling changes the number of tasks, not instances. It would make the shortage worse. Instances come from you, or from a capacity provider you set up.',
      ),
    ).toBeVisible();

    const predict = page.getByRole('region', { name: /^Question 11 of 11 / });
    await predict
      .getByRole('radio', {
        name: '6. One replacement fits on the instances left; the other two wait for capacity.',
      })
      .check();
    await predict.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(predict.getByText('Correct: 1 point of 1.')).toBeVisible();
    await expect(
      predict.getByText('What happened: after 300 simulated seconds, web tasks were running: 6.'),
    ).toBeVisible();
  });
});
