/**
 * `--query`: JMESPath (https://jmespath.org/specification.html), the language the AWS CLI uses
 * to filter its output on the client side. The whole grammar — sub-expressions, index and slice
 * expressions, list, object, flatten and filter projections, multi-select lists and hashes,
 * pipes, `||` `&&` `!`, comparisons, literals, raw strings, `@`, `&expression` — and the built-in
 * functions. A top-down operator-precedence parser, with jmespath.py's binding powers.
 *
 * Errors are values: `compileQuery` returns the parse error with its column, in jmespath.py's
 * words, which the CLI prints after `Bad value for --query <expr>: `. Limits keep a hostile
 * expression from taking the page down: 1,000 characters and 40 levels of nesting.
 */

export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_DEPTH = 40;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Node =
  | { type: 'field'; name: string }
  | { type: 'current' }
  | { type: 'literal'; value: Json }
  | { type: 'sub'; left: Node; right: Node }
  | { type: 'pipe'; left: Node; right: Node }
  | { type: 'index'; index: number }
  | { type: 'slice'; start: number | null; stop: number | null; step: number | null }
  | { type: 'indexExpr'; left: Node; right: Node }
  | { type: 'projection'; left: Node; right: Node }
  | { type: 'valueProjection'; left: Node; right: Node }
  | { type: 'filter'; left: Node; right: Node; condition: Node }
  | { type: 'flatten'; child: Node }
  | { type: 'or' | 'and'; left: Node; right: Node }
  | { type: 'not'; child: Node }
  | { type: 'compare'; op: Comparator; left: Node; right: Node }
  | { type: 'list'; items: Node[] }
  | { type: 'hash'; pairs: { key: string; value: Node }[] }
  | { type: 'function'; name: string; args: Node[] }
  | { type: 'expref'; child: Node };

type Comparator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

type TokenType =
  | 'unquoted_identifier'
  | 'quoted_identifier'
  | 'literal'
  | 'number'
  | 'dot'
  | 'star'
  | 'flatten'
  | 'filter'
  | 'lbracket'
  | 'rbracket'
  | 'lbrace'
  | 'rbrace'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'colon'
  | 'pipe'
  | 'or'
  | 'and'
  | 'not'
  | Comparator
  | 'current'
  | 'expref'
  | 'eof';

interface Token {
  type: TokenType;
  value: string | number | Json;
  /** Column of the token's first character, from 0. */
  start: number;
}

/** jmespath.py's binding powers: how tightly each token holds the expression to its left. */
const BINDING_POWER: Record<TokenType, number> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  ne: 5,
  lt: 5,
  lte: 5,
  gt: 5,
  gte: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};

/** Projections stop at tokens that bind less than this (jmespath.py's `_PROJECTION_STOP`). */
const PROJECTION_STOP = 10;

export class QueryError extends Error {}

export type CompiledQuery = { ok: true; node: Node } | { ok: false; error: string };

export function compileQuery(expression: string): CompiledQuery {
  if (expression.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      error: `the expression is ${expression.length} characters long; the sandbox takes at most ${MAX_QUERY_LENGTH}`,
    };
  }
  try {
    const tokens = tokenize(expression);
    return { ok: true, node: new Parser(expression, tokens).parse() };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: e.message };
    throw e;
  }
}

export type QueryResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Applies a compiled query to a response. A wrong type given to a function is an error. */
export function runQuery(query: CompiledQuery & { ok: true }, value: unknown): QueryResult {
  try {
    return { ok: true, value: visit(query.node, toJson(value)) };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Responses are plain data; `undefined` members are absent, as in the JSON the CLI receives. */
function toJson(value: unknown): Json {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value) ?? 'null') as Json;
}

// ---------------------------------------------------------------------------------------------
// Lexer

const SIMPLE: Record<string, TokenType> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};

function lexError(expression: string, position: number, message: string): QueryError {
  return new QueryError(
    `Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`,
  );
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = expression.length;
  while (i < n) {
    const c = expression[i] as string;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
    } else if (c in SIMPLE) {
      tokens.push({ type: SIMPLE[c] as TokenType, value: c, start });
      i += 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(expression[j] as string)) j += 1;
      tokens.push({ type: 'unquoted_identifier', value: expression.slice(i, j), start });
      i = j;
    } else if (c === '[') {
      const next = expression[i + 1];
      if (next === ']') {
        tokens.push({ type: 'flatten', value: '[]', start });
        i += 2;
      } else if (next === '?') {
        tokens.push({ type: 'filter', value: '[?', start });
        i += 2;
      } else {
        tokens.push({ type: 'lbracket', value: '[', start });
        i += 1;
      }
    } else if (c === '-' || /[0-9]/.test(c)) {
      let j = c === '-' ? i + 1 : i;
      if (!/[0-9]/.test(expression[j] ?? '')) throw lexError(expression, i, "Unknown token '-'");
      while (j < n && /[0-9]/.test(expression[j] as string)) j += 1;
      tokens.push({ type: 'number', value: Number(expression.slice(i, j)), start });
      i = j;
    } else if (c === '"') {
      const end = closing(expression, i, '"');
      const raw = expression.slice(i, end + 1);
      let name: unknown;
      try {
        name = JSON.parse(raw);
      } catch {
        throw lexError(expression, start, `Invalid quoted identifier: ${raw}`);
      }
      tokens.push({ type: 'quoted_identifier', value: name as string, start });
      i = end + 1;
    } else if (c === "'") {
      const end = closing(expression, i, "'");
      const text = expression.slice(i + 1, end).replace(/\\'/g, "'");
      tokens.push({ type: 'literal', value: text, start });
      i = end + 1;
    } else if (c === '`') {
      const end = closing(expression, i, '`');
      const text = expression.slice(i + 1, end).replace(/\\`/g, '`');
      let value: Json;
      try {
        value = JSON.parse(text) as Json;
      } catch {
        // jmespath.py still reads `running` as the string "running" (JEP-12's deprecated form,
        // which many CLI examples use).
        try {
          value = JSON.parse(`"${text.trimStart()}"`) as Json;
        } catch {
          throw lexError(expression, start, `Bad token ${text}`);
        }
      }
      tokens.push({ type: 'literal', value, start });
      i = end + 1;
    } else if (c === '|') {
      const double = expression[i + 1] === '|';
      tokens.push({ type: double ? 'or' : 'pipe', value: double ? '||' : '|', start });
      i += double ? 2 : 1;
    } else if (c === '&') {
      const double = expression[i + 1] === '&';
      tokens.push({ type: double ? 'and' : 'expref', value: double ? '&&' : '&', start });
      i += double ? 2 : 1;
    } else if (c === '!') {
      const eq = expression[i + 1] === '=';
      tokens.push({ type: eq ? 'ne' : 'not', value: eq ? '!=' : '!', start });
      i += eq ? 2 : 1;
    } else if (c === '<' || c === '>') {
      const eq = expression[i + 1] === '=';
      const base = c === '<' ? 'lt' : 'gt';
      tokens.push({ type: eq ? `${base}e` : base, value: eq ? `${c}=` : c, start });
      i += eq ? 2 : 1;
    } else if (c === '=') {
      if (expression[i + 1] !== '=') throw lexError(expression, i, "Unknown token '='");
      tokens.push({ type: 'eq', value: '==', start });
      i += 2;
    } else {
      throw lexError(expression, i, `Unknown token '${c}'`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: n });
  return tokens;
}

/** The index of the quote that closes the one at `from`, skipping backslash escapes. */
function closing(expression: string, from: number, quote: string): number {
  let j = from + 1;
  while (j < expression.length) {
    const ch = expression[j];
    if (ch === '\\') j += 2;
    else if (ch === quote) return j;
    else j += 1;
  }
  throw lexError(expression, from, `Unclosed ${quote} delimiter`);
}

// ---------------------------------------------------------------------------------------------
// Parser

const IDENTITY: Node = { type: 'current' };

class Parser {
  private index = 0;
  private depth = 0;
  private readonly expression: string;
  private readonly tokens: Token[];

  constructor(expression: string, tokens: Token[]) {
    this.expression = expression;
    this.tokens = tokens;
  }

  parse(): Node {
    const node = this.expression0(0);
    const rest = this.peek();
    if (rest.type !== 'eof') this.fail(rest, `Unexpected token: ${String(rest.value)}`);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private advance(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  private match(type: TokenType): void {
    const token = this.peek();
    if (token.type !== type) this.fail(token, `Expecting: ${type}, got: ${token.type}`);
    this.advance();
  }

  /** jmespath.py's ParseError, or its IncompleteExpressionError when the input ran out. */
  private fail(token: Token, message: string): never {
    if (token.type === 'eof') {
      throw new QueryError(
        `Invalid jmespath expression: Incomplete expression:\n"${this.expression}"\n${' '.repeat(this.expression.length + 1)}^`,
      );
    }
    throw new QueryError(
      `${message}: Parse error at column ${token.start}, token "${String(token.value)}" (${token.type}), for expression:\n"${this.expression}"\n${' '.repeat(token.start + 1)}^`,
    );
  }

  private expression0(rbp: number): Node {
    this.depth += 1;
    if (this.depth > MAX_QUERY_DEPTH) {
      this.fail(this.peek(), `Nested more than ${MAX_QUERY_DEPTH} levels deep`);
    }
    let left = this.nud(this.advance());
    while (rbp < BINDING_POWER[this.peek().type]) left = this.led(this.advance(), left);
    this.depth -= 1;
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return { type: 'literal', value: token.value as Json };
      case 'unquoted_identifier':
        return { type: 'field', name: token.value as string };
      case 'quoted_identifier':
        if (this.peek().type === 'lparen') {
          this.fail(this.peek(), 'Quoted identifier not allowed for function names');
        }
        return { type: 'field', name: token.value as string };
      case 'not':
        return { type: 'not', child: this.expression0(BINDING_POWER.not) };
      case 'star': {
        const right =
          this.peek().type === 'rbracket' ? IDENTITY : this.projectionRhs(BINDING_POWER.star);
        return { type: 'valueProjection', left: IDENTITY, right };
      }
      case 'filter':
        return this.led(token, IDENTITY);
      case 'lbrace':
        return this.hash();
      case 'flatten':
        return {
          type: 'projection',
          left: { type: 'flatten', child: IDENTITY },
          right: this.projectionRhs(BINDING_POWER.flatten),
        };
      case 'lbracket': {
        const next = this.peek().type;
        if (next === 'number' || next === 'colon') {
          return this.projectIfSlice(IDENTITY, this.indexExpression());
        }
        if (next === 'star' && this.peek(1).type === 'rbracket') {
          this.advance();
          this.advance();
          return {
            type: 'projection',
            left: IDENTITY,
            right: this.projectionRhs(BINDING_POWER.star),
          };
        }
        return this.list();
      }
      case 'current':
        return IDENTITY;
      case 'expref':
        return { type: 'expref', child: this.expression0(BINDING_POWER.expref) };
      case 'lparen': {
        const inner = this.expression0(0);
        this.match('rparen');
        return inner;
      }
      default:
        return this.fail(token, 'invalid token');
    }
  }

  private led(token: Token, left: Node): Node {
    switch (token.type) {
      case 'dot': {
        if (this.peek().type !== 'star') {
          return { type: 'sub', left, right: this.dotRhs(BINDING_POWER.dot) };
        }
        this.advance();
        return {
          type: 'valueProjection',
          left,
          right: this.projectionRhs(BINDING_POWER.dot),
        };
      }
      case 'pipe':
        return { type: 'pipe', left, right: this.expression0(BINDING_POWER.pipe) };
      case 'or':
        return { type: 'or', left, right: this.expression0(BINDING_POWER.or) };
      case 'and':
        return { type: 'and', left, right: this.expression0(BINDING_POWER.and) };
      case 'lparen': {
        if (left.type !== 'field') this.fail(token, 'Invalid function name');
        const args: Node[] = [];
        while (this.peek().type !== 'rparen') {
          args.push(this.expression0(0));
          if (this.peek().type === 'comma') this.match('comma');
          else if (this.peek().type !== 'rparen') this.match('comma');
        }
        this.match('rparen');
        return { type: 'function', name: left.name, args };
      }
      case 'filter': {
        const condition = this.expression0(0);
        this.match('rbracket');
        const right =
          this.peek().type === 'flatten' ? IDENTITY : this.projectionRhs(BINDING_POWER.filter);
        return { type: 'filter', left, right, condition };
      }
      case 'flatten':
        return {
          type: 'projection',
          left: { type: 'flatten', child: left },
          right: this.projectionRhs(BINDING_POWER.flatten),
        };
      case 'eq':
      case 'ne':
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        return {
          type: 'compare',
          op: token.type,
          left,
          right: this.expression0(BINDING_POWER[token.type]),
        };
      case 'lbracket': {
        const next = this.peek().type;
        if (next === 'number' || next === 'colon') {
          return this.projectIfSlice(left, this.indexExpression());
        }
        this.match('star');
        this.match('rbracket');
        return { type: 'projection', left, right: this.projectionRhs(BINDING_POWER.star) };
      }
      default:
        return this.fail(token, 'invalid token');
    }
  }

  private indexExpression(): Node {
    if (this.peek().type === 'colon' || this.peek(1).type === 'colon') return this.slice();
    const token = this.advance();
    this.match('rbracket');
    return { type: 'index', index: token.value as number };
  }

  private slice(): Node {
    const parts: (number | null)[] = [null, null, null];
    let position = 0;
    while (this.peek().type !== 'rbracket' && position < 3) {
      const token = this.peek();
      if (token.type === 'colon') {
        position += 1;
        this.advance();
      } else if (token.type === 'number') {
        parts[position] = token.value as number;
        this.advance();
      } else {
        this.fail(token, 'syntax error');
      }
    }
    this.match('rbracket');
    const [start, stop, step] = parts as [number | null, number | null, number | null];
    return { type: 'slice', start, stop, step };
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexed: Node = { type: 'indexExpr', left, right };
    if (right.type !== 'slice') return indexed;
    return {
      type: 'projection',
      left: indexed,
      right: this.projectionRhs(BINDING_POWER.star),
    };
  }

  private dotRhs(rbp: number): Node {
    const next = this.peek().type;
    if (next === 'unquoted_identifier' || next === 'quoted_identifier' || next === 'star') {
      return this.expression0(rbp);
    }
    if (next === 'lbracket') {
      this.advance();
      return this.list();
    }
    if (next === 'lbrace') {
      this.advance();
      return this.hash();
    }
    const allowed = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";
    return this.fail(this.peek(), `Expecting: ${allowed}, got: ${this.peek().type}`);
  }

  private projectionRhs(rbp: number): Node {
    const next = this.peek().type;
    if (BINDING_POWER[next] < PROJECTION_STOP) return IDENTITY;
    if (next === 'lbracket' || next === 'filter') return this.expression0(rbp);
    if (next === 'dot') {
      this.advance();
      return this.dotRhs(rbp);
    }
    return this.fail(this.peek(), 'syntax error');
  }

  private list(): Node {
    const items: Node[] = [];
    for (;;) {
      items.push(this.expression0(0));
      if (this.peek().type === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return { type: 'list', items };
  }

  private hash(): Node {
    const pairs: { key: string; value: Node }[] = [];
    for (;;) {
      const key = this.advance();
      if (key.type !== 'unquoted_identifier' && key.type !== 'quoted_identifier') {
        this.fail(key, `Expecting: ['quoted_identifier', 'unquoted_identifier'], got: ${key.type}`);
      }
      this.match('colon');
      pairs.push({ key: key.value as string, value: this.expression0(0) });
      if (this.peek().type === 'rbrace') break;
      this.match('comma');
    }
    this.match('rbrace');
    return { type: 'hash', pairs };
  }
}

// ---------------------------------------------------------------------------------------------
// Interpreter

interface ExprRef {
  readonly expref: Node;
}
type Value = Json | ExprRef;

function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('expref' in v);
}

function isFalse(v: Value): boolean {
  return (
    v === null ||
    v === false ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (isObject(v) && Object.keys(v).length === 0)
  );
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equal(x, b[i] as Json));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => Object.hasOwn(b, k) && equal(a[k] as Json, b[k] as Json))
    );
  }
  return false;
}

function project(base: Json[], right: Node): Json[] {
  const out: Json[] = [];
  for (const item of base) {
    const v = visit(right, item);
    if (v !== null) out.push(v);
  }
  return out;
}

function visit(node: Node, value: Json): Json {
  switch (node.type) {
    case 'field':
      return isObject(value) && Object.hasOwn(value, node.name) ? (value[node.name] as Json) : null;
    case 'current':
      return value;
    case 'literal':
      return node.value;
    case 'sub':
    case 'indexExpr':
    case 'pipe':
      return visit(node.right, visit(node.left, value));
    case 'index': {
      if (!Array.isArray(value)) return null;
      const i = node.index < 0 ? value.length + node.index : node.index;
      return i >= 0 && i < value.length ? (value[i] as Json) : null;
    }
    case 'slice':
      return Array.isArray(value) ? slice(value, node) : null;
    case 'projection': {
      const base = visit(node.left, value);
      return Array.isArray(base) ? project(base, node.right) : null;
    }
    case 'valueProjection': {
      const base = visit(node.left, value);
      return isObject(base) ? project(Object.values(base), node.right) : null;
    }
    case 'filter': {
      const base = visit(node.left, value);
      if (!Array.isArray(base)) return null;
      return project(
        base.filter((item) => !isFalse(visit(node.condition, item))),
        node.right,
      );
    }
    case 'flatten': {
      const base = visit(node.child, value);
      if (!Array.isArray(base)) return null;
      return base.flatMap((item) => (Array.isArray(item) ? item : [item]));
    }
    case 'or': {
      const left = visit(node.left, value);
      return isFalse(left) ? visit(node.right, value) : left;
    }
    case 'and': {
      const left = visit(node.left, value);
      return isFalse(left) ? left : visit(node.right, value);
    }
    case 'not':
      return isFalse(visit(node.child, value));
    case 'compare': {
      const a = visit(node.left, value);
      const b = visit(node.right, value);
      if (node.op === 'eq') return equal(a, b);
      if (node.op === 'ne') return !equal(a, b);
      if (typeof a !== 'number' || typeof b !== 'number') return null;
      if (node.op === 'lt') return a < b;
      if (node.op === 'lte') return a <= b;
      if (node.op === 'gt') return a > b;
      return a >= b;
    }
    case 'list':
      return value === null ? null : node.items.map((item) => visit(item, value));
    case 'hash': {
      if (value === null) return null;
      const out: { [key: string]: Json } = {};
      for (const pair of node.pairs) out[pair.key] = visit(pair.value, value);
      return out;
    }
    case 'function': {
      const args: Value[] = node.args.map((arg) =>
        arg.type === 'expref' ? { expref: arg.child } : visit(arg, value),
      );
      return callFunction(node.name, args);
    }
    case 'expref':
      // Only a function's argument may be an expression reference.
      throw new QueryError('an expression reference (&…) may only be a function argument');
  }
}

function slice(
  value: Json[],
  node: { start: number | null; stop: number | null; step: number | null },
): Json[] {
  const step = node.step ?? 1;
  if (step === 0) throw new QueryError('Invalid slice expression: step cannot be 0');
  const length = value.length;
  const clamp = (n: number, forward: boolean): number => {
    if (n < 0) {
      const v = n + length;
      return v < 0 ? (forward ? 0 : -1) : v;
    }
    return n >= length ? (forward ? length : length - 1) : n;
  };
  const forward = step > 0;
  const start = node.start === null ? (forward ? 0 : length - 1) : clamp(node.start, forward);
  const stop = node.stop === null ? (forward ? length : -1) : clamp(node.stop, forward);
  const out: Json[] = [];
  if (forward) for (let i = start; i < stop; i += step) out.push(value[i] as Json);
  else for (let i = start; i > stop; i += step) out.push(value[i] as Json);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Functions

type ArgType = 'any' | 'number' | 'string' | 'array' | 'object' | 'boolean' | 'expref' | 'null';

function typeName(v: Value): ArgType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'expref' in v ? 'expref' : 'object';
  return typeof v as 'number' | 'string' | 'boolean';
}

/** jmespath.py's type names (`array-number` and friends are checked per element). */
function accepts(type: string, v: Value): boolean {
  if (type === 'any') return typeName(v) !== 'expref';
  if (type === 'array-number' || type === 'array-string') {
    const element = type.slice(6);
    return Array.isArray(v) && v.every((x) => typeName(x) === element);
  }
  return typeName(v) === type;
}

function describe(v: Value): string {
  return typeName(v) === 'expref' ? 'expref' : JSON.stringify(v);
}

const SIGNATURES: Record<string, (string[] | { variadic: string[] })[]> = {
  abs: [['number']],
  avg: [['array-number']],
  ceil: [['number']],
  contains: [['array', 'string'], ['any']],
  ends_with: [['string'], ['string']],
  floor: [['number']],
  join: [['string'], ['array-string']],
  keys: [['object']],
  length: [['string', 'array', 'object']],
  map: [['expref'], ['array']],
  max: [['array-number', 'array-string']],
  max_by: [['array'], ['expref']],
  merge: [{ variadic: ['object'] }],
  min: [['array-number', 'array-string']],
  min_by: [['array'], ['expref']],
  not_null: [{ variadic: ['any'] }],
  reverse: [['array', 'string']],
  sort: [['array-number', 'array-string']],
  sort_by: [['array'], ['expref']],
  starts_with: [['string'], ['string']],
  sum: [['array-number']],
  to_array: [['any']],
  to_number: [['any']],
  to_string: [['any']],
  type: [['any']],
  values: [['object']],
};

function checkArgs(name: string, args: Value[]): void {
  const signature = SIGNATURES[name];
  if (!signature) throw new QueryError(`Unknown function: ${name}()`);
  const last = signature[signature.length - 1];
  const variadic = last !== undefined && !Array.isArray(last);
  const fixed = variadic ? signature.length - 1 : signature.length;
  if (variadic ? args.length < signature.length : args.length !== fixed) {
    const expected = variadic ? `at least ${signature.length}` : `${fixed}`;
    throw new QueryError(
      `Expected ${expected} argument${fixed === 1 && !variadic ? '' : 's'} for function ${name}(), received ${args.length}`,
    );
  }
  args.forEach((arg, i) => {
    const spec = signature[Math.min(i, signature.length - 1)] as string[] | { variadic: string[] };
    const types = Array.isArray(spec) ? spec : spec.variadic;
    if (!types.some((t) => accepts(t, arg))) {
      throw new QueryError(
        `In function ${name}(), invalid type for value: ${describe(arg)}, expected one of: [${types.map((t) => `'${t}'`).join(', ')}], received: "${typeName(arg)}"`,
      );
    }
  });
}

function byKey(name: string, items: Json[], ref: ExprRef): { item: Json; key: number | string }[] {
  const keyed = items.map((item) => ({ item, key: visit(ref.expref, item) }));
  const kinds = new Set(keyed.map((k) => typeof k.key));
  const allNumbers = kinds.size === 1 && kinds.has('number');
  const allStrings = kinds.size === 1 && kinds.has('string');
  if (keyed.length > 0 && !allNumbers && !allStrings) {
    const bad = keyed.find((k) => typeof k.key !== 'number' && typeof k.key !== 'string');
    throw new QueryError(
      `In function ${name}(), invalid type for value: ${JSON.stringify(bad?.key ?? keyed[0]?.key ?? null)}, expected one of: ['number', 'string'], received: "${typeName(bad?.key ?? null)}"`,
    );
  }
  return keyed as { item: Json; key: number | string }[];
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function callFunction(name: string, args: Value[]): Json {
  checkArgs(name, args);
  const [a, b] = args;
  switch (name) {
    case 'abs':
      return Math.abs(a as number);
    case 'avg': {
      const xs = a as number[];
      return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
    }
    case 'ceil':
      return Math.ceil(a as number);
    case 'floor':
      return Math.floor(a as number);
    case 'contains':
      return typeof a === 'string'
        ? typeof b === 'string' && a.includes(b)
        : (a as Json[]).some((x) => equal(x, b as Json));
    case 'ends_with':
      return (a as string).endsWith(b as string);
    case 'starts_with':
      return (a as string).startsWith(b as string);
    case 'join':
      return (b as string[]).join(a as string);
    case 'keys':
      return Object.keys(a as object);
    case 'values':
      return Object.values(a as { [key: string]: Json });
    case 'length':
      return typeof a === 'string'
        ? [...a].length
        : Array.isArray(a)
          ? a.length
          : Object.keys(a as object).length;
    case 'map':
      return (b as Json[]).map((item) => visit((a as ExprRef).expref, item));
    case 'max':
    case 'min': {
      const xs = a as (number | string)[];
      if (xs.length === 0) return null;
      return xs.reduce((best, x) =>
        (name === 'max' ? compare(x, best) > 0 : compare(x, best) < 0) ? x : best,
      );
    }
    case 'max_by':
    case 'min_by': {
      const keyed = byKey(name, a as Json[], b as ExprRef);
      if (keyed.length === 0) return null;
      return keyed.reduce((best, k) =>
        (name === 'max_by' ? compare(k.key, best.key) > 0 : compare(k.key, best.key) < 0)
          ? k
          : best,
      ).item;
    }
    case 'merge':
      return Object.assign({}, ...(args as object[])) as Json;
    case 'not_null':
      return (args.find((x) => x !== null) as Json | undefined) ?? null;
    case 'reverse':
      return typeof a === 'string' ? [...a].reverse().join('') : [...(a as Json[])].reverse();
    case 'sort':
      return [...(a as (number | string)[])].sort(compare);
    case 'sort_by':
      // Array.prototype.sort is stable, as the specification asks.
      return byKey(name, a as Json[], b as ExprRef)
        .sort((x, y) => compare(x.key, y.key))
        .map((k) => k.item);
    case 'sum':
      return (a as number[]).reduce((s, x) => s + x, 0);
    case 'to_array':
      return Array.isArray(a) ? a : [a as Json];
    case 'to_number': {
      if (typeof a === 'number') return a;
      if (typeof a !== 'string' || !/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(a)) {
        return null;
      }
      return Number(a);
    }
    case 'to_string':
      return typeof a === 'string' ? a : JSON.stringify(a);
    case 'type':
      return typeName(a as Json);
  }
  throw new QueryError(`Unknown function: ${name}()`);
}
