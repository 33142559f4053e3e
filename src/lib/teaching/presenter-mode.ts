/**
 * Presenter mode on a lesson page: one sandbox, full width, large type, no page chrome, with a
 * slim bar that opens the instructor window. Everything not on the path from <body> to the
 * sandbox is hidden (display: none, so it also leaves the tab order and the accessibility tree),
 * which works whatever the page's layout. The URL keeps `?present=<n>` so a reload stays in
 * the mode.
 */
import '@components/teaching/presenter-mode.css';
import { lessonOfPath } from './presenter-channel.ts';
import { PRESENTED_ATTR, PRESENTING } from './presenter-events.ts';
import { isTypingTarget } from './typing-target.ts';

const HIDDEN_ATTR = 'data-presenter-hidden';
const PATH_ATTR = 'data-presenter-path';

interface Presenting {
  block: HTMLElement;
  bar: HTMLElement;
  marked: Element[];
  onKey: (event: KeyboardEvent) => void;
  scrollY: number;
}

let current: Presenting | null = null;

export function togglePresenting(block: HTMLElement): void {
  if (current?.block === block) return stopPresenting();
  if (current) stopPresenting();
  startPresenting(block);
}

/** The instructor window's address for this lesson. */
export function instructorWindowUrl(): string {
  const lesson = lessonOfPath(location.pathname);
  return lesson ? `/presenter/${lesson}/` : '/instructors/#presenter-mode';
}

export function openInstructorWindow(): void {
  window.open(instructorWindowUrl(), 'shipyard-instructor', 'popup=yes,width=1000,height=900');
}

function startPresenting(block: HTMLElement): void {
  const marked: Element[] = [];
  for (
    let node: HTMLElement | null = block;
    node && node !== document.body;
    node = node.parentElement
  ) {
    node.setAttribute(PATH_ATTR, '');
    marked.push(node);
    for (const sibling of node.parentElement?.children ?? []) {
      if (
        sibling === node ||
        sibling.hasAttribute(HIDDEN_ATTR) ||
        /^(SCRIPT|STYLE|LINK|TEMPLATE)$/.test(sibling.tagName)
      )
        continue;
      sibling.setAttribute(HIDDEN_ATTR, '');
      marked.push(sibling);
    }
  }
  const bar = presenterBar(block);
  block.prepend(bar);
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (isTypingTarget(event.target)) return;
    if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      openInstructorWindow();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stopPresenting();
    }
  };
  document.addEventListener('keydown', onKey);
  current = { block, bar, marked, onKey, scrollY: window.scrollY };
  document.documentElement.setAttribute('data-presenting', '');
  block.setAttribute(PRESENTED_ATTR, '');
  block.dispatchEvent(new CustomEvent(PRESENTING, { detail: { on: true } }));
  setFlag(block);
  window.scrollTo(0, 0);
  bar.focus();
}

export function stopPresenting(): void {
  if (!current) return;
  const { block, bar, marked, onKey, scrollY } = current;
  current = null;
  document.removeEventListener('keydown', onKey);
  for (const element of marked) {
    element.removeAttribute(HIDDEN_ATTR);
    element.removeAttribute(PATH_ATTR);
  }
  bar.remove();
  document.documentElement.removeAttribute('data-presenting');
  block.removeAttribute(PRESENTED_ATTR);
  block.dispatchEvent(new CustomEvent(PRESENTING, { detail: { on: false } }));
  setFlag(null);
  window.scrollTo(0, scrollY);
  block.querySelector<HTMLElement>('.sbx-share button[aria-pressed]')?.focus();
}

function setFlag(block: HTMLElement | null): void {
  const url = new URL(location.href);
  if (block) {
    const n = [...document.querySelectorAll('.sbx-block')].indexOf(block) + 1;
    url.searchParams.set('present', String(n));
  } else {
    url.searchParams.delete('present');
  }
  history.replaceState(history.state, '', url);
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'sbx-btn';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

function presenterBar(block: HTMLElement): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'sbx-presenter-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Presenter mode');
  bar.tabIndex = -1;
  const title = block.querySelector('.sbx-head h3')?.textContent ?? 'this sandbox';
  // The page's own h1 is hidden with the rest of the page; the projected view keeps one.
  const heading = document.createElement('h1');
  heading.className = 'sbx-visually-hidden';
  heading.textContent = `${document.title} — presenter mode`;
  // An h2 so the sandbox's own h3 keeps the heading order.
  const what = document.createElement('h2');
  what.textContent = `Presenting “${title}”`;
  const keys = document.createElement('p');
  keys.textContent = 'Keys: S opens the instructor window, P or Esc stops presenting.';
  const text = document.createElement('div');
  text.className = 'sbx-presenter-bar-text';
  text.append(what, keys);
  bar.append(
    heading,
    text,
    button('Open the instructor window', openInstructorWindow),
    button('Stop presenting', stopPresenting),
  );
  return bar;
}
