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

function found() {
  return chromiumCandidates().find((path) => existsSync(path));
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

if (!found()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
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
    const command = hasCommand('apt-get')
      ? 'sudo apt-get install -y chromium'
      : 'npx playwright install chromium';
    console.error(
      `The browser tests need Chromium and none was found: run \`${command}\` (or set CHROMIUM_PATH to a Chromium binary), then \`npm test\` again.`,
    );
    process.exit(1);
  }
}
