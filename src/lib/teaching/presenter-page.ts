/**
 * On every lesson page: the three ways into presenter mode — a sandbox's "Present" button,
 * the P key, and the `?present` (or `?present=<n>`, the n-th sandbox) URL flag. The mode
 * itself loads on first use.
 */
import { PRESENTED_ATTR, PRESENT_TOGGLE } from './presenter-events.ts';
import { isTypingTarget } from './typing-target.ts';

function toggle(block: HTMLElement): void {
  void import('./presenter-mode.ts').then((mode) => mode.togglePresenting(block));
}

function blocks(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.sbx-block')];
}

/** The sandbox being presented, else the first one whose top is on screen, else the first. */
function blockForKey(): HTMLElement | undefined {
  const all = blocks();
  return (
    all.find((block) => block.hasAttribute(PRESENTED_ATTR)) ??
    all.find((block) => {
      const box = block.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }) ??
    all[0]
  );
}

document.addEventListener(PRESENT_TOGGLE, (event) => {
  const block = (event.target as HTMLElement).closest<HTMLElement>('.sbx-block');
  if (block) toggle(block);
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'p' && event.key !== 'P') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  if (isTypingTarget(event.target)) return;
  const block = blockForKey();
  if (!block) return;
  event.preventDefault();
  toggle(block);
});

const flag = new URLSearchParams(location.search).get('present');
if (flag !== null) {
  const n = Number(flag);
  const all = blocks();
  const block = Number.isInteger(n) && n >= 1 && n <= all.length ? all[n - 1] : all[0];
  if (block) toggle(block);
}
