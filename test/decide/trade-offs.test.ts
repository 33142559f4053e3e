import { expect, test } from 'vitest';
import {
  allLinks,
  COMBO_IDS,
  NO_ANSWERS,
  RULES,
  TRADE_OFFS,
  withAnswer,
} from '@lib/decide/index.ts';

test('every combination says what AWS runs, what you run, gain, give up and pay, with links', () => {
  for (const id of COMBO_IDS) {
    const t = TRADE_OFFS[id];
    expect(t.combo).toBe(id);
    for (const text of [t.aws, t.you, t.gains, t.gives, t.bill])
      expect(text.length).toBeGreaterThan(20);
    expect(t.links.length).toBeGreaterThan(0);
  }
  expect(TRADE_OFFS['eks-fargate'].gives).toContain(
    'each pod’s size gets +256 MB and is rounded up (a 1 vCPU / 2 GB request is billed as 1 vCPU / 3 GB, $0.0619 instead of $0.0568 an hour)',
  );
  expect(TRADE_OFFS['eks-ec2'].gives).toBe(
    '$0.10 per cluster-hour ($73.00 a month), a larger system to learn and run, and pods per node limited by network interfaces (17 on a t3.medium).',
  );
  expect(TRADE_OFFS['ecs-ec2'].bill).toBe(
    'EC2 instances per second (an m5.large is $0.112 an hour in Paris); the control plane $0.',
  );
});

test('the links the page checks at build time: each once, the registry and pipeline lessons included', () => {
  const links = allLinks(RULES);
  expect(new Set(links).size).toBe(links.length);
  expect(links).toEqual(
    expect.arrayContaining(['/lessons/ecr/', '/lessons/pipeline/', '/compare/']),
  );
  expect(links).toHaveLength(24);
});

test('changing one answer returns a copy; needs keep the form’s order; undefined clears', () => {
  const a = withAnswer(NO_ANSWERS, 'team', 'solo');
  expect(a).toEqual({ team: 'solo', needs: [] });
  expect(NO_ANSWERS).toEqual({ needs: [] });
  const b = withAnswer(a, 'needs', ['spot', 'gpu']);
  expect(b.needs).toEqual(['gpu', 'spot']);
  expect(withAnswer(b, 'team', undefined)).toEqual({ needs: ['gpu', 'spot'] });
});
