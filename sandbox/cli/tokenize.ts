/**
 * A POSIX-shell-like tokenizer for one command line: whitespace separates words;
 * 'single quotes' keep everything literally; "double quotes" allow \" \\ \$ \` escapes;
 * a backslash outside quotes escapes the next character; a `#` that starts a word starts a
 * comment to the end of the line. No variables or globs; `&&` and `|` are words that
 * interpret() reads as a chain and a pipe.
 */
export type TokenizeResult = { ok: true; tokens: string[] } | { ok: false; error: string };

export function tokenize(line: string): TokenizeResult {
  const tokens: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) {
        tokens.push(current);
        current = '';
        inWord = false;
      }
      i += 1;
      continue;
    }
    if (ch === '#' && !inWord) break;
    inWord = true;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0)
        return { ok: false, error: "unexpected end of line: unterminated single quote (')" };
      current += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i += 1;
      let closed = false;
      while (i < line.length) {
        const c = line[i] as string;
        if (c === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) {
          current += line[i + 1];
          i += 2;
          continue;
        }
        current += c;
        i += 1;
      }
      if (!closed)
        return { ok: false, error: 'unexpected end of line: unterminated double quote (")' };
      continue;
    }
    if (ch === '\\') {
      if (i + 1 >= line.length)
        return { ok: false, error: 'unexpected end of line after a backslash (\\)' };
      current += line[i + 1];
      i += 2;
      continue;
    }
    current += ch;
    i += 1;
  }
  if (inWord) tokens.push(current);
  return { ok: true, tokens };
}

/** Quotes a word so that tokenize() gives it back unchanged (used by completion and tests). */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_\-./:=,@%+]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
