/**
 * Command files for the headless runner (`npm run sandbox -- run <scenario> --actions FILE`):
 * one command per line, exactly as typed in the terminal.
 *
 *   # a comment (on its own line)
 *   aws ecs update-service --cluster demo --service web --desired-count 6
 *   @120 aws ecs describe-services --cluster demo --services web   ← runs at sim time 120 s
 *   advance 30                                                      ← lets 30 sim seconds pass
 *   kubectl apply -f - <<EOF                                        ← a here-document: the lines up
 *   apiVersion: v1                                                     to EOF are the command's stdin
 *   …
 *   EOF
 *
 * Without `@`, a command runs at the current sim time (after the previous line). `@<seconds>`
 * first advances the clock to that absolute time; it may not go back in time.
 */
import { advance, applyAction, createWorld } from '../index.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Result, TimedAction } from '../model/types.ts';
import { heredocOpener } from './heredoc.ts';
import { echoLine, interpret } from './interpret.ts';
import type { CliSession } from './types.ts';

export type CommandFileLine =
  | { line: number; kind: 'command'; at: number | null; command: string }
  | { line: number; kind: 'advance'; seconds: number };

export type CommandFileResult =
  | { ok: true; lines: CommandFileLine[] }
  | { ok: false; errors: { line: number; message: string }[] };

/**
 * Decided by content: an actions file is YAML or JSON — its first line that is not blank or a
 * comment opens a list (`-`, `[`), a mapping (`{`, `key:`) or a document (`---`). Anything else
 * is a file of terminal lines, even lines the terminal cannot run (`kubectl …`, a typo): those
 * then get the terminal's own answer instead of a YAML schema error.
 */
export function looksLikeCommandFile(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return !/^(-|\[|\{|---|%|[\w"'.-]+\s*:(\s|$))/.test(line);
  }
  return false;
}

export function parseCommandFile(text: string): CommandFileResult {
  const lines: CommandFileLine[] = [];
  const errors: { line: number; message: string }[] = [];
  let lastAt = 0;
  const rawLines = text.split(/\r?\n/);
  // Lines a here-document consumed (its body and delimiter): not commands of their own.
  const consumed = new Set<number>();
  rawLines.forEach((raw, index) => {
    if (consumed.has(index)) return;
    const n = index + 1;
    const trimmed = withHeredoc(raw.trim(), index);
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const adv = /^advance\s+(\S+)\s*$/.exec(trimmed);
    if (adv) {
      const seconds = Number(adv[1]);
      if (!Number.isInteger(seconds) || seconds < 0) {
        errors.push({
          line: n,
          message: `advance needs a whole number of seconds ≥ 0, got '${adv[1]}'`,
        });
      } else {
        lines.push({ line: n, kind: 'advance', seconds });
        lastAt += seconds;
      }
      return;
    }
    const timed = /^@(\S+)\s+([\s\S]*)$/.exec(trimmed);
    if (timed) {
      const at = Number(timed[1]);
      if (!Number.isInteger(at) || at < 0) {
        errors.push({
          line: n,
          message: `@ needs a whole number of seconds ≥ 0, got '@${timed[1]}'`,
        });
        return;
      }
      if (at < lastAt) {
        errors.push({
          line: n,
          message: `@${at} goes back in time (the previous line is at ${lastAt} s)`,
        });
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

  /** `cmd <<EOF` takes the lines up to `EOF` with it, as one command text. */
  function withHeredoc(line: string, index: number): string {
    const opener = heredocOpener(line);
    if (!opener) return line;
    const body: string[] = [];
    for (let i = index + 1; i < rawLines.length; i++) {
      consumed.add(i);
      const l = rawLines[i] as string;
      body.push(l);
      if ((opener.strip ? l.replace(/^\t+/, '') : l) === opener.delimiter) break;
    }
    return [line, ...body].join('\n');
  }
}

export interface CommandFileRun {
  /** The actions the commands took, timed, ready for replay(). */
  actions: TimedAction[];
  /** What a terminal would have shown: `[mm:ss] $ command`, then its output. */
  transcript: string[];
}

/**
 * Runs a command file against a scenario the way the terminal would (each command sees the
 * world at its time) and returns the actions it took. A refused command is shown in the
 * transcript and changes nothing, as in the terminal; the run goes on.
 */
export function runCommandFile(
  scenario: Scenario,
  text: string,
  options: {
    seed?: number;
    until?: number;
    /** Files the commands can read (`kubectl apply -f web.yaml`): those next to the command file. */
    files?: Readonly<Record<string, string>>;
  } = {},
): Result<CommandFileRun, { line: number; message: string }[]> {
  const parsed = parseCommandFile(text);
  if (!parsed.ok) return { ok: false, error: parsed.errors };
  let world = createWorld(scenario, options.seed === undefined ? {} : { seed: options.seed });
  let session: CliSession = { dockerContext: null };
  const actions: TimedAction[] = [];
  const transcript: string[] = [];
  const until = options.until ?? scenario.duration;
  const stamp = (t: number) =>
    `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  for (const line of parsed.lines) {
    const target = line.kind === 'advance' ? world.time + line.seconds : (line.at ?? world.time);
    if (target > until) break;
    if (target > world.time) world = advance(world, target - world.time);
    if (line.kind === 'advance') continue;
    const before = world;
    const outcome = interpret(line.command, { world, files: options.files ?? {}, session });
    transcript.push(`[${stamp(world.time)}] $ ${echoLine(line.command)}`);
    if (outcome.kind === 'output') {
      if (outcome.output.stdout !== '') transcript.push(outcome.output.stdout);
      if (outcome.output.stderr !== '') transcript.push(outcome.output.stderr.replace(/^\n+/, ''));
      session = outcome.session ?? session;
      continue;
    }
    const results = [];
    for (const action of outcome.actions) {
      const applied = applyAction(world, action, 'learner');
      world = applied.world;
      results.push(applied.result);
      actions.push({ at: world.time, by: 'learner', action });
    }
    const out = outcome.render(results, before, world);
    if (out.stdout !== '') transcript.push(out.stdout);
    if (out.stderr !== '') transcript.push(out.stderr.replace(/^\n+/, ''));
    session = outcome.session ?? session;
  }
  return { ok: true, value: { actions, transcript } };
}
