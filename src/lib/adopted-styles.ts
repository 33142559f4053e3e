/**
 * Style rules that the site's own scripts add while a page runs: the editor, terminal and
 * registry panels, and Monaco's theme, layout and decoration rules. They become constructed
 * style sheets adopted by the document (CSSOM), never `<style>` elements.
 *
 * Why: every page's Content Security Policy holds `<style>` elements to the hashes of those the
 * build wrote (src/security/complete-policy.mjs), so a `<style>` that a result file, a share
 * link or an imported file smuggles into the page is not applied. A constructed sheet is made by
 * a script, and `script-src` already admits only the site's own scripts.
 */

type StyleRoot = Document | ShadowRoot;

/**
 * Adds `css` to the document's styles. Call it from a module's top level (as the panels and
 * Monaco's CSS modules do): a module runs once per page, so its rules are added once. Does
 * nothing outside a browser (the server render).
 */
export function adoptStyles(css: string): void {
  if (typeof document === 'undefined') return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  adoptInto(document, sheet);
}

function adoptInto(root: StyleRoot, sheet: CSSStyleSheet): void {
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function rootOf(node: Node): StyleRoot {
  const root = node.getRootNode();
  // A container not yet in the page: a <style> in it would apply page-wide once it is.
  return root instanceof Document || root instanceof ShadowRoot ? root : document;
}

/**
 * What Monaco's `createStyleSheet` returns in this site's build, in place of a `<style>`
 * element (src/lib/editor/monaco-styles-plugin.mjs rewrites Monaco's module to make these): the
 * members Monaco uses, `textContent`, `sheet`, `media`, `className`, `type` and `remove()`,
 * over a constructed sheet adopted by the container's document or shadow root.
 */
export class AdoptedStyleElement {
  readonly sheet = new CSSStyleSheet();
  /** Monaco names its theme sheet by class (`monaco-colors`); kept for the same reading. */
  className = '';
  type = 'text/css';
  private text = '';
  private root: StyleRoot | null = null;
  private readonly container: Node;

  constructor(container: Node) {
    this.container = container;
  }

  get textContent(): string {
    return this.text;
  }

  set textContent(css: string | null) {
    this.text = css ?? '';
    this.sheet.replaceSync(this.text);
  }

  get media(): string {
    return this.sheet.media.mediaText;
  }

  set media(query: string) {
    this.sheet.media.mediaText = query;
  }

  /** Where Monaco would have appended the element. */
  attach(): void {
    if (this.root) return;
    this.root = rootOf(this.container);
    adoptInto(this.root, this.sheet);
  }

  remove(): void {
    if (!this.root) return;
    this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.root = null;
  }
}
