/**
 * Here-documents, as a shell reads them: `kubectl apply -f - <<EOF` on the first line, the
 * command's stdin on the lines that follow, up to a line that is exactly the delimiter
 * (`<<-EOF` also strips leading tabs; quoting the word, `<<'EOF'`, changes nothing here since
 * the sandbox expands no variables).
 */

export type Heredoc =
  { ok: true; command: string; body: string; delimiter: string } | { ok: false; error: string };

const OPENER = /^(.*?)\s*<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\3\s*$/;

/** The first line's `<<WORD`, if it has one. */
export function heredocOpener(
  line: string,
): { command: string; strip: boolean; delimiter: string } | null {
  const m = OPENER.exec(line);
  if (!m || (m[1] as string).trim() === '') return null;
  return { command: (m[1] as string).trimEnd(), strip: m[2] === '-', delimiter: m[4] as string };
}

/** Splits a multi-line text into its command and heredoc body; null when the first line opens none. */
export function splitHeredoc(text: string): Heredoc | null {
  const lines = text.split(/\r?\n/);
  const opener = heredocOpener(lines[0] as string);
  if (!opener) return null;
  const body: string[] = [];
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    const l = opener.strip ? raw.replace(/^\t+/, '') : raw;
    if (l === opener.delimiter) {
      end = i;
      break;
    }
    body.push(l);
  }
  if (end >= 0 && lines.slice(end + 1).some((l) => l.trim() !== ''))
    return {
      ok: false,
      error: `syntax error: only one command per here-document (text follows ${opener.delimiter})`,
    };
  return {
    ok: true,
    command: opener.command,
    body: body.length > 0 ? `${body.join('\n')}\n` : '',
    delimiter: opener.delimiter,
  };
}
