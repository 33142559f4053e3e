/**
 * Test fixtures for assignments and the gradebook, usable from Vitest, Playwright and the
 * benchmark (plain Node file reads, no Vite globs): the course catalog, a signed assignment,
 * and result files built from each scenario's own solution — the action logs are data, so
 * they follow whatever the scenario files say.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadServices, parseScenario, replay, type Scenario } from '@sandbox';
import type { Answer } from '@lib/quiz/grade.ts';
import { runPredict } from '@lib/quiz/predict.ts';
import { parseQuiz } from '@lib/quiz/parse-quiz.ts';
import type { Question, Quiz } from '@lib/quiz/schema.ts';
import type { Catalog } from '@lib/assignments/catalog.ts';
import { makeResult } from '@lib/assignments/make-result.ts';
import type { Assignment } from '@lib/assignments/payload.ts';
import { generateSigningKey } from '@lib/assignments/signing.ts';
import { createToken } from '@lib/assignments/token.ts';
import { emptyWork, type Work } from '@lib/assignments/work-store.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Playwright and the benchmark import this outside Vitest's setup: every service loads here too.
await loadServices();

export function nodeCatalog(): Catalog {
  const scenarios: Record<string, Scenario> = {};
  for (const file of readdirSync(`${root}sandbox/scenarios`).filter((f) => f.endsWith('.yaml'))) {
    const parsed = parseScenario(readFileSync(`${root}sandbox/scenarios/${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    scenarios[parsed.value.id] = parsed.value;
  }
  const quizzes: Record<string, Quiz> = {};
  for (const file of readdirSync(`${root}lessons/quizzes`)) {
    const parsed = parseQuiz(readFileSync(`${root}lessons/quizzes/${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    quizzes[parsed.value.id] = parsed.value;
  }
  const lessons = readdirSync(`${root}lessons`)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const front = parseYaml(readFileSync(`${root}lessons/${f}`, 'utf8').split('---')[1]!) as {
        id: string;
        title: string;
        order: number;
      };
      return { ...front, href: `/lessons/${front.id}/` };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ id, title, href }) => ({ id, title, href }));
  return { scenarios, quizzes, lessons };
}

export const FIXED_TIME = '2026-12-01T10:00:00.000Z';

export type AssignmentSpec = Omit<Assignment, 'v' | 'key' | 'createdAt'>;

export async function signedAssignment(
  spec: AssignmentSpec,
  key?: Awaited<ReturnType<typeof generateSigningKey>>,
) {
  const signing = key ?? (await generateSigningKey(false));
  const assignment: Assignment = { v: 1, ...spec, createdAt: FIXED_TIME, key: signing.publicJwk };
  return { assignment, token: await createToken(assignment, signing.privateKey), key: signing };
}

/** The right answer to a question, from the key (predict: the option the run produces). */
export function rightAnswer(q: Question, catalog: Catalog): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => o.correct)!.id };
    case 'multiple':
      return { type: 'multiple', choices: q.options.filter((o) => o.correct).map((o) => o.id) };
    case 'numeric':
      return { type: 'numeric', value: q.answer };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id) };
    case 'matching':
      return { type: 'matching', matches: Object.fromEntries(q.pairs.map((p) => [p.id, p.id])) };
    case 'predict': {
      const { observed } = runPredict({ replay }, q, catalog.scenarios[q.scenario]!);
      const option = q.options.find(
        (o) =>
          (o.min === undefined || observed >= o.min) && (o.max === undefined || observed <= o.max),
      )!;
      return { type: 'predict', choice: option.id, observed };
    }
  }
}

/** A wrong answer where the question type has an obvious one (the first wrong option). */
export function wrongAnswer(q: Question, catalog: Catalog): Answer {
  if (q.type === 'single') return { type: 'single', choice: q.options.find((o) => !o.correct)!.id };
  if (q.type === 'numeric') return { type: 'numeric', value: q.answer + 1000 };
  return rightAnswer(q, catalog);
}

/** Work that runs each challenge's solution to the scenario's end and answers every question. */
export function solvedWork(
  assignment: Assignment,
  catalog: Catalog,
  learner: Work['learner'],
  options: { wrongQuestions?: ReadonlySet<string>; skipChallenges?: ReadonlySet<string> } = {},
): Work {
  const work = emptyWork();
  work.learner = learner;
  for (const c of assignment.challenges) {
    if (options.skipChallenges?.has(c.scenario)) continue;
    const scenario = catalog.scenarios[c.scenario]!;
    work.challenges[c.scenario] = {
      time: scenario.duration,
      log: scenario.solution.map((e) => ({
        at: e.at,
        by: 'learner' as const,
        action: e.action as unknown as Record<string, unknown>,
      })),
    };
  }
  for (const quizId of assignment.quizzes) {
    const quiz = catalog.quizzes[quizId]!;
    work.quizzes[quizId] = Object.fromEntries(
      quiz.questions.map((q) => [
        q.id,
        (options.wrongQuestions?.has(q.id)
          ? wrongAnswer(q, catalog)
          : rightAnswer(q, catalog)) as unknown as Record<string, unknown>,
      ]),
    );
  }
  return work;
}

export function resultText(
  assignment: Assignment,
  token: string,
  work: Work,
  catalog: Catalog,
): string {
  return JSON.stringify(makeResult(assignment, token, work, catalog, FIXED_TIME));
}
