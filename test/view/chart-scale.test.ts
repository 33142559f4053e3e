import { describe, expect, it } from 'vitest';
import {
  costChart,
  cpuChart,
  downsample,
  linearScale,
  linePath,
  niceMax,
  runningChart,
  summariseChart,
} from '../../src/lib/sandbox-view/chart-scale.ts';
import { sample } from './world-fixture.ts';

describe('chart scaling', () => {
  it('maps a domain onto a range, inverted for SVG y', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(50);
    expect(linearScale([3, 3], [7, 9])(3)).toBe(7);
  });

  it('rounds maxima up to 1, 2, 5 × 10^n', () => {
    expect([0, 0.7, 3, 15, 15.1, 20, 0.0042].map(niceMax)).toEqual([1, 1, 5, 20, 20, 20, 0.005]);
  });

  it('draws a path', () => {
    const x = linearScale([0, 2], [0, 100]);
    const y = linearScale([0, 1], [50, 0]);
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
          { x: 2, y: 0.5 },
        ],
        x,
        y,
      ),
    ).toBe('M0.0 50.0L50.0 0.0L100.0 25.0');
  });

  it('downsamples keeping both ends', () => {
    expect(downsample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
    expect(downsample([1, 2], 5)).toEqual([1, 2]);
  });

  it('builds running vs desired from service metrics and describes it in words', () => {
    const metrics = [
      sample(0, {
        services: { web: { desired: 6, running: 2, pending: 4, cpu: 10, memory: 5, azs: {} } },
      }),
      sample(10, {
        services: { web: { desired: 6, running: 6, pending: 0, cpu: 30, memory: 5, azs: {} } },
      }),
    ];
    const chart = runningChart(metrics, true);
    expect(chart.yMax).toBe(10);
    expect(summariseChart(chart)).toBe(
      'Running vs desired from 00:00 to 00:10: Running tasks now 6 (min 2, max 6); Desired tasks now 6 (min 6, max 6).',
    );
  });

  it('charts containers waiting for a host when there are no services', () => {
    const chart = runningChart(
      [sample(0, { pendingTasks: 15 }), sample(10, { pendingTasks: 3 })],
      false,
    );
    expect(summariseChart(chart)).toBe(
      'Containers waiting for a host from 00:00 to 00:10: Waiting for a host now 3 (min 3, max 15).',
    );
    expect(chart.yMax).toBe(20);
  });

  it('averages instance CPU and reports cost in dollars', () => {
    const metrics = [
      sample(0, {
        instances: { a: { cpu: 20, memory: 0 }, b: { cpu: 40, memory: 0 } },
        costTotal: 0,
      }),
      sample(60, { instances: {}, costTotal: 0.0042 }),
    ];
    expect(cpuChart(metrics).series[0]?.points).toEqual([
      { x: 0, y: 30 },
      { x: 60, y: 0 },
    ]);
    const cost = costChart(metrics);
    expect(cost.yMax).toBe(0.005);
    expect(summariseChart(cost)).toBe(
      'Cost so far from 00:00 to 01:00: Total cost now $0.0042 (min $0.0000, max $0.0042).',
    );
  });

  it('says when there is no data', () => {
    expect(summariseChart(costChart([]))).toBe('Cost so far: no data yet.');
  });
});
