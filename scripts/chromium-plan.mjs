// @ts-check
/**
 * What the browser tests do when no Chromium is found (scripts/ensure-chromium.mjs): install
 * Debian's chromium package where this process may (root, with apt-get), and otherwise, or when
 * that install fails, stop with one line naming the command that would make one available.
 */

/**
 * @param {{ isRoot: boolean, hasAptGet: boolean }} machine
 * @returns {{ install: boolean, advice: string }}
 */
export function missingChromiumPlan({ isRoot, hasAptGet }) {
  const command = !hasAptGet
    ? 'npx playwright install chromium'
    : isRoot
      ? 'apt-get install -y chromium'
      : 'sudo apt-get install -y chromium';
  return {
    install: isRoot && hasAptGet,
    advice: `The browser tests need Chromium and none was found: run \`${command}\` (or set CHROMIUM_PATH to a Chromium binary), then \`npm test\` again.`,
  };
}
