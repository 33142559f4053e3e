import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page, type Request } from '@playwright/test';

/**
 * Problems seen by the page during one test: console errors, page errors, failed or outside
 * requests, and Content Security Policy violations (in any page of the test's context).
 */
interface PageProblems {
  consoleErrors: string[];
  outsideRequests: string[];
  failedRequests: string[];
  cspViolations: string[];
}

const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

/**
 * `page` fails the test at its end if the page logged a console error, threw, made a request
 * that left the site, or had a request fail (4xx/5xx or network error), or if any page of the
 * test's context reported a `securitypolicyviolation`.
 */
export const test = base.extend<{ problems: PageProblems }>({
  // Playwright requires an object pattern for a fixture's first argument, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  problems: async ({}, use) => {
    await use({ consoleErrors: [], outsideRequests: [], failedRequests: [], cspViolations: [] });
  },
  context: async ({ context, problems }, use) => {
    await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
      problems.cspViolations.push(`${page?.url() ?? '?'}: ${text}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation(text: string): void })
          .__reportCspViolation;
        report(
          `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}` +
            ` at ${event.sourceFile || '?'}:${event.lineNumber}` +
            (event.sample ? ` (${event.sample})` : ''),
        );
      });
    });
    await use(context);
  },
  page: async ({ page, problems }, use, testInfo) => {
    /** Requests sent and not yet answered: what a test that timed out was waiting for. */
    const pending = new Set<Request>();
    page.on('request', (request) => pending.add(request));
    page.on('requestfinished', (request) => pending.delete(request));
    page.on('requestfailed', (request) => pending.delete(request));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!LOCAL_ORIGIN.test(url) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        problems.outsideRequests.push(url);
      }
    });
    page.on('requestfailed', (request) => {
      // Navigations interrupted by the next navigation are not failures of the site.
      const failure = request.failure()?.errorText ?? '';
      if (failure.includes('ERR_ABORTED')) return;
      problems.failedRequests.push(`${request.url()} (${failure})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.failedRequests.push(`${response.url()} (${response.status()})`);
    });
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) await reportFailedPage(page, pending);
    expect(problems.cspViolations, 'Content Security Policy violations').toEqual([]);
    expect(problems.consoleErrors, 'console errors').toEqual([]);
    expect(problems.outsideRequests, 'requests that left the site').toEqual([]);
    expect(problems.failedRequests, 'failed requests').toEqual([]);
  },
});

export { expect };

/**
 * Prints, for a test that failed, what its page was still waiting for and what each sandbox
 * panel showed: a CI log has no trace viewer, and a timeout alone does not say which load hung.
 */
async function reportFailedPage(page: Page, pending: ReadonlySet<Request>): Promise<void> {
  if (page.isClosed()) return;
  const waiting = [...pending].map((r) => `${r.resourceType()} ${r.url()}`);
  const panels = await page
    .locator('.sbx-tabpanel')
    .evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim().slice(0, 300)))
    .catch(() => []);
  console.log(
    [
      `[failed page] ${page.url()}`,
      `  requests still pending: ${waiting.length ? waiting.join(', ') : 'none'}`,
      ...panels.map((text, i) => `  sandbox panel ${i + 1}: ${text || '(empty)'}`),
    ].join('\n'),
  );
}

/**
 * Whether a request loads a script (a module, a chunk, a worker). The offline client's idle-time
 * warm-up of the editor cache fetches the editor's files without loading them: those are `fetch`.
 */
export function isScriptLoad(request: Request): boolean {
  return request.resourceType() !== 'fetch' && new URL(request.url()).pathname.endsWith('.js');
}

/**
 * Waits until every Astro island on the page has hydrated (no `astro-island[ssr]` left).
 * Islands hydrated `client:visible` wait for the viewport, so each is scrolled into view first.
 */
export async function waitForIslands(page: Page): Promise<void> {
  // Handles, not locators: an island that hydrates drops [ssr] and would shift a locator's indexes.
  for (const island of await page.$$('astro-island[ssr]')) {
    await island.scrollIntoViewIfNeeded();
  }
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Fails with the list of violations when axe finds any accessibility problem on the page. */
export async function expectAxeClean(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 5)
        .join(' | ')}`,
  );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Switches Starlight's theme before the page loads (`dark` or `light`). */
export async function useTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((value) => {
    window.localStorage.setItem('starlight-theme', value);
  }, theme);
}

/**
 * Replaces the whole text of a Monaco editor as a paste does: selects everything, then sends the
 * editor's text area a `paste` event that carries `text`. Typing would trigger Monaco's
 * auto-indent and auto-closing. The system clipboard is not used: it is one per machine, shared
 * by the tests that run in parallel (the share-link story reads it).
 *
 * With screen-reader support on, Monaco mirrors only a window of the document around the cursor
 * into its text area, and on a busy machine a late `selectionchange` from that mirror can shrink
 * Ctrl+A's selection to the window: the paste then keeps the rest of the old text. So the result
 * is read back through Monaco's own copy handler (select all, a `copy` event) and the paste is
 * repeated until the editor holds exactly `text`.
 */
export async function pasteIntoEditor(page: Page, editor: Locator, text: string): Promise<void> {
  const root = editor.locator('xpath=ancestor::div[contains(@class, "monaco-editor")][1]');
  let holds = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    await editor.focus();
    // Until Monaco has taken the focus (its root gets `focused`), Ctrl+A selects only the text
    // area's own excerpt of the document.
    await expect(root).toHaveClass(/(^|\s)focused(\s|$)/);
    await page.keyboard.press('ControlOrMeta+A');
    await editor.evaluate((area, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
    await page.keyboard.press('ControlOrMeta+A');
    holds = await editor.evaluate((area) => {
      const data = new DataTransfer();
      area.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }),
      );
      return data.getData('text/plain');
    });
    if (holds.replace(/\r\n/g, '\n') === text) break;
  }
  // Leave the cursor where a paste leaves it, at the end, with nothing selected.
  await page.keyboard.press('ControlOrMeta+End');
  expect(holds.replace(/\r\n/g, '\n'), 'the editor holds exactly the pasted text').toBe(text);
}
