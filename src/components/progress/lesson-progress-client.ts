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

/**
 * Fills in the rows the page was served with (LessonProgress.astro), text only: the rows keep
 * their number and place, so the lesson below never moves when the progress arrives.
 */
function render(root: HTMLElement, state: ProgressState): void {
  const lessonId = root.dataset['lessonProgress']!;
  const hasQuiz = root.dataset['hasQuiz'] === 'true';
  const record = Object.hasOwn(state.progress.lessons, lessonId)
    ? state.progress.lessons[lessonId]
    : undefined;
  const status = STATUS_TEXT[lessonStatus(state.progress, lessonId, { hasQuiz })];
  const text = (selector: string, value: string) => {
    const node = root.querySelector(selector);
    if (node) node.textContent = value;
  };
  text('.sy-lp-icon', status.icon);
  text('.sy-lp-label', ` Your progress: ${status.label}`);
  text('.sy-lp-quiz', quizSummary(record) ?? 'Quiz: not taken yet');
  text('.sy-lp-challenges', challengeSummary(record) ?? 'Challenges: none tried yet');
  for (const old of root.querySelectorAll('.sy-lp-notice')) old.remove();
  root.append(
    ...state.notices.map((n) => {
      const p = el('p', 'sy-lp-notice', n.message);
      p.prepend(el('strong', '', 'Progress not saved normally: '));
      return p;
    }),
  );
  root.classList.remove('sy-lp-pending');
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
