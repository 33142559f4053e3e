/**
 * Parameter parsing the way the AWS CLI v2 does it: `--flag value`, `--flag=value`,
 * lists (`--instance-ids i-1 i-2`), structures in shorthand or JSON, `--no-<flag>` for booleans,
 * and the global options `--output`, `--query`, `--region`, `--profile`, `--no-cli-pager`.
 */
import { parseStructure } from '../shorthand.ts';
import type { OutputFormat } from '../types.ts';

export type FlagType = 'string' | 'integer' | 'boolean' | 'list' | 'structure' | 'structure-list';

export interface FlagSpec {
  name: string;
  type: FlagType;
  required?: boolean;
  choices?: readonly string[];
  /** One line for `help`. */
  help: string;
  /** Shown in the synopsis, e.g. `<value>` or `Key=Value,...`. */
  placeholder?: string;
}

export type ArgValue = string | number | boolean | string[] | unknown[] | Record<string, unknown>;
export type ParsedArgs = Record<string, ArgValue>;

export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'output',
    type: 'string',
    choices: ['json', 'table', 'text'],
    help: 'The formatting style for command output.',
  },
  {
    name: 'query',
    type: 'string',
    help: 'A JMESPath query to use in filtering the response data.',
  },
  { name: 'region', type: 'string', help: 'The region to use (the sandbox has one region).' },
  { name: 'profile', type: 'string', help: 'Accepted and ignored: the sandbox has one account.' },
  { name: 'no-cli-pager', type: 'boolean', help: 'Accepted: the sandbox never pages.' },
];

export const AWS_USAGE = [
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
  'To see help text, you can run:',
  '',
  '  aws help',
  '  aws <command> help',
  '  aws <command> <subcommand> help',
  '',
].join('\n');

export interface GlobalOptions {
  output: OutputFormat;
  region: string | null;
  /** The `--query` expression, applied to every structured response. */
  query: string | null;
}

export type SplitResult =
  | { ok: true; positionals: string[]; rest: string[]; globals: GlobalOptions; help: boolean }
  | { ok: false; error: string };

/**
 * Separates the global options and the leading positionals (`ecs create-service`) from the
 * operation's parameters. Global options may appear anywhere, as with the real CLI.
 */
export function splitAwsLine(tokens: string[]): SplitResult {
  const positionals: string[] = [];
  const rest: string[] = [];
  const globals: GlobalOptions = { output: 'json', region: null, query: null };
  let help = false;
  let i = 0;
  let inParams = false;
  while (i < tokens.length) {
    const tok = tokens[i] as string;
    const [name, inline] = splitFlag(tok);
    if (name === 'output' || name === 'region' || name === 'profile' || name === 'query') {
      const value = inline ?? tokens[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        return { ok: false, error: `aws: error: argument --${name}: expected one argument` };
      }
      if (name === 'output') {
        if (value !== 'json' && value !== 'table' && value !== 'text') {
          return {
            ok: false,
            error: `aws: error: argument --output: Invalid choice, valid choices are:\n\njson                                     | text\ntable`,
          };
        }
        globals.output = value;
      }
      if (name === 'region') globals.region = value;
      if (name === 'query') globals.query = value;
      i += inline === undefined ? 2 : 1;
      continue;
    }
    if (name === 'no-cli-pager') {
      i += 1;
      continue;
    }
    if (name === 'help' || (!inParams && tok === 'help' && positionals.length <= 2)) {
      help = true;
      i += 1;
      continue;
    }
    if (!inParams && !tok.startsWith('-') && positionals.length < 2) {
      positionals.push(tok);
      i += 1;
      continue;
    }
    inParams = true;
    rest.push(tok);
    i += 1;
  }
  return { ok: true, positionals, rest, globals, help };
}

function splitFlag(tok: string): [string | null, string | undefined] {
  if (!tok.startsWith('--') || tok === '--') return [null, undefined];
  const eq = tok.indexOf('=');
  if (eq < 0) return [tok.slice(2), undefined];
  return [tok.slice(2, eq), tok.slice(eq + 1)];
}

export type ParseResult =
  | { ok: true; args: ParsedArgs }
  | { ok: false; error: string; kind: 'usage' | 'unknown' | 'param' };

/** Parses an operation's parameters against its flag list. */
export function parseAwsParams(tokens: string[], flags: FlagSpec[]): ParseResult {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const args: ParsedArgs = {};
  const unknown: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as string;
    const [name, inline] = splitFlag(tok);
    if (name === null) {
      unknown.push(tok);
      i += 1;
      continue;
    }
    let spec = byName.get(name);
    let negated = false;
    if (!spec && name.startsWith('no-')) {
      const positive = byName.get(name.slice(3));
      if (positive && positive.type === 'boolean') {
        spec = positive;
        negated = true;
      }
    }
    if (!spec) {
      unknown.push(tok);
      i += 1;
      // The values that follow an unknown option are unknown too (the real CLI lists them).
      while (i < tokens.length && !(tokens[i] as string).startsWith('--')) {
        unknown.push(tokens[i] as string);
        i += 1;
      }
      continue;
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined) {
        return {
          ok: false,
          kind: 'usage',
          error: `aws: error: argument --${name}: ignored explicit argument '${inline}'`,
        };
      }
      args[spec.name] = !negated;
      i += 1;
      continue;
    }
    const values: string[] = [];
    if (inline !== undefined) {
      values.push(inline);
      i += 1;
    } else {
      i += 1;
    }
    const many = spec.type === 'list' || spec.type === 'structure-list';
    while (
      i < tokens.length &&
      !(tokens[i] as string).startsWith('--') &&
      (many || values.length === 0)
    ) {
      values.push(tokens[i] as string);
      i += 1;
    }
    if (values.length === 0) {
      return {
        ok: false,
        kind: 'usage',
        error: `aws: error: argument --${spec.name}: expected ${many ? 'at least one argument' : 'one argument'}`,
      };
    }
    const converted = convert(spec, values);
    if (!converted.ok) return { ok: false, kind: 'param', error: converted.error };
    const previous = args[spec.name];
    // A repeated list flag adds to the list (`--placement-strategy a --placement-strategy b`,
    // as the view's commands write it); the real CLI would keep only the last one.
    args[spec.name] =
      many && Array.isArray(previous) && Array.isArray(converted.value)
        ? [...previous, ...converted.value]
        : converted.value;
  }
  if (unknown.length > 0)
    return { ok: false, kind: 'unknown', error: `Unknown options: ${unknown.join(', ')}` };
  const missing = flags.filter((f) => f.required && !(f.name in args)).map((f) => `--${f.name}`);
  if (missing.length > 0) {
    return {
      ok: false,
      kind: 'usage',
      error: `aws: error: the following arguments are required: ${missing.join(', ')}`,
    };
  }
  return { ok: true, args };
}

function convert(
  spec: FlagSpec,
  values: string[],
): { ok: true; value: ArgValue } | { ok: false; error: string } {
  const first = values[0] as string;
  switch (spec.type) {
    case 'string':
      if (spec.choices && !spec.choices.includes(first)) {
        return {
          ok: false,
          error: `An error occurred (InvalidParameterException): Invalid value '${first}' for --${spec.name}; valid values: ${spec.choices.join(', ')}`,
        };
      }
      return { ok: true, value: first };
    case 'integer': {
      if (!/^-?\d+$/.test(first.trim())) {
        return {
          ok: false,
          error: `Error parsing parameter '--${spec.name}': invalid literal for int() with base 10: '${first}'`,
        };
      }
      const n = Number(first.trim());
      if (!Number.isSafeInteger(n)) {
        return {
          ok: false,
          error: `Error parsing parameter '--${spec.name}': the number ${first} is too large`,
        };
      }
      return { ok: true, value: n };
    }
    case 'list': {
      // `--instance-ids i-1 i-2`, or one JSON list.
      if (values.length === 1 && first.trim().startsWith('[')) {
        const parsed = parseStructure(first);
        if (
          !parsed.ok ||
          !Array.isArray(parsed.value) ||
          !parsed.value.every((v) => typeof v === 'string')
        ) {
          return {
            ok: false,
            error: `Error parsing parameter '--${spec.name}': expected a list of strings`,
          };
        }
        return { ok: true, value: parsed.value as string[] };
      }
      return { ok: true, value: values };
    }
    case 'structure': {
      const parsed = parseStructure(first);
      if (!parsed.ok)
        return { ok: false, error: `Error parsing parameter '--${spec.name}': ${parsed.error}` };
      if (
        typeof parsed.value !== 'object' ||
        parsed.value === null ||
        Array.isArray(parsed.value)
      ) {
        return {
          ok: false,
          error: `Error parsing parameter '--${spec.name}': expected a structure (Key=Value,...)`,
        };
      }
      return { ok: true, value: parsed.value as Record<string, unknown> };
    }
    case 'structure-list': {
      if (values.length === 1 && first.trim().startsWith('[')) {
        const parsed = parseStructure(first);
        if (!parsed.ok)
          return { ok: false, error: `Error parsing parameter '--${spec.name}': ${parsed.error}` };
        if (!Array.isArray(parsed.value)) {
          return { ok: false, error: `Error parsing parameter '--${spec.name}': expected a list` };
        }
        return { ok: true, value: parsed.value };
      }
      const out: unknown[] = [];
      for (const v of values) {
        const parsed = parseStructure(v);
        if (!parsed.ok)
          return { ok: false, error: `Error parsing parameter '--${spec.name}': ${parsed.error}` };
        out.push(parsed.value);
      }
      return { ok: true, value: out };
    }
    case 'boolean':
      return { ok: true, value: true };
  }
}
