/**
 * On every lesson page: when the address carries a sandbox link (`#sbx=…`), loads the codec and
 * opens it. Nothing else runs, so a page without a link pays only for this check.
 */
// The same prefix as state-link.ts, written out so this file does not import the codec.
const LINK_PREFIX = '#sbx=';

function check(): void {
  if (!location.hash.startsWith(LINK_PREFIX)) return;
  void import('./open-link.ts').then((module) => module.openLink(location.hash));
}

check();
window.addEventListener('hashchange', check);
