import { describe, expect, it } from 'vitest';

describe('the project runtime', () => {
  it('runs on Node 22.12 or newer, as Astro 7 and Vitest 5 require', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), `Node ${process.versions.node}`).toBe(true);
  });
});
