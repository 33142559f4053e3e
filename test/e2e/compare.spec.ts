import { expect, expectAxeClean, test, useTheme, waitForIslands } from './fixtures.ts';

/**
 * Five compute models side by side (src/pages/compare.astro): a learner predicts, runs the five
 * worlds to the end by keyboard only, reads the final table and sees each prediction marked
 * right or wrong in words. The final numbers are the ones test/compare pins.
 */

const SHOTS = process.env['SHOTS_DIR'];

const FINAL_ROWS: Record<string, string[]> = {
  spike: ['2 min 47 s', '3 min 23 s', '1 min 12 s', '2 min 17 s', '1 min 7 s ★ best'],
  outage: ['3 min 7 s', '1 min 38 s ★ best', '1 min 51 s', '5 min 48 s', '6 min 51 s'],
  deploy: [
    '2 min 10 s',
    '2 min 11 s',
    '2 min 9 s ★ joint best',
    '2 min 9 s ★ joint best',
    '2 min 58 s',
  ],
  manual: ['3 actions', '1 action ★ joint best', '2 actions', '3 actions', '1 action ★ joint best'],
  failed: [
    '41,015 requests',
    '49,857 requests',
    '40,845 requests',
    '17,768 requests ★ best',
    '45,857 requests',
  ],
  bill: [
    '$0.1044 (now $0.2360/h) ★ best',
    '$0.1648 (now $0.3407/h)',
    '$0.1627 (now $0.3360/h)',
    '$0.1899 (now $0.4304/h)',
    '$0.2410 (now $0.5020/h)',
  ],
};

test.describe('five compute models side by side', () => {
  test.setTimeout(240_000);

  test('a learner predicts, runs the five worlds to the end by keyboard and sees their predictions graded', async ({
    page,
  }) => {
    await page.goto('/compare/');
    await waitForIslands(page);
    const island = page.locator('.cmp').first();
    const lock = island.getByRole('button', { name: 'Lock in my predictions' });
    await expect(lock).toBeEnabled();

    // Predict by keyboard: Space picks the focused option, the arrows move within a question,
    // Tab goes to the next question.
    await island.getByRole('radio', { name: 'ECS on EC2' }).first().focus();
    await page.keyboard.press('Space'); // cheapest: ECS on EC2
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // outage: ECS on Fargate
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft'); // bad deploy: wraps to EKS on Fargate
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // manual actions: ECS on Fargate
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // failed requests: ECS on EC2
    await page.keyboard.press('Tab');
    await expect(lock).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(island.getByRole('button', { name: 'Predictions locked in' })).toBeDisabled();
    await expect(page.getByRole('status')).toHaveText(
      '5 of 5 predictions locked in. Run the five worlds next.',
    );

    // The run: Play has the focus; Tab to "Run to the end".
    await expect(island.getByRole('button', { name: 'Play' })).toBeFocused();
    await page.keyboard.press('Tab'); // Step 10 s
    await page.keyboard.press('Enter');
    await expect(island.getByText('00:00:10 / 00:30:00')).toBeVisible({ timeout: 30_000 });
    await expect(island.getByRole('table')).toHaveAccessibleName(
      'Five compute models at 00:00:10 (live)',
    );
    await page.keyboard.press('Tab'); // Speed
    await page.keyboard.press('Tab'); // Run to the end
    await expect(island.getByRole('button', { name: 'Run to the end' })).toBeFocused();
    await page.keyboard.press('Enter');

    const table = island.getByRole('table', {
      name: 'Five compute models after 30 simulated minutes (final)',
    });
    await expect(table).toBeVisible({ timeout: 200_000 });
    await expect(island.getByText('00:30:00 / 00:30:00')).toBeVisible();

    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Measure',
      'ECS on EC2',
      'ECS on Fargate',
      'EKS, managed node group',
      'EKS, self-managed nodes',
      'EKS on Fargate',
    ]);
    for (const [row, texts] of Object.entries(FINAL_ROWS)) {
      const cells = (await table.locator(`tr[data-row="${row}"] td`).allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      expect(cells, row).toEqual(texts);
    }
    await expect(table.locator('tr[data-row="placements"] td').first()).toHaveText(
      'eu-west-3a: down, nothing runs; eu-west-3b: 2 instances, 7 replicas; eu-west-3c: 2 instances, 7 replicas',
    );

    const verdicts = island.getByRole('region', {
      name: '3. Your predictions against the outcome',
    });
    await expect(verdicts.getByRole('listitem')).toHaveText([
      '✓ Which model has the smallest bill after 30 minutes? Right: you predicted ECS on EC2; ECS on EC2 wins.',
      '✓ Which model is back to its desired count soonest after the AZ outage? Right: you predicted ECS on Fargate; ECS on Fargate wins.',
      '✗ Which model recovers soonest from the bad deploy? Wrong: you predicted EKS on Fargate; EKS, managed node group and EKS, self-managed nodes tie.',
      '✓ Which model needs the fewest manual actions? Right: you predicted ECS on Fargate; ECS on Fargate and EKS on Fargate tie.',
      '✗ Which model fails the fewest requests? Wrong: you predicted ECS on EC2; EKS, self-managed nodes wins.',
    ]);
    await expect(page.getByRole('status')).toContainText(
      'Finished at 00:30:00. 3 of 5 predictions right.',
    );
  });

  for (const width of [1280, 390] as const)
    for (const theme of ['light', 'dark'] as const)
      test(`the page is axe clean at ${width} px in the ${theme} theme, with its static summary`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 900 });
        await useTheme(page, theme);
        await page.goto('/compare/');
        await waitForIslands(page);
        const summary = page.getByRole('table', {
          name: 'Five compute models, same workload, same faults: the outcome after 30 simulated minutes',
        });
        await expect(summary.locator('tr[data-row="bill"] td').first()).toHaveText(
          '$0.1044 (now $0.2360/h) ★ best',
        );
        await expect(
          page.getByRole('region', {
            name: 'Five compute models, same workload, same faults: the outcome after 30 simulated minutes',
          }),
        ).toBeVisible();
        // With the live table showing too: lock in no prediction, step 10 s.
        await page.getByRole('button', { name: 'Lock in my predictions' }).click();
        await page.getByRole('button', { name: 'Step 10 s' }).click();
        await expect(
          page.getByRole('table', { name: 'Five compute models at 00:00:10 (live)' }),
        ).toBeVisible({ timeout: 30_000 });
        await expectAxeClean(page, `compare ${width} px ${theme}`);
        if (SHOTS)
          await page.screenshot({ path: `${SHOTS}/compare-${width}-${theme}.png`, fullPage: true });
      });
});
