import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAwsParams, splitAwsLine, type FlagSpec } from '../../sandbox/cli/aws/args.ts';
import { parseCommandFile } from '../../sandbox/cli/command-file.ts';
import { parseShorthand, parseStructure } from '../../sandbox/cli/shorthand.ts';
import { quoteWord, tokenize } from '../../sandbox/cli/tokenize.ts';

describe('tokenize', () => {
  it.each([
    ['aws ecs list-tasks', ['aws', 'ecs', 'list-tasks']],
    ['  spaced   out\twords  ', ['spaced', 'out', 'words']],
    [`--cli-input-json '{"family": "web"}'`, ['--cli-input-json', '{"family": "web"}']],
    [`say "a \\"quoted\\" word"`, ['say', 'a "quoted" word']],
    [`"double \\\\ backslash"`, ['double \\ backslash']],
    [`"keeps \\n literally"`, ['keeps \\n literally']],
    [`one\\ word`, ['one word']],
    [`'single \\ keeps backslash'`, ['single \\ keeps backslash']],
    [`--name=a'b c'd`, ['--name=ab cd']],
    [`''`, ['']],
    [`""`, ['']],
    ['', []],
    [
      'aws ecs describe-services --services web   # newest event first',
      ['aws', 'ecs', 'describe-services', '--services', 'web'],
    ],
    ['# only a comment', []],
    [`tag=a#b '#quoted' "#too" \\#escaped`, ['tag=a#b', '#quoted', '#too', '#escaped']],
  ])('%s', (line, tokens) => {
    expect(tokenize(line)).toEqual({ ok: true, tokens });
  });

  it.each([
    [`echo 'open`, "unexpected end of line: unterminated single quote (')"],
    [`echo "open`, 'unexpected end of line: unterminated double quote (")'],
    [`trailing\\`, 'unexpected end of line after a backslash (\\)'],
  ])('refuses %s', (line, error) => {
    expect(tokenize(line)).toEqual({ ok: false, error });
  });

  it('never throws, and quoteWord round-trips every word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = tokenize(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (words) => {
          expect(tokenize(words.map(quoteWord).join(' '))).toEqual({ ok: true, tokens: words });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('shorthand', () => {
  it.each([
    ['AvailabilityZone=eu-west-3a', { AvailabilityZone: 'eu-west-3a' }],
    [
      'type=spread,field=attribute:ecs.availability-zone',
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
    ],
    [
      'maximumPercent=200,minimumHealthyPercent=50',
      { maximumPercent: '200', minimumHealthyPercent: '50' },
    ],
    [
      'subnets=[subnet-1,subnet-2],assignPublicIp=ENABLED',
      { subnets: ['subnet-1', 'subnet-2'], assignPublicIp: 'ENABLED' },
    ],
    ['Key=a,b', { Key: ['a', 'b'] }],
    ['Empty=', { Empty: '' }],
  ])('%s', (text, value) => {
    expect(parseShorthand(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['novalue', "Expected: '=', received: 'e' for input: novalue"],
    ['=x', "Expected a key name before '=' for input: =x"],
    ['k=[a,b', "Expected: ']' for input: k=[a,b"],
  ])('refuses %s', (text, error) => {
    expect(parseShorthand(text)).toEqual({ ok: false, error });
  });

  it('reads JSON where shorthand is accepted', () => {
    expect(parseStructure('[{"type":"binpack","field":"memory"}]')).toEqual({
      ok: true,
      value: [{ type: 'binpack', field: 'memory' }],
    });
    expect(parseStructure('{"a": 1')).toMatchObject({ ok: false });
  });
});

const FLAGS: FlagSpec[] = [
  { name: 'cluster', type: 'string', help: '' },
  { name: 'service', type: 'string', required: true, help: '' },
  { name: 'desired-count', type: 'integer', help: '' },
  { name: 'launch-type', type: 'string', choices: ['EC2', 'FARGATE'], help: '' },
  { name: 'force-new-deployment', type: 'boolean', help: '' },
  { name: 'instance-ids', type: 'list', help: '' },
  { name: 'deployment-configuration', type: 'structure', help: '' },
  { name: 'placement-strategy', type: 'structure-list', help: '' },
];

describe('AWS parameters', () => {
  it.each([
    ['--service web', { service: 'web' }],
    ['--service=web --desired-count=6', { service: 'web', 'desired-count': 6 }],
    [
      '--service web --desired-count 6 --cluster demo',
      { service: 'web', 'desired-count': 6, cluster: 'demo' },
    ],
    ['--service web --force-new-deployment', { service: 'web', 'force-new-deployment': true }],
    ['--service web --no-force-new-deployment', { service: 'web', 'force-new-deployment': false }],
    [
      '--service web --instance-ids i-1 i-2 i-3',
      { service: 'web', 'instance-ids': ['i-1', 'i-2', 'i-3'] },
    ],
    [
      `--service web --instance-ids '["i-1","i-2"]'`,
      { service: 'web', 'instance-ids': ['i-1', 'i-2'] },
    ],
    [
      '--service web --deployment-configuration maximumPercent=200,minimumHealthyPercent=50',
      {
        service: 'web',
        'deployment-configuration': { maximumPercent: '200', minimumHealthyPercent: '50' },
      },
    ],
    [
      '--service web --placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory',
      {
        service: 'web',
        'placement-strategy': [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'memory' },
        ],
      },
    ],
    [
      `--service web --placement-strategy '[{"type":"random"}]'`,
      { service: 'web', 'placement-strategy': [{ type: 'random' }] },
    ],
    ['--service web --desired-count -1', { service: 'web', 'desired-count': -1 }],
  ])('%s', (line, args) => {
    const tokens = (tokenize(line) as { tokens: string[] }).tokens;
    expect(parseAwsParams(tokens, FLAGS)).toEqual({ ok: true, args });
  });

  it.each([
    ['', 'usage', 'aws: error: the following arguments are required: --service'],
    ['--cluster demo', 'usage', 'aws: error: the following arguments are required: --service'],
    ['--service web --foo', 'unknown', 'Unknown options: --foo'],
    ['--service web --foo bar baz', 'unknown', 'Unknown options: --foo, bar, baz'],
    ['--service web stray', 'unknown', 'Unknown options: stray'],
    ['--service', 'usage', 'aws: error: argument --service: expected one argument'],
    [
      '--service web --desired-count',
      'usage',
      'aws: error: argument --desired-count: expected one argument',
    ],
    [
      '--service web --desired-count six',
      'param',
      "Error parsing parameter '--desired-count': invalid literal for int() with base 10: 'six'",
    ],
    [
      '--service web --desired-count 1.5',
      'param',
      "Error parsing parameter '--desired-count': invalid literal for int() with base 10: '1.5'",
    ],
    [
      '--service web --launch-type SPOT',
      'param',
      "An error occurred (InvalidParameterException): Invalid value 'SPOT' for --launch-type; valid values: EC2, FARGATE",
    ],
    [
      '--service web --force-new-deployment=yes',
      'usage',
      "aws: error: argument --force-new-deployment: ignored explicit argument 'yes'",
    ],
    [
      '--service web --deployment-configuration maximumPercent',
      'param',
      "Error parsing parameter '--deployment-configuration': Expected: '=', received: 't' for input: maximumPercent",
    ],
  ])('refuses %s', (line, kind, error) => {
    const tokens = (tokenize(line) as { tokens: string[] }).tokens;
    expect(parseAwsParams(tokens, FLAGS)).toEqual({ ok: false, kind, error });
  });

  it('finds global options anywhere and the service and operation first', () => {
    const tokens = (
      tokenize('--output table ecs describe-services --services web --region eu-west-3') as {
        tokens: string[];
      }
    ).tokens;
    expect(splitAwsLine(tokens)).toEqual({
      ok: true,
      positionals: ['ecs', 'describe-services'],
      rest: ['--services', 'web'],
      globals: { output: 'table', region: 'eu-west-3', query: null },
      help: false,
    });
    expect(splitAwsLine(['ecs', 'create-service', 'help'])).toMatchObject({
      ok: true,
      help: true,
      positionals: ['ecs', 'create-service'],
    });
    expect(splitAwsLine(['ecs', 'list-tasks', '--output', 'yaml'])).toMatchObject({ ok: false });
  });

  it('never throws on any token list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '--service',
              '--desired-count',
              '--instance-ids',
              '--placement-strategy',
              '--deployment-configuration',
              '--no-force-new-deployment',
              '--output',
              '[',
              '{',
              '=',
            ),
          ),
          { maxLength: 12 },
        ),
        (tokens) => {
          const r = parseAwsParams(tokens, FLAGS);
          expect(typeof r.ok).toBe('boolean');
          expect(typeof splitAwsLine(tokens).ok).toBe('boolean');
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('command files', () => {
  it('reads commands, comments, @times and advance directives', () => {
    const text = [
      '# scale the service up, then check it',
      'aws ecs update-service --cluster demo --service web --desired-count 6',
      '',
      'advance 30',
      '@120 aws ecs describe-services --cluster demo --services web',
      '  docker ps  ',
    ].join('\n');
    expect(parseCommandFile(text)).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          kind: 'command',
          at: null,
          command: 'aws ecs update-service --cluster demo --service web --desired-count 6',
        },
        { line: 4, kind: 'advance', seconds: 30 },
        {
          line: 5,
          kind: 'command',
          at: 120,
          command: 'aws ecs describe-services --cluster demo --services web',
        },
        { line: 6, kind: 'command', at: null, command: 'docker ps' },
      ],
    });
  });

  it('names the line of every mistake', () => {
    expect(
      parseCommandFile('advance soon\n@-5 docker ps\n@60 aws ecs list-tasks\n@30 docker ps\n@10'),
    ).toEqual({
      ok: false,
      errors: [
        { line: 1, message: "advance needs a whole number of seconds ≥ 0, got 'soon'" },
        { line: 2, message: "@ needs a whole number of seconds ≥ 0, got '@-5'" },
        { line: 4, message: '@30 goes back in time (the previous line is at 60 s)' },
        { line: 5, message: "'@10' has a time but no command" },
      ],
    });
  });
});
