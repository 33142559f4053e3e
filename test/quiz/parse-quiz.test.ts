import { describe, expect, it } from 'vitest';
import { formatQuizErrors, parseQuiz } from '../../src/lib/quiz/parse-quiz.ts';
import { loadQuizzes } from '../../src/lib/quiz/quizzes.ts';

const header = `id: demo
lesson: why-orchestration
passPercent: 70
questions:
`;

const good = `${header}  - id: popular
    type: single
    prompt: Most popular?
    options:
      - { id: k8s, text: Kubernetes, correct: true, explain: Most popular. }
      - { id: swarm, text: Docker Swarm, explain: Smaller apps. }
`;

describe('parsing a quiz file', () => {
  it('accepts a valid file and fills defaults', () => {
    const result = parseQuiz(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.title).toBe('Check your understanding');
    expect(result.value.retryPenalty).toBe(0.25);
    expect(result.value.questions[0]).toMatchObject({ id: 'popular', points: 1 });
  });

  it('names the question, field, line and column of a schema error', () => {
    const result = parseQuiz(good.replace('prompt: Most popular?', 'prompt: ""'));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'questions[0].prompt',
          question: 'question 1 "popular"',
          line: 7,
          column: 13,
          message: 'must not be empty',
        },
      ],
    });
  });

  it('refuses a single-choice question with two right options, naming it', () => {
    const result = parseQuiz(
      good.replace('explain: Smaller apps.', 'correct: true, explain: Smaller apps.'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatQuizErrors('lessons/quizzes/demo.yaml', result.errors)).toBe(
      'lessons/quizzes/demo.yaml:9:7 (question 1 "popular", questions[0].options) a single-choice question needs exactly one correct option, found 2',
    );
  });

  it('refuses unknown fields (a typo is not silently ignored)', () => {
    const result = parseQuiz(good.replace('    prompt:', '    promt: x\n    prompt:'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      question: 'question 1 "popular"',
      path: 'questions[0]',
    });
  });

  it('refuses duplicate question ids', () => {
    const twice = good + good.slice(header.length);
    const result = parseQuiz(twice);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.question}: ${e.message}`)).toEqual([
      'question 2 "popular": the id "popular" is used twice',
    ]);
  });

  it('refuses a numeric mistake that would be graded right', () => {
    const result = parseQuiz(`${header}  - id: bill
    type: numeric
    prompt: Bill?
    answer: 100
    tolerance: 1
    unit: USD
    explanation: Because.
    mistakes:
      - { value: 100.5, explain: close }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      path: 'questions[0].mistakes[0].value',
      message: '100.5 is within the tolerance of the answer 100, so it would be graded right',
    });
  });

  it('refuses predict options whose ranges overlap', () => {
    const result = parseQuiz(`${header}  - id: crash
    type: predict
    prompt: What happens?
    scenario: by-hand
    run: { actions: none, seconds: 60 }
    measure: runningContainers
    measureLabel: containers running
    options:
      - { id: all, text: All, min: 15, explain: a }
      - { id: most, text: Most, min: 10, max: 15, explain: b }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      question: 'question 1 "crash"',
      message: 'its range overlaps option "all": every outcome must match exactly one option',
    });
  });

  it('reports broken YAML with its position', () => {
    const result = parseQuiz('id: [unclosed');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.line).toBe(1);
    expect(result.errors[0]!.message).toMatch(/^invalid YAML: /);
  });

  it('tells authors how to fix the most common YAML slip: an unquoted ": " in a text', () => {
    const result = parseQuiz(`${header}  - id: popular
    type: single
    prompt: Most popular?
    options:
      - id: k8s
        text: Kubernetes
        correct: true
        explain: Right: it is the most popular.
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 12, column: 18 });
    expect(result.errors[0]!.message).toMatch(
      /\(a text that contains ": " must be put in quotes, or written on the next lines after ">-"\)$/,
    );
  });

  it('fails a build-time load with every problem listed, and checks the id matches the file', () => {
    expect(() =>
      loadQuizzes({ '/lessons/quizzes/other.yaml': good, '/lessons/quizzes/bad.yaml': 'id: [' }),
    ).toThrow(
      /Invalid quiz file:\nlessons\/quizzes\/other.yaml \(id\) the quiz id "demo" must match the file name "other"\nlessons\/quizzes\/bad.yaml:1:/,
    );
  });
});
