import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/lib/progress/migrate.ts';
import { recordChallenge, recordQuizAnswer, recordVisit } from '../../src/lib/progress/record.ts';
import { emptyProgress, type Progress } from '../../src/lib/progress/schema.ts';
import {
  createProgressStore,
  SET_ASIDE_PREFIX,
  STORAGE_KEY,
  type StorageLike,
} from '../../src/lib/progress/store.ts';

const T0 = '2026-11-26T10:00:00.000Z';
const T1 = '2026-11-26T10:05:00.000Z';

/** An in-memory Storage that can be told to fail like a full or blocked one. */
class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  failWrites = false;
  failReads = false;
  getItem(key: string) {
    if (this.failReads) throw new DOMException('blocked', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const visited: Progress = recordVisit(emptyProgress(), 'why-orchestration', T0);

describe('the progress store', () => {
  it('starts empty when nothing is stored, and saves each change as versioned JSON', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: () => T0 });
    expect(store.getSnapshot()).toEqual({
      progress: { version: 1, lessons: {} },
      persistent: true,
      notices: [],
    });
    store.update((p) => recordVisit(p, 'ecs', T0));
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!)).toEqual({
      version: 1,
      lessons: { ecs: { firstVisitedAt: T0, lastVisitedAt: T0, challenges: {} } },
    });
  });

  it('reads back what it saved (a reload keeps progress)', () => {
    const storage = new FakeStorage();
    createProgressStore({ storage, now: () => T0 }).update(() => visited);
    const again = createProgressStore({ storage, now: () => T1 });
    expect(again.getSnapshot().progress).toEqual(visited);
    expect(again.getSnapshot().notices).toEqual([]);
  });

  it('notifies subscribers after each change, and not after unsubscribing', () => {
    const store = createProgressStore({ storage: new FakeStorage(), now: () => T0 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.update((p) => recordVisit(p, 'ecs', T0));
    off();
    store.update((p) => recordVisit(p, 'ecs', T1));
    expect(calls).toBe(1);
  });

  it.each([
    ['not JSON', '{"version":1,', 'not valid JSON'],
    [
      'a wrong type',
      JSON.stringify({ version: 1, lessons: { ecs: { challenges: 'x' } } }),
      'lessons.ecs.challenges expected record',
    ],
    [
      'an absurd number',
      JSON.stringify({
        ...visited,
        lessons: {
          a: { challenges: { s: { attempts: 1e9, passed: true, lastAt: T0, goals: [] } } },
        },
      }),
      'lessons.a.challenges.s.attempts must be at most 100000',
    ],
    [
      'a newer version',
      JSON.stringify({ version: 9, lessons: {} }),
      'it was written by a newer version of Shipyard (schema version 9); this site reads versions up to 1',
    ],
    [
      'foreign data',
      JSON.stringify(['someone', 'else']),
      'expected an object with a "version" field',
    ],
    [
      'a pollution key',
      '{"version":1,"lessons":{"__proto__":{"challenges":{}}}}',
      'lessons.__proto__: the key "__proto__" is not allowed',
    ],
  ])('sets aside %s under a backup key, reports it, and starts fresh', (_, raw, reason) => {
    const storage = new FakeStorage();
    storage.data.set(STORAGE_KEY, raw);
    const store = createProgressStore({ storage, now: () => T0 });
    const backupKey = `${SET_ASIDE_PREFIX}${T0}`;
    expect(storage.data.get(backupKey)).toBe(raw);
    const [notice] = store.getSnapshot().notices;
    expect(notice).toMatchObject({ kind: 'set-aside', backupKey });
    expect(notice!.message).toContain(`(${reason}`);
    expect(store.getSnapshot().progress).toEqual(emptyProgress());
    expect(store.getSnapshot().persistent).toBe(true);
    // The next change overwrites the main key, but the backup stays.
    store.update((p) => recordVisit(p, 'ecs', T1));
    expect(storage.data.get(backupKey)).toBe(raw);
  });

  it('never overwrites unreadable data it could not back up; runs in memory instead', () => {
    const storage = new FakeStorage();
    storage.data.set(STORAGE_KEY, 'garbage');
    storage.failWrites = true;
    const store = createProgressStore({ storage, now: () => T0 });
    expect(store.getSnapshot().notices[0]).toMatchObject({ kind: 'set-aside', backupKey: null });
    storage.failWrites = false;
    store.update((p) => recordVisit(p, 'ecs', T0));
    expect(storage.data.get(STORAGE_KEY)).toBe('garbage');
    expect(store.getSnapshot().progress.lessons['ecs']?.firstVisitedAt).toBe(T0);
    expect(store.getSnapshot().persistent).toBe(false);
  });

  it('on a quota error keeps the change in memory and shows one notice', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: () => T0 });
    storage.failWrites = true;
    store.update((p) => recordVisit(p, 'ecs', T0));
    store.update((p) => recordVisit(p, 'eks', T0));
    const s = store.getSnapshot();
    expect(Object.keys(s.progress.lessons)).toEqual(['ecs', 'eks']);
    expect(s.persistent).toBe(false);
    expect(s.notices.map((n) => n.kind)).toEqual(['unavailable']);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
  });

  it('works without storage at all (private mode), with a visible notice', () => {
    const store = createProgressStore({ storage: null, now: () => T0 });
    store.update((p) => recordVisit(p, 'ecs', T0));
    expect(store.getSnapshot().persistent).toBe(false);
    expect(store.getSnapshot().notices[0]!.message).toMatch(
      /^Your browser is not letting this site save progress/,
    );
    expect(store.getSnapshot().progress.lessons['ecs']?.firstVisitedAt).toBe(T0);
  });

  it('treats storage that throws on read as unavailable', () => {
    const storage = new FakeStorage();
    storage.failReads = true;
    const store = createProgressStore({ storage, now: () => T0 });
    expect(store.getSnapshot().notices.map((n) => n.kind)).toEqual(['unavailable']);
    expect(store.getSnapshot().persistent).toBe(false);
  });

  it('reloads what another tab wrote', () => {
    const storage = new FakeStorage();
    const tabA = createProgressStore({ storage, now: () => T0 });
    const tabB = createProgressStore({ storage, now: () => T0 });
    let seen = 0;
    tabB.subscribe(() => seen++);
    tabA.update((p) => recordVisit(p, 'fargate', T1));
    tabB.reload();
    expect(seen).toBe(1);
    expect(tabB.getSnapshot().progress.lessons['fargate']?.lastVisitedAt).toBe(T1);
  });
});

describe('migrating stored progress between schema versions', () => {
  const v1ToV2: Migration = (d) => ({ ...d, renamed: true });
  const v2ToV3: Migration = (d) => ({ ...d, third: 3 });

  it('leaves current data as it is', () => {
    expect(migrate({ version: 1, lessons: {} })).toEqual({
      ok: true,
      value: { version: 1, lessons: {} },
      from: 1,
    });
  });
  it('runs each step in order up to the current version', () => {
    expect(migrate({ version: 1, lessons: {} }, { 1: v1ToV2, 2: v2ToV3 }, 3)).toEqual({
      ok: true,
      value: { version: 3, lessons: {}, renamed: true, third: 3 },
      from: 1,
    });
  });
  it('refuses a gap in the chain, versions from the future and nonsense versions', () => {
    expect(migrate({ version: 1 }, { 2: v2ToV3 }, 3)).toEqual({
      ok: false,
      message: 'no migration from schema version 1 to 2',
    });
    expect(migrate({ version: 4 }, {}, 3)).toMatchObject({ ok: false });
    expect(migrate({ version: 1.5 })).toEqual({
      ok: false,
      message: '"version" must be a whole number from 1, not 1.5',
    });
    expect(migrate({ version: '1' })).toEqual({
      ok: false,
      message: '"version" must be a whole number from 1, not "1"',
    });
    expect(migrate({})).toEqual({ ok: false, message: 'the field "version" is missing' });
  });
});

describe('recording results', () => {
  const answer = (p: Progress, questionId: string, points: number, correct: boolean, at: string) =>
    recordQuizAnswer(
      p,
      {
        lessonId: 'why-orchestration',
        quizId: 'why-orchestration',
        passPercent: 70,
        maxPoints: 4,
        questionId,
        questionMaxPoints: 1,
        points,
        correct,
      },
      at,
    );

  it('counts attempts per question, scores the quiz, and passes it at the pass mark', () => {
    let p = answer(emptyProgress(), 'a', 0, false, T0);
    p = answer(p, 'a', 0.75, true, T0);
    p = answer(p, 'b', 1, true, T0);
    let quiz = p.lessons['why-orchestration']!.quiz!;
    expect(quiz.questions['a']).toMatchObject({ attempts: 2, points: 0.75, correct: true });
    expect(quiz).toMatchObject({ points: 1.75, maxPoints: 4, passed: false, bestPercent: 43.8 });
    expect(quiz.passedAt).toBeUndefined();
    p = answer(p, 'c', 1, true, T1);
    quiz = p.lessons['why-orchestration']!.quiz!;
    expect(quiz).toMatchObject({ points: 2.75, passed: false, bestPercent: 68.8 });
    expect(quiz.passedAt).toBeUndefined();
    p = answer(p, 'd', 0.5, false, T1);
    quiz = p.lessons['why-orchestration']!.quiz!;
    expect(quiz).toMatchObject({ points: 3.25, passed: true, bestPercent: 81.3, passedAt: T1 });
  });

  it('keeps a challenge passed once passed, and counts attempts', () => {
    const goals = [{ id: 'runningAtLeast', status: 'fail' as const, description: '6 web tasks' }];
    let p = recordChallenge(
      emptyProgress(),
      { lessonId: 'ecs', scenarioId: 'keep-six', passed: true, goals },
      T0,
    );
    p = recordChallenge(p, { lessonId: 'ecs', scenarioId: 'keep-six', passed: false, goals }, T1);
    expect(p.lessons['ecs']!.challenges['keep-six']).toEqual({
      attempts: 2,
      passed: true,
      passedAt: T0,
      lastAt: T1,
      goals,
    });
  });
});
