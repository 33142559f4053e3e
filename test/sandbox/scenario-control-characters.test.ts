import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sandbox/index.ts';

const base = readFileSync('sandbox/scenarios/ecs-first-service.yaml', 'utf8');
const withTitle = (title: string) =>
  base.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);

describe('scenario titles and summaries refuse control characters', () => {
  it.each([
    ['NUL', 'web\u0000service'],
    ['DEL', 'web\u007fservice'],
    ['a bidi override', 'web \u202eecivres'],
    ['a bidi isolate', 'web \u2066x\u2069'],
    ['a line break', 'two\nlines'],
  ])('%s in the title', (_what, title) => {
    const parsed = parseScenario(withTitle(title), 'x.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error.map((e) => [e.path, e.message])).toEqual([
        ['title', 'must not contain control characters (NUL, DEL, bidi overrides…)'],
      ]);
  });

  it('keeps ordinary titles, accents and emoji', () => {
    expect(parseScenario(withTitle('Première tâche — web 🚢'), 'x.yaml').ok).toBe(true);
  });
});

describe('hints and goal descriptions, read out to the learner too, refuse them', () => {
  it.each([
    ['NUL', 'add\u0000capacity'],
    ['a bidi override', 'add \u202eyticapac'],
  ])('%s in a hint or a goal description', (_what, text) => {
    const hint = parseScenario(
      base.replace(/^hints:\n {2}- .*$/m, `hints:\n  - ${JSON.stringify(text)}`),
      'x.yaml',
    );
    const goal = parseScenario(
      base.replace(/^( {4}description: ).*$/m, `$1${JSON.stringify(text)}`),
      'x.yaml',
    );
    for (const [parsed, path] of [
      [hint, 'hints[0]'],
      [goal, 'goals[0].description'],
    ] as const) {
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.error.map((e) => [e.path, e.message])).toEqual([
          [path, 'must not contain control characters (NUL, DEL, bidi overrides…)'],
        ]);
    }
  });

  it('a hint keeps its line breaks', () => {
    const parsed = parseScenario(
      base.replace(
        /^hints:\n {2}- .*$/m,
        `hints:\n  - ${JSON.stringify('first line\nsecond line')}`,
      ),
      'x.yaml',
    );
    expect(parsed.ok).toBe(true);
  });
});
