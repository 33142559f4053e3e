import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, replay } from '../../sandbox/index.ts';
import { matchingPrediction } from '../../src/lib/quiz/grade.ts';
import { measureWorld, runPredict } from '../../src/lib/quiz/predict.ts';
import { allQuizzes } from '../../src/lib/quiz/quizzes.ts';
import type { PredictQuestion } from '../../src/lib/quiz/schema.ts';

const predictQuestions = [...allQuizzes().values()].flatMap((quiz) =>
  quiz.questions
    .filter((q): q is PredictQuestion => q.type === 'predict')
    .map((q) => ({ quiz: quiz.id, q })),
);

function scenario(id: string) {
  const parsed = parseScenario(readFileSync(`sandbox/scenarios/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

describe('every predict-what-happens question, replayed headlessly as the browser runs it', () => {
  it('there is at least one (lesson 1 has one)', () => {
    expect(predictQuestions.map((p) => `${p.quiz}/${p.q.id}`)).toContain(
      'why-orchestration/walk-away',
    );
  });

  /** What each predict question's run measures, and the one option that outcome makes right. */
  const OUTCOMES: Record<string, { observed: number; option: string }> = {
    'why-orchestration/walk-away': { observed: 17, option: 'crashed-stay-down' },
    'ecs/predict-instance-lost': { observed: 6, option: 'six' },
    'fargate/predict-scale-out': { observed: 40, option: 'forty' },
    'eks/predict-no-nodes': { observed: 3, option: 'three' },
    'eks/predict-bad-image': { observed: 3, option: 'three' },
    'node-groups/predict-self-managed': { observed: 0, option: 'none' },
    'node-groups/predict-spike': { observed: 3, option: 'some' },
    'node-groups/predict-no-profile': { observed: 3, option: 'three' },
    'node-groups/predict-mixed': { observed: 4, option: 'four' },
    'ecr/predict-missing-tag': { observed: 2, option: 'two' },
    'ecr/predict-pull-permission': { observed: 3, option: 'three' },
    'pipeline/predict-failing-test': { observed: 3, option: 'three' },
    'pipeline/predict-bad-release': { observed: 3, option: 'three' },
  };

  for (const { quiz, q } of predictQuestions) {
    it(`${quiz}/${q.id}: the outcome matches exactly one option`, () => {
      const { observed } = runPredict({ replay }, q, scenario(q.scenario));
      const matching = q.options.filter(
        (o) =>
          (o.min === undefined || observed >= o.min) && (o.max === undefined || observed <= o.max),
      );
      expect({ observed, options: matching.map((o) => o.id) }).toEqual({
        observed: OUTCOMES[`${quiz}/${q.id}`]?.observed,
        options: [OUTCOMES[`${quiz}/${q.id}`]?.option],
      });
      expect(matchingPrediction(q, observed)?.id).toBe(OUTCOMES[`${quiz}/${q.id}`]?.option);
    });
  }

  it('why-orchestration/walk-away: 17 of 20 containers run at 10:00, the 3 crashed ones exited', () => {
    const q = predictQuestions.find((p) => p.q.id === 'walk-away')!.q;
    const { world, observed } = runPredict({ replay }, q, scenario(q.scenario));
    expect(observed).toBe(17);
    expect(world.time).toBe(600);
    expect(
      Object.values(world.docker.containers)
        .filter((c) => c.state === 'exited')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['orders', 'payments', 'search']);
    expect(matchingPrediction(q, observed)?.id).toBe('crashed-stay-down');
  });
});

describe('the pod measures of lesson 4', () => {
  const question = (id: string) => predictQuestions.find((p) => p.q.id === id)!.q;

  it('eks/predict-no-nodes: 3 Pending pods with no nodes; none once the solution adds a node group', () => {
    const q = question('predict-no-nodes');
    expect(runPredict({ replay }, q, scenario(q.scenario)).observed).toBe(3);
    const withNodes = { ...q, run: { ...q.run, solutionUntil: 600 } };
    const { world, observed } = runPredict({ replay }, withNodes, scenario(q.scenario));
    expect(observed).toBe(0);
    expect(measureWorld(world, 'readyPods')).toBe(3);
  });

  it('eks/predict-bad-image: 3 Ready with the default strategy, 4 with maxUnavailable 0', () => {
    const q = question('predict-bad-image');
    expect(runPredict({ replay }, q, scenario(q.scenario)).observed).toBe(3);
    const withStrategy = { ...q, run: { ...q.run, actions: 'solution' as const } };
    expect(runPredict({ replay }, withStrategy, scenario(q.scenario)).observed).toBe(4);
  });

  it('a world without EKS has no pods to count', () => {
    const q = predictQuestions.find((p) => p.q.id === 'walk-away')!.q;
    const { world } = runPredict({ replay }, q, scenario(q.scenario));
    expect([measureWorld(world, 'readyPods'), measureWorld(world, 'pendingPods')]).toEqual([0, 0]);
  });
});
