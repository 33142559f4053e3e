/**
 * Grade files for LMS gradebooks, written with papaparse (RFC 4180 quoting; cells that a
 * spreadsheet would run as a formula — starting with = + - @ — are escaped).
 *
 * Moodle (Grades ▸ Import ▸ CSV file): a header row, an identifier column ("Email address",
 * mapped to the user field "Email address" when importing), then one column per grade item.
 *
 * Canvas (Grades ▸ Import): "Student", "ID", "SIS User ID", "SIS Login ID", "Section", then one
 * column per assignment, headed "Name (id)" for an existing assignment. With an uploaded
 * Canvas export the learners' identity columns are copied from it, and the row "Points
 * Possible" says what each assignment is out of.
 */
import Papa from 'papaparse';
import type { GradeItem, LearnerGrade } from './regrade.ts';

const UNPARSE = { escapeFormulae: true, newline: '\r\n' } as const;

/** 87.5 → "87.5"; never a thousands separator or a comma decimal. */
const cell = (n: number) => String(Math.round(n * 10) / 10);

export interface CsvResult {
  text: string;
  /** learners left out, with why */
  skipped: string[];
}

export function moodleCsv(
  title: string,
  items: readonly GradeItem[],
  grades: readonly LearnerGrade[],
): CsvResult {
  const fields = [
    'Email address',
    ...items.map((i) => `${i.kind === 'quiz' ? 'Quiz' : 'Challenge'}: ${i.title}`),
    `${title} (total)`,
  ];
  const skipped: string[] = [];
  const data: string[][] = [];
  for (const g of grades) {
    if (!g.learner.email) {
      skipped.push(`${g.learner.name}: no email address in the result file`);
      continue;
    }
    data.push([
      g.learner.email,
      ...items.map((i) => cell(g.items[i.key]?.percent ?? 0)),
      cell(g.percent),
    ]);
  }
  return { text: Papa.unparse({ fields, data }, UNPARSE) + '\r\n', skipped };
}

export const CANVAS_IDENTITY = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;

export interface CanvasExport {
  /** the identity columns, in the export's order (at least the five above; some exports add "Integration ID") */
  identity: string[];
  /** assignment columns ("Name (id)") with their points possible, if the export says */
  assignments: Array<{ header: string; pointsPossible: number | null }>;
  students: Array<Record<string, string>>;
}

export type CanvasRead = { ok: true; value: CanvasExport } | { ok: false; message: string };

/** Reads a gradebook export downloaded from Canvas (Grades ▸ Export ▸ CSV). Never throws. */
export function readCanvasExport(text: string): CanvasRead {
  if (text.length > 10_000_000)
    return {
      ok: false,
      message: 'the file is larger than 10 MB: is it a Canvas gradebook export?',
    };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const rows = parsed.data;
  if (rows.length === 0) return { ok: false, message: 'the file is empty' };
  if (rows.length > 20_000)
    return { ok: false, message: `the file has ${rows.length} rows; at most 20,000 are read` };
  const header = rows[0]!.map((h) => h.trim());
  const missing = CANVAS_IDENTITY.filter((h) => !header.includes(h));
  if (missing.length > 0)
    return {
      ok: false,
      message: `this is not a Canvas gradebook export: the header row has no ${missing.map((m) => `"${m}"`).join(', ')} column`,
    };
  const sectionAt = header.indexOf('Section');
  const identity = header.slice(0, sectionAt + 1);
  const assignmentAt = header
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => i > sectionAt && /\(\d+\)$/.test(h));
  let pointsRow: string[] | undefined;
  const students: CanvasExport['students'] = [];
  for (const row of rows.slice(1)) {
    const first = (row[0] ?? '').trim();
    if (first === 'Points Possible') {
      pointsRow = row;
      continue;
    }
    // Canvas exports a second header-like row of "(read only)" / "Manual Posting" markers.
    if (first === '' && row.slice(0, sectionAt + 1).every((c) => c.trim() === '')) continue;
    const student: Record<string, string> = {};
    identity.forEach((h, i) => (student[h] = (row[i] ?? '').slice(0, 500)));
    students.push(student);
  }
  return {
    ok: true,
    value: {
      identity,
      assignments: assignmentAt.map(({ h, i }) => {
        const n = Number(pointsRow?.[i]);
        return { header: h, pointsPossible: pointsRow && Number.isFinite(n) && n > 0 ? n : null };
      }),
      students,
    },
  };
}

const norm = (s: string) => s.trim().toLowerCase();

/** The export row a learner's result belongs to: SIS Login ID, then email, then name. */
function findStudent(students: CanvasExport['students'], g: LearnerGrade) {
  const login = norm(g.learner.sisLogin);
  const email = norm(g.learner.email);
  const name = norm(g.learner.name);
  return (
    (login && students.find((s) => norm(s['SIS Login ID'] ?? '') === login)) ||
    (email && students.find((s) => norm(s['SIS Login ID'] ?? '') === email)) ||
    students.find((s) => norm(s['Student'] ?? '') === name) ||
    undefined
  );
}

export interface CanvasOptions {
  /** the Canvas assignment column to fill: an export column header, or a new name */
  column: string;
  /** what the column is out of (the export's Points Possible, or 100 for a new column) */
  pointsPossible: number;
  canvas: CanvasExport | null;
}

export function canvasCsv(grades: readonly LearnerGrade[], options: CanvasOptions): CsvResult {
  const { column, pointsPossible, canvas } = options;
  const score = (g: LearnerGrade) => cell((g.percent / 100) * pointsPossible);
  const skipped: string[] = [];
  if (!canvas) {
    const fields = [...CANVAS_IDENTITY, column];
    const data = [
      ['Points Possible', '', '', '', '', cell(pointsPossible)],
      ...grades.map((g) => [
        g.learner.name,
        '',
        '',
        g.learner.sisLogin || g.learner.email,
        '',
        score(g),
      ]),
    ];
    return { text: Papa.unparse({ fields, data }, UNPARSE) + '\r\n', skipped };
  }
  const byStudent = new Map<Record<string, string>, LearnerGrade>();
  for (const g of grades) {
    const student = findStudent(canvas.students, g);
    if (!student)
      skipped.push(
        `${g.learner.name}: not in the Canvas export (SIS Login ID "${g.learner.sisLogin || g.learner.email}")`,
      );
    else byStudent.set(student, g);
  }
  const fields = [...canvas.identity, column];
  const pad = canvas.identity.slice(1).map(() => '');
  const data = [
    ['Points Possible', ...pad, cell(pointsPossible)],
    ...canvas.students.map((s) => {
      const g = byStudent.get(s);
      return [...canvas.identity.map((h) => s[h] ?? ''), g ? score(g) : ''];
    }),
  ];
  return { text: Papa.unparse({ fields, data }, UNPARSE) + '\r\n', skipped };
}
