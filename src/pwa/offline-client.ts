/**
 * Registers the course's service worker (Workbox's window library), shows the update notice
 * when a new version is waiting, and fills the editor cache in the background so the code
 * editor (Monaco and its workers) also opens offline. Loaded only once a page is idle.
 */
import { Workbox } from 'workbox-window';
import { showUpdateNotice } from './update-notice.ts';

const BASE = import.meta.env.BASE_URL;

export async function startOffline(): Promise<void> {
  const workbox = new Workbox(`${BASE}sw.js`, { scope: BASE });
  // A new version waits until the learner chooses to reload: never a swap in mid-challenge.
  workbox.addEventListener('waiting', () => {
    showUpdateNotice(() => reloadToUpdate(workbox));
  });
  const registration = await workbox.register();
  if (!registration) return;
  await workbox.active;
  await warmEditorCache();
}

function reloadToUpdate(workbox: Workbox): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  void navigator.serviceWorker.getRegistration(BASE).then((registration) => {
    // Another tab may have switched to the new version already: then only this page is old.
    if (registration?.waiting) workbox.messageSkipWaiting();
    else window.location.reload();
  });
}

interface EditorAssets {
  cache: string;
  files: string[];
}

function isEditorAssets(value: unknown): value is EditorAssets {
  if (typeof value !== 'object' || value === null) return false;
  const { cache, files } = value as Record<string, unknown>;
  return (
    typeof cache === 'string' &&
    Array.isArray(files) &&
    files.every((file) => typeof file === 'string' && file.startsWith('/'))
  );
}

/** Caches each editor file not cached yet; the service worker serves them from that cache. */
async function warmEditorCache(): Promise<void> {
  if (!('caches' in window)) return;
  const response = await fetch(`${BASE}offline/editor-assets.json`);
  const list: unknown = response.ok ? await response.json() : null;
  if (!isEditorAssets(list)) return;
  const cache = await caches.open(list.cache);
  for (const file of list.files) {
    // One at a time: the learner's own requests keep the bandwidth.
    if (!(await cache.match(file))) await cache.add(file);
  }
}
