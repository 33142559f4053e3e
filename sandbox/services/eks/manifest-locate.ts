/**
 * For the manifest editor's markers — where a Kubernetes error points in the manifest: a field path as the API server prints it
 * (`spec.template.spec.containers[0].imagePullPolice`, or the decoder's index-free
 * `spec.template.spec.containers.image`) → the line and columns of that key in one YAML
 * document. A path that is not in the document (a `Required value`) lands on its deepest
 * existing ancestor, a document without it on the document's first line. Call it only on text
 * the sandbox's parser accepted (its size, depth and alias limits hold).
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';

export interface TextRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** `a.b[0].c` → ['a', 'b', 0, 'c']. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

type Found = { node: Node; depth: number };

/** The deepest key node along `segments` (a string segment met by a list searches its items). */
function walk(value: unknown, segments: (string | number)[], depth: number): Found | null {
  if (depth >= segments.length) return null;
  const seg = segments[depth]!;
  if (isSeq(value)) {
    if (typeof seg === 'number') {
      const item = value.items[seg];
      return item === undefined ? null : walk(item, segments, depth + 1);
    }
    let best: Found | null = null;
    for (const item of value.items) {
      const found = walk(item, segments, depth);
      if (found && (!best || found.depth > best.depth)) best = found;
    }
    return best;
  }
  if (!isMap(value) || typeof seg !== 'string') return null;
  for (const pair of value.items) {
    if (isScalar(pair.key) && String(pair.key.value) === seg) {
      const here: Found = { node: pair.key, depth: depth + 1 };
      const deeper = walk(pair.value, segments, depth + 1);
      return deeper && deeper.depth > here.depth ? deeper : here;
    }
  }
  return null;
}

export interface YamlDocumentIndex {
  /** The range of `path` in document `index` (0-based, as the sandbox numbers documents). */
  locate: (index: number, path: string) => TextRange;
  /** The first line of document `index`. */
  start: (index: number) => TextRange;
  /** The `kind:` line of document `index` (or its first line). */
  kindLine: (index: number) => TextRange;
}

export function indexYamlDocuments(text: string): YamlDocumentIndex {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const rangeOf = (from: number, to: number): TextRange => {
    const a = lineCounter.linePos(from);
    const b = lineCounter.linePos(Math.max(from + 1, to));
    return {
      startLineNumber: a.line,
      startColumn: a.col,
      endLineNumber: b.line,
      endColumn: b.line === a.line ? b.col : a.col + 1,
    };
  };
  const start = (index: number): TextRange => {
    const doc = list[index];
    const contents = doc?.contents;
    const at = contents?.range?.[0] ?? doc?.range[0] ?? 0;
    const { line } = lineCounter.linePos(at);
    const lineText = text.split('\n')[line - 1] ?? '';
    return {
      startLineNumber: line,
      startColumn: 1,
      endLineNumber: line,
      endColumn: lineText.length + 1,
    };
  };
  const locate = (index: number, path: string): TextRange => {
    const doc = list[index];
    if (!doc) return start(0);
    const found = path ? walk(doc.contents, pathSegments(path), 0) : null;
    const range = found?.node.range;
    return range ? rangeOf(range[0], range[1]) : start(index);
  };
  return {
    locate,
    start,
    kindLine: (index) => {
      const doc = list[index];
      const found = doc ? walk(doc.contents, ['kind'], 0) : null;
      return found?.node.range ? rangeOf(found.node.range[0], found.node.range[1]) : start(index);
    },
  };
}
