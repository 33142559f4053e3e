// @ts-check
/**
 * Completes the Content Security Policy that Astro writes into each built page.
 *
 * Astro hashes the scripts it bundles, but not the `is:inline` scripts Starlight renders (the
 * theme switcher, the sidebar's scroll restore, the search shortcut), and it places its
 * `<meta http-equiv="content-security-policy">` after some of them, where it does not apply.
 * This pass, run on the built HTML, moves the policy to the top of `<head>` and adds the hash of
 * every inline script of that page to `script-src`. Only what the build wrote is hashed; anything
 * inserted later (a result file, a share link) has no hash and never runs.
 *
 * Styles are held the same way on every page: `style-src` loses 'unsafe-inline' and gains the
 * hash of each inline `<style>` the build wrote, so a `<style>` smuggled in by a result file, a
 * share link or an assignment is never applied. What the site's scripts style at run time
 * (Monaco, the editor, terminal and registry panels) they add as constructed style sheets, which
 * `style-src` does not govern (src/lib/adopted-styles.ts). Style attributes stay allowed
 * (`style-src-attr 'unsafe-inline'`): Starlight, Expressive Code and React's server render write
 * them, and an attribute can neither run script nor, with `default-src 'self'`, fetch from
 * elsewhere (README: "Offline and headers").
 */
import { createHash } from 'node:crypto';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;
const SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;
/** Script elements whose content a browser never runs, so CSP does not check them. */
const DATA_BLOCK = /\stype="(?!module"|text\/javascript"|application\/javascript")[^"]*"/;
const STYLE = /<style(\s[^>]*)?>([\s\S]*?)<\/style>/g;

/** @param {string} text */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * @param {string} html one built page
 * @param {string} where the page's path, for the error message
 * @returns {string} the page with its policy first in `<head>` and every inline script and
 *   style element hashed
 */
export function completePolicy(html, where) {
  const meta = META.exec(html);
  if (!meta) throw new Error(`${where}: no Content Security Policy <meta> (security.csp is off?)`);
  const policy = /** @type {string} */ (meta[1]);
  const hashes = new Set();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc=/.test(attributes) || DATA_BLOCK.test(attributes)) continue;
    hashes.add(sha256(body));
  }
  let completed = addSources(policy, 'script-src', [...hashes], where);
  const styles = new Set([...html.matchAll(STYLE)].map(([, , body = '']) => sha256(body)));
  completed = addSources(completed, 'style-src', [...styles], where, "'unsafe-inline'");
  if (!/(^|;)\s*style-src-attr\s/.test(completed)) completed += " style-src-attr 'unsafe-inline';";
  const withoutMeta = html.replace(meta[0], '');
  const head = /<head>(<meta charset="[^"]*"\/?>)?/.exec(withoutMeta);
  if (!head) throw new Error(`${where}: no <head> to put the Content Security Policy in`);
  const at = head.index + head[0].length;
  return (
    withoutMeta.slice(0, at) +
    `<meta http-equiv="content-security-policy" content="${completed}">` +
    withoutMeta.slice(at)
  );
}

/**
 * @param {string} policy
 * @param {string} directive
 * @param {string[]} sources
 * @param {string} where
 * @param {string} [drop] a source to take out of the directive
 */
function addSources(policy, directive, sources, where, drop) {
  const parts = policy.split(';').map((part) => part.trim());
  const at = parts.findIndex((part) => part.split(/\s+/)[0] === directive);
  if (at < 0) throw new Error(`${where}: the Content Security Policy has no ${directive}`);
  const present = new Set((parts[at] ?? '').split(/\s+/));
  if (drop !== undefined) present.delete(drop);
  parts[at] = [...present, ...sources.filter((source) => !present.has(source))].join(' ');
  return parts.filter((part) => part.length > 0).join('; ') + ';';
}
