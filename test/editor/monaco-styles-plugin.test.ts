/**
 * Monaco's makers of `<style>` elements, rewritten at build time to adopt constructed sheets
 * (src/lib/editor/monaco-styles-plugin.mjs), checked against the Monaco this project installs:
 * an upgrade that changes how Monaco writes styles fails here and in the build, not silently in
 * a learner's browser under the Content Security Policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MONACO_REWRITES,
  rewriteMonacoModule,
} from '../../src/lib/editor/monaco-styles-plugin.mjs';

const monacoRoot = fileURLToPath(new URL('../../node_modules/monaco-editor/', import.meta.url));
const source = (module: string) => readFileSync(join(monacoRoot, 'esm', module), 'utf8');

describe('rewriteMonacoModule', () => {
  it('makes every <style> element of domStylesheets.js an adopted sheet', () => {
    const code = rewriteMonacoModule(
      source('vs/base/browser/domStylesheets.js'),
      'vs/base/browser/domStylesheets.js',
      '"/helper.ts"',
    );
    expect(code.startsWith('import { AdoptedStyleElement } from "/helper.ts";\n')).toBe(true);
    expect(code).not.toContain("createElement('style')");
    expect(code).not.toContain('container.appendChild(style)');
    expect(code).toContain('const style = new AdoptedStyleElement(container);');
    expect(code).toContain('style.attach();');
  });

  it("makes the context menu's shadow-root style an adopted sheet of that shadow root", () => {
    const code = rewriteMonacoModule(
      source('vs/base/browser/ui/contextview/contextview.js'),
      'vs/base/browser/ui/contextview/contextview.js',
      '"/helper.ts"',
    );
    expect(code).not.toContain("createElement('style')");
    expect(code).toContain('const style = new AdoptedStyleElement(this.shadowRoot);');
  });

  it('leaves no other module of Monaco that makes a <style> element', () => {
    const makers = [
      'vs/base/browser/domStylesheets.js',
      'vs/base/browser/ui/contextview/contextview.js',
    ];
    expect(Object.keys(MONACO_REWRITES)).toEqual(makers);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(monacoRoot, 'esm', dir), { withFileTypes: true })) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.js') && /createElement\(['"]style['"]\)/.test(source(path)))
          found.push(path);
      }
    };
    walk('');
    expect(found.sort()).toEqual(makers);
  });

  it('fails the build, naming the module and the text, when Monaco changed it', () => {
    expect(() =>
      rewriteMonacoModule(
        'const s = document.createElement("style");',
        'vs/base/browser/domStylesheets.js',
        '"/helper.ts"',
      ),
    ).toThrow(
      `monaco-editor vs/base/browser/domStylesheets.js: expected "const style = document.createElement('style');" once, found it 0 times; Monaco changed how it writes styles: update src/lib/editor/monaco-styles-plugin.mjs`,
    );
  });
});
