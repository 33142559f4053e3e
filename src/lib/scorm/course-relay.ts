/**
 * The course's side of the SCORM launcher: when the course is framed by the launcher, it says
 * it is ready, learns the launcher's origin from the launcher's reply (from the parent frame
 * only), then posts its progress report to that origin — now and after every saved change.
 * The reply carries what the LMS kept from earlier launches; the report never falls below it.
 */
import { getProgress, subscribeProgress } from '@lib/progress/index.ts';
import {
  courseReport,
  readSuspendData,
  type CourseLesson,
  type ResumeRecord,
} from './course-report.ts';

const SOURCE = 'shipyard-scorm';

export function startRelay(lessons: readonly CourseLesson[]): void {
  let launcherOrigin: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let resumed: ResumeRecord = {};

  const send = () => {
    if (!launcherOrigin) return;
    const report = courseReport(getProgress(), lessons, resumed);
    window.parent.postMessage(
      { source: SOURCE, version: 1, type: 'progress', ...report },
      launcherOrigin,
    );
  };

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || launcherOrigin !== null) return;
    const data = event.data as {
      source?: unknown;
      version?: unknown;
      type?: unknown;
      suspendData?: unknown;
    } | null;
    if (!data || data.source !== SOURCE || data.version !== 1 || data.type !== 'hello') return;
    launcherOrigin = event.origin;
    if (typeof data.suspendData === 'string') resumed = readSuspendData(data.suspendData);
    send();
  });
  subscribeProgress(() => {
    timer ??= setTimeout(() => {
      timer = null;
      send();
    }, 300);
  });
  // The launcher's origin is not known yet: "ready" carries nothing but the wish to be greeted.
  window.parent.postMessage({ source: SOURCE, version: 1, type: 'ready' }, '*');
}
