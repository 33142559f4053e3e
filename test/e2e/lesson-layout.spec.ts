import type { Page } from '@playwright/test';
import { test, expect, waitForIslands } from './fixtures';

/**
 * Lesson pages hold still and fit a phone: nothing moves once the page has rendered (layout
 * shift measured by the browser's own PerformanceObserver), the host title buttons are touch
 * targets of at least 24 × 24 px, and the sandbox tab list never scrolls sideways.
 */

const LESSONS = ['/lessons/why-orchestration/', '/lessons/ecs/', '/lessons/fargate/'];
const WIDTHS = [1280, 390];

interface Shift {
  value: number;
  sources: string[];
}

/** Records every layout shift from the first paint on, as `window.__shifts`. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          sources: entry.sources.map((s) => {
            const node = s.node;
            if (!(node instanceof Element))
              return node ? `${node.nodeName} in ${(node.parentNode as Element | null)?.outerHTML.slice(0, 300)}` : `(gone) ${JSON.stringify([s.previousRect, s.currentRect])}`;
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
        expect(await shifts(page), `${visit}, above the fold`).toEqual([]);
        await waitForIslands(page);
        expect(await shifts(page), `${visit}, every island hydrated`).toEqual([]);
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
