import { describe, expect, it } from 'vitest';
import { editorOnlyAssets } from '../../src/pwa/editor-assets.mjs';

const ENTRY = /^_astro\/load-monaco\.[\w-]+\.js$/;

/** A small build: two pages, an island, the editor chunk graph, a shared helper and a font. */
function build(): Map<string, string | null> {
  return new Map<string, string | null>([
    ['index.html', '<script type="module" src="/_astro/page.A1.js"></script>'],
    [
      'lessons/ecs/index.html',
      '<astro-island component-url="/_astro/Island.B2.js"></astro-island>',
    ],
    ['_astro/page.A1.js', 'import "./helper.C3.js";'],
    ['_astro/Island.B2.js', 'import("./load-monaco.D4.js"); import "./helper.C3.js";'],
    ['_astro/helper.C3.js', 'export const x = 1;'],
    [
      '_astro/load-monaco.D4.js',
      'const d=["_astro/editor.api.E5.js","_astro/helper.C3.js"]; new URL("editor.worker-F6.js", import.meta.url);',
    ],
    ['_astro/editor.api.E5.js', 'const css = "@font-face{src:url(./codicon.G7.ttf)}";'],
    ['_astro/editor.worker-F6.js', 'self.onmessage = () => {};'],
    ['_astro/codicon.G7.ttf', null],
    ['_astro/unused.H8.js', 'export {}'],
  ]);
}

describe('editorOnlyAssets', () => {
  it('lists the files reachable only through the editor entry, sorted', () => {
    expect(editorOnlyAssets(build(), ENTRY)).toEqual([
      '_astro/codicon.G7.ttf',
      '_astro/editor.api.E5.js',
      '_astro/editor.worker-F6.js',
      '_astro/load-monaco.D4.js',
    ]);
  });

  it('keeps a file the editor shares with a page out of the list', () => {
    const files = build();
    files.set('_astro/page.A1.js', 'import "./helper.C3.js"; import "./editor.worker-F6.js";');
    expect(editorOnlyAssets(files, ENTRY)).not.toContain('_astro/editor.worker-F6.js');
  });

  it('does not take a longer name for a shorter one it contains', () => {
    const files = build();
    files.set('_astro/page.A1.js', 'import "./helper.C3.js"; import "./xutil.K1.js";');
    files.set('_astro/xutil.K1.js', '');
    files.set('_astro/util.K1.js', '');
    files.set('_astro/editor.worker-F6.js', 'import "./util.K1.js";');
    expect(editorOnlyAssets(files, ENTRY)).toContain('_astro/util.K1.js');
    expect(editorOnlyAssets(files, ENTRY)).not.toContain('_astro/xutil.K1.js');
  });

  it('names the pattern and what it found when there is not exactly one entry', () => {
    const files = build();
    files.delete('_astro/load-monaco.D4.js');
    expect(() => editorOnlyAssets(files, ENTRY)).toThrow(
      'offline build: expected one editor entry chunk matching /^_astro\\/load-monaco\\.[\\w-]+\\.js$/, found 0.',
    );
    files.set('_astro/load-monaco.D4.js', '');
    files.set('_astro/load-monaco.Z9.js', '');
    expect(() => editorOnlyAssets(files, ENTRY)).toThrow(
      'found 2 (_astro/load-monaco.D4.js, _astro/load-monaco.Z9.js)',
    );
  });
});
