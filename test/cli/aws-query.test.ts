/**
 * `aws … --query`: JMESPath as the AWS CLI applies it. The language cases are the examples of
 * the JMESPath specification and tutorial (https://jmespath.org/specification.html,
 * https://jmespath.org/tutorial.html); the CLI cases are the filters the AWS CLI user guide
 * shows ("Filter output in the AWS CLI": `Reservations[].Instances[].InstanceId`, `[?…]`,
 * multi-select hashes with `--output table|text`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';
import {
  compileQuery,
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  runQuery,
} from '../../sandbox/cli/aws/query.ts';
import { ecsWorld } from './worlds.ts';

function search(expression: string, data: unknown): unknown {
  const query = compileQuery(expression);
  if (!query.ok) throw new Error(`${expression}: ${query.error}`);
  const result = runQuery(query, data);
  if (!result.ok) throw new Error(`${expression}: ${result.error}`);
  return result.value;
}

const PEOPLE = {
  people: [
    { first: 'James', last: 'd', age: 30 },
    { first: 'Jacob', last: 'e', age: 40 },
    { first: 'Jayden', last: 'f', age: 50 },
    { missing: 'different' },
  ],
  foo: { bar: 'baz' },
};

describe('JMESPath, as the specification gives it', () => {
  it.each<[string, unknown, unknown]>([
    ['a', { a: 'foo', b: 'bar' }, 'foo'],
    ['a.b.c.d', { a: { b: { c: { d: 'value' } } } }, 'value'],
    ['b', { a: 'foo' }, null],
    ['a.b', { a: 'foo' }, null],
    ['"with space"', { 'with space': 1 }, 1],
    ['[1]', ['a', 'b', 'c'], 'b'],
    ['[-1]', ['a', 'b', 'c'], 'c'],
    ['[5]', ['a', 'b', 'c'], null],
    ['[0:2]', [0, 1, 2, 3], [0, 1]],
    ['[::2]', [0, 1, 2, 3, 4], [0, 2, 4]],
    ['[::-1]', [0, 1, 2, 3], [3, 2, 1, 0]],
    ['[-2:]', [0, 1, 2, 3], [2, 3]],
    ['people[*].first', PEOPLE, ['James', 'Jacob', 'Jayden']],
    ['people[:2].first', PEOPLE, ['James', 'Jacob']],
    ['foo.*', PEOPLE, ['baz']],
    ['ops.*.numArgs', { ops: { a: { numArgs: 2 }, b: { numArgs: 3 }, c: {} } }, [2, 3]],
    ['reservations[].instances[].state', reservations(), ['running', 'stopped', 'terminated']],
    ['[]', [[0, 1], 2, [3], 4, [5, [6, 7]]], [0, 1, 2, 3, 4, 5, [6, 7]]],
    ['[][]', [[0, 1], 2, [3], 4, [5, [6, 7]]], [0, 1, 2, 3, 4, 5, 6, 7]],
    ['people[?age > `35`].first', PEOPLE, ['Jacob', 'Jayden']],
    ["people[?first == 'James'].age", PEOPLE, [30]],
    ['people[?!age]', PEOPLE, [{ missing: 'different' }]],
    ['people[?age >= `40` && age < `50`].first', PEOPLE, ['Jacob']],
    ['people[*].[first, age][0]', PEOPLE, ['James', 30]],
    ['people[0].{Name: first, Age: age}', PEOPLE, { Name: 'James', Age: 30 }],
    ['people[*].first | [0]', PEOPLE, 'James'],
    ['missing || foo.bar', PEOPLE, 'baz'],
    ['`[1, 2]`', null, [1, 2]],
    ["'raw \\'string'", null, "raw 'string"],
    ['length(people)', PEOPLE, 4],
    ['max_by(people[:3], &age).first', PEOPLE, 'Jayden'],
    ['sort_by(people[:3], &age)[-1].first', PEOPLE, 'Jayden'],
    ['sort(people[:3][].first)', PEOPLE, ['Jacob', 'James', 'Jayden']],
    ["join(', ', people[:3].first)", PEOPLE, 'James, Jacob, Jayden'],
    ["people[:3] | [?starts_with(first, 'Ja')] | length(@)", PEOPLE, 3],
    ['people[?age == `30`].first', PEOPLE, ['James']],
    ['people[?first == `James`].age', PEOPLE, [30]],
    ["contains(people[].first, 'Jacob')", PEOPLE, true],
    ['map(&age, people[:3])', PEOPLE, [30, 40, 50]],
    ['sum(people[].age)', PEOPLE, 120],
    ['avg(people[].age)', PEOPLE, 40],
    ['keys(foo)', PEOPLE, ['bar']],
    ['not_null(missing, foo.bar)', PEOPLE, 'baz'],
    ['to_number(`"12"`)', null, 12],
    ['type(people)', PEOPLE, 'array'],
    ['merge(`{"a": 1}`, `{"b": 2}`)', null, { a: 1, b: 2 }],
  ])('%s', (expression, data, expected) => {
    expect(search(expression, data)).toEqual(expected);
  });

  it('a projection stops at a pipe, so [0] after it indexes the projected list', () => {
    expect(search('people[*].first[0]', PEOPLE)).toEqual([]);
    expect(search('people[*].first | [0]', PEOPLE)).toBe('James');
  });
});

function reservations() {
  return {
    reservations: [
      { instances: [{ state: 'running' }, { state: 'stopped' }] },
      { instances: [{ state: 'terminated' }] },
    ],
  };
}

describe('JMESPath errors', () => {
  it('names the column and the token of a parse error, as jmespath.py does', () => {
    expect(compileQuery('Reservations[')).toEqual({
      ok: false,
      error:
        'Invalid jmespath expression: Incomplete expression:\n"Reservations["\n              ^',
    });
    expect(compileQuery('Reservations[].Instances[.InstanceId')).toEqual({
      ok: false,
      error:
        'Expecting: star, got: dot: Parse error at column 25, token "." (dot), for expression:\n"Reservations[].Instances[.InstanceId"\n                          ^',
    });
    expect(compileQuery('a b')).toEqual({
      ok: false,
      error:
        'Unexpected token: b: Parse error at column 2, token "b" (unquoted_identifier), for expression:\n"a b"\n   ^',
    });
    expect(compileQuery('a = b')).toEqual({
      ok: false,
      error: "Bad jmespath expression: Unknown token '=':\na = b\n  ^",
    });
    expect(compileQuery('[?a == `"b`]')).toEqual({
      ok: false,
      error: 'Bad jmespath expression: Bad token "b:\n[?a == `"b`]\n       ^',
    });
    expect(compileQuery('"unclosed')).toEqual({
      ok: false,
      error: 'Bad jmespath expression: Unclosed " delimiter:\n"unclosed\n^',
    });
  });

  it('refuses a wrong argument type or count when the query runs', () => {
    const query = compileQuery('length(`5`)');
    expect(query.ok).toBe(true);
    if (!query.ok) return;
    expect(runQuery(query, {})).toEqual({
      ok: false,
      error:
        "In function length(), invalid type for value: 5, expected one of: ['string', 'array', 'object'], received: \"number\"",
    });
    const arity = compileQuery('length(a, b)');
    if (!arity.ok) throw new Error(arity.error);
    expect(runQuery(arity, {})).toEqual({
      ok: false,
      error: 'Expected 1 argument for function length(), received 2',
    });
    const unknown = compileQuery('nope(a)');
    if (!unknown.ok) throw new Error(unknown.error);
    expect(runQuery(unknown, {})).toEqual({ ok: false, error: 'Unknown function: nope()' });
  });

  it('refuses an expression longer than the limit or nested deeper than the limit', () => {
    expect(compileQuery('a'.repeat(MAX_QUERY_LENGTH + 1))).toEqual({
      ok: false,
      error: `the expression is ${MAX_QUERY_LENGTH + 1} characters long; the sandbox takes at most ${MAX_QUERY_LENGTH}`,
    });
    const deep = compileQuery(
      `${'('.repeat(MAX_QUERY_DEPTH + 1)}a${')'.repeat(MAX_QUERY_DEPTH + 1)}`,
    );
    expect(deep.ok).toBe(false);
    if (!deep.ok)
      expect(deep.error).toMatch(/^Nested more than 40 levels deep: Parse error at column 40/);
    expect(search(`${'('.repeat(30)}a${')'.repeat(30)}`, { a: 1 })).toBe(1);
  });

  it('never throws on any expression or any data: it compiles or names what is wrong', () => {
    const alphabet = fc.constantFrom(
      ...'ab.*[]?{}():,|&!=<>@`\'"-0123 '.split(''),
      '[?',
      '||',
      '&&',
      '==',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.jsonValue(), (parts, data) => {
        const query = compileQuery(parts.join(''));
        if (!query.ok) {
          expect(query.error.length).toBeGreaterThan(0);
          return;
        }
        const result = runQuery(query, data);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('aws --query in the terminal', () => {
  const session: CliSession = { dockerContext: null };
  const world = ecsWorld();
  const run = (line: string) => runCommandLine(line, { world, files: {}, session }).output;

  it('filters a response as the CLI user guide shows, in every output format', () => {
    const all = JSON.parse(run('aws ec2 describe-instances').stdout) as {
      Reservations: { Instances: { InstanceId: string; State: { Name: string } }[] }[];
    };
    const ids = all.Reservations.flatMap((r) => r.Instances.map((i) => i.InstanceId));
    expect(ids.length).toBeGreaterThan(1);

    const json = run("aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId'");
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(ids);

    const text = run(
      "aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId' --output text",
    );
    expect(text.stdout).toBe(ids.join('\t'));

    const first = run(
      "aws ec2 describe-instances --output text --query 'Reservations[0].Instances[0].State.Name'",
    );
    expect(first.stdout).toBe(all.Reservations[0]?.Instances[0]?.State.Name);
  });

  it('prints a list of lists as the rows of a table', () => {
    const ids = (
      JSON.parse(
        run("aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId'").stdout,
      ) as string[]
    ).map((id) => `|  ${id}  |  running  |`);
    const table = run(
      "aws ec2 describe-instances --output table --query 'Reservations[].Instances[].[InstanceId, State.Name]'",
    );
    expect(table.stdout.split('\n')).toEqual([
      '-------------------------------------',
      '|         DescribeInstances         |',
      '+-----------------------+-----------+',
      ...ids,
      '+-----------------------+-----------+',
    ]);
  });

  it('takes a filter projection and a multi-select hash on an ECS answer', () => {
    const out = run(
      "aws ecs describe-services --cluster demo --services web --query 'services[?status==`ACTIVE`].{name: serviceName, running: runningCount}'",
    );
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([{ name: 'web', running: 2 }]);
  });

  it('prints null for a path that is not in the answer, as the CLI does', () => {
    const out = run("aws ecs list-services --cluster demo --query 'nothingHere'");
    expect(out).toMatchObject({ exitCode: 0, stdout: 'null' });
  });

  it('refuses a query that does not parse before the command runs, with exit 252', () => {
    const out = run("aws ecs run-task --cluster demo --task-definition web --query 'tasks['");
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toBe(
      '\nBad value for --query tasks[: Invalid jmespath expression: Incomplete expression:\n"tasks["\n       ^',
    );
  });

  it('reports a function given the wrong type with exit 255', () => {
    const out = run("aws ecs list-services --cluster demo --query 'abs(serviceArns)'");
    expect(out.exitCode).toBe(255);
    expect(out.stderr).toMatch(/^\nIn function abs\(\), invalid type for value: \["arn:aws:ecs:/);
  });
});
