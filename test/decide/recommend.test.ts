import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  COMBO_IDS,
  eksFargatePod,
  eksMonthlyFee,
  effectText,
  FACTS,
  fullInstanceVsFargate,
  NEEDS,
  QUESTION_IDS,
  QUESTIONS,
  recommend,
  RULES,
  spikyDay,
  type Answers,
} from '@lib/decide/index.ts';

const rule = (id: string) => RULES.find((r) => r.id === id)!;
const summary = (a: Answers) => {
  const r = recommend(a);
  return {
    headline: r.headline,
    ranking: r.ranking.map((s) => `${s.combo} ${s.points}${s.excludedBy.length ? ' out' : ''}`),
    reasons: r.reasons.map((x) => `${x.question}: ${x.answer} → ${x.rule.id} (${x.effect})`),
    tieBreak: r.tieBreak,
  };
};

describe('the rules', () => {
  test('every answer of every question fires at least one named rule, and ids are unique', () => {
    for (const q of QUESTION_IDS)
      for (const o of QUESTIONS[q].options)
        expect(
          RULES.filter((r) => r.question === q && r.when === o.value).length,
          `${q}=${o.value}`,
        ).toBeGreaterThan(0);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(QUESTIONS[r.question].options.map((o) => o.value)).toContain(r.when);
      expect(r.because.length).toBeGreaterThan(40);
      for (const l of r.links)
        expect(l.href).toMatch(/^\/(lessons\/[a-z-]+\/(#[a-z0-9-]+)?|compare\/)$/);
    }
  });

  test('each rule says its effect in words', () => {
    expect(effectText(rule('no-kubernetes-needed'))).toBe('+2 ECS on EC2, +2 ECS on Fargate');
    expect(effectText(rule('daemons-need-nodes'))).toBe('−3 ECS on Fargate, −3 EKS on Fargate');
    expect(effectText(rule('spot-not-on-eks-fargate'))).toBe(
      '+1 ECS on Fargate, −2 EKS on Fargate',
    );
    expect(effectText(rule('gpu-needs-ec2'))).toBe('rules out ECS on Fargate and EKS on Fargate');
    expect(effectText(rule('load-unknown'))).toBe('no effect');
  });

  test('the numbers the reasons quote come from the fact sheet', () => {
    expect(eksMonthlyFee()).toBe('$73.00');
    expect(eksMonthlyFee(FACTS.eksExtendedSupportPerHour)).toBe('$438.00');
    expect(fullInstanceVsFargate()).toEqual({ ec2: '$0.112', fargate: '$0.134', morePercent: 20 });
    expect(spikyDay()).toEqual({ fargate: '$1.70', ec2AtPeak: '$5.38' });
    expect(eksFargatePod()).toEqual({ ecs: '$0.0568', eks: '$0.0619' });
    expect(rule('small-bill-control-plane-fee').because).toContain(
      'The EKS control plane costs $0.10 per cluster-hour, $73.00 a month per cluster before any worker runs; the ECS control plane is free.',
    );
    expect(rule('steady-load-full-instances').because).toContain(
      'A fully used m5.large (2 vCPU, 8 GiB) costs $0.112 an hour in Paris; the same 2 vCPU and 8 GB as Fargate tasks cost about $0.134, 20 % more.',
    );
    expect(rule('spiky-load-pay-per-task').because).toContain(
      'costs about $1.70 a day on Fargate, and $5.38 on two m5.large sized for the peak.',
    );
  });
});

describe('recommendations for realistic profiles', () => {
  test('no answers: no recommendation, all four level', () => {
    expect(summary({ needs: [] })).toEqual({
      headline: 'No recommendation yet: answer a question to start.',
      ranking: ['ecs-ec2 0', 'ecs-fargate 0', 'eks-ec2 0', 'eks-fargate 0'],
      reasons: [],
      tieBreak: null,
    });
  });

  test('a two-person start-up with spiky traffic and a small bill: ECS on Fargate, clearly', () => {
    expect(
      summary({
        kubernetes: 'none',
        team: 'solo',
        load: 'spiky',
        size: 'small',
        isolation: 'standard',
        needs: [],
      }),
    ).toEqual({
      headline: 'Recommended: ECS on Fargate, 9 points, 4 points ahead of ECS on EC2.',
      ranking: ['ecs-fargate 9', 'ecs-ec2 5', 'eks-fargate 4', 'eks-ec2 0'],
      reasons: [
        'kubernetes: None of these → no-kubernetes-needed (+2 ECS on EC2, +2 ECS on Fargate)',
        'team: One or two developers → small-team-no-servers (+2 ECS on Fargate, +2 EKS on Fargate)',
        'team: One or two developers → small-team-fewer-moving-parts (+1 ECS on EC2, +1 ECS on Fargate)',
        'load: Spiky → spiky-load-pay-per-task (+2 ECS on Fargate, +2 EKS on Fargate)',
        'size: Small → small-bill-control-plane-fee (+2 ECS on EC2, +2 ECS on Fargate)',
        'isolation: Nothing special → shared-hosts-fine (no effect)',
      ],
      tieBreak: null,
    });
  });

  test('a Kubernetes shop with a platform team, steady load and node agents: EKS on EC2', () => {
    expect(
      summary({
        kubernetes: 'runs',
        team: 'platform',
        load: 'steady',
        size: 'large',
        isolation: 'standard',
        needs: ['daemons'],
      }),
    ).toEqual({
      headline:
        'Recommended: EKS on EC2 (managed node groups), 8 points, 4 points ahead of ECS on EC2.',
      ranking: ['eks-ec2 8', 'ecs-ec2 4', 'eks-fargate 1', 'ecs-fargate -3'],
      reasons: [
        'kubernetes: We already run Kubernetes → kubernetes-already-runs (+3 EKS on EC2 (managed node groups), +3 EKS on Fargate)',
        'team: A platform or operations team → platform-team-kubernetes (+1 EKS on EC2 (managed node groups), +1 EKS on Fargate)',
        'team: A platform or operations team → platform-team-hosts (+1 ECS on EC2, +1 EKS on EC2 (managed node groups))',
        'load: Steady → steady-load-full-instances (+2 ECS on EC2, +2 EKS on EC2 (managed node groups))',
        'size: Large → large-fleet-binpack (+1 ECS on EC2, +1 EKS on EC2 (managed node groups))',
        'isolation: Nothing special → shared-hosts-fine (no effect)',
        'needs: An agent on every host → daemons-need-nodes (−3 ECS on Fargate, −3 EKS on Fargate)',
      ],
      tieBreak: null,
    });
  });

  test('GPUs rule Fargate out; what is left is a close call, and the guide says so', () => {
    const s = summary({
      kubernetes: 'ecosystem',
      team: 'small',
      load: 'steady',
      size: 'medium',
      isolation: 'standard',
      needs: ['gpu'],
    });
    expect(s.headline).toBe(
      'Recommended: EKS on EC2 (managed node groups), 3 points, a close call: 1 point ahead of ECS on EC2.',
    );
    expect(s.ranking).toEqual(['eks-ec2 3', 'ecs-ec2 2', 'eks-fargate 1 out', 'ecs-fargate 0 out']);
    expect(s.reasons.at(-1)).toBe(
      'needs: GPUs → gpu-needs-ec2 (rules out ECS on Fargate and EKS on Fargate)',
    );
    expect([recommend({ needs: ['gpu'] }).answered, recommend({ needs: [] }).questions]).toEqual([
      0, 5,
    ]);
    expect(s.tieBreak).toBe(
      'The runner-up is one point behind; either is a sound choice. ECS or EKS: ECS is simpler and its control plane is free; EKS is Kubernetes, portable and with a large ecosystem, for a control-plane fee and more to run.',
    );
  });

  test('Kubernetes already, but two people and a small bill: a tie between ECS and EKS on Fargate', () => {
    const r = recommend({
      kubernetes: 'runs',
      team: 'solo',
      load: 'spiky',
      size: 'small',
      isolation: 'standard',
      needs: [],
    });
    expect(r.outcome).toEqual({ kind: 'tie', combos: ['ecs-fargate', 'eks-fargate'] });
    expect(r.headline).toBe('A tie: ECS on Fargate and EKS on Fargate, 7 points each.');
    expect(r.tieBreak).toBe(
      'Your answers do not separate them; the choice left is yours. ECS or EKS: ECS is simpler and its control plane is free; EKS is Kubernetes, portable and with a large ecosystem, for a control-plane fee and more to run.',
    );
  });

  test('portability against a small bill, nothing else: all four tie, and both trade-offs are named', () => {
    const r = recommend({
      kubernetes: 'portable',
      team: 'small',
      load: 'unsure',
      size: 'small',
      isolation: 'standard',
      needs: [],
    });
    expect(r.outcome).toEqual({ kind: 'tie', combos: [...COMBO_IDS] });
    expect(r.headline).toBe(
      'A tie: ECS on EC2, ECS on Fargate, EKS on EC2 (managed node groups) and EKS on Fargate, 2 points each.',
    );
    expect(r.tieBreak).toContain('ECS or EKS:');
    expect(r.tieBreak).toContain('EC2 or Fargate:');
  });

  test('Spot capacity: EKS on Fargate loses ground, ECS on Fargate gains', () => {
    const s = summary({ kubernetes: 'runs', needs: ['spot'] });
    expect(s.headline).toBe(
      'Recommended: EKS on EC2 (managed node groups), 3 points, 2 points ahead of ECS on Fargate.',
    );
    expect(s.ranking).toEqual(['eks-ec2 3', 'ecs-fargate 1', 'eks-fargate 1', 'ecs-ec2 0']);
  });

  test('host access and privileged containers rule Fargate out, the rules named in the form’s order', () => {
    const r = recommend({ kubernetes: 'none', needs: ['host', 'privileged'] });
    expect(r.headline).toBe(
      'Recommended: ECS on EC2, 2 points, 2 points ahead of EKS on EC2 (managed node groups).',
    );
    expect(r.ranking.find((s) => s.combo === 'ecs-fargate')!.excludedBy).toEqual([
      'privileged-needs-ec2',
      'host-access-needs-ec2',
    ]);
  });
});

const anyAnswers: fc.Arbitrary<Answers> = fc.record(
  {
    kubernetes: fc.constantFrom(...QUESTIONS.kubernetes.options.map((o) => o.value)),
    team: fc.constantFrom(...QUESTIONS.team.options.map((o) => o.value)),
    load: fc.constantFrom(...QUESTIONS.load.options.map((o) => o.value)),
    size: fc.constantFrom(...QUESTIONS.size.options.map((o) => o.value)),
    isolation: fc.constantFrom(...QUESTIONS.isolation.options.map((o) => o.value)),
    needs: fc.subarray([...NEEDS]),
  },
  { requiredKeys: ['needs'] },
);

test('for any answers: the same result every time, one combination at least in the running, and a recommendation or a tie among the best', () => {
  fc.assert(
    fc.property(anyAnswers, (a) => {
      const r = recommend(a);
      expect(recommend(structuredClone(a))).toEqual(r);
      const running = r.ranking.filter((s) => s.excludedBy.length === 0);
      expect(running.length).toBeGreaterThan(0);
      const top = running[0]!.points;
      if (r.outcome.kind === 'pick') {
        expect(r.outcome.combo).toBe(running[0]!.combo);
        expect(running.filter((s) => s.points === top)).toHaveLength(1);
      }
      if (r.outcome.kind === 'tie')
        expect(r.outcome.combos).toEqual(
          running.filter((s) => s.points === top).map((s) => s.combo),
        );
    }),
    { numRuns: 300 },
  );
});

export { anyAnswers };
