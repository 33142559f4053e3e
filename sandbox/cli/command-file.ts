/**
 * Command files for the headless runner (`npm run sandbox -- run <scenario> --actions FILE`):
 * one command per line, exactly as typed in the terminal.
 *
 *   # a comment (also after a command: ` # …` outside quotes is not supported; put comments on their own line)
 *   aws ecs update-service --cluster demo --service web --desired-count 6
 *   @120 aws ecs describe-services --cluster demo --services web   ← runs at sim time 120 s
 *   advance 30                                                      ← lets 30 sim seconds pass
 *
 * Without `@`, a command runs at the current sim time (after the previous line). `@<seconds>`
 * first advances the clock to that absolute time; it may not go back in time.
 */
export type CommandFileLine =
  | { line: number; kind: 'command'; at: number | null; command: string }
  | { line: number; kind: 'advance'; seconds: number };

export type CommandFileResult =
  | { ok: true; lines: CommandFileLine[] }
  | { ok: false; errors: { line: number; message: string }[] };

/** A command file looks like one when some line starts with aws, docker or advance. */
export function looksLikeCommandFile(text: string): boolean {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/^@\d+(\.\d+)?\s+/, ''))
    .some((l) => /^(aws|docker|advance)(\s|$)/.test(l));
}

export function parseCommandFile(text: string): CommandFileResult {
  const lines: CommandFileLine[] = [];
  const errors: { line: number; message: string }[] = [];
  let lastAt = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const n = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const adv = /^advance\s+(\S+)\s*$/.exec(trimmed);
    if (adv) {
      const seconds = Number(adv[1]);
      if (!Number.isInteger(seconds) || seconds < 0) {
        errors.push({ line: n, message: `advance needs a whole number of seconds ≥ 0, got '${adv[1]}'` });
      } else {
        lines.push({ line: n, kind: 'advance', seconds });
        lastAt += seconds;
      }
      return;
    }
    const timed = /^@(\S+)\s+(.*)$/.exec(trimmed);
    if (timed) {
      const at = Number(timed[1]);
      if (!Number.isInteger(at) || at < 0) {
        errors.push({ line: n, message: `@ needs a whole number of seconds ≥ 0, got '@${timed[1]}'` });
        return;
      }
      if (at < lastAt) {
        errors.push({ line: n, message: `@${at} goes back in time (the previous line is at ${lastAt} s)` });
        return;
      }
      lastAt = at;
      lines.push({ line: n, kind: 'command', at, command: (timed[2] as string).trim() });
      return;
    }
    if (trimmed.startsWith('@')) {
      errors.push({ line: n, message: `'${trimmed}' has a time but no command` });
      return;
    }
    lines.push({ line: n, kind: 'command', at: null, command: trimmed });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
