// @ts-check
/**
 * Vite plugin: Monaco's `.css` imports become JS modules that inject a <style> element.
 * Astro's build drops CSS imported only by lazily loaded client chunks, which leaves Monaco
 * unstyled in the built site (dev mode hides it). The virtual id must not end in `.css`, or
 * Vite's CSS pipeline would claim it again.
 */
const PREFIX = '\0shipyard-monaco-css:';
const SUFFIX = '.style.js';

/** @returns {import('vite').Plugin} */
export function monacoCssInline() {
  return {
    name: 'shipyard:monaco-css-inline',
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
        `import css from ${JSON.stringify(file + '?inline')};`,
        `if (typeof document !== 'undefined') {`,
        `  const style = document.createElement('style');`,
        `  style.dataset.monaco = ${JSON.stringify(file.slice(file.lastIndexOf('monaco-editor')))};`,
        `  style.textContent = css;`,
        `  document.head.appendChild(style);`,
        `}`,
      ].join('\n');
    },
  };
}
