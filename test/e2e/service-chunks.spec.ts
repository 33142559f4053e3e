import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { engineChunks, engineClosure, kubernetesChunks } from '../../bench/chunks.mjs';
import { test, expect, isScriptLoad } from './fixtures';
import { openSandbox } from './lesson-sandbox';

/**
 * Each service's behaviour is a chunk of its own, loaded only when a sandbox whose scenario
 * runs that service is first used: read from the built site (dist/) and from the requests a
 * lesson page makes. Lesson 1's first sandbox runs plain Docker hosts (orchestrator none), its
 * second runs ECS; the ECS lesson's sandboxes all run ECS.
 */

const SERVICE_CHUNK = /\/_astro\/([a-z0-9]+)-behaviour\.[\w-]+\.js$/;

/** The service chunks the page has requested so far, in request order. */
function serviceRequests(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const m = SERVICE_CHUNK.exec(new URL(request.url()).pathname);
    if (m) names.push(m[1]!);
  });
  return names;
}

/** Every built script the page has loaded so far (file names under /_astro/). */
function scriptRequests(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/_astro/') && isScriptLoad(request)) names.push(path.slice(8));
  });
  return names;
}

async function step(page: Page, title: string): Promise<void> {
  const sandbox = await openSandbox(page, title);
  await sandbox.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect(sandbox.getByText('00:10 / ', { exact: false }).first()).toBeVisible();
}

test('the build has one behaviour chunk per composed service, EKS, ECR and the pipeline included', () => {
  const dist = join(process.cwd(), 'dist');
  const chunks = engineChunks(dist);
  expect(Object.keys(chunks.services).sort()).toEqual([
    'docker',
    'ec2',
    'ecr',
    'ecs',
    'eks',
    'elb',
    'pipeline',
  ]);
  // The EKS behaviour is the one EKS file: what the engine core and ECS pages load holds none of it.
  const eksFiles = readdirSync(join(dist, '_astro')).filter((f) => /^eks/.test(f));
  expect(eksFiles).toHaveLength(1);
  expect(eksFiles[0]).toMatch(/^eks-behaviour\.[\w-]+\.js$/);
  // The engine core stays below its size before the services were split off (68,460 B).
  expect(chunks.engine.gzip).toBeLessThan(68_460);
});

test("EKS's schemas and goals are a chunk of their own, outside the engine and what it imports", () => {
  const dist = join(process.cwd(), 'dist');
  const k8s = kubernetesChunks(dist);
  const closure = engineClosure(dist);
  // The grading worker bundles the whole sandbox; the pages load EKS's static part on demand.
  const pageChunks = k8s.schemas.filter((f) => !f.startsWith('grade-worker'));
  expect(pageChunks).toHaveLength(1);
  expect(closure.files).not.toContain(pageChunks[0]);
  expect(closure.files.filter((f) => k8s.schemas.includes(f))).toEqual([]);
});

test('lesson 1 loads no service before first use, then only what each sandbox runs', async ({
  page,
}) => {
  const loaded = serviceRequests(page);
  await page.goto('/lessons/why-orchestration/');
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  expect(loaded).toEqual([]);

  await step(page, 'Fifteen containers, three Docker hosts, your two hands');
  expect([...loaded].sort()).toEqual(['docker', 'ec2', 'elb']);

  await step(page, 'The same fifteen containers, with an orchestrator');
  expect([...loaded].sort()).toEqual(['docker', 'ec2', 'ecs', 'elb']);
});

test('the ECS lesson loads no engine before the first interaction, and no Kubernetes code after it', async ({
  page,
}) => {
  const dist = join(process.cwd(), 'dist');
  const engine = engineChunks(dist).engine.file;
  const k8s = kubernetesChunks(dist);
  const kubernetesCode = new Set([...k8s.view, ...k8s.dialog, ...k8s.behaviour, ...k8s.schemas]);
  const scripts = scriptRequests(page);
  await page.goto('/lessons/ecs/');
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  expect(scripts.length).toBeGreaterThan(0);
  // The view's helpers come from sandbox/view.ts, which imports no engine.
  expect(scripts).not.toContain(engine);
  await step(page, 'An instance without the ECS agent never joins');
  expect(scripts).toContain(engine);
  expect(scripts.filter((f) => kubernetesCode.has(f))).toEqual([]);
});

test('the ECS lesson never loads the Docker-by-hand service', async ({ page }) => {
  const loaded = serviceRequests(page);
  await page.goto('/lessons/ecs/');
  await step(page, 'An instance without the ECS agent never joins');
  expect([...loaded].sort()).toEqual(['ec2', 'ecs', 'elb']);
});

test('the Kubernetes view, its dialog and the behaviour are chunks of their own', () => {
  const k8s = kubernetesChunks(join(process.cwd(), 'dist'));
  const chunks = engineChunks(join(process.cwd(), 'dist'));
  expect(k8s.view).toHaveLength(1);
  expect(k8s.view[0]).toMatch(/^EksView\.[\w-]+\.js$/);
  // The entity dialog and its scheduler explanations load when a learner first opens one.
  expect(k8s.dialog).toHaveLength(1);
  expect(k8s.dialog[0]).toMatch(/^EksDialog\.[\w-]+\.js$/);
  // The scheduler's wording is in the EKS behaviour (and in what the view shares with it), never
  // in the engine core or an island's own chunk.
  expect(k8s.behaviour).toContain(chunks.services['eks']!.file);
  expect(k8s.behaviour).not.toContain(chunks.engine.file);
  expect(k8s.behaviour.filter((f) => /^(SandboxIsland|ControlPlane)\./.test(f))).toEqual([]);
});

test('a lesson page without EKS loads no Kubernetes view or behaviour, before or after first use', async ({
  page,
}) => {
  const k8s = kubernetesChunks(join(process.cwd(), 'dist'));
  const kubernetesCode = new Set([...k8s.view, ...k8s.dialog, ...k8s.behaviour, ...k8s.schemas]);
  const scripts = scriptRequests(page);
  await page.goto('/lessons/why-orchestration/');
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((f) => kubernetesCode.has(f))).toEqual([]);
  await step(page, 'The same fifteen containers, with an orchestrator');
  expect(scripts.filter((f) => kubernetesCode.has(f))).toEqual([]);
});

test('the EKS playground loads the Kubernetes view with its island, and the EKS behaviour on first use', async ({
  page,
}) => {
  const k8s = kubernetesChunks(join(process.cwd(), 'dist'));
  const chunks = engineChunks(join(process.cwd(), 'dist'));
  const scripts = scriptRequests(page);
  await page.goto('/playground/eks/');
  await openSandbox(page, 'EKS playground');
  expect(scripts).toContain(k8s.view[0]);
  expect(scripts).not.toContain(k8s.dialog[0]);
  expect(scripts).not.toContain(chunks.services['eks']!.file);
  await step(page, 'EKS playground');
  expect(scripts).toContain(chunks.services['eks']!.file);
});
