import { lessonStatus, progressStore, subscribeProgress } from '@lib/progress/index.ts';
import type { Progress } from '@lib/progress/schema.ts';
import { STATUS_TEXT } from './status-text.ts';

interface LessonLink {
  id: string;
  href: string;
  hasQuiz: boolean;
}

function mark(progress: Progress, lessons: readonly LessonLink[]): void {
  for (const lesson of lessons) {
    const status = lessonStatus(progress, lesson.id, { hasQuiz: lesson.hasQuiz });
    for (const link of document.querySelectorAll<HTMLAnchorElement>(
      `#starlight__sidebar a[href="${CSS.escape(lesson.href)}"]`,
    )) {
      link.querySelector('.sy-mark')?.remove();
      if (status === 'not-started') continue;
      const text = STATUS_TEXT[status];
      const span = document.createElement('span');
      span.className = `sy-mark sy-mark-${status}`;
      span.title = text.label;
      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = text.icon;
      const words = document.createElement('span');
      words.className = 'sr-only';
      words.textContent = ` (${text.label.toLowerCase()})`;
      span.append(icon, words);
      link.append(span);
    }
  }
}

/** Adds done / in-progress marks to the lesson links in the sidebar and keeps them live. */
export function mountSidebarMarks(): void {
  const data = document.getElementById('sy-sidebar-lessons');
  if (!data?.textContent) return;
  const lessons = JSON.parse(data.textContent) as LessonLink[];
  mark(progressStore().getSnapshot().progress, lessons);
  subscribeProgress((state) => mark(state.progress, lessons));
}
