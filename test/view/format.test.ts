import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatClockWords,
  formatMemory,
  formatPercent,
  formatPerHour,
  formatUsage,
  formatUsd,
  formatVcpu,
  ratioPercent,
  shortId,
} from '../../src/lib/sandbox-view/format.ts';

describe('formatClock', () => {
  it('prints mm:ss and keeps counting minutes past an hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65)).toBe('01:05');
    expect(formatClock(599.9)).toBe('09:59');
    expect(formatClock(4500)).toBe('75:00');
  });
  it('never prints a negative time', () => {
    expect(formatClock(-3)).toBe('00:00');
  });
  it('speaks the time in words', () => {
    expect(formatClockWords(0)).toBe('0 seconds');
    expect(formatClockWords(61)).toBe('1 minute 1 second');
    expect(formatClockWords(120)).toBe('2 minutes');
  });
});

describe('money', () => {
  it('keeps four decimals under a dollar and cents above', () => {
    expect(formatUsd(0)).toBe('$0.0000');
    expect(formatUsd(0.00792)).toBe('$0.0079');
    expect(formatUsd(12.4)).toBe('$12.40');
    expect(formatUsd(1204)).toBe('$1,204.00');
    expect(formatUsd(-0.5)).toBe('-$0.5000');
  });
  it('prints a price per hour', () => {
    expect(formatPerHour(0.1248)).toBe('$0.1248/h');
  });
});

describe('units', () => {
  it('prints CPU units as vCPU', () => {
    expect(formatVcpu(512)).toBe('0.5 vCPU');
    expect(formatVcpu(2048)).toBe('2 vCPU');
    expect(formatVcpu(256)).toBe('0.25 vCPU');
  });
  it('prints memory in MiB then GiB', () => {
    expect(formatMemory(512)).toBe('512 MiB');
    expect(formatMemory(1024)).toBe('1 GiB');
    expect(formatMemory(3891)).toBe('3.8 GiB');
  });
  it('prints usage as used / total', () => {
    expect(formatUsage('cpu', 1536, 2048)).toBe('1.5 / 2 vCPU');
    expect(formatUsage('memory', 768, 3891)).toBe('0.8 / 3.8 GiB');
    expect(formatUsage('memory', 256, 512)).toBe('256 MiB / 512 MiB');
  });
  it('clamps percentages', () => {
    expect(formatPercent(41.6)).toBe('42%');
    expect(formatPercent(-5)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('0%');
    expect(ratioPercent(3, 4)).toBe(75);
    expect(ratioPercent(1, 0)).toBe(0);
    expect(ratioPercent(5, 4)).toBe(100);
  });
  it('shortens task ids but not instance ids', () => {
    expect(shortId('0123456789abcdef0123456789abcdef')).toBe('01234567');
    expect(shortId('i-0a1b2c3d4e5f60718')).toBe('i-0a1b2c3d4e5f60718');
  });
});
