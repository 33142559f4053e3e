/**
 * The only offline code a page runs before it is idle: once the page has loaded and the
 * browser is idle, it loads the service worker client (src/pwa/offline-client.ts). Nothing
 * here or there touches the learner's progress.
 */
function whenIdle(run: () => void): void {
  const later = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 10_000 });
    else setTimeout(run, 2_000);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

if ('serviceWorker' in navigator) {
  whenIdle(() => {
    import('./offline-client.ts')
      .then(({ startOffline }) => startOffline())
      // Offline use is an extra: the page works without it, and the next page load tries again.
      .catch((error: unknown) => console.warn('Shipyard could not prepare offline use:', error));
  });
}
