// @ts-check
/**
 * Vite plugin: Monaco's styles become constructed style sheets (src/lib/adopted-styles.ts),
 * never `<style>` elements, so every page's Content Security Policy can hold `<style>`
 * elements to the build's hashes (src/security/complete-policy.mjs).
 *
 * - Monaco's `.css` imports become modules that adopt their text. Astro's build would drop CSS
 *   imported only by lazily loaded chunks, leaving Monaco unstyled. The virtual id must not end
 *   in `.css`, or Vite's CSS pipeline would claim it again.
 * - Monaco's two makers of `<style>` elements at run time (its theme, layout and decoration
 *   rules in `domStylesheets.js`, the context menu's shadow root in `contextview.js`) are
 *   rewritten to make an `AdoptedStyleElement` instead. Each rewrite names the exact text it
 *   replaces, and the build fails if a Monaco upgrade changed it.
 */
import { fileURLToPath } from 'node:url';

const PREFIX = '\0shipyard-monaco-css:';
const SUFFIX = '.style.js';
const HELPER = JSON.stringify(fileURLToPath(new URL('../adopted-styles.ts', import.meta.url)));

/** @type {Record<string, [string, string][]>} Monaco module (path ending) → [text, replacement]. */
export const MONACO_REWRITES = {
  'vs/base/browser/domStylesheets.js': [
    [
      "const style = document.createElement('style');",
      'const style = new AdoptedStyleElement(container);',
    ],
    ['container.appendChild(style);', 'style.attach();'],
  ],
  'vs/base/browser/ui/contextview/contextview.js': [
    [
      "const style = document.createElement('style');",
      'const style = new AdoptedStyleElement(this.shadowRoot);',
    ],
    ['this.shadowRoot.appendChild(style);', 'style.attach();'],
  ],
};

/**
 * @param {string} code a Monaco module's source
 * @param {string} module its key in MONACO_REWRITES
 * @param {string} helper the import specifier of adopted-styles.ts
 * @returns {string}
 */
export function rewriteMonacoModule(code, module, helper) {
  let rewritten = code;
  for (const [text, replacement] of MONACO_REWRITES[module] ?? []) {
    const count = rewritten.split(text).length - 1;
    if (count !== 1)
      throw new Error(
        `monaco-editor ${module}: expected "${text}" once, found it ${count} times; ` +
          'Monaco changed how it writes styles: update src/lib/editor/monaco-styles-plugin.mjs',
      );
    rewritten = rewritten.replace(text, replacement);
  }
  return `import { AdoptedStyleElement } from ${helper};\n${rewritten}`;
}

/** @returns {import('vite').Plugin} */
export function monacoAdoptedStyles() {
  return {
    name: 'shipyard:monaco-adopted-styles',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || !importer || !importer.includes('monaco-editor')) return null;
      if (options?.ssr) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      return PREFIX + resolved.id + SUFFIX;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      return [
        `import { adoptStyles } from ${HELPER};`,
        `import css from ${JSON.stringify(file + '?inline')};`,
        `adoptStyles(css);`,
      ].join('\n');
    },
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      if (!path.includes('monaco-editor')) return null;
      const module = Object.keys(MONACO_REWRITES).find((key) => path.endsWith(`/esm/${key}`));
      return module ? { code: rewriteMonacoModule(code, module, HELPER), map: null } : null;
    },
  };
}
