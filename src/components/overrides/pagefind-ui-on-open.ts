/**
 * What Starlight's search gets when it imports `@pagefind/default-ui` (astro.config.mjs
 * aliases that import here). Starlight builds `new PagefindUI(options)` once every page is
 * idle, which would load Pagefind's interface (about 26 KB gzip) before the learner does
 * anything. This stand-in keeps the options and builds the real interface, with them, when
 * the search dialog first opens — at once if it is already open (a learner who pressed Ctrl K
 * before the page was idle). Search.astro focuses the field when it arrives.
 */

/** The options Starlight passes; only `element` (where the field goes) is read here. */
interface PagefindOptions {
  element: string;
  [option: string]: unknown;
}

export class PagefindUI {
  constructor(options: PagefindOptions) {
    whenSearchOpens(options.element, () => {
      // @ts-expect-error -- @pagefind/default-ui ships no types (Starlight imports it the same way)
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(
        ({ PagefindUI: Interface }: { PagefindUI: new (options: PagefindOptions) => unknown }) =>
          new Interface(options),
      );
    });
  }
}

/** Calls `start` once the dialog holding `selector` is open (now, if it is open already). */
function whenSearchOpens(selector: string, start: () => void): void {
  const dialog = document.querySelector(selector)?.closest('dialog');
  if (!dialog || dialog.open) return start();
  const observer = new MutationObserver(() => {
    if (!dialog.open) return;
    observer.disconnect();
    start();
  });
  observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
}
