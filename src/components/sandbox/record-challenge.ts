/**
 * Records a "Check my work" result in the learner's progress. The progress module (and
 * its schema validation) is loaded on first use so it stays out of the page's initial JS.
 */
import type { GoalResult, Scenario } from '@sandbox';

export async function recordChallenge(
  scenario: Scenario,
  goals: readonly GoalResult[],
): Promise<void> {
  if (!scenario.lesson) return;
  const { recordChallengeResult } = await import('@lib/progress/index.ts');
  recordChallengeResult({
    lessonId: scenario.lesson,
    scenarioId: scenario.id,
    passed: goals.length > 0 && goals.every((goal) => goal.status === 'pass'),
    goals: goals.map((goal) => ({
      id: goal.id,
      status: goal.status,
      description: goal.description.slice(0, 500),
    })),
  });
}
