/**
 * The catalog at build time (Astro frontmatter): scenarios parsed from sandbox/scenarios/,
 * quizzes from lessons/quizzes/, lessons in course order. An invalid file fails the build.
 */
import { loadServices, parseScenario, scenarioErrorsToText, type Scenario } from '@sandbox';
import { allQuizzes } from '@lib/quiz/quizzes.ts';
import { getLessons, lessonHref } from '@lib/lessons.ts';
import { scenarioIdFromPath } from '@lib/sandbox-view/scenario-files.ts';
import type { Catalog } from './catalog.ts';

const files = import.meta.glob<string>('/sandbox/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export async function buildCatalog(): Promise<Catalog> {
  // Parsing builds each scenario's first world: every service's behaviour loads at build time.
  await loadServices();
  const scenarios: Record<string, Scenario> = {};
  for (const [path, text] of Object.entries(files)) {
    const fileName = path.replace(/^\//, '');
    const parsed = parseScenario(text, fileName);
    if (!parsed.ok)
      throw new Error(
        `${fileName} is not a valid scenario:\n${scenarioErrorsToText(parsed.error)}`,
      );
    scenarios[scenarioIdFromPath(path)] = parsed.value;
  }
  const lessons = (await getLessons()).map((entry) => ({
    id: entry.data.id,
    title: entry.data.title,
    href: lessonHref(entry),
  }));
  return { scenarios, quizzes: Object.fromEntries(allQuizzes()), lessons };
}
