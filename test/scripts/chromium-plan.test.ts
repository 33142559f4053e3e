import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingChromiumPlan } from '../../scripts/chromium-plan.mjs';

const advice = (command: string) =>
  `The browser tests need Chromium and none was found: run \`${command}\` (or set CHROMIUM_PATH to a Chromium binary), then \`npm test\` again.`;

describe('npm test on a machine without Chromium', () => {
  it('installs Debian’s Chromium itself as root with apt-get, and names apt-get if that fails', () => {
    expect(missingChromiumPlan({ isRoot: true, hasAptGet: true })).toEqual({
      install: true,
      advice: advice('apt-get install -y chromium'),
    });
  });

  it('without root, stops with the one sudo command', () => {
    expect(missingChromiumPlan({ isRoot: false, hasAptGet: true })).toEqual({
      install: false,
      advice: advice('sudo apt-get install -y chromium'),
    });
  });

  it('without apt-get, names Playwright’s own download', () => {
    expect(missingChromiumPlan({ isRoot: true, hasAptGet: false })).toEqual({
      install: false,
      advice: advice('npx playwright install chromium'),
    });
  });

  it('with Chromium found, the check says nothing and lets the tests go on', () => {
    // This machine has Debian's Chromium (/usr/bin/chromium), as the browser tests need.
    expect(
      execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('');
  });
});
