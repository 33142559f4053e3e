import { describe, expect, it } from 'vitest';
import { initialLoopState, nextSpeed, tick } from '../../src/lib/sandbox-view/sim-loop.ts';

describe('the real-time loop arithmetic', () => {
  it('sends one sim second per wall second at 1×', () => {
    let state = initialLoopState;
    const sent: number[] = [];
    for (let frame = 0; frame < 100; frame++) {
      const out = tick(state, 20, 1);
      state = out.state;
      if (out.seconds) sent.push(out.seconds);
    }
    expect(sent).toEqual([1, 1]);
  });

  it('batches sends at 64× and loses no sim time', () => {
    let state = initialLoopState;
    let total = 0;
    let sends = 0;
    for (let frame = 0; frame < 60; frame++) {
      const out = tick(state, 1000 / 60, 64);
      state = out.state;
      total += out.seconds;
      if (out.seconds) sends++;
    }
    expect(total + state.owedSimMs / 1000).toBeCloseTo(64, 6);
    expect(sends).toBe(20);
  });

  it('caps a long frame (a background tab) at 250 ms', () => {
    const out = tick(initialLoopState, 60_000, 4);
    expect(out.seconds).toBe(1);
    expect(out.state.owedSimMs).toBe(0);
  });

  it('walks the speed ladder and stops at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(4);
    expect(nextSpeed(64, 1)).toBe(64);
    expect(nextSpeed(4, -1)).toBe(1);
    expect(nextSpeed(1, -1)).toBe(1);
  });
});
