import type { Locator, Page } from '@playwright/test';
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
  playUntilEvent,
  playToEnd,
  expectNotYet,
  expectPassed,
  reset,
} from './lesson-sandbox';

/**
 * Lesson 5 (node-groups): every challenge played as a learner would — in the Terminal
 * (`aws ec2`, `aws ssm`, `aws eks`, `kubectl`, `helm`) and the Editor, with the toolbar and the
 * Goals panel — a wrong attempt first, whose "Check my work" must say why, then the fix, played
 * to the end and passed. One challenge is played with the keyboard alone. The stories do not
 * read the graphical EKS panel, only the terminal, the event log and the goals.
 */

const LESSON = '/lessons/node-groups/';
const SUBNETS = 'subnet-0a1b2c3d4e5f6071 subnet-0b1b2c3d4e5f6071 subnet-0c1b2c3d4e5f6071';
const NODE_ROLE = 'arn:aws:iam::123456789012:role/eks-nodegroup-role';
const POD_ROLE = 'arn:aws:iam::123456789012:role/AmazonEKSFargatePodExecutionRole';
const createNodegroup = (cluster: string, name: string, rest: string) =>
  `aws eks create-nodegroup --cluster-name ${cluster} --nodegroup-name ${name} --node-role ${NODE_ROLE} --subnets ${SUBNETS} ${rest}`;
const createProfile = (cluster: string, name: string, namespace: string) =>
  `aws eks create-fargate-profile --cluster-name ${cluster} --fargate-profile-name ${name} --pod-execution-role-arn ${POD_ROLE} --subnets ${SUBNETS} --selectors namespace=${namespace}`;

const RUN_INSTANCES =
  "aws ec2 run-instances --image-id resolve:ssm:/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id --instance-type t3.medium --count 2 --placement AvailabilityZone=eu-west-3a --iam-instance-profile Name=eks-self-managed-node-role --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=worker}]'";
const nodeadm = (instance: string) =>
  `aws ssm send-command --instance-ids ${instance} --document-name AWS-RunShellScript --parameters 'commands=["nodeadm init --config-source file:///etc/eks/nodeconfig-demo.yaml"]'`;

/** The checkout manifest the lesson shows (checkout.yaml). */
const CHECKOUT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
  namespace: payments
spec:
  replicas: 2
  selector:
    matchLabels:
      app: checkout
  template:
    metadata:
      labels:
        app: checkout
    spec:
      containers:
        - name: checkout
          image: public.ecr.aws/aws-containers/retail-store-sample-checkout:0.2.0
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
`;

interface Terminal {
  run(line: string): Promise<void>;
  /** The output of the last command. */
  last: Locator;
}

async function terminal(sandbox: Locator): Promise<Terminal> {
  const panel = await openTab(sandbox, 'Terminal');
  const command = panel.getByRole('textbox', { name: 'Command' });
  const output = panel.getByRole('log', { name: 'Terminal output' });
  return {
    async run(line: string) {
      await command.fill(line);
      await command.press('Enter');
      await expect(command).toHaveValue('');
    },
    last: output.locator('pre').last(),
  };
}

/** Pastes a manifest into the Kubernetes editor and applies it with the editor's button. */
async function applyInEditor(page: Page, sandbox: Locator, text: string): Promise<void> {
  const panel = await openTab(sandbox, 'Editor');
  const editor = panel.getByRole('textbox', { name: /^Editor: web\.yaml\./ });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await pasteIntoEditor(page, editor, text);
  await expect(panel.getByText('No problems found in web.yaml.')).toBeVisible();
  await panel.getByRole('button', { name: 'Apply (kubectl apply -f web.yaml)' }).click();
  await expect(panel.getByRole('list', { name: 'kubectl apply output' })).toContainText(
    'deployment.apps/checkout created',
  );
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: moving as a keyboard user does. */
async function tabTo(page: Page, target: Locator, back = false, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test.describe('lesson node-groups', () => {
  // Each story plays a long scenario twice at 64×; on two busy cores the sim clock runs slower.
  test.describe.configure({ timeout: 300_000 });

  test.beforeEach(async ({ page }) => {
    await page.goto(LESSON);
  });

  test('learner launches EKS-AMI instances, sees they never join, then bootstraps them and maps their role', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'Self-managed nodes join only when you make them');

    // Wrong: launching from the EKS AMI is not enough.
    let term = await terminal(sandbox);
    await term.run(RUN_INSTANCES);
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Launching i-[0-9a-f]{17}, i-[0-9a-f]{17} \(t3\.medium, eu-west-3a\) from the EKS-optimized AMI \(no NodeConfig: the kubelet does not join any cluster\)\.$/,
    );
    await playUntil(sandbox, 910);
    await expectNotYet(sandbox, ['only 0 self-managed nodes were Ready by 00:15:00; 2 needed.']);

    // Right: nodeadm on each instance, and an access entry for the node role.
    await reset(sandbox);
    term = await terminal(sandbox);
    await term.run(RUN_INSTANCES);
    const launched = (await sandbox.getByRole('status').innerText()).match(/i-[0-9a-f]{17}/g);
    expect(launched).toHaveLength(2);
    const [first, second] = launched as [string, string];
    await playUntil(sandbox, 60);
    term = await terminal(sandbox);
    await term.run(nodeadm(first));
    await expect(sandbox.getByRole('status')).toHaveText(
      /^nodeadm init on i-[0-9a-f]{17}: kubelet configured for demo \(https:\/\/[0-9A-F]{32}\.gr7\.eu-west-3\.eks\.amazonaws\.com\) and started\.$/,
    );
    await playUntilEvent(
      sandbox,
      `kubelet on ${first}: "Unable to register node with API server" err="Unauthorized" (no access entry of type EC2_LINUX for arn:aws:iam::123456789012:role/eks-self-managed-node-role in cluster demo)`,
    );
    term = await terminal(sandbox);
    await term.run('kubectl get nodes');
    await expect(term.last).toContainText('No resources found');
    await term.run(
      'aws eks create-access-entry --cluster-name demo --principal-arn arn:aws:iam::123456789012:role/eks-self-managed-node-role --type EC2_LINUX',
    );
    await expect(sandbox.getByRole('status')).toHaveText(
      'Access entry arn:aws:iam::123456789012:role/eks-self-managed-node-role (EC2_LINUX) created in cluster demo.',
    );
    await term.run(nodeadm(second));

    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);
    term = await terminal(sandbox);
    await term.run('kubectl get nodes');
    expect(
      (await term.last.innerText()).match(
        /ip-10-0-0-\d+\.eu-west-3\.compute\.internal +Ready +<none> /g,
      ),
    ).toHaveLength(2);
  });

  test('learner creates two managed node groups and sends cache to the labelled one, with the keyboard alone', async ({
    page,
  }) => {
    const sandbox = await openSandbox(
      page,
      'Managed node groups, and a nodeSelector that picks one',
    );
    const tabs = sandbox.getByRole('tablist', { name: 'Sandbox panels' });
    const command = sandbox.getByRole('textbox', { name: 'Command' });
    const output = sandbox.getByRole('log', { name: 'Terminal output' }).locator('pre').last();
    const type = async (line: string) => {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      await expect(command).toHaveValue('');
    };
    /** From the toolbar the tabs are ahead; from the Goals panel they are behind. */
    const openTerminal = async (back = false) => {
      await tabTo(page, tabs.getByRole('tab', { selected: true }), back);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await expect(tabs.getByRole('tab', { name: 'Terminal' })).toBeFocused();
      await tabTo(page, command);
    };
    const runToEndAndCheck = async () => {
      await tabTo(page, sandbox.getByRole('button', { name: 'Run to the end' }), true);
      await page.keyboard.press('Enter');
      await expect(sandbox.getByRole('button', { name: 'Play' })).toBeDisabled({ timeout: 60_000 });
      await tabTo(page, tabs.getByRole('tab', { selected: true }));
      await page.keyboard.press('Home');
      await expect(tabs.getByRole('tab', { name: 'Goals' })).toBeFocused();
      await tabTo(page, sandbox.getByRole('button', { name: 'Check my work' }));
      await page.keyboard.press('Enter');
      return sandbox.getByRole('region', { name: /^(Challenge passed|Not yet)/ });
    };

    // The learner has scrolled to the sandbox; from its first control on, only keys are pressed.
    await sandbox.getByRole('button', { name: 'Play' }).focus();

    // Wrong: one general group; cache asks for nodes labelled workload=memory.
    await openTerminal();
    await type(
      createNodegroup(
        'store',
        'general',
        '--instance-types t3.medium --scaling-config minSize=1,maxSize=3,desiredSize=2',
      ),
    );
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Creating node group general in store: 2 × t3\.medium \(min 1, max 3\), status CREATING; Auto Scaling group eks-general-[0-9a-f-]{36}\.$/,
    );
    let verdict = await runToEndAndCheck();
    await expect(verdict.getByRole('heading')).toContainText('Not yet');
    await expect(
      verdict.getByText('only 0 of 2 pods of cache were Ready at 00:10:00; 2 Pending.', {
        exact: true,
      }),
    ).toBeVisible();
    await openTerminal(true);
    await type('kubectl describe pod cache');
    await expect(output).toContainText(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.",
    );

    // Right: the same group, then a memory group whose nodes carry the label.
    await tabTo(page, sandbox.getByRole('button', { name: 'Reset' }), true);
    await page.keyboard.press('Enter');
    await expect(sandbox.getByRole('status')).toHaveText('The scenario was reset to its start.');
    await openTerminal();
    await type(
      createNodegroup(
        'store',
        'general',
        '--instance-types t3.medium --scaling-config minSize=1,maxSize=3,desiredSize=2',
      ),
    );
    await type(
      createNodegroup(
        'store',
        'memory',
        '--instance-types m5.large --scaling-config minSize=1,maxSize=2,desiredSize=2 --labels workload=memory',
      ),
    );
    await expect(sandbox.getByRole('status')).toHaveText(
      /^Creating node group memory in store: 2 × m5\.large \(min 1, max 2\), status CREATING; Auto Scaling group eks-memory-[0-9a-f-]{36}\.$/,
    );
    verdict = await runToEndAndCheck();
    await expect(verdict.getByRole('heading')).toContainText('Challenge passed');
    await expect(verdict.getByRole('listitem').filter({ hasText: 'Met:' })).toHaveCount(2);
    await openTerminal(true);
    await type('kubectl get nodes -l workload=memory');
    expect((await output.innerText()).match(/ Ready /g)).toHaveLength(2);
  });

  test('learner watches pods wait with Insufficient cpu, installs the Cluster Autoscaler, and sees nodes come and go', async ({
    page,
  }) => {
    const sandbox = await openSandbox(
      page,
      'A traffic spike, the HPA, and nodes that do not scale by themselves',
    );

    // Wrong: wait for the group to grow by itself.
    await playUntil(sandbox, 600);
    let term = await terminal(sandbox);
    await term.run('kubectl describe pod web');
    await expect(term.last).toContainText(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    await playToEnd(sandbox);
    await expectNotYet(sandbox, [
      'only 3 of 7 pods of web were Ready at 00:20:00 (3 in eu-west-3a); 3 Pending.',
    ]);

    // Right: the chart the lesson shows.
    await reset(sandbox);
    term = await terminal(sandbox);
    await term.run('helm repo add autoscaler https://kubernetes.github.io/autoscaler');
    await term.run(
      'helm install cluster-autoscaler autoscaler/cluster-autoscaler --namespace kube-system --set autoDiscovery.clusterName=prod --set awsRegion=eu-west-3',
    );
    await expect(term.last).toContainText('STATUS: deployed');
    await playToEnd(sandbox);
    await expectPassed(sandbox, 3);
  });

  test('learner creates a Fargate profile for the wrong namespace, then the right one, and reads the pod size', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'A Fargate profile beside a node group');

    // Wrong: a profile that selects no pod of api; they stay Pending.
    let term = await terminal(sandbox);
    await term.run(createProfile('lab', 'apps', 'api'));
    await expect(sandbox.getByRole('status')).toHaveText(
      'Creating Fargate profile apps in lab (selectors: api): status CREATING.',
    );
    await playUntilEvent(sandbox, 'Fargate profile apps of lab is ACTIVE.');
    term = await terminal(sandbox);
    await term.run('kubectl rollout restart deployment/api -n apps');
    await playToEnd(sandbox);
    await expectNotYet(sandbox, ['only 0 of 3 pods of api were Ready at 00:15:00; 3 Pending.']);

    // Right: select the namespace apps, then recreate the pods once the profile is ACTIVE.
    await reset(sandbox);
    term = await terminal(sandbox);
    await term.run(createProfile('lab', 'apps', 'apps'));
    await playUntilEvent(sandbox, 'Fargate profile apps of lab is ACTIVE.');
    term = await terminal(sandbox);
    await term.run('kubectl rollout restart deployment/api -n apps');
    await expect(term.last).toHaveText('deployment.apps/api restarted');
    await playToEnd(sandbox);
    await expectPassed(sandbox, 2);

    term = await terminal(sandbox);
    await term.run('kubectl get pods -n apps -l app=api -o yaml');
    expect((await term.last.innerText()).match(/CapacityProvisioned: 0\.5vCPU 2GB/g)).toHaveLength(
      3,
    );
    await term.run('kubectl get daemonsets');
    await expect(term.last).toContainText(/^NAME +DESIRED +CURRENT +READY .*\nlog-agent +1 +1 +1 /);
  });

  test('learner applies checkout before its profile exists, then creates both kinds of compute in order', async ({
    page,
  }) => {
    const sandbox = await openSandbox(page, 'A node group and a Fargate profile in one cluster');
    const group = createNodegroup(
      'shop',
      'general',
      '--instance-types t3.medium --scaling-config minSize=2,maxSize=3,desiredSize=2',
    );

    // Wrong: no profile yet, so checkout lands on the EC2 nodes.
    let term = await terminal(sandbox);
    await term.run(group);
    await applyInEditor(page, sandbox, CHECKOUT);
    await playToEnd(sandbox);
    await expectNotYet(sandbox, ['only 0 fargate nodes were Ready by 00:15:00; 2 needed.']);

    // Right: the node group and the profile, then checkout once the profile is ACTIVE.
    await reset(sandbox);
    term = await terminal(sandbox);
    await term.run(group);
    await term.run(createProfile('shop', 'payments', 'payments'));
    await playUntilEvent(sandbox, 'Fargate profile payments of shop is ACTIVE.');
    term = await terminal(sandbox);
    await term.run(
      'aws eks describe-fargate-profile --cluster-name shop --fargate-profile-name payments',
    );
    await expect(term.last).toContainText('"status": "ACTIVE"');
    await applyInEditor(page, sandbox, CHECKOUT);
    await playToEnd(sandbox);
    await expectPassed(sandbox, 4);
    term = await terminal(sandbox);
    await term.run('kubectl get pods -n payments -o wide');
    expect(
      (await term.last.innerText()).match(
        / fargate-ip-10-0-\d+-\d+\.eu-west-3\.compute\.internal /g,
      ),
    ).toHaveLength(2);
  });

  test('the lesson page is axe clean in light and dark, at 1280 and 390 px', async ({ page }) => {
    test.setTimeout(240_000);
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await useTheme(page, theme);
        await page.goto(LESSON);
        await waitForIslands(page);
        await expectAxeClean(page, `lesson node-groups (${theme}, ${width} px)`);
      }
    }
  });
});

/** A quiz question, found by words of its prompt (the quiz may shuffle the order). */
function question(page: Page, words: string): Locator {
  return page.getByRole('region', { name: /^Question \d+ of 15 / }).filter({ hasText: words });
}

test.describe('lesson node-groups quiz', () => {
  test.describe.configure({ timeout: 120_000 });

  test('learner predicts what the sandboxes do and gets feedback drawn from the misconceptions', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
    await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');

    const grow = question(page, 'nothing else is installed in the cluster');
    await grow
      .getByRole('radio', {
        name: 'The group grows towards its max of 6, because that is what the max is for.',
      })
      .check();
    await grow.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      grow.getByText(
        'A common misconception: managed node groups do not autoscale by themselves. The max is a bound for whatever changes the desired size, not a target.',
      ),
    ).toBeVisible();

    // A prediction is final once run: one right, one wrong with its explanation.
    const spike = question(page, 'nobody installs the Cluster Autoscaler');
    await spike
      .getByRole('radio', {
        name: 'Between 1 and 6. The node holds only a few 500m pods; the rest wait with Insufficient cpu.',
      })
      .check();
    await spike.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(spike.getByText('Correct: 1 point of 1.')).toBeVisible({ timeout: 60_000 });
    await expect(
      spike.getByText('What happened: after 900 simulated seconds, pods were Pending: 3.'),
    ).toBeVisible();

    const size = question(page, 'How much memory does Fargate provision');
    const value = size.getByRole('textbox', { name: 'Your answer, in GB' });
    await value.fill('2');
    await size.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      size.getByText(
        'A common misconception: a pod does not get exactly what it requests on Fargate. Fargate adds 256 MB for its own processes, then rounds up.',
      ),
    ).toBeVisible();
    await value.fill('3');
    await size.getByRole('button', { name: 'Check answer' }).click();
    await expect(size.getByText('Correct: 0.75 points of 1.')).toBeVisible();

    const mixed = question(page, 'list as Ready at 00:10:00');
    await mixed
      .getByRole('radio', {
        name: '3. The two EC2 nodes, and one Fargate node that holds both checkout pods.',
      })
      .check();
    await mixed.getByRole('button', { name: 'Predict, then run it' }).click();
    await expect(
      mixed.getByText('What happened: after 600 simulated seconds, nodes were Ready: 4.'),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      mixed.getByText(
        'A common misconception: Fargate never puts two pods in one VM. Each pod gets its own isolated environment.',
      ),
    ).toBeVisible();
  });
});

test.describe('lesson node-groups in the course', () => {
  test('the course home, My progress and search all list lesson 5', async ({ page }) => {
    const title = 'Worker nodes for EKS: self-managed, managed node groups, Fargate';
    await page.goto('/');
    await expect(
      page.getByRole('main').getByRole('link', { name: new RegExp(title) }),
    ).toHaveAttribute('href', LESSON);

    await page.goto('/progress/');
    await waitForIslands(page);
    await expect(
      page
        .getByRole('table')
        .first()
        .getByRole('row', { name: new RegExp(title) }),
    ).toBeVisible();

    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByRole('textbox', { name: 'Search' });
    await expect(input).toBeFocused();
    await input.pressSequentially('Cluster Autoscaler');
    const result = dialog.getByRole('link', { name: new RegExp(title) }).first();
    await expect(result).toBeVisible();
    await result.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/lessons\/node-groups\//);
  });
});
