import {
  lessonStatus,
  recordLessonVisit,
  subscribeProgress,
  progressStore,
  type ProgressState,
} from '@lib/progress/index.ts';
import { challengeSummary, quizSummary, STATUS_TEXT } from './status-text.ts';

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(root: HTMLElement, state: ProgressState): void {
  const lessonId = root.dataset['lessonProgress']!;
  const hasQuiz = root.dataset['hasQuiz'] === 'true';
  const record = Object.hasOwn(state.progress.lessons, lessonId)
    ? state.progress.lessons[lessonId]
    : undefined;
  const status = STATUS_TEXT[lessonStatus(state.progress, lessonId, { hasQuiz })];
  const line = el('p', 'sy-lp-line');
  const badge = el('span', 'sy-lp-status');
  badge.append(el('span', 'sy-lp-icon', status.icon));
  badge.lastElementChild!.setAttribute('aria-hidden', 'true');
  badge.append(` Your progress: ${status.label}`);
  line.append(badge);
  for (const part of [
    quizSummary(record) ?? (hasQuiz ? 'Quiz: not taken yet' : null),
    challengeSummary(record),
  ])
    if (part) line.append(el('span', 'sy-lp-part', part));
  const link = el('a', 'sy-lp-link', 'My progress') as HTMLAnchorElement;
  link.href = '/progress/';
  line.append(link);
  const notices = state.notices.map((n) => {
    const p = el('p', 'sy-lp-notice', n.message);
    p.prepend(el('strong', '', 'Progress not saved normally: '));
    return p;
  });
  root.replaceChildren(line, ...notices);
  root.hidden = false;
}

/** Shows the lesson's progress under its title, records the visit, and stays live. */
export function mountLessonProgress(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-lesson-progress]')) {
    if (root.dataset['mounted']) continue;
    root.dataset['mounted'] = 'true';
    recordLessonVisit(root.dataset['lessonProgress']!);
    render(root, progressStore().getSnapshot());
    subscribeProgress((state) => render(root, state));
  }
}
