/**
 * The course installs as an app, as Chromium judges it. Lighthouse deprecated its PWA audits and
 * has none left (13.5 has no manifest, icon or service-worker audit), so this story asks the
 * browser what those audits asked it: the DevTools Protocol's installability errors (the source
 * of the old installable-manifest audit) and the parsed manifest, and checks what the old
 * maskable-icon, splash-screen, themed-omnibox, apple-touch-icon and viewport audits checked.
 * Offline start (the old offline-start-url audit) is offline.spec.ts.
 *
 * Installability needs a profile that is not incognito, so these stories open a persistent
 * context of their own, launched as the other stories' browser is.
 */
import type { BrowserContext } from '@playwright/test';
import { test, expect } from './fixtures';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

/** Width and height of a PNG, read from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG signature').toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

let context: BrowserContext;

test.beforeAll(async ({ playwright }, testInfo) => {
  const { launchOptions } = testInfo.project.use;
  context = await playwright.chromium.launchPersistentContext('', {
    ...launchOptions,
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 390, height: 844 },
  });
  // As in every story, a policy violation fails it (fixtures.ts watches only its own context).
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
  });
});

test.afterAll(async () => {
  await context.close();
});

for (const path of ['/', '/lessons/eks/']) {
  test(`Chromium finds nothing that stops installing the course from ${path}`, async () => {
    const page = await context.newPage();
    await page.goto(path);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(new URL(manifest.url).pathname).toBe('/manifest.webmanifest');
    expect(manifest.errors).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);
    await page.close();
  });
}

test('the manifest gives a name, a standalone window, a splash screen, a maskable icon and the theme colour the pages use', async ({
  request,
}) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    background_color: string;
    theme_color: string;
    icons: ManifestIcon[];
  };
  expect(manifest).toMatchObject({
    name: 'Shipyard: containers on AWS',
    short_name: 'Shipyard',
    start_url: '/',
    display: 'standalone',
    background_color: '#17181c',
    theme_color: '#0b5cad',
  });
  // Every PNG icon is the size it claims; the splash screen needs one of at least 512 px and the
  // home screen one of 192 px; Android's adaptive icons need a maskable one.
  const sizes: string[] = [];
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(pngSize(await image.body()), icon.src).toBe(icon.sizes);
    sizes.push(`${icon.sizes} ${icon.purpose}`);
  }
  expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

  const home = await (await request.get('/')).text();
  expect(home).toContain('<meta name="theme-color" content="#0b5cad"/>');
  expect(home).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
  const touchIcon = /<link rel="apple-touch-icon" href="([^"]+)"\/>/.exec(home)?.[1];
  expect(touchIcon).toBe('/icons/apple-touch-icon.png');
  const touch = await request.get(touchIcon!);
  expect(touch.status()).toBe(200);
  expect(pngSize(await touch.body())).toBe('180x180');
});
