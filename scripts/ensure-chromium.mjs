#!/usr/bin/env node
/**
 * Before the browser tests: find Chromium, or install Debian's where this machine can (root with
 * apt-get), or stop with the one command that would make it available. Playwright cannot
 * download its own browser on every machine, and its advice (`npx playwright install`) fails
 * where it cannot.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumCandidates } from './chromium-path.mjs';
import { missingChromiumPlan } from './chromium-plan.mjs';

function found() {
  return chromiumCandidates().find((path) => existsSync(path));
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

if (!found()) {
  const plan = missingChromiumPlan({
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: hasCommand('apt-get'),
  });
  if (plan.install) {
    console.log('Browser tests need Chromium: installing Debian’s chromium package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    } catch {
      // Reported below.
    }
  }
  if (!found()) {
    console.error(plan.advice);
    process.exit(1);
  }
}
