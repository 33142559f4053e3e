/**
 * Multi-document YAML → plain JSON values, with the limits that keep hostile input from
 * hanging a page: size, document count, nesting depth and alias expansion are checked
 * before (or while) the `yaml` package builds anything. Refusals are the sandbox's own
 * wording; YAML syntax errors keep kubectl's prefix (`error: error parsing web.yaml: error
 * converting YAML to JSON: yaml: line 3: …`) followed by the `yaml` package's description.
 */
import { LineCounter, parseAllDocuments } from 'yaml';

export const MANIFEST_LIMITS = {
  /** Bytes of YAML in one apply. */
  maxBytes: 1_000_000,
  /** Documents in one file (kubectl has no limit; the sandbox does). */
  maxDocuments: 500,
  /** Nesting of mappings and sequences. */
  maxDepth: 64,
  /** Columns of indentation (and compact `- - -` markers) on one line. */
  maxIndent: 256,
  /** YAML aliases expanded per document (billion-laughs guard). */
  maxAliases: 50,
} as const;

export interface YamlDocument {
  /** 0-based position in the file. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  value: unknown;
}

export type YamlResult =
  | { ok: true; documents: YamlDocument[]; error: null }
  /** `documents` holds the ones before the first broken document (kubectl applies those). */
  | { ok: false; documents: YamlDocument[]; error: string; line: number | null };

const refuse = (fileName: string, why: string, line: number | null = null): YamlResult => ({
  ok: false,
  documents: [],
  error: `error: ${fileName}: refused by the sandbox: ${why}`,
  line,
});

/** Deepest `[`/`{` flow nesting outside quotes and comments. */
function flowDepth(text: string): { depth: number; line: number } {
  let depth = 0;
  let max = 0;
  let maxLine = 1;
  let line = 1;
  let quote: '"' | "'" | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      comment = false;
      if (depth === 0) quote = null;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) comment = true;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        maxLine = line;
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth: max, line: maxLine };
}

/** Depth of a parsed value, without recursion. */
function valueDepth(root: unknown, limit: number): number {
  const stack: [unknown, number][] = [[root, 0]];
  let max = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v !== null && typeof v === 'object') {
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}

export function parseYamlDocuments(text: string, fileName: string): YamlResult {
  const L = MANIFEST_LIMITS;
  if (text.length > L.maxBytes)
    return refuse(fileName, `the file is larger than ${L.maxBytes.toLocaleString('en-US')} bytes`);
  const separators = text.match(/^---/gm)?.length ?? 0;
  if (separators + 1 > L.maxDocuments)
    return refuse(
      fileName,
      `more than ${L.maxDocuments} YAML documents (found ${separators + 1} '---' separated documents)`,
    );
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const indent = /^[ \t?:-]*/.exec(lines[i]!)![0].length;
    if (indent > L.maxIndent)
      return refuse(fileName, `nesting deeper than ${L.maxDepth} levels (line ${i + 1})`, i + 1);
  }
  const flow = flowDepth(text);
  if (flow.depth > L.maxDepth)
    return refuse(
      fileName,
      `nesting deeper than ${L.maxDepth} levels (line ${flow.line})`,
      flow.line,
    );

  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch {
    return refuse(fileName, `nesting deeper than ${L.maxDepth} levels`);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const documents: YamlDocument[] = [];
  for (let index = 0; index < list.length; index++) {
    const doc = list[index]!;
    const start = lineCounter.linePos(doc.range[0]).line;
    const firstError = doc.errors[0];
    if (firstError) {
      const { line } = lineCounter.linePos(firstError.pos[0]);
      const message =
        firstError.code === 'DUPLICATE_KEY'
          ? `yaml: unmarshal errors:\n  line ${line}: ${duplicateKey(text, firstError.pos[0])}`
          : `yaml: line ${line}: ${firstError.message.split('\n')[0]}`;
      return {
        ok: false,
        documents,
        error: `error: error parsing ${fileName}: error converting YAML to JSON: ${message}`,
        line,
      };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: L.maxAliases });
    } catch {
      return {
        ...refuse(
          fileName,
          `document ${index + 1} expands more than ${L.maxAliases} YAML aliases (an alias bomb)`,
          start,
        ),
        documents,
      };
    }
    if (valueDepth(value, L.maxDepth) > L.maxDepth)
      return {
        ...refuse(fileName, `nesting deeper than ${L.maxDepth} levels (document ${index + 1})`),
        documents,
      };
    // kubectl skips empty documents (a bare `---`, or only comments).
    if (value === null || value === undefined) continue;
    documents.push({ index, line: start, value });
  }
  return { ok: true, documents, error: null };
}

/** go-yaml's wording: `key "replicas" already set in map`. */
function duplicateKey(text: string, offset: number): string {
  const key = /^["']?([^"':\n]+)/.exec(text.slice(offset))?.[1]?.trim() ?? '';
  return `key ${JSON.stringify(key)} already set in map`;
}
