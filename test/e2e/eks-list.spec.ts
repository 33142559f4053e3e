import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, useTheme } from './fixtures';
import { openSandbox, openTab, playUntil } from './lesson-sandbox';

/**
 * The Kubernetes view on a phone: below 600 px of island the nodes by AZ become the control
 * plane in one line and tables of nodes and pods, every row opening the same dialog as the
 * wide view's cards. The stories play the Fargate-profile challenge of lesson 5, whose node
 * group runs web and log-agent while api waits for a node.
 */

const LESSON = '/lessons/node-groups/';
const FARGATE = 'A Fargate profile beside a node group';
const NODE = 'ip-10-0-0-20.eu-west-3.compute.internal';

async function openCluster(
  page: Page,
  width: number,
): Promise<{ sandbox: Locator; cluster: Locator }> {
  await page.setViewportSize({ width, height: 844 });
  await page.goto(LESSON);
  const sandbox = await openSandbox(page, FARGATE);
  // The node has joined and the scheduler has placed what fits from 00:00:30 on.
  await playUntil(sandbox, 30);
  const cluster = sandbox.getByRole('group', { name: /^EKS cluster lab/ });
  return { sandbox, cluster };
}

test('on a phone a learner reads the cluster as tables and opens a node and a pod from their rows', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { sandbox, cluster } = await openCluster(page, 390);
  await expect(cluster.locator('.sbx-eks-as-grid')).toHaveCount(0);
  await expect(cluster.locator('.sbx-eks-node')).toHaveCount(0);

  await expect(cluster.locator('.sbx-eks-cp-line')).toHaveText(
    '✓ Control plane managed by AWS: API answering. 2 of 2 API servers up, etcd 3 of 3 (quorum 2): eu-west-3a API server and etcd up, eu-west-3b API server and etcd up, eu-west-3c etcd up.',
  );
  const nodes = cluster.getByRole('table', { name: 'Nodes of lab' });
  await expect(nodes.getByRole('columnheader')).toHaveText([
    'Node',
    'Status',
    'Requested of allocatable',
  ]);
  const nodeRow = nodes.getByRole('row', { name: new RegExp(`^${NODE}`) });
  await expect(nodeRow.locator('th, td')).toHaveText([
    `${NODE} eu-west-3a · general · On-Demand`,
    '✓ Ready',
    '0.55 of 1.93 vCPU 576 MiB of 3.47 GiB 3 of 17 pods',
  ]);

  const pods = cluster.getByRole('table', { name: 'Pods of lab on nodes' });
  await expect(pods.getByRole('columnheader')).toHaveText(['Pod', 'Status']);
  await expect(pods.getByRole('row')).toHaveCount(4);
  const podRow = pods.getByRole('row', { name: /^web-5579cfbd44-xftvf/ });
  await expect(podRow.locator('th, td')).toHaveText([
    `web-5579cfbd44-xftvf on ${NODE}`,
    '● Running 1/1 ready',
  ]);

  // The api pods wait for a node with the scheduler's reason: the node is tainted for web.
  const tray = cluster.getByRole('group', { name: 'Waiting for a node, 3' });
  await expect(tray.getByRole('listitem').first()).toHaveText(
    '◌api-f97ddbb77-2hjv7 Pending0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: web}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  );

  // Keyboard: Enter on the row's name opens the node's dialog; Escape gives the focus back.
  const open = nodeRow.getByRole('button', { name: NODE });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(`Node ${NODE}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  // Pointer: anywhere on a pod's row opens the pod's dialog with "Why here?".
  await podRow.getByRole('cell', { name: 'Running 1/1 ready' }).click();
  await expect(dialog.getByRole('heading', { level: 4 })).toHaveText('Pod web-5579cfbd44-xftvf');
  await expect(dialog.getByRole('group', { name: 'Why here?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(podRow.getByRole('button', { name: 'web-5579cfbd44-xftvf' })).toBeFocused();

  // With the solution (a profile for apps, then a restart of api) the pods run on Fargate.
  const goals = await openTab(sandbox, 'Goals');
  await goals.getByRole('button', { name: 'Show solution' }).click();
  await playUntil(sandbox, 300);
  const fargate = nodes.getByRole('row', { name: /^fargate-ip-10-0-0-24/ });
  await expect(fargate.locator('th, td')).toHaveText([
    'fargate-ip-10-0-0-24.eu-west-3.compute.internal eu-west-3a · Fargate · 0.5vCPU 2GB',
    '✓ Ready',
    '0.5 of 0.5 vCPU 1 GiB of 2 GiB 1 of 1 pods',
  ]);
  await expect(
    pods.getByRole('row', { name: /^api-5fdb4cb758-4xbqf/ }).locator('th, td'),
  ).toHaveText([
    'api-5fdb4cb758-4xbqf in apps on fargate-ip-10-0-0-24.eu-west-3.compute.internal',
    '● Running 1/1 ready',
  ]);
  await expect(cluster.getByRole('group', { name: 'Waiting for a node, 0' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the phone list of a cluster is axe clean in ${theme}`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const { cluster } = await openCluster(page, 390);
    await expect(cluster.getByRole('table', { name: 'Nodes of lab' })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('.sbx-eks-view').analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  });
}

test('at 1280 px the cluster keeps its nodes by AZ and draws no tables', async ({ page }) => {
  test.setTimeout(120_000);
  const { cluster } = await openCluster(page, 1280);
  await expect(cluster.getByRole('group', { name: `Node ${NODE}, Ready` })).toBeVisible();
  await expect(
    cluster.getByRole('group', { name: 'Nodes of lab by Availability Zone' }),
  ).toBeVisible();
  await expect(cluster.getByRole('table')).toHaveCount(0);
  await expect(cluster.locator('.sbx-eks-as-list')).toHaveCount(0);
});
