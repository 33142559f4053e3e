import { describe, expect, it } from 'vitest';
import {
  creditRule,
  grade,
  incompleteAnswer,
  parseNumber,
  pointsFor,
  withinTolerance,
} from '../../src/lib/quiz/grade.ts';
import { question, type Question } from '../../src/lib/quiz/schema.ts';

const q = (data: unknown): Question => question.parse(data);

const single = q({
  id: 'popular',
  type: 'single',
  prompt: 'Most popular?',
  options: [
    { id: 'k8s', text: 'Kubernetes', correct: true, explain: 'Most popular.' },
    { id: 'swarm', text: 'Docker Swarm', explain: 'Smaller, less complex apps.' },
  ],
});

const multiple = q({
  id: 'automates',
  type: 'multiple',
  prompt: 'What does it automate?',
  options: [
    { id: 'a', text: 'Scheduling', correct: true, explain: 'A is right.' },
    { id: 'b', text: 'Restarting', correct: true, explain: 'B is right.' },
    { id: 'c', text: 'Scaling', correct: true, explain: 'C is right.' },
    { id: 'd', text: 'Full RAM', explain: 'D is wrong: the OS keeps some.' },
    { id: 'e', text: 'Survive anything', explain: 'E is wrong: needs spare capacity.' },
  ],
});

const numeric = q({
  id: 'bill',
  type: 'numeric',
  prompt: 'Monthly bill?',
  answer: 101.952,
  tolerance: 0.5,
  unit: 'USD',
  explanation: '3 × 0.0472 × 720.',
  mistakes: [{ value: 33.984, explain: 'One server only.' }],
});

const exact = q({
  id: 'count',
  type: 'numeric',
  prompt: 'How many?',
  answer: 25,
  unit: 'containers',
  explanation: '10 × 2 + 5.',
});

const ordering = q({
  id: 'steps',
  type: 'ordering',
  prompt: 'Order them',
  items: [
    { id: 'launch', text: 'Launch', explain: 'first' },
    { id: 'docker', text: 'Install Docker', explain: 'second' },
    { id: 'run', text: 'Run', explain: 'third' },
    { id: 'watch', text: 'Watch', explain: 'last' },
  ],
});

const matching = q({
  id: 'features',
  type: 'matching',
  prompt: 'Match',
  pairs: [
    { id: 'sched', left: 'Scheduling', right: 'Where it goes', explain: 'placing' },
    { id: 'restart', left: 'Restarting', right: 'Start dead ones', explain: 'reviving' },
    { id: 'scale', left: 'Scaling', right: 'Change replicas', explain: 'counting' },
    { id: 'lb', left: 'Load balancing', right: 'Spread requests', explain: 'sharing' },
  ],
});

const predict = q({
  id: 'crash',
  type: 'predict',
  prompt: 'How many run after 2 minutes?',
  scenario: 'by-hand',
  run: { actions: 'none', seconds: 120 },
  measure: 'runningContainers',
  measureLabel: 'containers running',
  options: [
    { id: 'all', text: 'All 15', min: 15, explain: 'Nothing restarts them.' },
    { id: 'fewer', text: 'Fewer than 15', max: 14, explain: 'Dead containers stay dead.' },
  ],
});

describe('grading a single-choice question', () => {
  it('gives full credit and the option’s explanation for the right option', () => {
    expect(grade(single, { type: 'single', choice: 'k8s' })).toEqual({
      fraction: 1,
      correct: true,
      feedback: [{ tone: 'right', text: 'Most popular.' }],
    });
  });
  it('explains why a wrong option is wrong, without revealing the right one', () => {
    expect(grade(single, { type: 'single', choice: 'swarm' })).toEqual({
      fraction: 0,
      correct: false,
      feedback: [{ tone: 'wrong', text: 'Smaller, less complex apps.' }],
    });
  });
});

describe('grading a multiple-choice question (partial credit)', () => {
  const g = (choices: string[]) => grade(multiple, { type: 'multiple', choices });
  it('gives full credit for exactly the right options', () => {
    expect(g(['a', 'b', 'c'])).toMatchObject({ fraction: 1, correct: true });
  });
  it('gives one share per right option ticked', () => {
    expect(g(['a', 'b']).fraction).toBeCloseTo(2 / 3, 10);
    expect(g(['a']).fraction).toBeCloseTo(1 / 3, 10);
  });
  it('takes one share away per wrong option ticked', () => {
    expect(g(['a', 'b', 'c', 'd']).fraction).toBeCloseTo(2 / 3, 10);
    expect(g(['a', 'b', 'd']).fraction).toBeCloseTo(1 / 3, 10);
  });
  it('never goes below zero', () => {
    expect(g(['a', 'd', 'e']).fraction).toBe(0);
    expect(g(['d', 'e']).fraction).toBe(0);
  });
  it('explains each ticked option, and names missed ones only when nothing wrong is ticked', () => {
    expect(g(['a', 'd']).feedback).toEqual([
      { tone: 'right', text: 'A is right.' },
      { tone: 'wrong', text: 'D is wrong: the OS keeps some.' },
    ]);
    expect(g(['a']).feedback).toEqual([
      { tone: 'right', text: 'A is right.' },
      { tone: 'missed', text: 'B is right.' },
      { tone: 'missed', text: 'C is right.' },
    ]);
  });
  it('states its partial-credit rule to the learner', () => {
    expect(creditRule(multiple)).toBe(
      'Tick every right option. Partial credit: each right option you tick earns an equal share of the points, each wrong option you tick takes one share away, and the score never goes below zero.',
    );
  });
});

describe('grading a numeric question (tolerance)', () => {
  const g = (value: number) => grade(numeric, { type: 'numeric', value });
  it('accepts the exact answer and both tolerance edges, inclusive', () => {
    expect(g(101.952).correct).toBe(true);
    expect(g(101.452).correct).toBe(true);
    expect(g(102.452).correct).toBe(true);
  });
  it('rejects values just past either edge', () => {
    expect(g(101.451).correct).toBe(false);
    expect(g(102.453).correct).toBe(false);
  });
  it('recognises a typical mistake and explains it', () => {
    expect(g(33.98).feedback).toEqual([{ tone: 'wrong', text: 'One server only.' }]);
  });
  it('says too low or too high otherwise', () => {
    expect(g(90).feedback).toEqual([{ tone: 'wrong', text: '90 USD is too low.' }]);
    expect(g(1500).feedback).toEqual([{ tone: 'wrong', text: '1,500 USD is too high.' }]);
  });
  it('with no tolerance accepts only the exact value', () => {
    expect(grade(exact, { type: 'numeric', value: 25 }).correct).toBe(true);
    expect(grade(exact, { type: 'numeric', value: 25.01 }).correct).toBe(false);
    expect(grade(exact, { type: 'numeric', value: 24.99 }).correct).toBe(false);
    expect(creditRule(exact)).toBe('Only the exact value counts as right.');
    expect(creditRule(numeric)).toBe(
      'Answers within 0.5 USD of the right value (either way) count as right.',
    );
  });
  it('absorbs floating-point noise at the edge but nothing more', () => {
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(withinTolerance(0.3001, 0.3, 0)).toBe(false);
  });
});

describe('reading a number as the learner typed it', () => {
  it.each([
    ['101.95', 101.95],
    [' $101.95 ', 101.95],
    ['101,95', 101.95],
    ['1,234.5', 1234.5],
    ['1 234', 1234],
    ['-3', -3],
    ['.5', 0.5],
    ['25', 25],
    ['101.95 USD', 101.95],
  ])('%j → %d', (input, value) => {
    expect(parseNumber(input)).toBe(value);
  });
  it.each(['', 'abc', '12abc', '1.2.3', '1e400', 'Infinity', '0x10', '1'.repeat(31)])(
    'refuses %j',
    (input) => {
      expect(parseNumber(input)).toBeNull();
    },
  );
});

describe('grading an ordering question', () => {
  const g = (order: string[]) => grade(ordering, { type: 'ordering', order });
  it('gives full credit for the right order', () => {
    expect(g(['launch', 'docker', 'run', 'watch'])).toEqual({
      fraction: 1,
      correct: true,
      feedback: [],
    });
  });
  it('gives one share per item in its right position, and explains the misplaced ones', () => {
    expect(g(['launch', 'docker', 'watch', 'run'])).toEqual({
      fraction: 0.5,
      correct: false,
      feedback: [
        { tone: 'wrong', text: 'Run: third' },
        { tone: 'wrong', text: 'Watch: last' },
      ],
    });
    expect(g(['watch', 'launch', 'docker', 'run']).fraction).toBe(0);
  });
});

describe('grading a matching question', () => {
  const g = (matches: Record<string, string>) => grade(matching, { type: 'matching', matches });
  it('gives full credit when every pair is right', () => {
    expect(g({ sched: 'sched', restart: 'restart', scale: 'scale', lb: 'lb' }).correct).toBe(true);
  });
  it('gives one share per right pair and explains each wrong pair', () => {
    expect(g({ sched: 'restart', restart: 'sched', scale: 'scale', lb: 'lb' })).toEqual({
      fraction: 0.5,
      correct: false,
      feedback: [
        { tone: 'wrong', text: 'Scheduling → Where it goes: placing' },
        { tone: 'wrong', text: 'Restarting → Start dead ones: reviving' },
      ],
    });
  });
  it('ignores inherited keys', () => {
    const matches = Object.create({ sched: 'sched' }) as Record<string, string>;
    expect(g(matches).fraction).toBe(0);
  });
  it('asks for every match before checking, naming the missing ones', () => {
    expect(incompleteAnswer(matching, { type: 'matching', matches: { sched: 'sched' } })).toBe(
      'Choose a match for every item first (Restarting, Scaling, Load balancing).',
    );
  });
});

describe('grading a predict-what-happens question against the run', () => {
  it('is right when the measured value falls in the predicted range', () => {
    expect(grade(predict, { type: 'predict', choice: 'fewer', observed: 12 })).toEqual({
      fraction: 1,
      correct: true,
      feedback: [{ tone: 'right', text: 'Dead containers stay dead.' }],
    });
  });
  it('is wrong otherwise, explaining both the prediction and what happened', () => {
    expect(grade(predict, { type: 'predict', choice: 'all', observed: 12 })).toEqual({
      fraction: 0,
      correct: false,
      feedback: [
        { tone: 'wrong', text: 'Nothing restarts them.' },
        { tone: 'missed', text: 'Dead containers stay dead.' },
      ],
    });
  });
  it('uses inclusive range edges', () => {
    expect(grade(predict, { type: 'predict', choice: 'all', observed: 15 }).correct).toBe(true);
    expect(grade(predict, { type: 'predict', choice: 'fewer', observed: 14 }).correct).toBe(true);
  });
});

describe('incomplete answers are not attempts', () => {
  it('names what is missing for each type', () => {
    expect(incompleteAnswer(single, null)).toBe('Choose one option first.');
    expect(incompleteAnswer(multiple, { type: 'multiple', choices: [] })).toBe(
      'Tick at least one option first.',
    );
    expect(incompleteAnswer(numeric, null)).toBe('Enter a number first.');
    expect(incompleteAnswer(single, { type: 'single', choice: 'k8s' })).toBeNull();
  });
});

describe('points with the retry penalty', () => {
  it('gives full points on the first attempt and 25 % less per extra attempt, never below 0', () => {
    expect(pointsFor(single, 1, 1, 0.25)).toBe(1);
    expect(pointsFor(single, 1, 2, 0.25)).toBe(0.75);
    expect(pointsFor(single, 1, 4, 0.25)).toBe(0.25);
    expect(pointsFor(single, 1, 5, 0.25)).toBe(0);
    expect(pointsFor(single, 1, 9, 0.25)).toBe(0);
  });
  it('scales partial credit and rounds to two decimals', () => {
    expect(pointsFor(multiple, 2 / 3, 1, 0.25)).toBe(0.67);
    expect(pointsFor(multiple, 2 / 3, 2, 0.25)).toBe(0.5);
  });
});
