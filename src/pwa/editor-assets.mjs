// @ts-check
/**
 * Which built files only the code editor needs. The service worker precaches the rest of the
 * site at install; these (Monaco, its workers, its font: about 6 MB) are fetched into their own
 * cache once a page is idle, so a first visit never downloads Monaco on its critical path.
 *
 * A file references another when its text names the other's file name (imports, worker URLs,
 * `__vite__mapDeps` lists, `url()` in CSS, `src`/`href` in HTML). The editor's files are those
 * reachable from the editor's entry chunk but not from any page without passing through it.
 */

/**
 * @param {Map<string, string | null>} files every built file by its path relative to the
 *   output folder (`_astro/x.js`), with its text, or null for a binary file
 * @param {RegExp} entry matches the path of the editor's entry chunk
 * @returns {string[]} the editor-only paths, sorted
 */
export function editorOnlyAssets(files, entry) {
  const entries = [...files.keys()].filter((path) => entry.test(path));
  if (entries.length !== 1) {
    throw new Error(
      `offline build: expected one editor entry chunk matching ${entry}, found ${entries.length}` +
        (entries.length ? ` (${entries.join(', ')})` : '') +
        '. The editor is loaded by src/lib/editor/load-monaco.ts; if it moved, update the pattern in astro.config.mjs.',
    );
  }
  const editorEntry = /** @type {string} */ (entries[0]);
  const references = referenceGraph(files);
  const pages = [...files.keys()].filter((path) => path.endsWith('.html'));
  const withoutEditor = reachable(pages, references, editorEntry);
  const editor = reachable([editorEntry], references, null);
  return [...editor].filter((path) => !withoutEditor.has(path)).sort();
}

/**
 * @param {Map<string, string | null>} files
 * @returns {Map<string, string[]>} for each text file, the files whose names it contains
 */
function referenceGraph(files) {
  /** @type {Map<string, string>} */
  const byName = new Map();
  for (const path of files.keys()) byName.set(path.slice(path.lastIndexOf('/') + 1), path);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\w.-])(?:${names.join('|')})(?![\\w-])`, 'g');
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const [path, text] of files) {
    if (text === null) continue;
    const targets = new Set();
    for (const match of text.matchAll(pattern)) {
      const target = byName.get(match[0]);
      if (target && target !== path) targets.add(target);
    }
    graph.set(path, [...targets]);
  }
  return graph;
}

/**
 * @param {string[]} roots
 * @param {Map<string, string[]>} graph
 * @param {string | null} stop a file not entered (nor counted)
 */
function reachable(roots, graph, stop) {
  const seen = new Set();
  const queue = roots.filter((root) => root !== stop);
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const next of graph.get(path) ?? []) {
      if (next !== stop && !seen.has(next)) queue.push(next);
    }
  }
  return seen;
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
