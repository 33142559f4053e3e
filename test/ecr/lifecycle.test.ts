/**
 * Lifecycle policy evaluation: priority, "an image is expired by at most one rule", an image a
 * higher rule selects is safe from lower ones, imageCountMoreThan keeps the newest, and
 * sinceImagePushed counts days. Real policies: the ECR user guide's "Filtering on multiple
 * rules" example (docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html)
 * with its worked result, and a public policy (gist.github.com/xiaket/b16623765e11a657cbe52b61f1aeda8d).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DAY_SECONDS,
  evaluateLifecycle,
  parseLifecyclePolicy,
} from '../../sandbox/services/ecr/lifecycle.ts';
import type { RegistryImage } from '../../sandbox/services/ecr/world.ts';

const image = (
  name: string,
  tags: string[],
  daysAgo: number,
  now = 100 * DAY_SECONDS,
): RegistryImage => ({
  digest: `sha256:${name.padEnd(64, '0')}`,
  manifest: '',
  manifestSize: 0,
  sizeInBytes: 1,
  layers: [],
  config: '',
  tags,
  pushedAt: now - daysAgo * DAY_SECONDS,
  lastPulledAt: null,
  scan: null,
});
const NOW = 100 * DAY_SECONDS;
const rulesOf = (text: string) => {
  const parsed = parseLifecyclePolicy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
};

describe('lifecycle policies', () => {
  it("reproduces the user guide's multiple-rules example: only Image A expires", () => {
    const rules = rulesOf(
      JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: 'Rule 1',
            selection: {
              tagStatus: 'tagged',
              tagPrefixList: ['prod'],
              countType: 'imageCountMoreThan',
              countNumber: 1,
            },
            action: { type: 'expire' },
          },
          {
            rulePriority: 2,
            description: 'Rule 2',
            selection: {
              tagStatus: 'tagged',
              tagPrefixList: ['beta'],
              countType: 'imageCountMoreThan',
              countNumber: 1,
            },
            action: { type: 'expire' },
          },
        ],
      }),
    );
    const a = image('a', ['beta-1', 'prod-1'], 10);
    const b = image('b', ['beta-2', 'prod-2'], 9);
    const c = image('c', ['beta-3'], 8);
    expect(evaluateLifecycle(rules, [c, b, a], NOW)).toEqual([
      { digest: a.digest, tags: ['beta-1', 'prod-1'], pushedAt: a.pushedAt, rulePriority: 1 },
    ]);
  });

  it('applies rules by priority whatever their order in the text, each image expired by one rule only', () => {
    const policy = JSON.parse(readFileSync('test/ecr/fixtures/xiaket-lifecycle.json', 'utf8')) as {
      rules: unknown[];
    };
    const rules = rulesOf(JSON.stringify({ rules: [...policy.rules].reverse() }));
    expect(rules.map((r) => r.rulePriority)).toEqual([10, 20, 990, 1000]);
    const latest = [0, 1, 2, 3, 4, 5, 6].map((d) =>
      image(`l${d}`, [d === 0 ? 'latest' : `latest-${d}`], d * 3),
    );
    const untaggedOld = image('u1', [], 8);
    const untaggedNew = image('u2', [], 6);
    const other = image('o1', ['feature-x'], 16);
    const otherNew = image('o2', ['feature-y'], 14);
    const out = evaluateLifecycle(
      rules,
      [...latest, untaggedOld, untaggedNew, other, otherNew],
      NOW,
    );
    // Rule 10 keeps the 5 newest `latest*` (pushed 0–12 days ago) and expires the two oldest;
    // rule 990 the untagged image older than 7 days; rule 1000 the other image older than 15
    // days — but not the `latest*` images rule 10 selected, even those older than 15 days.
    expect(out.map((e) => [e.tags.join(',') || 'untagged', e.rulePriority])).toEqual([
      ['latest-6', 10],
      ['feature-x', 1000],
      ['latest-5', 10],
      ['untagged', 990],
    ]);
  });

  it('expires untagged images after 14 days (the guide\'s "Filtering on image age" for untagged)', () => {
    const rules = rulesOf(
      '{"rules":[{"rulePriority":1,"description":"Expire images older than 14 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}',
    );
    const imgs = [image('x', [], 15), image('y', [], 14), image('z', ['v1'], 30)];
    expect(evaluateLifecycle(rules, imgs, NOW).map((e) => e.digest)).toEqual([imgs[0]!.digest]);
  });

  it('keeps the newest N with tagStatus any', () => {
    const rules = rulesOf(
      '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":2},"action":{"type":"expire"}}]}',
    );
    const imgs = [
      image('p', ['1'], 3),
      image('q', [], 2),
      image('r', ['3'], 1),
      image('s', ['4'], 0),
    ];
    expect(evaluateLifecycle(rules, imgs, NOW).map((e) => e.tags)).toEqual([['1'], []]);
  });

  it('refuses invalid policies with the API prefix and a reason', () => {
    const prefix =
      "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";
    const cases: [string, string][] = [
      ['{', 'the policy text is not valid JSON'],
      ['{"rules":[]}', 'rules must hold between 1 and 50 rules'],
      [
        '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}},{"rulePriority":2,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}',
        'a rule with tagStatus "any" must have the highest rulePriority',
      ],
      [
        '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}',
        'rules[0]: tagPrefixList is required when tagStatus is "tagged"',
      ],
      [
        '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countNumber":1},"action":{"type":"expire"}}]}',
        'rules[0]: countUnit must be "days" when countType is "sinceImagePushed"',
      ],
      [
        '{"rules":[{"rulePriority":3,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}},{"rulePriority":3,"selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}',
        'rulePriority values must be unique',
      ],
      [
        '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}},{"rulePriority":2,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":3},"action":{"type":"expire"}}]}',
        'only one rule can select untagged images',
      ],
    ];
    for (const [text, reason] of cases)
      expect(parseLifecyclePolicy(text)).toEqual({ ok: false, error: `${prefix}${reason}'` });
  });
});
