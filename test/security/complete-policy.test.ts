import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completePolicy } from '../../src/security/complete-policy.mjs';

const hash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const META = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;

describe('completePolicy', () => {
  const page = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
    '<script>window.theme = 1</script>',
    META("default-src 'self';script-src 'self' 'sha256-bundled='; style-src 'self';"),
    '<script type="module">import "./a.js"</script>',
    '<script type="module" src="/_astro/b.js"></script>',
    '<script type="application/json" id="data">{"a":1}</script>',
    '</head><body><script>window.theme = 1</script></body></html>',
  ].join('');

  it('moves the policy first in the head and hashes each inline script once', () => {
    const policy =
      "default-src 'self'; script-src 'self' 'sha256-bundled=' " +
      `${hash('window.theme = 1')} ${hash('import "./a.js"')}; style-src 'self'; ` +
      "style-src-attr 'unsafe-inline';";
    expect(completePolicy(page, 'index.html')).toBe(
      [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
        META(policy),
        '<script>window.theme = 1</script>',
        '<script type="module">import "./a.js"</script>',
        '<script type="module" src="/_astro/b.js"></script>',
        '<script type="application/json" id="data">{"a":1}</script>',
        '</head><body><script>window.theme = 1</script></body></html>',
      ].join(''),
    );
  });

  const styled = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
    META("default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';"),
    '<style>:root{--sl-a:1}</style><style data-ec>.ec{color:red}</style>',
    '</head><body><div class="not-content sbx-block" data-scenario="ecs-first-service">',
    '<p style="width:2px">x</p></div><style>:root{--sl-a:1}</style></body></html>',
  ].join('');

  it('hashes each inline style element once and drops unsafe-inline for them, sandbox or not', () => {
    const completed = completePolicy(styled, 'lessons/ecs/index.html');
    expect(completed).toContain(
      META(
        "default-src 'self'; script-src 'self'; " +
          `style-src 'self' ${hash(':root{--sl-a:1}')} ${hash('.ec{color:red}')}; ` +
          "style-src-attr 'unsafe-inline';",
      ),
    );
    expect(completePolicy(completed, 'lessons/ecs/index.html')).toBe(completed);
  });

  it('is idempotent: a completed page stays as it is', () => {
    const once = completePolicy(page, 'index.html');
    expect(completePolicy(once, 'index.html')).toBe(once);
  });

  it('names the page when it has no policy or no script-src', () => {
    expect(() => completePolicy('<html><head></head></html>', 'lessons/ecs/index.html')).toThrow(
      'lessons/ecs/index.html: no Content Security Policy <meta> (security.csp is off?)',
    );
    expect(() =>
      completePolicy(`<html><head>${META("default-src 'self';")}</head></html>`, '404.html'),
    ).toThrow('404.html: the Content Security Policy has no script-src');
  });
});
