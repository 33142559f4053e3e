import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAxeClean, useTheme, waitForIslands } from './fixtures';
import {
  openSandbox,
  openTab,
  playUntil,
  playToEnd,
  expectNotYet,
  expectPassed,
  reset,
  simSeconds,
} from './lesson-sandbox';

/**
 * Lesson 6 (ecr): every challenge played as a learner would — docker, aws and kubectl typed into
 * the Terminal, the Registry tab read, the toolbar and the goals panel — a wrong attempt first,
 * whose "Check my work" must give the goal's explanation, then the fix, run to the end and
 * passed. The first challenge is played with the keyboard alone.
 */

const LESSON = '/lessons/ecr/';
const TITLE = 'Amazon ECR: a private registry for your images';

const FIRST_PUSH = 'A first image in a private registry';
const MISSING_TAG = 'A pod asks for a tag the registry does not have';
const IMMUTABLE = 'An immutable tag cannot be pushed twice';
const PULL_PERMISSION = 'A node role loses its pull permission';
const LIFECYCLE = 'Preview what a lifecycle policy would expire';
const ROLLOUT = 'A push that rolls out';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';
const LOGIN = `aws ecr get-login-password --region eu-west-3 | docker login --username AWS --password-stdin ${REGISTRY}`;
const build = (tag: string) => `docker build -t ${REGISTRY}/web:${tag} .`;
const push = (tag: string) => `docker push ${REGISTRY}/web:${tag}`;

const RELEASE_RULE =
  '{"rulePriority":2,"description":"Keep the five newest releases","selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}';
const PROD_RULE =
  '{"rulePriority":1,"description":"Protect production images","selection":{"tagStatus":"tagged","tagPrefixList":["prod"],"countType":"imageCountMoreThan","countNumber":100},"action":{"type":"expire"}}';
const UNTAGGED_RULE =
  '{"rulePriority":3,"description":"Expire untagged images after 14 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}';
const RELEASES_ONLY = `'{"rules":[${RELEASE_RULE.replace('"rulePriority":2', '"rulePriority":1')}]}'`;
const WHOLE_POLICY = `'{"rules":[${PROD_RULE},${RELEASE_RULE},${UNTAGGED_RULE}]}'`;

interface Terminal {
  command: Locator;
  /** The answer to the last command typed. */
  last: Locator;
}

async function openTerminal(sandbox: Locator): Promise<Terminal> {
  const panel = await openTab(sandbox, 'Terminal');
  return {
    command: panel.getByRole('textbox', { name: 'Command' }),
    last: panel.getByRole('log', { name: 'Terminal output' }).locator('pre').last(),
  };
}

async function type(sandbox: Locator, terminal: Terminal, line: string): Promise<void> {
  await openTab(sandbox, 'Terminal');
  await terminal.command.fill(line);
  await terminal.command.press('Enter');
  await expect(terminal.command).toHaveValue('');
}

/** The Registry tab's table of a repository's images, as rows of cell texts. */
async function imageRows(sandbox: Locator, repository: string): Promise<string[][]> {
  const panel = await openTab(sandbox, 'Registry');
  const table = panel.getByRole('region', { name: `Images in ${repository}` }).getByRole('table');
  await expect(table).toBeVisible();
  return table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.trim())),
    );
}

// --- keyboard only ------------------------------------------------------------------------

/**
 * Moves focus to `target` with Tab, or Shift+Tab when it lies before the focused element, as a
 * keyboard user does (at most `limit` presses).
 */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  const backwards = await target.evaluate(
    (el) =>
      document.activeElement !== null &&
      document.activeElement !== document.body &&
      (el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function pressButton(page: Page, button: Locator): Promise<void> {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}

/** Opens a sandbox tab from the tab list with the arrow keys, and returns its panel. */
async function keyboardTab(page: Page, sandbox: Locator, name: string): Promise<Locator> {
  const tabs = sandbox.getByRole('tablist');
  await tabTo(page, tabs.getByRole('tab', { selected: true }));
  const wanted = tabs.getByRole('tab', { name, exact: true });
  for (let i = 0; i < 8 && !(await wanted.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = sandbox.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

async function keyboardCommand(page: Page, sandbox: Locator, line: string): Promise<Locator> {
  const panel = await keyboardTab(page, sandbox, 'Terminal');
  const command = panel.getByRole('textbox', { name: 'Command' });
  await tabTo(page, command);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(command).toHaveValue('');
  return panel.getByRole('log', { name: 'Terminal output' }).locator('pre').last();
}

async function keyboardRunToEnd(page: Page, sandbox: Locator): Promise<void> {
  await pressButton(page, sandbox.getByRole('button', { name: 'Run to the end' }));
  await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled({ timeout: 60_000 });
}

async function keyboardCheck(page: Page, sandbox: Locator): Promise<Locator> {
  const goals = await keyboardTab(page, sandbox, 'Goals');
  await pressButton(page, goals.getByRole('button', { name: 'Check my work' }));
  return goals.getByRole('region', { name: /^(Challenge passed|Not yet)/ });
}

test.describe('lesson ecr', () => {
  // A challenge is played twice; on two busy cores the sim clock runs slower.
  test.describe.configure({ timeout: 240_000 });

  test.beforeEach(async ({ page }) => {
    await page.goto(LESSON);
  });

  test('learner finds the Dockerfile in the Editor and in the Terminal, and docker build reads it', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, FIRST_PUSH);
    const editor = await openTab(sandbox, 'Editor');
    const picker = editor.getByLabel('Document');
    await expect(picker).toHaveValue('Dockerfile');
    await expect(picker.getByRole('option')).toHaveText([
      'Dockerfile — the steps docker build . runs',
      'package.json — a file of the build context',
      'server.js — a file of the build context',
    ]);
    await expect(editor.getByRole('textbox', { name: /^Editor: Dockerfile\./ })).toBeAttached({
      timeout: 30_000,
    });
    await expect(editor.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
    const terminal = await openTerminal(sandbox);
    await type(sandbox, terminal, 'ls');
    await expect(terminal.last).toContainText('Dockerfile\npackage.json\nserver.js');
    await type(sandbox, terminal, 'cat Dockerfile');
    await expect(terminal.last).toContainText('FROM node:20-alpine\nWORKDIR /app');
    await type(sandbox, terminal, build('1.0'));
    await expect(terminal.last).toContainText(' => [5/5] COPY server.js .');
  });

  test('keyboard only: learner pushes before logging in and before the repository exists, reads both refusals, then pushes web:1.0 with a scan', async ({
    page,
  }) => {
    // Every key is a round trip, and each command is typed one key at a time.
    test.setTimeout(480_000);
    const sandbox = await openSandbox(page, FIRST_PUSH);
    await sandbox.getByRole('button', { name: 'Play' }).focus();

    // Wrong: build and push at once; log in and push again; never create the repository.
    let answer = await keyboardCommand(page, sandbox, build('1.0'));
    await expect(answer).toContainText(`=> => naming to ${REGISTRY}/web:1.0`);
    answer = await keyboardCommand(page, sandbox, push('1.0'));
    await expect(answer).toContainText('no basic auth credentials');
    answer = await keyboardCommand(page, sandbox, LOGIN);
    await expect(answer).toHaveText('Login Succeeded');
    answer = await keyboardCommand(page, sandbox, push('1.0'));
    await expect(answer).toContainText(
      "name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'",
    );
    const registry = await keyboardTab(page, sandbox, 'Registry');
    await expect(registry).toContainText(
      'No repositories yet. Create one before the first push: aws ecr create-repository --repository-name <name>',
    );
    await keyboardRunToEnd(page, sandbox);
    let verdict = await keyboardCheck(page, sandbox);
    await expect(verdict.getByRole('heading')).toContainText('Not yet');
    await expect(
      verdict.getByText('There is no repository web at 00:15:00.', { exact: true }),
    ).toBeVisible();

    // Right: build, log in, create the repository with scan on push, push.
    await pressButton(page, sandbox.getByRole('button', { name: 'Reset' }));
    await expect(sandbox.getByRole('status')).toHaveText('The scenario was reset to its start.');
    await keyboardCommand(page, sandbox, build('1.0'));
    await keyboardCommand(page, sandbox, LOGIN);
    answer = await keyboardCommand(
      page,
      sandbox,
      'aws ecr create-repository --repository-name web --image-scanning-configuration scanOnPush=true',
    );
    await expect(answer).toContainText(`"repositoryUri": "${REGISTRY}/web"`);
    answer = await keyboardCommand(page, sandbox, push('1.0'));
    await expect(answer).toContainText(/\n1\.0: digest: sha256:[0-9a-f]{64} size: \d+$/);
    const digest = /digest: (sha256:[0-9a-f]{12})/.exec(await answer.innerText())![1]!;

    const panel = await keyboardTab(page, sandbox, 'Registry');
    await expect(panel).toContainText(
      'Docker on the workstation is logged in to this registry (token valid 12 h 0 min more).',
    );
    const table = panel.getByRole('region', { name: 'Images in web' });
    await expect(table.getByRole('row').nth(1)).toHaveText(
      new RegExp(`^1\\.0\\s*${digest}\\s*just now\\s*\\d+\\.\\d MB\\s*in progress$`),
    );

    await keyboardRunToEnd(page, sandbox);
    verdict = await keyboardCheck(page, sandbox);
    await expect(verdict.getByRole('heading')).toContainText('Challenge passed');
    await expect(verdict.getByRole('listitem').filter({ hasText: 'Met:' })).toHaveCount(1);
    await keyboardTab(page, sandbox, 'Registry');
    await expect(table.getByRole('row').nth(1)).toContainText('complete: 1 HIGH, 1 LOW');
  });

  test('learner watches a pod go ImagePullBackOff on a tag nobody pushed, then pushes web:1.1', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, MISSING_TAG);

    // Wrong: wait for the rollout to finish by itself.
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'web has no image tagged 1.1 at 00:30:00 (tags: 1.0).',
      'the rollout of web (revision 2, 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.1) had not completed at 00:30:00 (ProgressDeadlineExceeded).',
    ]);

    // Right: read the failure, then push the tag and let the kubelet retry.
    await reset(sandbox);
    await playUntil(sandbox, 150);
    const terminal = await openTerminal(sandbox);
    await type(sandbox, terminal, 'kubectl get pods');
    await expect(terminal.last).toContainText(/web-\S+\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s/);
    await expect(terminal.last).toContainText(/(web-\S+\s+1\/1\s+Running\s+0\s+\S+\n?){2}/);
    await type(sandbox, terminal, 'kubectl describe pods -l app=web');
    await expect(terminal.last).toContainText(
      `Failed to pull image "${REGISTRY}/web:1.1": rpc error: code = NotFound`,
    );
    await expect(terminal.last).toContainText('Error: ErrImagePull');
    expect((await imageRows(sandbox, 'web')).map((row) => row[0])).toEqual(['1.0']);

    await type(sandbox, terminal, LOGIN);
    await type(sandbox, terminal, build('1.1'));
    await type(sandbox, terminal, push('1.1'));
    await expect(terminal.last).toContainText(/\n1\.1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    expect((await imageRows(sandbox, 'web')).map((row) => row[0])).toEqual(['1.1', '1.0']);

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner is refused a re-push of web:1.0 by the immutable repository, then ships web:1.0.1', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, IMMUTABLE);
    const terminal = await openTerminal(sandbox);

    // Wrong: push the fix under the tag production runs.
    await type(sandbox, terminal, LOGIN);
    await type(sandbox, terminal, build('1.0'));
    await type(sandbox, terminal, push('1.0'));
    await expect(terminal.last).toContainText(
      "tag invalid: The image tag '1.0' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.",
    );
    await playToEnd(sandbox);
    await expectNotYet(sandbox, ['web has no image tagged 1.0.1 at 00:15:00 (tags: 1.0).']);

    // Right: a new tag; 1.0 stays what production runs.
    await reset(sandbox);
    const before = await imageRows(sandbox, 'web');
    expect(before.map((row) => [row[0], row[2]])).toEqual([['1.0', '5 days ago']]);
    await type(sandbox, terminal, LOGIN);
    await type(sandbox, terminal, build('1.0.1'));
    await type(sandbox, terminal, push('1.0.1'));
    await expect(terminal.last).toContainText(/\n1\.0\.1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    const after = await imageRows(sandbox, 'web');
    expect(after.map((row) => row[0])).toEqual(['1.0.1', '1.0']);
    // The old image keeps its digest: nothing moved.
    expect(after[1]![1]).toBe(before[0]![1]);
    await expect(await openTab(sandbox, 'Registry')).toContainText(
      /Repository web\s*URI\s*123456789012\.dkr\.ecr\.eu-west-3\.amazonaws\.com\/web\s*Tags\s*IMMUTABLE/,
    );

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner sees only the pod on the new node fail to pull after the node role lost its policy, then attaches it back', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, PULL_PERMISSION);

    // Wrong: leave it; the running pods carry on and the fourth never starts.
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'only 3 of 4 pods of web were Ready at 00:15:00 (1 in eu-west-3a, 2 in eu-west-3b).',
    ]);

    // Right: find the 403, then give the role its policy back.
    await reset(sandbox);
    await playUntil(sandbox, 240);
    const terminal = await openTerminal(sandbox);
    await type(sandbox, terminal, 'kubectl get pods -o wide');
    // Three pods run (the two old ones and one on a node that had the image); the one on the
    // node that joined at 00:00:30 cannot pull.
    await expect(terminal.last).toContainText(
      /\nweb-\S+\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0\s+\S+\s+\S+\s+ip-10-0-32-24\.eu-west-3\.compute\.internal\s/,
    );
    expect((await terminal.last.innerText()).match(/\s1\/1\s+Running\s/g)).toHaveLength(3);
    await type(sandbox, terminal, 'kubectl describe pods -l app=web');
    await expect(terminal.last).toContainText('403 Forbidden');
    const registry = await openTab(sandbox, 'Registry');
    await expect(registry.getByRole('list', { name: 'Roles the registry refuses' })).toHaveText(
      '⊘ arn:aws:iam::123456789012:role/eks-nodegroup-role: pulls refused (403 Forbidden) — ECR read policy detached',
    );

    await type(
      sandbox,
      terminal,
      'aws iam attach-role-policy --role-name eks-nodegroup-role --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
    );
    await openTab(sandbox, 'Registry');
    await expect(registry).toContainText(
      'Every IAM role in the sandbox may pull from this registry.',
    );
    expect(await simSeconds(sandbox)).toBeLessThan(600);

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner previews the release rule alone, reads prod-2 in it once the preview completes, then puts the policy that protects production first', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, LIFECYCLE);
    const terminal = await openTerminal(sandbox);
    const preview = (policy: string) =>
      `aws ecr start-lifecycle-policy-preview --repository-name web --lifecycle-policy-text ${policy}`;
    const put = (policy: string) =>
      `aws ecr put-lifecycle-policy --repository-name web --lifecycle-policy-text ${policy}`;

    const read = 'aws ecr get-lifecycle-policy-preview --repository-name web';
    /** Steps the paused clock 10 s, the time a preview runs. */
    const step = async () => {
      const before = await simSeconds(sandbox);
      await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
      await expect.poll(() => simSeconds(sandbox)).toBe(before + 10);
    };

    // Wrong: the release rule alone, put even though its preview lists prod-2.
    await type(sandbox, terminal, preview(RELEASES_ONLY));
    await expect(terminal.last).toContainText('"status": "IN_PROGRESS"');
    await step();
    await type(sandbox, terminal, read);
    await expect(terminal.last).toContainText('"status": "COMPLETE"');
    await expect(terminal.last).toContainText(/"v3",\s*"prod-2"/);
    await type(sandbox, terminal, put(RELEASES_ONLY));
    await playToEnd(sandbox);
    await expectNotYet(sandbox, ['The policy would expire prod-2, which must be kept.']);

    // Right: protect prod* first, then the releases, then untagged images after 14 days.
    await reset(sandbox);
    await type(sandbox, terminal, preview(WHOLE_POLICY));
    await type(sandbox, terminal, read);
    await expect(terminal.last).toContainText('"status": "IN_PROGRESS"');
    await expect(terminal.last).toContainText('"previewResults": []');
    await step();
    await type(sandbox, terminal, read);
    await expect(terminal.last).toContainText('"status": "COMPLETE"');
    await expect(terminal.last).not.toContainText('prod-2');
    await expect(terminal.last).toContainText('"appliedRulePriority": 3');
    await expect(terminal.last).toContainText('"expiringImageTotalCount": 4');
    await type(sandbox, terminal, put(WHOLE_POLICY));
    await expect(await openTab(sandbox, 'Registry')).toContainText(
      /Lifecycle policy\s*3 rules, put at 00:00:10; the registry's next pass at 00:30:10/,
    );
    expect(await imageRows(sandbox, 'web')).toHaveLength(12);

    await playToEnd(sandbox);
    await expectPassed(sandbox, 1);
    const rows = await imageRows(sandbox, 'web');
    expect(rows.map((row) => row[0])).toEqual([
      'v8',
      'v7',
      'untagged',
      'v6',
      'v5',
      'v4',
      'v3, prod-2',
      'prod-1',
    ]);
    await expect(await openTab(sandbox, 'Registry')).toContainText(
      /Expired by its lifecycle policy: v1; v2; sha256:[0-9a-f]{12}; sha256:[0-9a-f]{12}/,
    );
  });

  test('learner pushes 2.0 under a tag no rule watches, then pushes latest and follows the event to the new tasks', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, ROLLOUT);
    const terminal = await openTerminal(sandbox);

    // Wrong: a tag the EventBridge rule does not match; nothing redeploys.
    await type(sandbox, terminal, LOGIN);
    await type(sandbox, terminal, build('2.0'));
    await type(sandbox, terminal, push('2.0'));
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'web:latest was last pushed before 00:00:00: no new push yet at 00:20:00.',
    ]);

    // Right: push latest; the rule matches the event and forces a new deployment.
    await reset(sandbox);
    await type(sandbox, terminal, LOGIN);
    await type(sandbox, terminal, build('latest'));
    await type(sandbox, terminal, push('latest'));
    const log = await openTab(sandbox, 'Event log');
    await expect(log).toContainText(
      'EventBridge rule web-on-push matched the push of web:latest: its target redeploys service web (update-service --force-new-deployment).',
    );
    await expect(log).toContainText(/"detail-type":"ECR Image Action"/);
    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the lesson page is axe clean in ${theme} at 1280 and 390 px, with every sandbox, the quiz and the Registry tab`, async ({
      page,
    }) => {
      await useTheme(page, theme);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(LESSON);
        await waitForIslands(page);
        const sandbox = await openSandbox(page, LIFECYCLE);
        const registry = await openTab(sandbox, 'Registry');
        await expect(registry.getByRole('region', { name: 'Images in web' })).toBeVisible();
        await expectAxeClean(page, `lesson ecr (${theme}, ${width} px)`);
      }
    });
  }
});

function question(page: Page, words: string): Locator {
  return page.getByRole('region', { name: /^Question \d+ of 13 / }).filter({ hasText: words });
}

test.describe('lesson ecr quiz', () => {
  test.describe.configure({ timeout: 120_000 });

  test('learner answers a misconception wrong then right, and both predictions run their scenarios', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
    await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');

    const immutable = question(page, 'Which push does it refuse?');
    await immutable
      .getByRole('radio', { name: 'Every push; an immutable repository is read-only.' })
      .check();
    await immutable.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      immutable.getByText(
        'A common misconception. Only pushes that would move an existing tag are refused; new tags, and so new images, push as usual.',
      ),
    ).toBeVisible();
    await immutable.getByRole('radio', { name: 'Pushing a new build as web:1.0.' }).check();
    await immutable.getByRole('button', { name: 'Check answer' }).click();
    await expect(immutable.getByText('Correct: 0.75 points of 1.')).toBeVisible();

    const missing = question(page, 'a tag nobody pushed');
    await missing
      .getByRole('radio', {
        name: '2. The new pod waits in ImagePullBackOff and the old ones keep serving.',
      })
      .check();
    await missing.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(missing.getByText('Correct: 1 point of 1.')).toBeVisible({ timeout: 60_000 });
    await expect(
      missing.getByText('What happened: after 600 simulated seconds, web pods were Ready: 2.'),
    ).toBeVisible();

    const permission = question(page, 'the ECR read policy is detached');
    await permission
      .getByRole('radio', {
        name: '2. The running pods carry on, and every new pod fails to pull.',
      })
      .check();
    await permission.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(
      permission.getByText('What happened: after 600 simulated seconds, web pods were Ready: 3.'),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      permission.getByText(
        'A node that already has web:1.0 starts a new pod of it without asking the registry (imagePullPolicy IfNotPresent). Only the new node must pull.',
      ),
    ).toBeVisible();

    const count = question(page, 'How many images does the preview say it would expire?');
    const value = count.getByRole('textbox', { name: 'Your answer, in images' });
    await value.fill('5');
    await count.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      count.getByText(
        'imageCountMoreThan 5 keeps the newest five and expires the rest; it does not expire five images.',
      ),
    ).toBeVisible();
    await value.fill('3');
    await count.getByRole('button', { name: 'Check answer' }).click();
    await expect(count.getByText('Correct: 0.75 points of 1.')).toBeVisible();
  });
});

test.describe('lesson ecr in the course', () => {
  test('the course home, My progress and search all list lesson 6, and it links to the decision guide', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await expect(
      page.getByRole('main').getByRole('link', { name: 'decision guide', exact: true }),
    ).toHaveAttribute('href', '/decide/');

    await page.goto('/');
    await expect(
      page.getByRole('main').getByRole('link', { name: new RegExp(TITLE) }),
    ).toHaveAttribute('href', LESSON);

    await page.goto('/progress/');
    await waitForIslands(page);
    await expect(
      page
        .getByRole('table')
        .first()
        .getByRole('row', { name: new RegExp(TITLE) }),
    ).toBeVisible();

    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByRole('textbox', { name: 'Search' });
    await expect(input).toBeFocused();
    await input.pressSequentially('lifecycle policy preview');
    const result = dialog.getByRole('link', { name: new RegExp(TITLE) }).first();
    await expect(result).toBeVisible();
    await result.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/lessons\/ecr\//);
  });
});
