/**
 * GitHub Actions expressions (`${{ … }}`): a small evaluator over a fixed set of contexts,
 * written as a tokenizer and a recursive-descent parser with hard limits. Nothing is ever
 * handed to `eval` or `Function`. Supported: literals ('text', numbers, true, false, null),
 * property access (`env.X`, `steps.login-ecr.outputs.registry`, `github['sha']`), `!`, `==`,
 * `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, parentheses and the functions success(), failure(),
 * always(), cancelled(), contains(), startsWith(), endsWith() and format().
 *
 * Values follow GitHub's rules as far as the subset needs: a missing property is null and
 * interpolates as an empty string; `==` compares strings case-insensitively; `&&`/`||`
 * return one of their operands.
 */

export type Value = string | number | boolean | null | { readonly [key: string]: Value };

/** What an expression can read. A context that is absent is an unrecognised named-value. */
export interface ExpressionContext {
  contexts: Readonly<Record<string, Value>>;
  /** The job's status so far, for the status functions. */
  status?: { failed: boolean; cancelled: boolean };
}

export const EXPRESSION_LIMITS = {
  /** Characters in one expression. */
  maxLength: 2000,
  /** Tokens in one expression. */
  maxTokens: 400,
  /** Nesting of parentheses, calls and operators. */
  maxDepth: 32,
  /** `${{ }}` blocks in one string. */
  maxBlocks: 50,
} as const;

export type EvalResult = { ok: true; value: Value } | { ok: false; error: string };

type Token =
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'id'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number };

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ','];

function tokenize(text: string): { ok: true; tokens: Token[] } | { ok: false; error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (tokens.length >= EXPRESSION_LIMITS.maxTokens)
      return {
        ok: false,
        error: `the expression has more than ${EXPRESSION_LIMITS.maxTokens} tokens`,
      };
    const pos = i + 1;
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length)
          return { ok: false, error: `Unexpected end of expression: '${text}'` };
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'str', value, pos });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < text.length && /[0-9.xXa-fA-F]/.test(text[j]!)) j++;
      const raw = text.slice(i, j);
      const value = Number(raw);
      if (!Number.isFinite(value))
        return {
          ok: false,
          error: `Unexpected symbol: '${raw}'. Located at position ${pos} within expression: ${text}`,
        };
      tokens.push({ kind: 'num', value, pos });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_-]/.test(text[j]!)) j++;
      tokens.push({ kind: 'id', value: text.slice(i, j), pos });
      i = j;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op)
      return {
        ok: false,
        error: `Unexpected symbol: '${c}'. Located at position ${pos} within expression: ${text}`,
      };
    tokens.push({ kind: 'op', value: op, pos });
    i += op.length;
  }
  return { ok: true, tokens };
}

class ExprError extends Error {}

/** Parses and evaluates one expression (the text between `${{` and `}}`, or an `if:`). */
export function evaluate(text: string, ctx: ExpressionContext): EvalResult {
  if (text.length > EXPRESSION_LIMITS.maxLength)
    return {
      ok: false,
      error: `the expression is longer than ${EXPRESSION_LIMITS.maxLength} characters`,
    };
  const tok = tokenize(text);
  if (!tok.ok) return tok;
  const tokens = tok.tokens;
  if (tokens.length === 0) return { ok: false, error: 'An expression was expected' };
  let i = 0;
  let depth = 0;
  const where = (t: Token | undefined) =>
    t ? `Located at position ${t.pos} within expression: ${text}` : `within expression: ${text}`;
  const peek = () => tokens[i];
  const isOp = (v: string) => {
    const t = tokens[i];
    return t !== undefined && t.kind === 'op' && t.value === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) {
      const t = tokens[i];
      throw new ExprError(
        t
          ? `Unexpected symbol: '${tokenText(t)}'. ${where(t)}`
          : `Unexpected end of expression: '${text}'`,
      );
    }
    i++;
  };
  const enter = () => {
    if (++depth > EXPRESSION_LIMITS.maxDepth)
      throw new ExprError(`the expression nests deeper than ${EXPRESSION_LIMITS.maxDepth} levels`);
  };

  // Lazy evaluation: each parse function returns a thunk so && and || short-circuit.
  type Thunk = () => Value;
  const parseOr = (): Thunk => {
    enter();
    let left = parseAnd();
    while (isOp('||')) {
      i++;
      const l = left;
      const r = parseAnd();
      left = () => {
        const v = l();
        return truthy(v) ? v : r();
      };
    }
    depth--;
    return left;
  };
  const parseAnd = (): Thunk => {
    let left = parseCompare();
    while (isOp('&&')) {
      i++;
      const l = left;
      const r = parseCompare();
      left = () => {
        const v = l();
        return truthy(v) ? r() : v;
      };
    }
    return left;
  };
  const parseCompare = (): Thunk => {
    let left = parseUnary();
    for (;;) {
      const t = peek();
      if (!t || t.kind !== 'op' || !['==', '!=', '<', '<=', '>', '>='].includes(t.value)) break;
      i++;
      const l = left;
      const r = parseUnary();
      const op = t.value;
      left = () => compare(op, l(), r());
    }
    return left;
  };
  const parseUnary = (): Thunk => {
    if (isOp('!')) {
      i++;
      enter();
      const inner = parseUnary();
      depth--;
      return () => !truthy(inner());
    }
    return parsePostfix();
  };
  const parsePostfix = (): Thunk => {
    const t = peek();
    if (!t) throw new ExprError(`Unexpected end of expression: '${text}'`);
    let base: Thunk;
    if (t.kind === 'str' || t.kind === 'num') {
      i++;
      const v = t.value;
      base = () => v;
    } else if (t.kind === 'op' && t.value === '(') {
      i++;
      const inner = parseOr();
      expect(')');
      base = inner;
    } else if (t.kind === 'id') {
      i++;
      const name = t.value;
      if (isOp('(')) {
        i++;
        enter();
        const args: Thunk[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(parseOr());
            if (isOp(',')) {
              i++;
              continue;
            }
            break;
          }
        }
        expect(')');
        depth--;
        base = callFunction(name, args, ctx, t, where);
      } else if (name === 'true' || name === 'false') {
        const v = name === 'true';
        base = () => v;
      } else if (name === 'null') {
        base = () => null;
      } else {
        if (!Object.hasOwn(ctx.contexts, name))
          throw new ExprError(`Unrecognized named-value: '${name}'. ${where(t)}`);
        const v = ctx.contexts[name]!;
        base = () => v;
      }
    } else {
      throw new ExprError(`Unexpected symbol: '${tokenText(t)}'. ${where(t)}`);
    }
    // .name and ['name'] accessors.
    for (;;) {
      if (isOp('.')) {
        i++;
        const p = peek();
        if (!p || p.kind !== 'id')
          throw new ExprError(
            p
              ? `Unexpected symbol: '${tokenText(p)}'. ${where(p)}`
              : `Unexpected end of expression: '${text}'`,
          );
        i++;
        const b = base;
        const key = p.value;
        base = () => property(b(), key);
      } else if (isOp('[')) {
        i++;
        const keyThunk = parseOr();
        expect(']');
        const b = base;
        base = () => property(b(), String(toText(keyThunk())));
      } else break;
    }
    return base;
  };

  try {
    const thunk = parseOr();
    if (i < tokens.length) {
      const t = tokens[i]!;
      throw new ExprError(`Unexpected symbol: '${tokenText(t)}'. ${where(t)}`);
    }
    return { ok: true, value: thunk() };
  } catch (e) {
    if (e instanceof ExprError) return { ok: false, error: e.message };
    throw e;
  }
}

function tokenText(t: Token): string {
  return t.kind === 'str' ? `'${t.value}'` : String(t.value);
}

function property(base: Value, key: string): Value {
  if (base === null || typeof base !== 'object') return null;
  // Property names are case-insensitive in GitHub's expressions.
  if (Object.hasOwn(base, key)) return base[key]!;
  const lower = key.toLowerCase();
  for (const k of Object.keys(base)) if (k.toLowerCase() === lower) return base[k]!;
  return null;
}

export function truthy(v: Value): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v !== '';
  return true;
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

function compare(op: string, a: Value, b: Value): boolean {
  if (op === '==' || op === '!=') {
    let eq: boolean;
    if (typeof a === 'string' && typeof b === 'string') eq = a.toLowerCase() === b.toLowerCase();
    else if (typeof a === 'object' || typeof b === 'object') eq = a === b;
    else eq = toNumber(a) === toNumber(b);
    return op === '==' ? eq : !eq;
  }
  const x = typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() : toNumber(a);
  const y = typeof a === 'string' && typeof b === 'string' ? b.toLowerCase() : toNumber(b);
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

/** How a value reads when interpolated into a string. */
export function toText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'Object';
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'];

function callFunction(
  name: string,
  args: (() => Value)[],
  ctx: ExpressionContext,
  at: Token,
  where: (t: Token) => string,
): () => Value {
  const lower = name.toLowerCase();
  const arity = (n: number) => {
    if (args.length !== n)
      throw new ExprError(
        `Function '${name}' requires ${n === 0 ? 'no' : n} argument${n === 1 ? '' : 's'}. ${where(at)}`,
      );
  };
  const status = ctx.status ?? { failed: false, cancelled: false };
  switch (lower) {
    case 'success':
      arity(0);
      return () => !status.failed && !status.cancelled;
    case 'failure':
      arity(0);
      return () => status.failed;
    case 'always':
      arity(0);
      return () => true;
    case 'cancelled':
      arity(0);
      return () => status.cancelled;
    case 'contains':
    case 'startswith':
    case 'endswith': {
      arity(2);
      const [a, b] = args as [() => Value, () => Value];
      return () => {
        const hay = toText(a()).toLowerCase();
        const needle = toText(b()).toLowerCase();
        if (lower === 'contains') return hay.includes(needle);
        if (lower === 'startswith') return hay.startsWith(needle);
        return hay.endsWith(needle);
      };
    }
    case 'format': {
      if (args.length < 1)
        throw new ExprError(`Function 'format' requires at least 1 argument. ${where(at)}`);
      const [fmt, ...rest] = args as [() => Value, ...(() => Value)[]];
      return () =>
        toText(fmt()).replace(/\{(\d+)\}/g, (m, n: string) => {
          const arg = rest[Number(n)];
          return arg ? toText(arg()) : m;
        });
    }
    default:
      throw new ExprError(`Unrecognized function: '${name}'. ${where(at)}`);
  }
}

/** Whether an `if:` uses a status function (else GitHub applies `success() && (…)`). */
export function usesStatusFunction(text: string): boolean {
  return new RegExp(`\\b(${STATUS_FUNCTIONS.join('|')})\\s*\\(`, 'i').test(text);
}

/** An `if:` value: `${{ x }}` or bare `x`. */
export function conditionText(raw: string): string {
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(raw);
  return (m ? m[1]! : raw).trim();
}

/** Evaluates an `if:` with GitHub's implicit `success() &&` when no status function is named. */
export function evaluateCondition(raw: string, ctx: ExpressionContext): EvalResult {
  const text = conditionText(raw);
  const full = usesStatusFunction(text) ? text : `success() && (${text})`;
  const r = evaluate(full, ctx);
  if (!r.ok) return { ok: false, error: r.error.replace(full, text) };
  return { ok: true, value: truthy(r.value) };
}

/** Replaces every `${{ … }}` in a string with its value as text. */
export function interpolate(text: string, ctx: ExpressionContext): EvalResult {
  let out = '';
  let i = 0;
  let blocks = 0;
  for (;;) {
    const start = text.indexOf('${{', i);
    if (start < 0) {
      out += text.slice(i);
      return { ok: true, value: out };
    }
    const end = text.indexOf('}}', start + 3);
    if (end < 0)
      return {
        ok: false,
        error: `Unexpected end of expression: '${text.slice(start, start + 80)}'`,
      };
    if (++blocks > EXPRESSION_LIMITS.maxBlocks)
      return {
        ok: false,
        error: `more than ${EXPRESSION_LIMITS.maxBlocks} expressions in one value`,
      };
    out += text.slice(i, start);
    const r = evaluate(text.slice(start + 3, end).trim(), ctx);
    if (!r.ok) return r;
    out += toText(r.value);
    i = end + 2;
  }
}

/** The named-values an expression reads (`steps`, `needs`…), for static checks. */
export function expressionsIn(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (let n = 0; n < EXPRESSION_LIMITS.maxBlocks + 1; n++) {
    const start = text.indexOf('${{', i);
    if (start < 0) break;
    const end = text.indexOf('}}', start + 3);
    if (end < 0) break;
    out.push(text.slice(start + 3, end).trim());
    i = end + 2;
  }
  return out;
}
