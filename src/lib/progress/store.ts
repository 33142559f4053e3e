import { migrate } from './migrate.ts';
import { parseJson, scanHostile } from './safe-json.ts';
import type { Progress } from './schema.ts';
import { checkProgressShape, emptyProgress } from './shape.ts';

/** The part of the Web Storage API the store uses (localStorage, or a fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'shipyard.progress';
export const SET_ASIDE_PREFIX = 'shipyard.progress.set-aside.';

export type Notice =
  | { kind: 'set-aside'; message: string; backupKey: string | null }
  | { kind: 'unavailable'; message: string };

export interface ProgressState {
  progress: Progress;
  /** true while changes are written to storage; false in the in-memory fallback */
  persistent: boolean;
  notices: readonly Notice[];
}

export interface ProgressStore {
  getSnapshot(): ProgressState;
  subscribe(listener: () => void): () => void;
  /** Applies a pure update and saves it. */
  update(change: (progress: Progress) => Progress): void;
  /** Re-reads storage (after another tab or another copy of the store wrote to it). */
  reload(): void;
  dismissNotice(notice: Notice): void;
}

export interface StoreOptions {
  /** null when storage cannot be reached at all (blocked, private mode) */
  storage: StorageLike | null;
  /** current time as an ISO string; used to name set-aside backups */
  now: () => string;
  /** called after every successful write, e.g. to tell other islands */
  onSaved?: () => void;
}

const UNAVAILABLE =
  'Your browser is not letting this site save progress (private mode, blocked or full storage). Progress is kept only until you close this tab: export it from My progress to keep it.';

type Loaded = { progress: Progress; notices: Notice[]; writable: boolean };

function readStored(storage: StorageLike, now: () => string): Loaded {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return {
      progress: emptyProgress(),
      notices: [{ kind: 'unavailable', message: UNAVAILABLE }],
      writable: false,
    };
  }
  if (raw === null) return { progress: emptyProgress(), notices: [], writable: true };
  const problem = diagnose(raw);
  if (problem.ok) return { progress: problem.value, notices: [], writable: true };
  // Keep what could not be read under a backup key before anything overwrites it.
  const backupKey = `${SET_ASIDE_PREFIX}${now()}`;
  try {
    storage.setItem(backupKey, raw);
    return {
      progress: emptyProgress(),
      notices: [
        {
          kind: 'set-aside',
          backupKey,
          message: `Your saved progress could not be read (${problem.reason}). It was set aside under the storage key "${backupKey}" and nothing was deleted; new progress starts fresh.`,
        },
      ],
      writable: true,
    };
  } catch {
    // No room for a backup: never overwrite the unreadable data; run in memory instead.
    return {
      progress: emptyProgress(),
      notices: [
        {
          kind: 'set-aside',
          backupKey: null,
          message: `Your saved progress could not be read (${problem.reason}) and could not be backed up, so it was left untouched. New progress is kept only until you close this tab.`,
        },
      ],
      writable: false,
    };
  }
}

function diagnose(raw: string): { ok: true; value: Progress } | { ok: false; reason: string } {
  const parsed = parseJson(raw);
  if (!parsed.ok) return { ok: false, reason: `not valid JSON: ${parsed.message}` };
  const hostile = scanHostile(parsed.value);
  if (hostile) return { ok: false, reason: `${hostile.path}: ${hostile.message}` };
  const migrated = migrate(parsed.value);
  if (!migrated.ok) return { ok: false, reason: migrated.message };
  const checked = checkProgressShape(migrated.value);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    const more =
      checked.problems.length > 1 ? ` and ${checked.problems.length - 1} more problems` : '';
    return { ok: false, reason: `${first.path} ${first.message}${more}` };
  }
  return { ok: true, value: checked.value };
}

/**
 * A progress store over any Storage. Reads and validates once at creation; corrupt, foreign or
 * newer data is set aside under a backup key and reported; write failures (quota, private
 * mode) switch to an in-memory copy with a notice. Never throws.
 */
export function createProgressStore(options: StoreOptions): ProgressStore {
  const { storage, now } = options;
  const listeners = new Set<() => void>();
  let state: ProgressState;
  let writable: boolean;

  const init = (): void => {
    if (storage === null) {
      state = {
        progress: emptyProgress(),
        persistent: false,
        notices: [{ kind: 'unavailable', message: UNAVAILABLE }],
      };
      writable = false;
      return;
    }
    const loaded = readStored(storage, now);
    writable = loaded.writable;
    state = { progress: loaded.progress, persistent: loaded.writable, notices: loaded.notices };
  };
  init();

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const progress = change(state.progress);
      if (progress === state.progress) return;
      let { persistent, notices } = state;
      if (writable && storage !== null) {
        try {
          storage.setItem(STORAGE_KEY, JSON.stringify(progress));
        } catch {
          writable = false;
          persistent = false;
          if (!notices.some((n) => n.kind === 'unavailable'))
            notices = [...notices, { kind: 'unavailable', message: UNAVAILABLE }];
        }
      }
      state = { progress, persistent, notices };
      emit();
      if (writable) options.onSaved?.();
    },
    reload() {
      if (storage === null || !writable) return;
      const notices = state.notices;
      init();
      state = {
        ...state,
        notices: [...notices, ...state.notices.filter((n) => !notices.includes(n))],
      };
      emit();
    },
    dismissNotice(notice) {
      state = { ...state, notices: state.notices.filter((n) => n !== notice) };
      emit();
    },
  };
}
