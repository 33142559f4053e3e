/**
 * What a sandbox part that failed says (src/components/sandbox/load-boundary.tsx): code that did
 * not arrive is a connection problem; code that arrived and threw is not, and says so. The browser
 * stories (test/e2e/load-failure.spec.ts) show both in a page; this checks the wording and the
 * three browsers' messages for a module that did not arrive.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isModuleNotFetched, LoadFailure } from '../../src/components/sandbox/load-boundary.tsx';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('a part that failed', () => {
  it('tells a module that did not arrive, in the words of Chromium, Firefox and Safari, from a crash', () => {
    expect(
      [
        'Failed to fetch dynamically imported module: https://example.test/_astro/EventLog.js',
        'error loading dynamically imported module: https://example.test/_astro/EventLog.js',
        'Importing a module script failed.',
        "Cannot read properties of undefined (reading 'tasks')",
      ].map((message) => isModuleNotFetched(new Error(message))),
    ).toEqual([true, true, true, false]);
  });

  it('asks to check the connection when the code did not arrive, and not when it crashed', () => {
    const shown = (crashed: boolean) =>
      text(
        renderToStaticMarkup(
          <LoadFailure
            what="The Event log panel"
            reason="the reason"
            onRetry={() => undefined}
            crashed={crashed}
            alert
          />,
        ),
      );
    expect(shown(false)).toBe(
      '⚠ The Event log panel could not load. Check the connection, then try again. (the reason)Try again',
    );
    expect(shown(true)).toBe(
      '⚠ The Event log panel stopped with an error. Try again, or reload the page. (the reason)Try again',
    );
  });
});
