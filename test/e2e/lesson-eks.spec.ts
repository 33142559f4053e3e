import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { readLessonPage } from '../cli/lesson-commands';
import {
  test,
  expect,
  expectAxeClean,
  pasteIntoEditor,
  useTheme,
  waitForIslands,
} from './fixtures';
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
 * Lesson 4 (eks): every challenge played as a learner would — through the Terminal (kubectl,
 * eksctl, aws eks), the Editor and the toolbar and goals panel, never the graphical cluster
 * view — a wrong attempt first, whose "Check my work" must say why, then the fix, played to
 * the end and passed. The first challenge is played with the keyboard alone.
 */

const LESSON = '/lessons/eks/';

const CREATE = 'Create an EKS cluster and connect kubectl to it';
const NO_NODES = 'A Deployment on a cluster without nodes';
const OUTAGE = 'An AZ outage, a managed control plane and a single master';
const ROLLING = 'A rolling update without dropped requests, then a bad image and rollout undo';
const COST = 'What the same small application costs for a day on EKS';

const CREATE_CLUSTER =
  'aws eks create-cluster --name demo --kubernetes-version 1.31 --role-arn arn:aws:iam::123456789012:role/eksClusterRole --resources-vpc-config subnetIds=subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071';
const UPDATE_KUBECONFIG = 'aws eks update-kubeconfig --region eu-west-3 --name demo';

/** The manifests exactly as the lesson shows them (its titled code blocks). */
const LESSON_FILES = readLessonPage(readFileSync('lessons/eks.mdx', 'utf8')).files;
const DEPLOYMENT_MANIFEST = LESSON_FILES['web-deployment.yaml']!;
const ROLLING_MANIFEST = LESSON_FILES['web-rolling.yaml']!;

interface Terminal {
  command: Locator;
  /** The answer to the last command typed. */
  last: Locator;
}

async function openTerminal(sandbox: Locator): Promise<Terminal> {
  const panel = await openTab(sandbox, 'Terminal');
  const output = panel.getByRole('log', { name: 'Terminal output' });
  return {
    command: panel.getByRole('textbox', { name: 'Command' }),
    last: output.locator('pre').last(),
  };
}

async function type(terminal: Terminal, line: string): Promise<void> {
  await terminal.command.fill(line);
  await terminal.command.press('Enter');
  await expect(terminal.command).toHaveValue('');
}

/** Replaces the editor's document by pasting (typing would trigger Monaco's auto-indent). */
async function applyInEditor(page: Page, sandbox: Locator, text?: string): Promise<void> {
  await openTab(sandbox, 'Editor');
  const editor = sandbox.getByRole('textbox', { name: /^Editor: web\.yaml\./ });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await expect(sandbox.getByText('No problems found in web.yaml.')).toBeVisible();
  if (text !== undefined) {
    await pasteIntoEditor(page, editor, text);
    await expect(sandbox.getByText('No problems found in web.yaml.')).toBeVisible();
  }
  await sandbox.getByRole('button', { name: 'Apply (kubectl apply -f web.yaml)' }).click();
}

/** The cost meter: "$0.19/h · $4.67 total". */
function bill(sandbox: Locator): Locator {
  return sandbox
    .getByRole('toolbar', { name: 'Simulation controls' })
    .getByRole('definition')
    .nth(1);
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
  const selected = tabs.getByRole('tab', { selected: true });
  await tabTo(page, selected);
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

async function keyboardPlayUntil(page: Page, sandbox: Locator, seconds: number): Promise<void> {
  await pressButton(page, sandbox.getByRole('button', { name: '64×' }));
  await pressButton(page, sandbox.getByRole('button', { name: 'Play' }));
  await expect
    .poll(() => simSeconds(sandbox), { timeout: 150_000, intervals: [100] })
    .toBeGreaterThanOrEqual(seconds);
  await pressButton(page, sandbox.getByRole('button', { name: 'Pause' }));
}

async function keyboardCheck(page: Page, sandbox: Locator): Promise<Locator> {
  const goals = await keyboardTab(page, sandbox, 'Goals');
  await pressButton(page, goals.getByRole('button', { name: 'Check my work' }));
  return goals.getByRole('region', { name: /^(Challenge passed|Not yet)/ });
}

test.describe('lesson eks', () => {
  // Each story plays a scenario twice at 64×; on two busy cores the sim clock runs slower.
  test.describe.configure({ timeout: 240_000 });

  test.beforeEach(async ({ page }) => {
    await page.goto(LESSON);
  });

  test('keyboard only: learner creates the cluster, meets kubectl without a kubeconfig, then connects', async ({
    page,
  }) => {
    // Every key is a round trip, and a long command is typed one key at a time.
    test.setTimeout(420_000);
    const sandbox = await openSandbox(page, CREATE);
    // The learner has tabbed down to the sandbox's controls; from here on, keys only.
    await sandbox.getByRole('button', { name: 'Play' }).focus();

    // Wrong: connect at once, then never again.
    let answer = await keyboardCommand(page, sandbox, CREATE_CLUSTER);
    await expect(answer).toContainText('"status": "CREATING"');
    await expect(sandbox.getByRole('status')).toHaveText(
      'Creating EKS cluster demo (Kubernetes 1.31): status CREATING.',
    );
    answer = await keyboardCommand(page, sandbox, UPDATE_KUBECONFIG);
    await expect(answer).toContainText('Cluster status is CREATING');
    answer = await keyboardCommand(page, sandbox, 'kubectl get pods');
    await expect(answer).toHaveText(
      'error (exit 1): The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    );
    await pressButton(page, sandbox.getByRole('button', { name: 'Run to the end' }));
    await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled({ timeout: 60_000 });
    let verdict = await keyboardCheck(page, sandbox);
    await expect(verdict.getByRole('heading')).toContainText('Not yet');
    await expect(
      verdict.getByText(
        'there is no kubeconfig (kubectl falls back to localhost:8080) at 00:25:00.',
        {
          exact: true,
        },
      ),
    ).toBeVisible();

    // Right: create, fast-forward past ACTIVE, then connect.
    await pressButton(page, sandbox.getByRole('button', { name: 'Reset' }));
    await expect(sandbox.getByRole('status')).toHaveText('The scenario was reset to its start.');
    await keyboardCommand(page, sandbox, CREATE_CLUSTER);
    await keyboardPlayUntil(page, sandbox, 600);
    answer = await keyboardCommand(page, sandbox, UPDATE_KUBECONFIG);
    await expect(answer).toHaveText(
      'Added new context arn:aws:eks:eu-west-3:123456789012:cluster/demo to /home/cloudshell-user/.kube/config',
    );
    answer = await keyboardCommand(page, sandbox, 'kubectl get svc');
    await expect(answer).toContainText(
      /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\n/,
    );
    await expect(answer).toContainText(
      /\nkubernetes\s+ClusterIP\s+10\.100\.0\.1\s+<none>\s+443\/TCP\s/,
    );
    answer = await keyboardCommand(page, sandbox, 'kubectl get nodes');
    await expect(answer).toHaveText('note: No resources found');

    await pressButton(page, sandbox.getByRole('button', { name: 'Run to the end' }));
    await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled({ timeout: 60_000 });
    verdict = await keyboardCheck(page, sandbox);
    await expect(verdict.getByRole('heading')).toContainText('Challenge passed');
    await expect(verdict.getByRole('listitem').filter({ hasText: 'Met:' })).toHaveCount(2);
  });

  test('learner applies a Deployment to a cluster without nodes, reads FailedScheduling, adds a node group', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, NO_NODES);

    // Wrong: the Deployment alone (the lesson's web-deployment.yaml, pasted into the editor).
    await applyInEditor(page, sandbox, DEPLOYMENT_MANIFEST);
    await expect(sandbox.getByRole('list', { name: 'kubectl apply output' })).toContainText(
      'deployment.apps/web created',
    );
    await playUntil(sandbox, 60);
    const terminal = await openTerminal(sandbox);
    await type(terminal, 'kubectl get pods');
    await expect(terminal.last).toContainText(
      /web-[a-z0-9]{10}-[a-z0-9]{5}\s+0\/1\s+Pending\s+0\s/,
    );
    await type(terminal, 'kubectl describe pods -l app=web');
    await expect(terminal.last).toContainText(
      /Warning\s+FailedScheduling\s+.*default-scheduler\s+no nodes available to schedule pods/,
    );
    await playToEnd(sandbox);
    await expectNotYet(sandbox, ['only 0 of 3 pods of web were Ready at 00:10:00; 3 Pending.']);

    // Right: the Deployment, then a managed node group.
    await reset(sandbox);
    await applyInEditor(page, sandbox, DEPLOYMENT_MANIFEST);
    const again = await openTerminal(sandbox);
    await type(
      again,
      'eksctl create nodegroup --cluster demo --name general --node-type t3.medium --nodes 2 --nodes-min 1 --nodes-max 3',
    );
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Creating node group general in demo: 2 × t3\.medium \(min 1, max 3\), status CREATING; Auto Scaling group eks-general-[0-9a-f-]{36}\.$/,
    );
    await playUntil(sandbox, 240);
    await type(again, 'kubectl get pods');
    await expect(again.last).not.toContainText('Pending');
    await expect(again.last).toContainText(/(web-\S+\s+1\/1\s+Running\s+0\s+\S+\n?){3}$/);

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner keeps web up through an AZ outage on the cluster whose control plane still answers', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, OUTAGE);
    const terminal = await openTerminal(sandbox);

    // Wrong: scale on the current context, lab, the single-master cluster.
    await type(terminal, 'kubectl config current-context');
    await expect(terminal.last).toHaveText('kubernetes-admin@lab');
    await type(terminal, 'kubectl scale deployment/web --replicas=6');
    await expect(terminal.last).toHaveText('deployment.apps/web scaled');
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'only 4 of 6 pods of web were Ready at 00:25:00 (2 in eu-west-3b, 2 in eu-west-3c).',
    ]);

    // Right: after the outage lab's API is gone; demo's answers.
    await reset(sandbox);
    await playUntil(sandbox, 310);
    await openTab(sandbox, 'Terminal');
    await type(terminal, 'kubectl get nodes');
    await expect(terminal.last).toHaveText(
      'error (exit 1): Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout',
    );
    await type(terminal, UPDATE_KUBECONFIG);
    await expect(terminal.last).toHaveText(
      'Updated context arn:aws:eks:eu-west-3:123456789012:cluster/demo in /home/cloudshell-user/.kube/config',
    );
    await type(terminal, 'kubectl scale deployment/web --replicas=6');
    await expect(terminal.last).toHaveText('deployment.apps/web scaled');

    // The pod on the unreachable self-managed node goes after the 300 s toleration.
    await playUntil(sandbox, 650);
    await type(terminal, 'kubectl get nodes');
    await expect(terminal.last).toContainText(
      /\nip-10-0-0-24\.eu-west-3\.compute\.internal\s+NotReady\s+<none>\s/,
    );
    await type(terminal, 'kubectl get events');
    await expect(terminal.last).toContainText(
      /\s+Normal\s+TaintManagerEviction\s+pod\/web-84c446475c-5c7xj\s+Marking for deletion Pod default\/web-84c446475c-5c7xj\n/,
    );

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
  });

  test('learner rolls out nginx:1.27 without a failed request, then rolls the crash-looping 1.28 back', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, ROLLING);
    const terminal = await openTerminal(sandbox);

    // Wrong: set image with the default strategy; one pod goes before its replacement is Ready.
    await type(terminal, 'kubectl set image deployment/web web=nginx:1.27');
    await expect(terminal.last).toHaveText('deployment.apps/web image updated');
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'only 3 of 4 pods of web were Ready at 00:00:10 (1 in eu-west-3b, 2 in eu-west-3c).',
      'web runs nginx:1.28 at 00:45:00, not nginx:1.27.',
    ]);

    // Right: maxUnavailable 0 with readiness, then rollout undo once the back-off shows.
    await reset(sandbox);
    await applyInEditor(page, sandbox, ROLLING_MANIFEST);
    await expect(sandbox.getByRole('list', { name: 'kubectl apply output' })).toContainText(
      'deployment.apps/web configured',
    );
    await playUntil(sandbox, 1290);
    await openTab(sandbox, 'Terminal');
    await type(terminal, 'kubectl get pods');
    await expect(terminal.last).toContainText(/\s0\/1\s+CrashLoopBackOff\s+\d+ \(\d+s ago\)\s/);
    await type(terminal, 'kubectl rollout undo deployment/web');
    await expect(terminal.last).toHaveText('deployment.apps/web rolled back');

    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner sees the control-plane fee in a day’s bill and brings the day under $5', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const sandbox = await openSandbox(page, COST);

    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'the bill reached $6.93 by 24:00:00 (EC2 $4.53, EKS $2.40); the budget is $5.00.',
    ]);

    await reset(sandbox);
    const terminal = await openTerminal(sandbox);
    await type(
      terminal,
      'aws eks update-nodegroup-config --cluster-name demo --nodegroup-name general --scaling-config minSize=1,maxSize=4,desiredSize=2',
    );
    await expect(sandbox.getByRole('status')).toHaveText(
      'Node group general: min 1, desired 2, max 4.',
    );
    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
    await expect(bill(sandbox)).toHaveText(/· \$4\.67 total$/);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the lesson page is axe clean in ${theme} at 1280 and 390 px, every sandbox and the quiz hydrated`, async ({
      page,
    }) => {
      await useTheme(page, theme);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(LESSON);
        await waitForIslands(page);
        await expectAxeClean(page, `lesson eks (${theme}, ${width} px)`);
      }
    });
  }
});

test.describe('lesson eks quiz', () => {
  test('learner answers a misconception wrong then right, and both predictions run their scenarios', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
    await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');

    const price = page.getByRole('region', { name: /^Question 2 of 14 / });
    await price
      .getByRole('radio', { name: 'Nothing, like ECS; you only pay for the nodes.' })
      .check();
    await price.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      price.getByText(
        "A common misconception. ECS's control plane is free, EKS's is not: $0.10 per hour per cluster, or $0.60 on extended support.",
      ),
    ).toBeVisible();
    await price
      .getByRole('radio', { name: '$0.10 per cluster-hour, whatever the number of nodes or pods.' })
      .check();
    await price.getByRole('button', { name: 'Check answer' }).click();
    await expect(price.getByText('Correct: 0.75 points of 1.')).toBeVisible();

    const day = page.getByRole('region', { name: /^Question 3 of 14 / });
    await day.getByRole('textbox', { name: 'Your answer, in USD' }).fill('2.27');
    await day.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      day.getByText(
        'That is the nodes only — the ECS bill. The EKS control plane is not free: add $0.10 for each of the 24 hours.',
      ),
    ).toBeVisible();
    await day.getByRole('textbox', { name: 'Your answer, in USD' }).fill('4.67');
    await day.getByRole('button', { name: 'Check answer' }).click();
    await expect(day.getByText('Correct: 0.75 points of 1.')).toBeVisible();

    const noNodes = page.getByRole('region', { name: /^Question 4 of 14 / });
    await noNodes
      .getByRole('radio', { name: '3. Nothing can run them until worker nodes join the cluster.' })
      .check();
    await noNodes.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(noNodes.getByText('Correct: 1 point of 1.')).toBeVisible();
    await expect(
      noNodes.getByText('What happened: after 600 simulated seconds, pods were Pending: 3.'),
    ).toBeVisible();

    const badImage = page.getByRole('region', { name: /^Question 12 of 14 / });
    await badImage
      .getByRole('radio', {
        name: '4. The rollout waits for a new pod to be Ready before it stops an old one.',
      })
      .check();
    await badImage.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(
      badImage.getByText('What happened: after 1320 simulated seconds, web pods were Ready: 3.'),
    ).toBeVisible();
    await expect(
      badImage.getByText(
        'That is what maxUnavailable 0 does. The default lets 25 % — one pod of four — be unavailable, so one old pod stops at once.',
      ),
    ).toBeVisible();
  });
});

test.describe('lesson eks in the course', () => {
  test('the course home, the progress page and search all list lesson 4', async ({ page }) => {
    await page.goto('/');
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('link', { name: 'Amazon EKS', exact: true }),
    });
    await expect(card.locator('[data-lesson-status]')).toHaveText('○ Not started');

    await page.goto('/progress/');
    await waitForIslands(page);
    await expect(
      page
        .getByRole('table')
        .first()
        .getByRole('row', { name: /Amazon EKS/ }),
    ).toBeVisible();

    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByRole('textbox', { name: 'Search' });
    await expect(input).toBeFocused();
    await input.pressSequentially('etcd quorum');
    const result = dialog.getByRole('link', { name: /Amazon EKS/ }).first();
    await expect(result).toBeVisible();
    await result.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/lessons\/eks\//);
  });
});
