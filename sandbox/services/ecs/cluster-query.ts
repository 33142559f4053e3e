/**
 * A practical subset of the ECS cluster query language (aws-facts.md §1.5), for
 * `memberOf` constraints:
 *   subjects   attribute:<name>, ec2InstanceId, agentConnected, runningTasksCount, registeredAt, task:group
 *   operators  == != > >= < <= =~ !~ in !in exists !exists
 *   boolean    and && or || not ! and parentheses
 * Parsing never throws: errors are values with the column where the expression went wrong.
 */
import { own } from '../../model/record.ts';
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import type { ContainerInstance, Result } from '../../model/types.ts';

export interface QueryContext {
  instance: ContainerInstance;
  /** Groups of live tasks on the instance (`service:web`, `family:web`). */
  groupsOnInstance: (instanceId: string) => ReadonlySet<string>;
}

export type Query = (ctx: QueryContext) => boolean;

interface Token {
  text: string;
  column: number;
}

const OPERATORS = ['==', '!=', '>=', '<=', '>', '<', '=~', '!~'];
const SUBJECT =
  /^(attribute:[A-Za-z0-9_.-]{1,128}|ec2InstanceId|agentConnected|agentVersion|registeredAt|runningTasksCount|task:group)$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ('()[],'.includes(ch)) {
      tokens.push({ text: ch, column: i + 1 });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (['==', '!=', '>=', '<=', '=~', '!~', '&&', '||'].includes(two)) {
      tokens.push({ text: two, column: i + 1 });
      i += 2;
      continue;
    }
    if (ch === '>' || ch === '<') {
      tokens.push({ text: ch, column: i + 1 });
      i++;
      continue;
    }
    if (ch === '!' && !text.slice(i).startsWith('!exists') && !text.slice(i).startsWith('!in')) {
      tokens.push({ text: '!', column: i + 1 });
      i++;
      continue;
    }
    const start = i;
    while (
      i < text.length &&
      !/\s/.test(text[i]!) &&
      !'()[],'.includes(text[i]!) &&
      !['==', '!=', '>=', '<=', '=~', '!~', '&&', '||'].includes(text.slice(i, i + 2))
    )
      i++;
    tokens.push({ text: text.slice(start, i), column: start + 1 });
  }
  return tokens;
}

export function parseQuery(expression: string): Result<Query, string> {
  if (expression.length > 2000)
    return { ok: false, error: 'expression is longer than 2000 characters' };
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string, at?: number): never => {
    const column = at ?? peek()?.column ?? expression.length + 1;
    throw new QueryError(`${message} at column ${column}`);
  };
  const expect = (text: string) => {
    if (peek()?.text !== text) fail(`expected '${text}'`);
    pos++;
  };

  function orExpr(depth: number): Query {
    if (depth > 50) fail('expression nests too deeply');
    let left = andExpr(depth);
    while (peek() && (peek()!.text === 'or' || peek()!.text === '||')) {
      pos++;
      const l = left;
      const r = andExpr(depth);
      left = (ctx) => l(ctx) || r(ctx);
    }
    return left;
  }
  function andExpr(depth: number): Query {
    let left = notExpr(depth);
    while (peek() && (peek()!.text === 'and' || peek()!.text === '&&')) {
      pos++;
      const l = left;
      const r = notExpr(depth);
      left = (ctx) => l(ctx) && r(ctx);
    }
    return left;
  }
  function notExpr(depth: number): Query {
    const t = peek();
    if (!t) return fail('expected a condition');
    if (t.text === 'not' || t.text === '!') {
      pos++;
      const inner = notExpr(depth + 1);
      return (ctx) => !inner(ctx);
    }
    if (t.text === '(') {
      pos++;
      const inner = orExpr(depth + 1);
      expect(')');
      return inner;
    }
    return comparison();
  }
  function value(): string {
    const t = peek();
    if (!t || '()[],'.includes(t.text)) fail('expected a value');
    pos++;
    return t!.text;
  }
  function comparison(): Query {
    const subjectToken = peek()!;
    if (!SUBJECT.test(subjectToken.text))
      fail(`unknown subject '${subjectToken.text.slice(0, 40)}'`);
    pos++;
    const subject = subjectToken.text;
    const opToken = peek();
    if (!opToken) return fail('expected an operator');
    const op = opToken.text;
    if (op === 'exists' || op === '!exists') {
      pos++;
      return (ctx) => (read(subject, ctx) !== null) === (op === 'exists');
    }
    if (op === 'in' || op === '!in') {
      pos++;
      expect('[');
      const values: string[] = [value()];
      while (peek()?.text === ',') {
        pos++;
        values.push(value());
      }
      expect(']');
      const set = new Set(values);
      if (subject === 'task:group') return (ctx) => groupMatchesAny(ctx, values) === (op === 'in');
      return (ctx) => set.has(read(subject, ctx) ?? '\u0000') === (op === 'in');
    }
    if (!OPERATORS.includes(op)) return fail(`unknown operator '${op.slice(0, 20)}'`);
    pos++;
    const valueColumn = peek()?.column;
    const v = value();
    if (subject === 'task:group') {
      if (op !== '==' && op !== '!=') fail('task:group supports only ==, !=, in and !in');
      return (ctx) => groupMatchesAny(ctx, [v]) === (op === '==');
    }
    if (op === '=~' || op === '!~') {
      if (v.length > 100) fail('pattern is longer than 100 characters', valueColumn);
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${v})$`);
      } catch {
        return fail(`invalid pattern '${v.slice(0, 40)}'`, valueColumn);
      }
      return (ctx) => {
        const actual = read(subject, ctx);
        return actual !== null && re.test(actual) === (op === '=~');
      };
    }
    if (op === '==' || op === '!=') return (ctx) => (read(subject, ctx) === v) === (op === '==');
    const n = Number(v);
    if (!Number.isFinite(n)) fail(`'${v.slice(0, 40)}' is not a number`, valueColumn);
    return (ctx) => {
      const actual = Number(read(subject, ctx));
      if (!Number.isFinite(actual)) return false;
      return op === '>'
        ? actual > n
        : op === '>='
          ? actual >= n
          : op === '<'
            ? actual < n
            : actual <= n;
    };
  }

  try {
    if (tokens.length === 0) return { ok: false, error: 'expression is empty' };
    const query = orExpr(0);
    if (pos < tokens.length) fail(`unexpected '${tokens[pos]!.text.slice(0, 40)}'`);
    return { ok: true, value: query };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message };
    throw error;
  }
}

class QueryError extends Error {}

function groupMatchesAny(ctx: QueryContext, values: string[]): boolean {
  const groups = ctx.groupsOnInstance(ctx.instance.id);
  for (const g of groups) {
    const bare = g.slice(g.indexOf(':') + 1);
    if (values.includes(g) || values.includes(bare)) return true;
  }
  return false;
}

/** The value of a subject for an instance, as a string, or null when it has none. */
export function read(subject: string, ctx: QueryContext): string | null {
  const i = ctx.instance;
  switch (subject) {
    case 'ec2InstanceId':
      return i.id;
    case 'agentConnected':
      return String(i.connected);
    case 'agentVersion':
      return '1.89.0';
    case 'registeredAt':
      return i.registeredAt !== null ? String(i.registeredAt) : null;
    case 'runningTasksCount':
      return String(i.runningCount);
  }
  return attribute(i, subject.slice('attribute:'.length));
}

export function attribute(i: ContainerInstance, name: string): string | null {
  switch (name) {
    case 'ecs.availability-zone':
      return i.az;
    case 'ecs.instance-type':
      return i.type;
    case 'ecs.os-type':
      return 'linux';
    case 'ecs.os-family':
      return 'LINUX';
    case 'ecs.cpu-architecture':
      return own(INSTANCE_TYPES, i.type)?.architecture ?? 'x86_64';
    case 'ecs.ami-id':
      return own(INSTANCE_TYPES, i.type)?.architecture === 'arm64'
        ? 'ami-0a5b3c8e1f2d4a6b7'
        : 'ami-0c1d2e3f4a5b6c7d8';
    case 'ecs.vpc-id':
      return 'vpc-0a1b2c3d4e5f60718';
    case 'ecs.subnet-id':
      return `subnet-0${i.az.slice(-1)}1b2c3d4e5f6071`;
  }
  return null;
}
