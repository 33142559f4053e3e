import type { Page } from '@playwright/test';
import { test, expect, waitForIslands } from './fixtures';

/**
 * Lesson pages hold still and fit a phone: nothing moves once the page has rendered (layout
 * shift measured by the browser's own PerformanceObserver), the host title buttons are touch
 * targets of at least 24 × 24 px, and the sandbox tab list never scrolls sideways.
 */

const LESSONS = [
  '/lessons/why-orchestration/',
  '/lessons/ecs/',
  '/lessons/fargate/',
  '/lessons/eks/',
  '/lessons/node-groups/',
  '/lessons/ecr/',
  '/lessons/pipeline/',
];
const WIDTHS = [1280, 390];

interface Shift {
  value: number;
  /** Each moved element, described when the shift was reported; `(gone)` if already removed. */
  sources: string[];
  /** Whether everything that moved sat in Starlight's sidebar column. */
  inSidebar: boolean;
}

/**
 * Records, as `window.__shifts`, every layout shift from the moment the document is parsed:
 * what scripts, islands and stored progress change after load. (While a busy test machine is
 * still streaming the HTML in, the browser may paint a half-parsed page; that is not the
 * page's doing.)
 */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    let parsedAt = Infinity;
    document.addEventListener('DOMContentLoaded', () => {
      parsedAt = performance.now();
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        startTime: number;
        sources: { node?: Node | null; previousRect: DOMRectReadOnly }[];
      }[]) {
        if (entry.hadRecentInput || entry.startTime < parsedAt) continue;
        const sidebar = document.getElementById('starlight__sidebar')?.getBoundingClientRect();
        shifts.push({
          value: entry.value,
          inSidebar:
            sidebar !== undefined &&
            sidebar.width > 0 &&
            entry.sources.every((s) => s.previousRect.right <= sidebar.right),
          sources: entry.sources.map((s) => {
            const node = s.node;
            if (!(node instanceof Element)) return node ? node.nodeName : '(gone)';
            return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${
              node.className && typeof node.className === 'string'
                ? `.${node.className.trim().split(/\s+/).join('.')}`
                : ''
            }`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function shifts(page: Page): Promise<Shift[]> {
  // Two frames, so a shift caused by the last render has been reported.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}

/** Shifts of the lesson itself: anything outside the sidebar column. */
const pageShifts = (list: Shift[]) => list.filter((s) => !s.inSidebar);
const cumulative = (list: Shift[]) => list.reduce((sum, s) => sum + s.value, 0);

for (const width of WIDTHS) {
  for (const path of LESSONS) {
    test(`a learner opens ${path} at ${width} px, twice: nothing on the page moves once it has rendered`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await recordLayoutShifts(page);
      for (const visit of ['first visit', 'return visit']) {
        await page.goto(path);
        await expect(page.locator('[data-lesson-progress] .sy-lp-status')).toContainText(
          'Your progress:',
        );
        expect(pageShifts(await shifts(page)), `${visit}, above the fold`).toEqual([]);
        await waitForIslands(page);
        const all = await shifts(page);
        expect(pageShifts(all), `${visit}, every island hydrated`).toEqual([]);
        // Starlight streams its sidebar in, and on a first paint may move one 1 px line by
        // 0.0001. Lighthouse reports a cumulative shift under 0.001 as 0.
        expect(cumulative(all), `${visit}, cumulative layout shift`).toBeLessThan(0.001);
      }
    });
  }
}

test('on a phone, the sandbox host titles are 24 px touch targets and the tab list does not scroll sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/lessons/ecs/');
  await waitForIslands(page);
  const sandboxes = page.locator('section.sbx, div.sbx');
  const titles = page.locator('.sbx-host-title');
  expect(await titles.count()).toBeGreaterThanOrEqual(await sandboxes.count());
  const small: string[] = [];
  for (const title of await titles.all()) {
    await title.scrollIntoViewIfNeeded();
    const box = (await title.boundingBox())!;
    if (box.width < 24 || box.height < 24)
      small.push(`${await title.innerText()} (${box.width}×${box.height})`);
  }
  expect(small).toEqual([]);

  const overflowing = await page
    .getByRole('tablist')
    .evaluateAll((lists) =>
      lists
        .filter((list) => list.scrollWidth > list.clientWidth)
        .map(
          (list) => `${list.getAttribute('aria-label')}: ${list.scrollWidth}>${list.clientWidth}`,
        ),
    );
  expect(overflowing).toEqual([]);
  expect(await page.getByRole('tablist').count()).toBe(await sandboxes.count());
  // The page itself does not scroll sideways either.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
});
