import { describe, expect, test } from 'vitest';
import { loadAnswers, saveAnswers, STORAGE_KEY, type Answers } from '@lib/decide/index.ts';

function memory(initial?: string) {
  const items = new Map<string, string>();
  if (initial !== undefined) items.set(STORAGE_KEY, initial);
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

const ANSWERS: Answers = { kubernetes: 'runs', load: 'steady', needs: ['daemons'] };
const suffix = '. They were left as they are; your next answer replaces them.';

describe('saved answers', () => {
  test('are saved in the form’s order and read back', () => {
    const store = memory();
    expect(saveAnswers(store, { needs: ['daemons'], load: 'steady', kubernetes: 'runs' })).toEqual({
      ok: true,
    });
    expect(store.items.get(STORAGE_KEY)).toBe(
      '{"v":1,"answers":{"kubernetes":"runs","load":"steady","needs":["daemons"]}}',
    );
    expect(loadAnswers(store)).toEqual({ kind: 'ok', answers: ANSWERS });
  });

  test('nothing saved, or no storage at all, is no answers', () => {
    expect(loadAnswers(memory())).toEqual({ kind: 'none' });
    expect(loadAnswers(null)).toEqual({ kind: 'none' });
  });

  const corrupt: [string, string, string][] = [
    ['not JSON', '{"v":1,', 'they are not valid JSON ('],
    ['another version', '{"v":2,"answers":{"needs":[]}}', 'at v: '],
    ['an unknown answer', '{"v":1,"answers":{"team":"huge","needs":[]}}', 'at answers.team: '],
    ['an unknown key', '{"v":1,"answers":{"needs":[]},"__proto__":{"x":1}}', 'at the top level: '],
    ['a string', '"hello"', 'at the top level: '],
    [
      'too long',
      `{"v":1,"pad":"${'x'.repeat(3000)}"}`,
      'they are 3,016 characters long, more than the 2,000 the guide ever saves',
    ],
  ];
  test.each(corrupt)('%s is reported, not used and left as it is', (_name, text, what) => {
    const store = memory(text);
    const read = loadAnswers(store);
    expect(read.kind).toBe('error');
    if (read.kind !== 'error') return;
    expect(read.message.startsWith(`Your saved answers were not used: ${what}`)).toBe(true);
    expect(read.message.endsWith(suffix)).toBe(true);
    expect(store.items.get(STORAGE_KEY)).toBe(text);
  });

  test('storage that throws is a message, not a crash', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError: access denied');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadAnswers(broken)).toEqual({
      kind: 'error',
      message:
        'Saved answers cannot be read in this browser (SecurityError: access denied); a link to your answers still works.',
    });
    expect(saveAnswers(broken, ANSWERS)).toEqual({
      ok: false,
      message:
        'Your answers could not be saved in this browser (QuotaExceededError); the link below still keeps them.',
    });
  });
});
