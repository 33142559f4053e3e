import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, useTheme, waitForIslands } from './fixtures';

const LESSON = '/lessons/why-orchestration/';

/** Answers quiz question 8 (most popular orchestrator) right, on the first attempt. */
async function answerOneQuestion(page: Page): Promise<void> {
  await page.goto(LESSON);
  await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
  await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');
  const q8 = page.getByRole('region', { name: /^Question 8 of 11 / });
  await q8.getByRole('radio', { name: 'Kubernetes' }).check();
  await q8.getByRole('button', { name: 'Check answer' }).click();
  await expect(q8.getByText('Correct: 1 point of 1.')).toBeVisible();
}

async function openProgress(page: Page): Promise<void> {
  await page.goto('/progress/');
  await waitForIslands(page);
}

const lessonRow = (page: Page) =>
  page
    .getByRole('table')
    .first()
    .getByRole('row', { name: /Why containers need an orchestrator/ });

test('a learner sees each lesson’s quiz result, question by question, on My progress', async ({
  page,
}) => {
  await answerOneQuestion(page);
  await openProgress(page);
  await expect(lessonRow(page).getByRole('cell')).toHaveText([
    '◐ In progress',
    '1 of 11 points (9.1 %), pass mark 70 %',
    'None tried',
  ]);
  const questions = page.getByRole('table', {
    name: 'Quiz: 1 of 11 points, pass mark 70 %, not passed yet',
  });
  await expect(
    questions
      .getByRole('row', { name: /^8\. Which container orchestrator is the most popular\?/ })
      .getByRole('cell'),
  ).toHaveText(['1', '1 / 1', '✓ Right']);
  await expect(
    questions
      .getByRole('row', { name: /^1\. How many containers must you keep running\?/ })
      .getByRole('cell'),
  ).toHaveText(['0', '–', 'Not answered']);
});

test('a learner exports progress and imports it into a fresh browser', async ({
  page,
  browser,
}, testInfo) => {
  await answerOneQuestion(page);
  await openProgress(page);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('shipyard-progress.json');
  const jsonPath = testInfo.outputPath('shipyard-progress.json');
  await json.saveAs(jsonPath);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(exported.format).toBe('shipyard-progress');
  expect(exported.version).toBe(1);
  expect(
    exported.progress.lessons['why-orchestration'].quiz.questions['most-popular'],
  ).toMatchObject({ attempts: 1, points: 1, correct: true });

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
  expect(rows[0]).toBe('lesson,kind,item,attempts,points,max_points,percent,passed,time');
  expect(
    rows.some((r) => r.startsWith('why-orchestration,question,most-popular,1,1,1,100,true,')),
  ).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openProgress(other);
  await expect(lessonRow(other).getByRole('cell').first()).toHaveText('○ Not started');
  await other
    .getByLabel('Choose a Shipyard progress file (.json, at most 1 MB)')
    .setInputFiles(jsonPath);
  const preview = other.getByRole('region', {
    name: 'Preview of importing “shipyard-progress.json”',
  });
  await expect(
    preview.getByRole('heading', { name: 'Preview of importing “shipyard-progress.json”' }),
  ).toBeFocused();
  await expect(preview.getByRole('radio', { name: /^Merge/ })).toBeChecked();
  await expect(
    preview.getByRole('row', { name: /Why containers need an orchestrator/ }).getByRole('cell'),
  ).toHaveText(['nothing recorded', 'in progress; quiz 1/11 points']);
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(other.getByRole('status')).toHaveText(
    'Imported “shipyard-progress.json” (merge): 1 lesson changed.',
  );
  await expect(lessonRow(other).getByRole('cell')).toHaveText([
    '◐ In progress',
    '1 of 11 points (9.1 %), pass mark 70 %',
    'None tried',
  ]);

  // The imported progress is saved: the lesson page of the fresh browser shows it too.
  await other.goto(LESSON);
  await expect(other.locator('[data-lesson-progress]')).toContainText(
    'Quiz: 1 of 11 points (9.1 %), pass mark 70 %',
  );
  await fresh.close();
});

test('a hostile or malformed file is refused with what and where, and nothing changes', async ({
  page,
}) => {
  await answerOneQuestion(page);
  await openProgress(page);
  const input = page.getByLabel('Choose a Shipyard progress file (.json, at most 1 MB)');
  await input.setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"shipyard-progress","version":1,"progress":{"version":1,"lessons":{"__proto__":{"challenges":{}}}}}',
    ),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“evil.json” was not imported. Nothing was changed.');
  await expect(alert.getByRole('listitem')).toHaveText([
    'progress.lessons.__proto__: the key "__proto__" is not allowed',
  ]);

  await input.setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"shipyard-progress","version":3,"progress":{"version":3,"lessons":{}}}',
    ),
  });
  await expect(alert.getByRole('listitem')).toHaveText([
    'version: it was written by a newer version of Shipyard (schema version 3); this site reads versions up to 1',
  ]);

  await input.setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(1_500_000, 32),
  });
  await expect(alert.getByRole('listitem')).toHaveText([
    '(file): the file is 1.5 MB; a progress file is at most 1 MB',
  ]);
  await expect(lessonRow(page).getByRole('cell').nth(1)).toHaveText(
    '1 of 11 points (9.1 %), pass mark 70 %',
  );
});

test('My progress open in another tab updates live when a quiz answer is saved', async ({
  page,
  context,
}) => {
  await openProgress(page);
  await expect(lessonRow(page).getByRole('cell').first()).toHaveText('○ Not started');
  const lesson = await context.newPage();
  await answerOneQuestion(lesson);
  await expect(lessonRow(page).getByRole('cell')).toHaveText([
    '◐ In progress',
    '1 of 11 points (9.1 %), pass mark 70 %',
    'None tried',
  ]);
  await lesson.close();
});

test('a learner resets progress only after confirming', async ({ page }) => {
  await answerOneQuestion(page);
  await openProgress(page);
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await expect(
    page.getByRole('heading', { name: 'Delete all your progress in this browser?' }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toHaveText('Reset cancelled. Nothing was deleted.');
  await expect(lessonRow(page).getByRole('cell').first()).toHaveText('◐ In progress');

  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Delete my progress' }).click();
  await expect(page.getByRole('status')).toHaveText('All progress in this browser was deleted.');
  await expect(page.getByRole('button', { name: 'Reset all progress…' })).toBeFocused();
  await expect(lessonRow(page).getByRole('cell').first()).toHaveText('○ Not started');
});

test('corrupt saved progress is set aside under a backup key and reported, not lost', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(
        'shipyard.progress',
        '{"version":1,"lessons":{"ecs":{"challenges":"oops"}}}',
      );
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openProgress(page);
  await expect(page.getByText('Progress not saved normally.')).toBeVisible();
  await expect(page.locator('.sy-progress-notice')).toContainText(
    'Your saved progress could not be read (lessons.ecs.challenges expected record). It was set aside under the storage key "shipyard.progress.set-aside.',
  );
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('shipyard.progress.set-aside.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"version":1,"lessons":{"ecs":{"challenges":"oops"}}}']);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Progress not saved normally.')).toHaveCount(0);
});

test('when the browser refuses to store anything, the learner is told and progress lives in the tab', async ({
  page,
}) => {
  // Only our own writes fail: Starlight's theme and sidebar writes are not what this tests.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('shipyard.'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await answerOneQuestion(page);
  await page.getByRole('link', { name: 'My progress' }).first().scrollIntoViewIfNeeded();
  await expect(page.locator('[data-lesson-progress] .sy-lp-notice')).toHaveText(
    'Progress not saved normally: Your browser is not letting this site save progress (private mode, blocked or full storage). Progress is kept only until you close this tab: export it from My progress to keep it.',
  );
  await expect(page.locator('[data-lesson-progress]')).toContainText(
    'Quiz: 1 of 11 points (9.1 %), pass mark 70 %',
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`My progress with results and an import preview is axe clean in the ${theme} theme`, async ({
    page,
  }) => {
    await useTheme(page, theme);
    await answerOneQuestion(page);
    await openProgress(page);
    await page.getByLabel('Choose a Shipyard progress file (.json, at most 1 MB)').setInputFiles({
      name: 'copy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'shipyard-progress',
          version: 1,
          exportedAt: '2026-01-01T00:00:00.000Z',
          progress: {
            version: 1,
            lessons: {
              ecs: {
                firstVisitedAt: '2026-01-01T00:00:00.000Z',
                lastVisitedAt: '2026-01-01T00:00:00.000Z',
                challenges: {},
              },
            },
          },
        }),
      ),
    });
    await expect(
      page.getByRole('region', { name: 'Preview of importing “copy.json”' }),
    ).toBeVisible();
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
