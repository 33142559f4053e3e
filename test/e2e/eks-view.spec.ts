import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { kubernetesChunks } from '../../bench/chunks.mjs';
import { test, expect, useTheme } from './fixtures';
import { openTab, playUntil, simSeconds } from './lesson-sandbox';

/**
 * The Kubernetes side of the sandbox on the EKS playground: a learner creates a cluster and a
 * node group through the forms, connects kubectl, applies the manifest, sees the pods Running
 * on the nodes, asks "Why here?", and cordons and drains a node with the keyboard alone.
 */

const PLAYGROUND = '/playground/eks/';

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto(PLAYGROUND);
  const sandbox = page.getByRole('region', { name: 'EKS playground', exact: true });
  await sandbox.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: sandbox })).not.toHaveAttribute('ssr');
  return sandbox;
}

async function openForms(sandbox: Locator): Promise<Locator> {
  const forms = sandbox.locator('details.sbx-eks-forms');
  await forms.locator('summary').click();
  return forms;
}

/** The result line of the last action (the island's outcome banner). */
const outcome = (sandbox: Locator) => sandbox.locator('.sbx-outcome-text');

async function buildCluster(page: Page): Promise<Locator> {
  const sandbox = await openPlayground(page);
  const forms = await openForms(sandbox);
  const create = forms.getByRole('form', { name: 'Create a cluster' });
  await create.getByRole('textbox', { name: 'Cluster name' }).fill('demo');
  await create.getByRole('button', { name: 'Create cluster' }).click();
  const cluster = sandbox.getByRole('group', { name: /^EKS cluster demo/ });
  await expect(cluster.getByRole('heading', { level: 4 })).toContainText('CREATING');
  await expect(cluster.getByText('API not answering yet')).toBeVisible();
  await playUntil(sandbox, 610);
  await expect(cluster.getByRole('heading', { level: 4 })).toContainText('ACTIVE');
  await expect(cluster.getByText('API answering')).toBeVisible();

  await forms
    .getByRole('form', { name: 'Connect kubectl (aws eks update-kubeconfig)' })
    .getByRole('button', { name: 'Update kubeconfig' })
    .click();
  await expect(outcome(sandbox)).toContainText('demo');

  // A bad size is refused in the form, naming the field; nothing is sent.
  const group = forms.getByRole('form', { name: 'Create a managed node group' });
  await group.getByRole('textbox', { name: 'Desired size' }).fill('9');
  await group.getByRole('button', { name: 'Create node group' }).click();
  await expect(group.getByRole('alert')).toHaveText('✕ Desired size: 9 is above the maximum 3.');
  await expect(cluster.getByRole('group', { name: 'Node groups' })).toContainText('None.');
  await group.getByRole('textbox', { name: 'Desired size' }).fill('2');
  await group.getByRole('button', { name: 'Create node group' }).click();
  await expect(group.getByRole('alert')).toHaveCount(0);
  await expect(cluster.getByRole('group', { name: 'Node groups' })).toContainText(
    'general t3.medium min 1 · desired 2 · max 3 CREATING',
  );

  const apply = forms.getByRole('form', { name: 'Apply a manifest (kubectl apply -f)' });
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(
    apply.getByRole('list', { name: "kubectl's answer" }).getByRole('listitem'),
  ).toHaveText(['✓ deployment.apps/web created', '✓ service/web created']);
  // The controllers create the pods in the next seconds; no node has joined yet, so they wait
  // in the tray with the scheduler's reason.
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  const tray = cluster.getByRole('group', { name: /^Waiting for a node, / });
  await expect(tray).toHaveAccessibleName('Waiting for a node, 3');
  await expect(tray.getByText('no nodes available to schedule pods')).toHaveCount(3);

  await playUntil(sandbox, (await simSeconds(sandbox)) + 240);
  await expect(cluster.locator('.sbx-eks-node')).toHaveCount(2);
  await expect(cluster.locator('.sbx-eks-pod', { hasText: 'Running' })).toHaveCount(3);
  await expect(tray).toHaveAccessibleName('Waiting for a node, 0');
  return sandbox;
}

test('a learner builds a cluster through the forms, asks why a pod is where it is, and drains a node by keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dialogChunk = kubernetesChunks(join(process.cwd(), 'dist')).dialog[0]!;
  const scripts: string[] = [];
  page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
  const sandbox = await buildCluster(page);
  const cluster = sandbox.getByRole('group', { name: /^EKS cluster demo/ });
  // The dialog's code loads when the learner first opens one.
  expect(scripts).not.toContain(`/_astro/${dialogChunk}`);

  // Why here?
  const pod = cluster.locator('.sbx-eks-node .sbx-eks-pod').first();
  await pod.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(
    /^Pod web-[0-9a-f]+-[a-z0-9]{5}$/,
  );
  const why = dialog.getByRole('group', { name: 'Why here?' });
  await expect(why).toContainText('The pod requests 250m CPU and 256Mi memory.');
  await expect(
    why.getByRole('list', { name: 'Per node' }).getByRole('listitem').first(),
  ).toContainText(
    /^✓Chosen ip-[\d-]+\.eu-west-3\.compute\.internal \(score \d+ of 100\): passes every filter/,
  );
  expect(scripts).toContain(`/_astro/${dialogChunk}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(pod).toBeFocused();

  // Cordon and drain the node with the most pods, by keyboard only.
  const busiest = cluster
    .locator('.sbx-eks-node')
    .filter({ has: page.locator('.sbx-eks-pod') })
    .first();
  const name = (await busiest.locator('.sbx-host-id').innerText()).trim();
  const node = cluster.getByRole('group', { name: `Node ${name}, Ready` });
  const before = await node.locator('.sbx-eks-pod').count();
  expect(before).toBeGreaterThan(0);
  const title = node.locator('.sbx-host-title');
  await title.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(`Node ${name}`);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cordon' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText(`✓ node/${name} cordoned`);
  await expect(dialog.getByRole('button', { name: 'Uncordon' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Drain (--ignore-daemonsets)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText(`node/${name} already cordoned`);
  await expect(dialog.getByRole('status')).toContainText(`node/${name} drained`);
  const drained = await dialog.getByRole('status').innerText();
  expect(drained.match(/evicting pod default\/web-[0-9a-f]+-[a-z0-9]{5}/g)).toHaveLength(before);
  await page.keyboard.press('Escape');
  await expect(title).toBeFocused();
  const cordoned = cluster.getByRole('group', { name: `Node ${name}, Ready,SchedulingDisabled` });
  await expect(cordoned.locator('.sbx-eks-node-kind')).toHaveText(
    'node group general · On-Demand⊘ cordoned',
  );

  // The evicted pods come back on the other node.
  await playUntil(sandbox, (await simSeconds(sandbox)) + 60);
  await expect(cordoned.locator('.sbx-eks-pod')).toHaveCount(0);
  await expect(cluster.locator('.sbx-eks-pod', { hasText: 'Running' })).toHaveCount(3);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Kubernetes view is accessible in ${theme}, at 1280 and 390 px`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await useTheme(page, theme);
    const sandbox = await buildCluster(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // Below 600 px of island the cluster is drawn as tables (eks-list.spec.ts).
      await expect(sandbox.locator('.sbx-eks-as-list')).toHaveCount(width < 600 ? 1 : 0);
      const results = await new AxeBuilder({ page }).include('.sbx-eks-view').analyze();
      expect(
        results.violations.map(
          (v) => `${width}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        ),
      ).toEqual([]);
      await sandbox.locator('.sbx-eks-view').screenshot({
        path: testInfo.outputPath(`eks-view-${width}-${theme}.png`),
      });
      await (
        width < 600
          ? sandbox
              .getByRole('table', { name: 'Pods of demo on nodes' })
              .getByRole('button')
              .first()
          : sandbox.locator('.sbx-eks-node .sbx-eks-pod').first()
      ).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('group', { name: 'Why here?' })).toBeVisible();
      const inDialog = await new AxeBuilder({ page }).include('dialog').analyze();
      expect(inDialog.violations.map((v) => `${width} dialog: ${v.id}`)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`eks-why-${width}-${theme}.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
    const goals = await openTab(sandbox, 'Goals');
    await expect(goals.getByText('Free play: no goals, nothing is graded.')).toBeVisible();
    // No Goals heading over the free-play line (the tab already names the panel).
    await expect(goals.getByRole('heading', { name: 'Goals' })).toHaveCount(0);
    await expect(sandbox.getByRole('button', { name: 'Check my work' })).toHaveCount(0);
    await expect(sandbox.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  });
}
