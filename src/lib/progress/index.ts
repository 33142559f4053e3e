/**
 * The learner's progress in this browser: the one place the site, the quiz and the sandbox
 * view read and record it. Safe to import anywhere; it touches `window` only when first used
 * in a browser.
 *
 * ```ts
 * import { recordChallengeResult } from '@lib/progress/index.ts';
 * recordChallengeResult({ lessonId: 'ecs', scenarioId: 'ecs-keep-six', passed: true, goals });
 * ```
 */
import {
  recordChallenge,
  recordQuizAnswer,
  recordVisit,
  type ChallengeResultInput,
  type QuizAnswerInput,
} from './record.ts';
import type { Progress } from './schema.ts';
import {
  createProgressStore,
  STORAGE_KEY,
  type ProgressState,
  type ProgressStore,
  type StorageLike,
} from './store.ts';

export type { ChallengeResultInput, QuizAnswerInput, LessonStatus } from './record.ts';
export { lessonStatus } from './record.ts';
export type { Progress } from './schema.ts';
export type { Notice, ProgressState } from './store.ts';

/** Fired on `window` after this tab saved progress, so every copy of the store re-reads. */
export const PROGRESS_EVENT = 'shipyard:progress';

let store: ProgressStore | null = null;
let selfWrite = false;

function openStorage(): StorageLike | null {
  try {
    const storage = window.localStorage;
    // Reading can succeed while writing throws (Safari private mode), which update() handles.
    storage.getItem(STORAGE_KEY);
    return storage;
  } catch {
    return null;
  }
}

const nowIso = () => new Date().toISOString();

/** The browser's progress store (created on first use). */
export function progressStore(): ProgressStore {
  if (store) return store;
  const created = createProgressStore({
    storage: typeof window === 'undefined' ? null : openStorage(),
    now: nowIso,
    onSaved() {
      selfWrite = true;
      window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
      selfWrite = false;
    },
  });
  store = created;
  if (typeof window !== 'undefined') {
    // Another tab saved: the storage event. Another copy of this module saved: our own event.
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) created.reload();
    });
    window.addEventListener(PROGRESS_EVENT, () => {
      if (!selfWrite) created.reload();
    });
  }
  return created;
}

/** The current progress, validated. */
export function getProgress(): Progress {
  return progressStore().getSnapshot().progress;
}

/** Calls `listener` after every change (this island, other islands, other tabs). */
export function subscribeProgress(listener: (state: ProgressState) => void): () => void {
  const s = progressStore();
  return s.subscribe(() => listener(s.getSnapshot()));
}

/** Marks a lesson visited (first and last visit times). */
export function recordLessonVisit(lessonId: string): void {
  progressStore().update((p) => recordVisit(p, lessonId, nowIso()));
}

/** Records one checked quiz answer; used by the quiz island. */
export function recordQuizResult(input: QuizAnswerInput): void {
  progressStore().update((p) => recordQuizAnswer(p, input, nowIso()));
}

/**
 * Records the outcome of a sandbox challenge ("Check my work"): call it with the goal results
 * from `checkGoals`. `passed` is usually `goals.every(g => g.status === 'pass')`. A challenge
 * once passed stays passed; attempts are counted.
 *
 * ```ts
 * const goals = checkGoals(world, scenario);
 * recordChallengeResult({ lessonId: 'ecs', scenarioId: scenario.id,
 *   passed: goals.every((g) => g.status === 'pass'), goals });
 * ```
 */
export function recordChallengeResult(input: ChallengeResultInput): void {
  progressStore().update((p) => recordChallenge(p, input, nowIso()));
}
