import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The engine's two boundaries are enforced by lint: sandbox/ imports nothing from the UI or
 * the site, and reads neither the wall clock nor chance. Each case lints a small piece of code
 * as if it lived in sandbox/ and asserts the exact rule that refuses it.
 */
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // The first lint loads the TypeScript parser and the config; on a busy machine that alone
  // can outlast a test's timeout, so it happens here, once.
  await eslint.lintText('export {};\n', { filePath: 'sandbox/model/warm-up.ts' });
}, 60_000);

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

/** The module boundaries: each case fails with exactly the rule and message that guard it. */
async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundary: the engine core imports no service', () => {
  it('refuses a service import in sandbox/engine/', async () => {
    const code = "import { ecs } from '../services/ecs/index.ts';\nexport const m = ecs;";
    expect(await messagesFor(code, 'sandbox/engine/fixture.ts')).toEqual([
      "no-restricted-imports: '../services/ecs/index.ts' import is restricted from being used by a pattern. the engine core imports no service (nor the composition or the terminal): modules reach it through the composition file.",
    ]);
  });

  it('refuses a service loaded lazily with import() in sandbox/engine/', async () => {
    const code = "export const load = () => import('../services/ecs/ecs-behaviour.ts');";
    expect(await messagesFor(code, 'sandbox/engine/fixture.ts')).toEqual([
      'no-restricted-syntax: the engine core loads no code itself: each module brings its own load() (services/<svc>/index.ts).',
    ]);
  });

  it('refuses the composition in sandbox/engine/', async () => {
    const code = "import { engine } from '../composition.ts';\nexport const e = engine;";
    expect(await ruleIdsFor(code, 'sandbox/engine/fixture.ts')).toEqual(['no-restricted-imports']);
  });

  it('allows the core its own files and the model', async () => {
    const code =
      "import { own } from '../model/record.ts';\nimport { emit } from './events.ts';\nexport const x = [own, emit];";
    expect(await ruleIdsFor(code, 'sandbox/engine/fixture.ts')).toEqual([]);
  });
});

describe('lint boundary: a service imports the core and the model, not another service', () => {
  it.each([
    ['ec2', "import { sendTask } from '../ecs/ecs-ops.ts';\nexport const s = sendTask;"],
    ['ecs', "import { syncHost } from '../docker/docker-actions.ts';\nexport const s = syncHost;"],
    ['docker', "import { launch } from '../ec2/ec2-actions.ts';\nexport const l = launch;"],
    ['elb', "import { ecs } from '../../services/ecs/index.ts';\nexport const e = ecs;"],
    ['eks', "import { placeTasks } from '../ecs/placement.ts';\nexport const p = placeTasks;"],
    ['ecr', "import { eks } from '../eks/index.ts';\nexport const e = eks;"],
    ['pipeline', "import { ecr } from '../ecr/index.ts';\nexport const e = ecr;"],
  ])('refuses another service from services/%s', async (service, code) => {
    const [message] = await messagesFor(code, `sandbox/services/${service}/fixture.ts`);
    expect(message).toMatch(
      new RegExp(
        `^no-restricted-imports: .* services/${service} may not import another service: services meet through domain events`,
      ),
    );
  });

  it('refuses the later services from the existing ones (services/ecs may not import services/eks)', async () => {
    const code = "import { eks } from '../eks/index.ts';\nexport const e = eks;";
    expect(await messagesFor(code, 'sandbox/services/ecs/fixture.ts')).toEqual([
      "no-restricted-imports: '../eks/index.ts' import is restricted from being used by a pattern. services/ecs may not import another service: services meet through domain events (engine/module.ts).",
    ]);
  });

  it('refuses another service loaded lazily with import() (no-restricted-imports does not see it)', async () => {
    const code = "export const load = () => import('../ecs/ecs-behaviour.ts');";
    expect(await messagesFor(code, 'sandbox/services/eks/fixture.ts')).toEqual([
      'no-restricted-syntax: services/eks may import() only its own files (its behaviour, from its index.ts): services meet through domain events.',
    ]);
  });

  it('allows a service to load its own behaviour lazily', async () => {
    const code = "export const load = () => import('./ecs-behaviour.ts');";
    expect(await ruleIdsFor(code, 'sandbox/services/ecs/fixture.ts')).toEqual([]);
  });

  it('refuses the composition from a service', async () => {
    const code = "import { engine } from '../../composition.ts';\nexport const e = engine;";
    expect(await messagesFor(code, 'sandbox/services/ecs/fixture.ts')).toEqual([
      "no-restricted-imports: '../../composition.ts' import is restricted from being used by a pattern. services/ecs may not import the composition, the terminal or the run loop.",
    ]);
  });

  it('allows a service its own files, the core and the model', async () => {
    const code =
      "import { charge } from '../../engine/world-ops.ts';\nimport { own } from '../../model/record.ts';\nimport { sendTask } from './ecs-ops.ts';\nexport const x = [charge, own, sendTask];";
    expect(await ruleIdsFor(code, 'sandbox/services/ecs/fixture.ts')).toEqual([]);
  });
});

describe('lint boundary: src/ imports only the sandbox’s public entry points', () => {
  it.each([
    ["import { createEngine } from '@sandbox/engine/engine.ts';\nexport const c = createEngine;"],
    ["import { ecs } from '@sandbox/services/ecs/index.ts';\nexport const e = ecs;"],
    ["import { createWorld } from '../../sandbox/index.ts';\nexport const c = createWorld;"],
    ["import { instanceUsage } from '../../sandbox/view.ts';\nexport const u = instanceUsage;"],
    ["import { own } from '@sandbox/model/record.ts';\nexport const o = own;"],
  ])('refuses %s', async (code) => {
    expect(await ruleIdsFor(code, 'src/lib/fixture.ts')).toEqual(['no-restricted-imports']);
  });

  it('allows the view’s own src/components/sandbox/ by a relative path', async () => {
    const code =
      "import { useSandboxUi } from '../sandbox/sandbox-context.ts';\nexport const u = useSandboxUi;";
    expect(await ruleIdsFor(code, 'src/components/share/fixture.ts')).toEqual([]);
  });

  it('allows @sandbox and @sandbox/cli/index.ts', async () => {
    const code =
      "import { createWorld } from '@sandbox';\nimport { runCommandLine } from '@sandbox/cli/index.ts';\nexport const x = [createWorld, runCommandLine];";
    expect(await ruleIdsFor(code, 'src/lib/fixture.ts')).toEqual([]);
  });

  it('allows @sandbox/view.ts, the view helpers that load no engine', async () => {
    const code =
      "import { instanceUsage } from '@sandbox/view.ts';\nexport const u = instanceUsage;";
    expect(await ruleIdsFor(code, 'src/lib/fixture.ts')).toEqual([]);
  });
});
