/**
 * The application in the simulated repository: a small Node web server that answers with its
 * version, its test, its Dockerfile and its Kubernetes manifest. What a run does with it is read
 * from the files themselves (the version string, whether the test's assertion holds, whether the
 * Dockerfile's start command names a file that exists), so an edit in the editor and an edit
 * through the form behave the same.
 */

export const APP_FILES = {
  server: 'src/server.js',
  test: 'test/server.test.js',
  dockerfile: 'Dockerfile',
  manifest: 'k8s/deployment.yaml',
  packageJson: 'package.json',
} as const;

export const PASSING_ASSERTION = 'assert.equal(res.status, 200);';
export const FAILING_ASSERTION = 'assert.equal(res.status, 201);';
export const GOOD_START = 'CMD ["node", "src/server.js"]';
export const BROKEN_START = 'CMD ["node", "src/sever.js"]';

export function serverFile(version: string): string {
  return [
    "const http = require('node:http');",
    `const VERSION = '${version}';`,
    '',
    'const server = http.createServer((req, res) => {',
    "  res.setHeader('content-type', 'application/json');",
    '  res.end(JSON.stringify({ version: VERSION }));',
    '});',
    '',
    'if (require.main === module) server.listen(8080);',
    'module.exports = { server, VERSION };',
    '',
  ].join('\n');
}

export function testFile(passing: boolean): string {
  return [
    "const test = require('node:test');",
    "const assert = require('node:assert');",
    "const { server } = require('../src/server.js');",
    '',
    "test('GET / answers 200 with the version', async () => {",
    '  server.listen(0);',
    '  const { port } = server.address();',
    '  const res = await fetch(`http://127.0.0.1:${port}/`);',
    `  ${passing ? PASSING_ASSERTION : FAILING_ASSERTION}`,
    '  server.close();',
    '});',
    '',
  ].join('\n');
}

export function dockerfile(starts: boolean): string {
  return [
    'FROM node:22-alpine',
    'WORKDIR /app',
    'COPY package.json .',
    'COPY src/ src/',
    'EXPOSE 8080',
    starts ? GOOD_START : BROKEN_START,
    '',
  ].join('\n');
}

export function packageJson(version: string): string {
  return `{\n  "name": "web",\n  "version": "${version}",\n  "scripts": { "test": "node --test" }\n}\n`;
}

/** The version the server answers with (`const VERSION = '…'`), or null. */
export function versionOf(files: Readonly<Record<string, string>>): string | null {
  const text = files[APP_FILES.server];
  if (text === undefined) return null;
  const m = /const VERSION = '([^'\n]{1,64})'/.exec(text);
  return m ? m[1]! : null;
}

/** Whether the test's assertion holds: the server answers 200. */
export function testPasses(files: Readonly<Record<string, string>>): boolean {
  const text = files[APP_FILES.test];
  if (text === undefined) return false;
  return /assert\.equal\(res\.status, 200\)/.test(text);
}

/** The Dockerfile's CMD as a list, or null when there is none. */
export function startCommand(files: Readonly<Record<string, string>>): string[] | null {
  const text = files[APP_FILES.dockerfile];
  if (text === undefined) return null;
  const line = text.split('\n').find((l) => /^\s*CMD\s/i.test(l));
  if (!line) return null;
  const m = /^\s*CMD\s+(\[.*\])\s*$/i.exec(line);
  if (m) {
    try {
      const parsed: unknown = JSON.parse(m[1]!);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string'))
        return parsed as string[];
    } catch {
      return null;
    }
  }
  return line
    .replace(/^\s*CMD\s+/i, '')
    .trim()
    .split(/\s+/);
}

/** Whether the container's start command runs a file the image contains. */
export function startsOk(files: Readonly<Record<string, string>>): boolean {
  const cmd = startCommand(files);
  if (!cmd || cmd.length < 2 || cmd[0] !== 'node') return false;
  const script = cmd[cmd.length - 1]!;
  return Object.hasOwn(files, script);
}

/** Node's message when the start command names a missing file (the container's log). */
export function startFailure(files: Readonly<Record<string, string>>): string {
  const cmd = startCommand(files) ?? [];
  const script = cmd[cmd.length - 1] ?? '';
  return `Error: Cannot find module '/app/${script}'`;
}

/** The test's output as `node --test` prints it (the sandbox's rendering; durations approx). */
export function testOutput(
  files: Readonly<Record<string, string>>,
  version: string,
): { lines: string[]; exitCode: number } {
  const head = [`> web@${version} test`, '> node --test', ''];
  const name = 'GET / answers 200 with the version';
  if (testPasses(files))
    return {
      exitCode: 0,
      lines: [...head, `✔ ${name} (12.4ms)`, 'ℹ tests 1', 'ℹ suites 0', 'ℹ pass 1', 'ℹ fail 0'],
    };
  return {
    exitCode: 1,
    lines: [
      ...head,
      `✖ ${name} (14.1ms)`,
      '  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      '',
      '  200 !== 201',
      '',
      'ℹ tests 1',
      'ℹ suites 0',
      'ℹ pass 0',
      'ℹ fail 1',
    ],
  };
}
