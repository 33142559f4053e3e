import { readFileSync } from 'node:fs';
import { test, expect, expectAxeClean, useTheme, waitForIslands } from './fixtures';

/** Every page of the built site, from its sitemap, so new pages are covered without editing this file. */
function sitePages(): string[] {
  const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
  const pages = [...sitemap.matchAll(/<loc>http:\/\/localhost(\/[^<]*)<\/loc>/g)].map(
    (match) => match[1] as string,
  );
  return [...pages, '/404.html'];
}

const PAGES = sitePages();

test('the sitemap lists the course home, lesson 1 and the instructors page', () => {
  expect(PAGES).toEqual(
    expect.arrayContaining(['/', '/lessons/why-orchestration/', '/instructors/', '/404.html']),
  );
});

for (const path of PAGES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`a learner opens ${path} in the ${theme} theme: it loads cleanly and axe finds nothing`, async ({
      page,
    }) => {
      await useTheme(page, theme);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await waitForIslands(page);
      await expectAxeClean(page, `${path} (${theme})`);
    });
  }
}

test('a learner who follows a dead link gets the 404 page with a way back', async ({
  page,
  problems,
}) => {
  const response = await page.goto('/no-such-lesson/');
  expect(response?.status()).toBe(404);
  // The 404 of the page itself is the point of this test; anything else still fails it.
  problems.failedRequests.splice(
    0,
    problems.failedRequests.length,
    ...problems.failedRequests.filter((r) => !r.includes('/no-such-lesson/')),
  );
  problems.consoleErrors.splice(
    0,
    problems.consoleErrors.length,
    ...problems.consoleErrors.filter((m) => !m.includes('404 (Not Found)')),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'course home' }).click();
  await expect(page).toHaveURL('/');
});

test('a learner moves through the course with the keyboard from the sidebar', async ({ page }) => {
  await page.goto('/instructors/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  const lessonLink = sidebar.getByRole('link', { name: 'Why containers need an orchestrator' });
  await expect(lessonLink).toBeVisible();
  for (let presses = 0; presses < 40; presses += 1) {
    if (await lessonLink.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(lessonLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/lessons/why-orchestration/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Why containers need an orchestrator',
  );
  await expect(
    sidebar.getByRole('link', { name: 'Why containers need an orchestrator' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('a learner searches for a term from lesson 1 with the keyboard and lands on the lesson', async ({
  page,
}) => {
  await page.goto('/instructors/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: 'Search' });
  await expect(input).toBeFocused();
  await input.pressSequentially('toil counter');
  const result = dialog.getByRole('link', { name: /Why containers need an orchestrator/ }).first();
  await expect(result).toBeVisible();
  await result.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/why-orchestration\//);
});

test('on a page that is never idle the search field still arrives when the learner opens search', async ({
  page,
}) => {
  // Every frame keeps the main thread busy for 20 ms, as a slow or loaded device does: the
  // browser never has an idle moment, which is when Starlight builds the search field.
  await page.addInitScript(() => {
    const busyFrame = () => {
      const start = performance.now();
      while (performance.now() - start < 20);
      requestAnimationFrame(busyFrame);
    };
    requestAnimationFrame(busyFrame);
  });
  await page.goto('/instructors/');
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
  await expect(input).toBeFocused();
  await input.pressSequentially('toil counter');
  await expect(
    page
      .getByRole('dialog')
      .getByRole('link', { name: /Why containers need an orchestrator/ })
      .first(),
  ).toBeVisible();
});

test("a learner who never opens search never loads Pagefind's interface; opening it loads it", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const standIn = page.waitForResponse(/\/_astro\/pagefind-ui-on-open\.[\w-]+\.js$/);
  await page.goto('/lessons/why-orchestration/');
  // Starlight asks for the search interface in an idle callback: wait for that request, then
  // for one more idle moment, and nothing of Pagefind's has been loaded.
  await standIn;
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 3000 })));
  const pagefind = (path: string) => /^\/(_astro\/ui-core\.|pagefind\/)/.test(path);
  expect(scripts.filter(pagefind)).toEqual([]);

  const index = page.waitForResponse((response) =>
    response.url().endsWith('/pagefind/pagefind.js'),
  );
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Search' })).toBeFocused();
  await index;
  // The interface first, then the search library it starts.
  expect(scripts.filter(pagefind).slice(0, 2)).toEqual([
    expect.stringMatching(/^\/_astro\/ui-core\.[\w-]+\.js$/),
    '/pagefind/pagefind.js',
  ]);
});

test('a learner switches to the dark theme with the keyboard and it sticks across pages', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const themeSelect = page.getByRole('combobox', { name: 'Select theme' }).first();
  await themeSelect.focus();
  await themeSelect.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/instructors/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('lesson 1 shows its objectives, time and both diagrams with text alternatives', async ({
  page,
}) => {
  await page.goto('/lessons/why-orchestration/');
  await expect(page.getByText('About 25 minutes')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'By the end of this lesson you can' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'One application, fifteen containers' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: "The orchestrator's control loop" })).toBeVisible();
});

test('the course home shows where the learner stands in each lesson', async ({ page }) => {
  await page.goto('/');
  const card = page.getByRole('listitem').filter({
    has: page.getByRole('link', { name: 'Why containers need an orchestrator' }),
  });
  await expect(card.locator('[data-lesson-status]')).toHaveText('○ Not started');
  await card.getByRole('link', { name: 'Why containers need an orchestrator' }).click();
  await expect(page.getByText('Your progress: In progress')).toBeVisible();
  await page.goto('/');
  await expect(card.locator('[data-lesson-status]')).toHaveText(
    '◐ In progress · Quiz: not taken yet',
  );
});
