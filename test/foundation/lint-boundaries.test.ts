import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The engine's two boundaries are enforced by lint: sandbox/ imports nothing from the UI or
 * the site, and reads neither the wall clock nor chance. Each case lints a small piece of code
 * as if it lived in sandbox/ and asserts the exact rule that refuses it.
 */
let eslint: ESLint;
// Loading the config (typescript-eslint and its parser) is the slow part: done once here, with
// room for a busy machine, so no single case pays for it.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText('export {};', { filePath: 'sandbox/warm-up.ts' });
}, 120_000);

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const FORBIDDEN_IMPORTS: Array<[string, string]> = [
  ['react', "import { useState } from 'react';\nexport const s = useState;"],
  ['react-dom', "import { createRoot } from 'react-dom/client';\nexport const c = createRoot;"],
  ['@xstate/react', "import { useSelector } from '@xstate/react';\nexport const u = useSelector;"],
  ['astro', "import { getCollection } from 'astro:content';\nexport const g = getCollection;"],
  ['@astrojs/*', "import starlight from '@astrojs/starlight';\nexport const s = starlight;"],
  ['src/ by path', "import { x } from '../src/lib/x.ts';\nexport const y = x;"],
  ['src/ by alias', "import { x } from '@lib/x.ts';\nexport const y = x;"],
  ['node:crypto', "import { randomUUID } from 'node:crypto';\nexport const r = randomUUID;"],
];

const FORBIDDEN_CALLS: Array<[string, string, string]> = [
  ['Math.random', 'export const r = Math.random();', 'no-restricted-syntax'],
  ['Date.now', 'export const t = Date.now();', 'no-restricted-syntax'],
  ['new Date()', 'export const t = new Date();', 'no-restricted-syntax'],
  ['setTimeout', 'setTimeout(() => {}, 10);', 'no-restricted-globals'],
  ['setInterval', 'setInterval(() => {}, 10);', 'no-restricted-globals'],
  ['crypto', 'export const id = crypto.randomUUID();', 'no-restricted-globals'],
  ['globalThis.setTimeout', 'globalThis.setTimeout(() => {}, 10);', 'no-restricted-syntax'],
];

describe('lint boundary: sandbox/ may not import React, Astro or src/', () => {
  it.each(FORBIDDEN_IMPORTS)('refuses an import of %s', async (_name, code) => {
    expect(await ruleIdsFor(code, 'sandbox/model/fixture.ts')).toEqual(['no-restricted-imports']);
  });

  it('allows the same import in src/', async () => {
    const code = "import { useState } from 'react';\nexport const s = useState;";
    expect(await ruleIdsFor(code, 'src/components/fixture.ts')).toEqual([]);
  });
});

describe('lint boundary: sandbox/ may not read the clock or chance', () => {
  it.each(FORBIDDEN_CALLS)('refuses %s', async (_name, code, rule) => {
    expect(await ruleIdsFor(code, 'sandbox/ecs/fixture.ts')).toEqual([rule]);
  });

  it('allows deterministic code', async () => {
    const code =
      'export function next(seed: number): number {\n  return (seed * 48271) % 2147483647;\n}';
    expect(await ruleIdsFor(code, 'sandbox/model/fixture.ts')).toEqual([]);
  });

  it('allows timers outside sandbox/, where the real-time loop lives', async () => {
    expect(await ruleIdsFor('setTimeout(() => {}, 10);', 'src/lib/fixture.ts')).toEqual([]);
  });
});
