import { migrate } from './migrate.ts';
import { lessonStatus, mergeProgress, type LessonRequirements } from './record.ts';
import { parseJson, scanHostile } from './safe-json.ts';
import {
  checkProgress,
  PROGRESS_VERSION,
  type DataProblem,
  type LessonRecord,
  type Progress,
} from './schema.ts';

/** The `format` field that marks a Shipyard progress export. */
export const EXPORT_FORMAT = 'shipyard-progress';
/** Files above this size are refused before parsing. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  progress: Progress;
}

/** The JSON export: the stored progress in an envelope naming its format and schema version. */
export function exportJson(progress: Progress, now: string): string {
  const file: ProgressExport = {
    format: EXPORT_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now,
    progress,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const CSV_HEADER = [
  'lesson',
  'kind',
  'item',
  'attempts',
  'points',
  'max_points',
  'percent',
  'passed',
  'time',
] as const;

/** Quotes a CSV cell; a leading = + - @ is neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pct = (points: number, max: number) => (max > 0 ? Math.round((points / max) * 1000) / 10 : 0);

/** One row per visit, quiz, question and challenge, for spreadsheets and gradebooks. */
export function exportCsv(progress: Progress): string {
  const rows: Array<Array<string | number | boolean | undefined>> = [[...CSV_HEADER]];
  for (const [lessonId, l] of Object.entries(progress.lessons).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (l.firstVisitedAt)
      rows.push([lessonId, 'visit', '', '', '', '', '', '', l.lastVisitedAt ?? l.firstVisitedAt]);
    if (l.quiz) {
      const q = l.quiz;
      rows.push([
        lessonId,
        'quiz',
        q.quizId,
        '',
        q.points,
        q.maxPoints,
        pct(q.points, q.maxPoints),
        q.passed,
        q.updatedAt,
      ]);
      for (const [qid, r] of Object.entries(q.questions))
        rows.push([
          lessonId,
          'question',
          qid,
          r.attempts,
          r.points,
          r.maxPoints,
          pct(r.points, r.maxPoints),
          r.correct,
          r.at,
        ]);
    }
    for (const [sid, c] of Object.entries(l.challenges))
      rows.push([lessonId, 'challenge', sid, c.attempts, '', '', '', c.passed, c.lastAt]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export type ImportResult =
  { ok: true; value: Progress; from: number } | { ok: false; problems: DataProblem[] };

const refuse = (path: string, message: string): ImportResult => ({
  ok: false,
  problems: [{ path, message }],
});

/**
 * Reads an exported file. Refuses, with a message naming what and where: files over 1 MB,
 * anything that is not JSON, prototype-pollution keys, absurd nesting, other formats, unknown
 * schema versions, wrong types, absurd numbers and lessons this course does not have.
 */
export function readImport(text: string, knownLessons: readonly string[]): ImportResult {
  if (text.length > MAX_IMPORT_BYTES)
    return refuse(
      '(file)',
      `the file is ${(text.length / 1_000_000).toFixed(1)} MB; a progress file is at most 1 MB`,
    );
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return refuse('(file)', `this is not a JSON file (${parsed.message})`);
  const hostile = scanHostile(parsed.value);
  if (hostile) return refuse(hostile.path, hostile.message);
  const file = parsed.value;
  if (file === null || typeof file !== 'object' || Array.isArray(file))
    return refuse('(top level)', 'expected an object: this is not a Shipyard progress file');
  const envelope = file as Record<string, unknown>;
  if (envelope['format'] !== EXPORT_FORMAT)
    return refuse('format', `expected "${EXPORT_FORMAT}": this is not a Shipyard progress file`);
  const progressIn = envelope['progress'];
  if (progressIn === null || typeof progressIn !== 'object' || Array.isArray(progressIn))
    return refuse('progress', 'expected an object');
  if (envelope['version'] !== (progressIn as Record<string, unknown>)['version'])
    return refuse('version', 'does not match progress.version');
  const migrated = migrate(progressIn);
  if (!migrated.ok) return refuse('version', migrated.message);
  const checked = checkProgress(migrated.value, 'progress');
  if (!checked.ok) return { ok: false, problems: checked.problems.slice(0, 20) };
  const unknown = Object.keys(checked.value.lessons).filter((id) => !knownLessons.includes(id));
  if (unknown.length > 0)
    return {
      ok: false,
      problems: unknown.map((id) => ({
        path: `progress.lessons.${id}`,
        message: 'is not a lesson of this course',
      })),
    };
  return { ok: true, value: checked.value, from: migrated.from };
}

export type ImportMode = 'merge' | 'replace';

/** One lesson's state in words, for the import preview. */
export function describeLesson(
  record: LessonRecord | undefined,
  requirements: LessonRequirements,
): string {
  if (!record) return 'nothing recorded';
  const parts: string[] = [];
  const status = lessonStatus(
    { version: PROGRESS_VERSION, lessons: { x: record } },
    'x',
    requirements,
  );
  parts.push(status === 'done' ? 'done' : status === 'in-progress' ? 'in progress' : 'not started');
  if (record.quiz)
    parts.push(
      `quiz ${record.quiz.points}/${record.quiz.maxPoints} points${record.quiz.passedAt ? ', passed' : ''}`,
    );
  const challenges = Object.values(record.challenges);
  if (challenges.length > 0)
    parts.push(
      `challenges ${challenges.filter((c) => c.passed).length} of ${challenges.length} passed`,
    );
  return parts.join('; ');
}

export interface LessonChange {
  lessonId: string;
  before: string;
  after: string;
}

/** What the import would change, lesson by lesson; lessons that stay the same are left out. */
export function previewImport(
  current: Progress,
  incoming: Progress,
  mode: ImportMode,
  requirements: (lessonId: string) => LessonRequirements,
): { result: Progress; changes: LessonChange[] } {
  const result = mode === 'replace' ? incoming : mergeProgress(current, incoming);
  const ids = [
    ...new Set([...Object.keys(current.lessons), ...Object.keys(result.lessons)]),
  ].sort();
  const changes: LessonChange[] = [];
  for (const lessonId of ids) {
    const a = Object.hasOwn(current.lessons, lessonId) ? current.lessons[lessonId] : undefined;
    const b = Object.hasOwn(result.lessons, lessonId) ? result.lessons[lessonId] : undefined;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const req = requirements(lessonId);
    const before = describeLesson(a, req);
    let after = describeLesson(b, req);
    if (after === before) after = `${after} (details updated)`;
    changes.push({ lessonId, before, after });
  }
  return { result, changes };
}
