import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answersToHash, readHash, type Answers } from '@lib/decide/index.ts';
import { anyAnswers } from './recommend.test.ts';

const ALL: Answers = {
  kubernetes: 'none',
  team: 'solo',
  load: 'spiky',
  size: 'small',
  isolation: 'standard',
  needs: ['gpu', 'spot'],
};

describe('answers in the link', () => {
  test('are written in the form’s order and read back', () => {
    const hash = answersToHash({ ...ALL, needs: ['spot', 'gpu'] });
    expect(hash).toBe(
      '#v=1&kubernetes=none&team=solo&load=spiky&size=small&isolation=standard&needs=gpu,spot',
    );
    expect(readHash(hash)).toEqual({ kind: 'ok', answers: ALL });
    expect(answersToHash({ needs: [] })).toBe('#v=1');
    expect(readHash('#v=1')).toEqual({ kind: 'ok', answers: { needs: [] } });
  });

  test('round-trip for any answers', () => {
    fc.assert(
      fc.property(anyAnswers, (a) => {
        const read = readHash(answersToHash(a));
        expect(read.kind).toBe('ok');
        if (read.kind === 'ok') expect(answersToHash(read.answers)).toBe(answersToHash(a));
      }),
    );
  });

  test('an empty fragment or a section anchor is not answers', () => {
    expect(readHash('')).toEqual({ kind: 'none' });
    expect(readHash('#')).toEqual({ kind: 'none' });
    expect(readHash('#the-four-combinations')).toEqual({ kind: 'none' });
  });

  const refused: [string, string][] = [
    ['#v=1&team=huge', 'team is “huge”, which is not one of solo, small, platform'],
    [
      '#v=1&team=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      'team is “<script>alert(1)</script>”, which is not one of solo, small, platform',
    ],
    [
      '#v=1&__proto__=x',
      '“__proto__” is not one of the guide’s questions (v, kubernetes, team, load, size, isolation, needs)',
    ],
    ['#v=1&team=solo&team=small', '“team” appears twice'],
    ['#team=solo', 'it has no version (v=1 first)'],
    ['#v=2&team=solo', 'its version is “2”, and this page reads version 1'],
    [
      '#v=1&needs=gpu,teleport',
      'needs lists “teleport”, which is not one of gpu, privileged, host, daemons, spot',
    ],
    ['#v=1&needs=gpu,gpu', 'needs lists an answer twice'],
    ['#v=1&load=%E0%A4%A', '“load=%E0%A4%A” is not valid percent-encoding'],
    ['#v=1&=solo', '“=solo” is not a question=answer pair'],
    ['#v=1&team', '“team” is not a question=answer pair'],
    [
      `#v=1&team=${'a'.repeat(5000)}`,
      'it is 5,009 characters long, and a link from this page is at most 300',
    ],
  ];
  test.each(refused.map(([hash, what]) => [what, hash]))('refused because %s', (what, hash) => {
    expect(readHash(hash)).toEqual({
      kind: 'error',
      message: `The link’s answers were not used: ${what}. Nothing was changed.`,
    });
  });

  test('a long hostile value is shortened in the message', () => {
    const read = readHash(`#v=1&size=${'x'.repeat(100)}`);
    expect(read).toEqual({
      kind: 'error',
      message: `The link’s answers were not used: size is “${'x'.repeat(40)}…”, which is not one of small, medium, large. Nothing was changed.`,
    });
  });
});
