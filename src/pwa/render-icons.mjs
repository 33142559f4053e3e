// @ts-check
/**
 * Renders the web app manifest's PNG icons from their SVG sources in public/icons/, with the
 * Chromium the browser tests use (no outside service). Run after changing an SVG:
 * `npm run icons`.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

/** @type {Array<[source: string, output: string, size: number]>} */
const ICONS = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon-maskable.svg', 'apple-touch-icon.png', 180],
];

const executablePath = chromiumPath();
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  for (const [source, output, size] of ICONS) {
    const svg = await readFile(new URL(`../../public/icons/${source}`, import.meta.url), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    );
    await page.screenshot({
      path: new URL(`../../public/icons/${output}`, import.meta.url).pathname,
      omitBackground: true,
    });
    await page.close();
    console.log(`public/icons/${output} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
