/**
 * Where a field is in a JSON document: `containerDefinitions[0].memory` → line and column of
 * its value (1-based, as Monaco's markers count). Tolerant: on malformed JSON it returns what it
 * found before the error; an unknown path falls back to its nearest located parent.
 */
export interface TextRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

type Spans = Map<string, { start: number; end: number }>;

function collect(text: string): Spans {
  const spans: Spans = new Map();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  };
  const str = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (path: string, depth: number): void => {
    ws();
    const start = i;
    if (depth > 64 || i >= text.length) return;
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      while (i < text.length && text[i] !== '}') {
        ws();
        if (text[i] !== '"') break;
        const keyStart = i;
        const key = str();
        const keyEnd = i;
        const child = path === '' ? key : `${path}.${key}`;
        spans.set(`${child}#key`, { start: keyStart, end: keyEnd });
        ws();
        if (text[i] !== ':') break;
        i += 1;
        value(child, depth + 1);
        ws();
        if (text[i] === ',') i += 1;
        else break;
        ws();
      }
      if (text[i] === '}') i += 1;
    } else if (ch === '[') {
      i += 1;
      let n = 0;
      ws();
      while (i < text.length && text[i] !== ']') {
        value(`${path}[${n}]`, depth + 1);
        n += 1;
        ws();
        if (text[i] === ',') i += 1;
        else break;
        ws();
      }
      if (text[i] === ']') i += 1;
    } else if (ch === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i] as string)) i += 1;
    }
    spans.set(path, { start, end: Math.max(i, start + 1) });
  };
  value('', 0);
  return spans;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k += 1) {
    if (text[k] === '\n') {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The range of the field's value (or, for a missing field, of its parent's key). */
export function locateJsonPath(text: string, path: string): TextRange {
  const spans = collect(text);
  let p = path;
  for (;;) {
    const span = spans.get(p);
    if (span) {
      const isContainer = text[span.start] === '{' || text[span.start] === '[';
      const key = spans.get(`${p}#key`);
      // Mark the key of an object or array (its whole value could span many lines).
      const target = isContainer && key ? key : span;
      const a = position(text, target.start);
      const b = position(text, isContainer && !key ? target.start + 1 : target.end);
      return {
        startLineNumber: a.line,
        startColumn: a.column,
        endLineNumber: b.line,
        endColumn: b.column,
      };
    }
    if (p === '') return { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 };
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut < 0 ? '' : p.slice(0, cut);
  }
}
