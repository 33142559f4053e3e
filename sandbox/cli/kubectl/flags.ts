/**
 * kubectl's flag parsing (cobra + pflag): `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * `-n=value`, combined boolean shorthands (`-Aw`), `--bool=false`, `--` ending the flags, and
 * pflag's error texts, which kubectl follows with `See 'kubectl <cmd> --help' for usage.`
 */

export type FlagKind = 'bool' | 'string' | 'int' | 'strings';

export interface KubectlFlag {
  name: string;
  short?: string;
  kind: FlagKind;
  help: string;
  /** Shown in help as `--name=<placeholder>`. */
  placeholder?: string;
}

export type FlagValue = string | boolean | number | string[];
export type FlagValues = Record<string, FlagValue>;

export type ParsedLine =
  { ok: true; flags: FlagValues; positionals: string[] } | { ok: false; error: string };

/** Flags every kubectl command takes (a subset of `kubectl options`). */
export const GLOBAL_FLAGS: KubectlFlag[] = [
  {
    name: 'namespace',
    short: 'n',
    kind: 'string',
    help: 'If present, the namespace scope for this CLI request',
  },
  {
    name: 'context',
    kind: 'string',
    help: 'The name of the kubeconfig context to use',
  },
  {
    name: 'kubeconfig',
    kind: 'string',
    help: 'Path to the kubeconfig file to use for CLI requests (the sandbox has one: ~/.kube/config)',
  },
];

/** kubectl's own line after a flag error. */
export function seeHelp(command: string): string {
  return `See 'kubectl ${command} --help' for usage.`;
}

function label(flag: KubectlFlag): string {
  return flag.short ? `-${flag.short}, --${flag.name}` : `--${flag.name}`;
}

function convert(flag: KubectlFlag, raw: string): { ok: true; value: FlagValue } | string {
  switch (flag.kind) {
    case 'bool': {
      const v = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)
        ? true
        : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)
          ? false
          : null;
      if (v === null)
        return `invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(label(flag))} flag: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`;
      return { ok: true, value: v };
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw))
        return `invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(label(flag))} flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`;
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1)
        return `invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(label(flag))} flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: value out of range`;
      return { ok: true, value: n };
    }
    default:
      return { ok: true, value: raw };
  }
}

/**
 * Parses the words after the command's name. `flags` are the command's own; the global ones
 * are added (kubectl's by default). Repeated `strings` flags accumulate (`-f a.yaml -f b.yaml`, `-f a.yaml,b.yaml`).
 */
export function parseFlags(
  tokens: string[],
  commandFlags: KubectlFlag[],
  globalFlags: KubectlFlag[] = GLOBAL_FLAGS,
): ParsedLine {
  const all = [...commandFlags, ...globalFlags];
  const byName = new Map(all.map((f) => [f.name, f]));
  const byShort = new Map(all.filter((f) => f.short).map((f) => [f.short as string, f]));
  const flags: FlagValues = {};
  const positionals: string[] = [];
  const set = (flag: KubectlFlag, raw: string): string | null => {
    const converted = convert(flag, raw);
    if (typeof converted === 'string') return converted;
    if (flag.kind === 'strings') {
      const prev = flags[flag.name];
      const parts = raw.split(',').filter((p) => p !== '');
      flags[flag.name] = [...(Array.isArray(prev) ? prev : []), ...parts];
    } else flags[flag.name] = converted.value;
    return null;
  };
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as string;
    if (tok === '--') {
      positionals.push(...tokens.slice(i + 1));
      break;
    }
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      const name = eq < 0 ? tok.slice(2) : tok.slice(2, eq);
      const flag = byName.get(name);
      if (!flag) return { ok: false, error: `unknown flag: --${name}` };
      if (flag.kind === 'bool') {
        const err = set(flag, eq < 0 ? 'true' : tok.slice(eq + 1));
        if (err) return { ok: false, error: err };
        i += 1;
        continue;
      }
      let value: string | undefined;
      if (eq >= 0) {
        value = tok.slice(eq + 1);
        i += 1;
      } else {
        value = tokens[i + 1];
        if (value === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
        i += 2;
      }
      const err = set(flag, value);
      if (err) return { ok: false, error: err };
      continue;
    }
    if (tok.startsWith('-') && tok.length > 1) {
      let k = 1;
      let consumedNext = false;
      while (k < tok.length) {
        const ch = tok[k] as string;
        const flag = byShort.get(ch);
        if (!flag) return { ok: false, error: `unknown shorthand flag: '${ch}' in ${tok}` };
        if (flag.kind === 'bool') {
          // `-A=false` as pflag allows it.
          if (tok[k + 1] === '=') {
            const err = set(flag, tok.slice(k + 2));
            if (err) return { ok: false, error: err };
            break;
          }
          flags[flag.name] = true;
          k += 1;
          continue;
        }
        let inline = tok.slice(k + 1);
        if (inline.startsWith('=')) inline = inline.slice(1);
        else if (inline === '') {
          const next = tokens[i + 1];
          if (next === undefined)
            return { ok: false, error: `flag needs an argument: '${ch}' in -${ch}` };
          inline = next;
          consumedNext = true;
        }
        const err = set(flag, inline);
        if (err) return { ok: false, error: err };
        break;
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    positionals.push(tok);
    i += 1;
  }
  return { ok: true, flags, positionals };
}

export const str = (flags: FlagValues, name: string): string | undefined => {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
};
export const bool = (flags: FlagValues, name: string): boolean => flags[name] === true;
export const int = (flags: FlagValues, name: string): number | undefined => {
  const v = flags[name];
  return typeof v === 'number' ? v : undefined;
};
export const list = (flags: FlagValues, name: string): string[] => {
  const v = flags[name];
  return Array.isArray(v) ? v : [];
};
