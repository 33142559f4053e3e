import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test, useTheme, waitForIslands } from './fixtures.ts';

/**
 * The decision guide (src/pages/decide.astro): a learner answers by keyboard and reads the
 * recommendation and its reasons; a shared link and saved answers bring answers back; a hostile
 * link or corrupt storage is refused with its message and changes nothing. The expected texts
 * are the ones test/decide pins for the same profiles.
 */

const SHOTS = process.env['SHOTS_DIR'];
const KEY = 'shipyard.decide';

async function openGuide(page: Page, path = '/decide/') {
  await page.goto(path);
  await waitForIslands(page);
  await expect(page.getByRole('radio', { name: /We already run Kubernetes/ })).toBeEnabled();
}

const headline = (page: Page) => page.getByRole('status');
const reasons = (page: Page) => page.locator('.dg-reasons > li');

test('a learner answers every question by keyboard and reads the recommendation and why', async ({
  page,
}) => {
  await openGuide(page);
  await expect(headline(page)).toHaveText('No recommendation yet: answer a question to start.');

  // Radios: the arrows move and choose within a question, Tab goes to the next question,
  // Space picks the focused option.
  await page.getByRole('radio', { name: /We already run Kubernetes/ }).focus();
  await page.keyboard.press('ArrowDown'); // portable
  await expect(headline(page)).toHaveText(
    'A tie: EKS on EC2 (managed node groups) and EKS on Fargate, 2 points each.',
  );
  await page.keyboard.press('ArrowDown'); // ecosystem
  await page.keyboard.press('ArrowDown'); // none
  await expect(page.getByRole('radio', { name: /None of these/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /One or two developers/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // steady
  await page.keyboard.press('ArrowDown'); // spiky
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // small
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // nothing special
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: /GPUs/ })).toBeFocused();

  await expect(headline(page)).toHaveText(
    'Recommended: ECS on Fargate, 9 points, 4 points ahead of ECS on EC2.',
  );
  await expect(page.getByText('5 of 5 questions answered', { exact: false })).toBeVisible();
  await expect(reasons(page)).toHaveCount(6);
  expect(
    await reasons(page).evaluateAll((li) => li.map((l) => l.getAttribute('data-rule'))),
  ).toEqual([
    'no-kubernetes-needed',
    'small-team-no-servers',
    'small-team-fewer-moving-parts',
    'spiky-load-pay-per-task',
    'small-bill-control-plane-fee',
    'shared-hosts-fine',
  ]);
  await expect(page.locator('.dg-reason-effect')).toHaveText([
    'ECS is enough without Kubernetes: +2 ECS on EC2, +2 ECS on Fargate.',
    'No servers to look after: +2 ECS on Fargate, +2 EKS on Fargate.',
    'Fewer moving parts to learn: +1 ECS on EC2, +1 ECS on Fargate.',
    'Spiky load: pay only for what runs: +2 ECS on Fargate, +2 EKS on Fargate.',
    'The EKS control-plane fee weighs on a small bill: +2 ECS on EC2, +2 ECS on Fargate.',
    'Shared hosts are fine: no effect.',
  ]);
  await expect(reasons(page).nth(4)).toContainText(
    'The EKS control plane costs $0.10 per cluster-hour, $73.00 a month per cluster before any worker runs; the ECS control plane is free.',
  );
  await expect(reasons(page).nth(4).getByRole('link')).toHaveText([
    'Lesson 4: what EKS costs (sandbox: a day on ECS and on EKS)',
  ]);
  const points = page.getByRole('table', { name: 'Points per combination' });
  await expect(points.locator('tbody tr')).toHaveText([
    'ECS on Fargate+9★ Recommended',
    'ECS on EC2+5· In the running',
    'EKS on Fargate+4· In the running',
    'EKS on EC2 (managed node groups)0· In the running',
  ]);
  await expect(
    page.getByRole('heading', { name: 'What ECS on Fargate asks of you' }),
  ).toBeVisible();

  // A need Fargate cannot meet, ticked with Space: Fargate is ruled out, the rule says why.
  await page.keyboard.press('Space');
  await expect(headline(page)).toHaveText(
    'Recommended: ECS on EC2, 5 points, 5 points ahead of EKS on EC2 (managed node groups).',
  );
  await expect(points.locator('tbody tr').nth(2)).toHaveText(
    'ECS on Fargate+9✕ Ruled out: GPUs run on EC2 only',
  );

  // The answers are in the address and in this browser.
  await expect(page).toHaveURL(
    /\/decide\/#v=1&kubernetes=none&team=solo&load=spiky&size=small&isolation=standard&needs=gpu$/,
  );
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(
    '{"v":1,"answers":{"kubernetes":"none","team":"solo","load":"spiky","size":"small","isolation":"standard","needs":["gpu"]}}',
  );

  // Back without the link: the saved answers return.
  await openGuide(page, '/decide/');
  await expect(
    page.getByText('Your answers from your last visit, saved in this browser.'),
  ).toBeVisible();
  await expect(headline(page)).toHaveText(
    'Recommended: ECS on EC2, 5 points, 5 points ahead of EKS on EC2 (managed node groups).',
  );

  // Clear my answers, by keyboard.
  await page.getByRole('button', { name: 'Clear my answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(headline(page)).toHaveText('No recommendation yet: answer a question to start.');
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
});

test('a shared link restores its answers, and a tie is said as a tie', async ({ page }) => {
  await openGuide(
    page,
    '/decide/#v=1&kubernetes=runs&team=solo&load=spiky&size=small&isolation=standard',
  );
  await expect(page.getByText('These are the answers from the link you opened.')).toBeVisible();
  await expect(page.getByRole('radio', { name: /We already run Kubernetes/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /One or two developers/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^Spiky/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^Small/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Nothing special/ })).toBeChecked();
  await expect(headline(page)).toHaveText(
    'A tie: ECS on Fargate and EKS on Fargate, 7 points each.',
  );
  await expect(page.locator('.dg-tiebreak')).toHaveText(
    'Your answers do not separate them; the choice left is yours. ECS or EKS: ECS is simpler and its control plane is free; EKS is Kubernetes, portable and with a large ecosystem, for a control-plane fee and more to run.',
  );
  await expect(page.locator('.dg-tradeoff h4')).toHaveText([
    'What ECS on Fargate asks of you',
    'What EKS on Fargate asks of you',
  ]);
  // Opening a link does not overwrite what this browser saved.
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  await expect(page.getByRole('link', { name: 'Link to these answers' })).toHaveAttribute(
    'href',
    '#v=1&kubernetes=runs&team=solo&load=spiky&size=small&isolation=standard',
  );
});

const SAVED =
  '{"v":1,"answers":{"kubernetes":"runs","team":"platform","load":"steady","size":"large","isolation":"standard","needs":["daemons"]}}';

test('a hostile link is refused with its message and changes nothing', async ({ page }) => {
  await page.addInitScript(
    ([k, v]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k!, v!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [KEY, SAVED],
  );
  await openGuide(page, '/decide/#v=1&team=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.getByRole('alert')).toHaveText(
    '⚠ The link’s answers were not used: team is “<img src=x onerror=alert(1)>”, which is not one of solo, small, platform. Nothing was changed.',
  );
  // What was saved is shown and kept, byte for byte.
  await expect(headline(page)).toHaveText(
    'Recommended: EKS on EC2 (managed node groups), 8 points, 4 points ahead of ECS on EC2.',
  );
  await expect(page.locator('.dg-reasons img')).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(SAVED);
  await expect(page).toHaveURL(/#v=1&team=%3Cimg%20src%3Dx%20onerror%3Dalert\(1\)%3E$/);
});

test('corrupt saved answers are reported, not used and left as they are', async ({ page }) => {
  await page.addInitScript((k) => localStorage.setItem(k, '{"v":1,"answers":{"team":"huge"'), KEY);
  await openGuide(page);
  await expect(page.getByRole('alert')).toContainText(
    '⚠ Your saved answers were not used: they are not valid JSON (',
  );
  await expect(page.getByRole('alert')).toContainText(
    'They were left as they are; your next answer replaces them.',
  );
  await expect(headline(page)).toHaveText('No recommendation yet: answer a question to start.');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(
    '{"v":1,"answers":{"team":"huge"',
  );
});

test('every link the guide shows leads to a page of the course', async ({ page, request }) => {
  await openGuide(
    page,
    '/decide/#v=1&kubernetes=portable&team=platform&load=spiky&size=medium&isolation=own-hosts&needs=gpu,privileged,host,daemons,spot',
  );
  const hrefs = await page
    .locator('main a[href^="/lessons/"], main a[href="/compare/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
  expect(hrefs.length).toBeGreaterThan(15);
  for (const href of hrefs) {
    const [path, anchor] = href.split('#');
    const response = await request.get(path!);
    expect(response.status(), href).toBe(200);
    if (anchor) expect(await response.text(), href).toContain(`id="${anchor}"`);
  }
});

test('the guide loads little JavaScript before the first answer', async ({ page }) => {
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    if (!(response.headers()['content-type'] ?? '').includes('javascript')) return;
    const body = await response.body().catch(() => null);
    if (body) sizes.set(response.url(), gzipSync(body, { level: 9 }).length);
  });
  await page.goto('/decide/', { waitUntil: 'networkidle' });
  await waitForIslands(page);
  await page.waitForLoadState('networkidle');
  const kb = [...sizes.values()].reduce((a, b) => a + b, 0) / 1024;
  console.log(`page.decide_js_gzip: ${kb.toFixed(1)} KB`);
  expect(kb).toBeLessThan(150);
});

for (const width of [1280, 390]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the guide with answers and a tie is axe clean at ${width} px in the ${theme} theme`, async ({
      page,
    }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width, height: 900 });
      await openGuide(
        page,
        '/decide/#v=1&kubernetes=runs&team=solo&load=spiky&size=small&isolation=standard',
      );
      await expect(headline(page)).toHaveText(
        'A tie: ECS on Fargate and EKS on Fargate, 7 points each.',
      );
      await expectAxeClean(page, `/decide/ ${width} ${theme}`);
      // Visible focus on a radio.
      await page.getByRole('radio', { name: /One or two developers/ }).focus();
      const outline = await page
        .getByRole('radio', { name: /One or two developers/ })
        .evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).toBe('solid');
      if (SHOTS)
        await page.screenshot({ path: `${SHOTS}/decide-${width}-${theme}.png`, fullPage: true });
    });
  }
}
