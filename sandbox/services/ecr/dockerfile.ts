/**
 * A Dockerfile as the builder reads it: comments and blank lines skipped, `\` continuations
 * joined, one instruction per logical line with its line number. FROM, WORKDIR, COPY, ADD, RUN,
 * ENV, EXPOSE, CMD and ENTRYPOINT shape the image; ARG, LABEL, USER, HEALTHCHECK, VOLUME, SHELL,
 * STOPSIGNAL, ONBUILD and MAINTAINER are accepted and only recorded. Anything else is refused
 * with BuildKit's parse error.
 */

export const SHAPING = [
  'FROM',
  'WORKDIR',
  'COPY',
  'ADD',
  'RUN',
  'ENV',
  'EXPOSE',
  'CMD',
  'ENTRYPOINT',
];
export const RECORDED = [
  'ARG',
  'LABEL',
  'USER',
  'HEALTHCHECK',
  'VOLUME',
  'SHELL',
  'STOPSIGNAL',
  'ONBUILD',
  'MAINTAINER',
];

export interface Instruction {
  /** Upper-cased keyword. */
  keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  args: string;
  /** 1-based line of the keyword. */
  line: number;
  /** The instruction as BuildKit echoes it (`RUN npm ci`). */
  text: string;
}

export type ParseResult = { ok: true; instructions: Instruction[] } | { ok: false; error: string };

/** Longest Dockerfile the sandbox reads. */
export const MAX_DOCKERFILE = 64 * 1024;

export function parseDockerfile(source: string): ParseResult {
  if (source.length > MAX_DOCKERFILE)
    return {
      ok: false,
      error: `ERROR: failed to solve: the Dockerfile is ${source.length} bytes; the sandbox reads at most ${MAX_DOCKERFILE} (the sandbox's own limit)`,
    };
  const lines = source.split(/\r?\n/);
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const start = i + 1;
    i += 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    let logical = trimmed;
    while (logical.endsWith('\\') && i < lines.length) {
      logical = logical.slice(0, -1).trimEnd();
      // Comment lines inside a continuation are dropped, as the parser does.
      while (i < lines.length && lines[i]!.trim().startsWith('#')) i += 1;
      if (i < lines.length) {
        logical += ` ${lines[i]!.trim()}`;
        i += 1;
      }
    }
    if (logical.endsWith('\\')) logical = logical.slice(0, -1).trimEnd();
    const m = /^(\S+)\s*(.*)$/.exec(logical)!;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    if (!SHAPING.includes(keyword) && !RECORDED.includes(keyword))
      return {
        ok: false,
        error: `ERROR: failed to solve: dockerfile parse error on line ${start}: unknown instruction: ${m[1]!}`,
      };
    if (args === '' && keyword !== 'HEALTHCHECK')
      return {
        ok: false,
        error: `ERROR: failed to solve: dockerfile parse error on line ${start}: ${keyword} requires at least one argument`,
      };
    out.push({ keyword, args, line: start, text: `${keyword} ${args}`.trim() });
  }
  if (!out.some((x) => x.keyword === 'FROM'))
    return {
      ok: false,
      error:
        'ERROR: failed to solve: failed to parse stage name: no build stage in current context',
    };
  const firstShaping = out.find((x) => x.keyword !== 'ARG');
  if (firstShaping && firstShaping.keyword !== 'FROM')
    return {
      ok: false,
      error: `ERROR: failed to solve: dockerfile parse error on line ${firstShaping.line}: ${firstShaping.keyword} instruction before FROM`,
    };
  return { ok: true, instructions: out };
}

/** `["npm", "start"]` (exec form) or `npm start` (shell form) as the config's argv. */
export function commandArgv(args: string): string[] {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string'))
        return parsed as string[];
    } catch {
      // Not JSON: Docker then runs the text in a shell, as below.
    }
  }
  return ['/bin/sh', '-c', t];
}

/** `ENV A=1 B=2` or the legacy `ENV A 1` as `KEY=value` entries. */
export function envEntries(args: string): string[] {
  const t = args.trim();
  if (!t.includes('=')) {
    const sp = t.indexOf(' ');
    return sp < 0 ? [`${t}=`] : [`${t.slice(0, sp)}=${t.slice(sp + 1).trim()}`];
  }
  const out: string[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const v = m[2]!.startsWith('"') ? m[2]!.slice(1, -1) : m[2]!;
    out.push(`${m[1]!}=${v}`);
  }
  return out;
}
