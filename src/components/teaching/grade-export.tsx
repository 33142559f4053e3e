/** CSV downloads for Moodle and Canvas, Canvas pre-filled from an uploaded gradebook export. */
import { useState } from 'react';
import type { Assignment } from '@lib/assignments/payload.ts';
import { canvasCsv, moodleCsv, readCanvasExport, type CanvasExport } from '@lib/gradebook/csv.ts';
import type { GradeItem, LearnerGrade } from '@lib/gradebook/regrade.ts';
import { download, readText } from './assignment-files.ts';

const NEW_COLUMN = '';

const fileSlug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'assignment';

export function GradeExport({
  assignment,
  items,
  grades,
}: {
  assignment: Assignment;
  items: GradeItem[];
  grades: LearnerGrade[];
}) {
  const [canvas, setCanvas] = useState<{ name: string; data: CanvasExport } | null>(null);
  const [column, setColumn] = useState(NEW_COLUMN);
  const [points, setPoints] = useState('100');
  const [error, setError] = useState('');
  const [skipped, setSkipped] = useState<{ which: string; list: string[] } | null>(null);
  const [message, setMessage] = useState('');

  const pickCanvas = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    const read = await readText(file, 10_000_000);
    if (!read.ok) return setError(`${file.name} ${read.message}. Nothing was changed.`);
    const parsed = readCanvasExport(read.text);
    if (!parsed.ok)
      return setError(`${file.name} was not used: ${parsed.message}. Nothing was changed.`);
    setCanvas({ name: file.name, data: parsed.value });
    const match = parsed.value.assignments.find((a) =>
      a.header.toLowerCase().startsWith(assignment.title.toLowerCase()),
    );
    const chosen = match ?? parsed.value.assignments[0];
    setColumn(chosen?.header ?? NEW_COLUMN);
    setPoints(String(chosen?.pointsPossible ?? 100));
    setMessage(
      `${file.name}: ${parsed.value.students.length} students, ${parsed.value.assignments.length} assignment columns.`,
    );
  };

  const moodle = () => {
    const out = moodleCsv(assignment.title, items, grades);
    download(`${fileSlug(assignment.title)}-moodle.csv`, 'text/csv', out.text);
    setSkipped(out.skipped.length ? { which: 'Moodle', list: out.skipped } : null);
    setMessage(
      `The Moodle file was downloaded with ${grades.length - out.skipped.length} learners.`,
    );
  };

  const canvasFile = () => {
    const pointsPossible = Number(points);
    if (!Number.isFinite(pointsPossible) || pointsPossible <= 0 || pointsPossible > 100_000)
      return setError(`Points possible: "${points}" is not a number above 0.`);
    setError('');
    const out = canvasCsv(grades, {
      column: column || assignment.title,
      pointsPossible,
      canvas: canvas?.data ?? null,
    });
    download(`${fileSlug(assignment.title)}-canvas.csv`, 'text/csv', out.text);
    setSkipped(out.skipped.length ? { which: 'Canvas', list: out.skipped } : null);
    setMessage(
      `The Canvas file was downloaded with ${grades.length - out.skipped.length} learners.`,
    );
  };

  return (
    <section className="sy-teach-panel" aria-labelledby="sy-export-title">
      <h2 id="sy-export-title">Export for your LMS</h2>
      <h3>Moodle</h3>
      <p>
        One row per learner: <code>Email address</code>, then one column per item (out of 100) and
        the total. In Moodle, map “Email address” to the user field “Email address” when importing.
      </p>
      <div className="sy-teach-buttons">
        <button type="button" className="sy-primary" onClick={moodle}>
          Download the Moodle CSV
        </button>
      </div>
      <h3>Canvas</h3>
      <p>
        Upload the CSV you exported from your Canvas gradebook to copy its students (ID, SIS Login
        ID, Section) and pick the assignment column to fill. Learners are matched by their school
        login, then email, then name.
      </p>
      <p className="sy-teach-field">
        <label htmlFor="sy-canvas-file">Canvas gradebook export (optional)</label>
        <input
          id="sy-canvas-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void pickCanvas(e.currentTarget.files?.[0])}
        />
      </p>
      <p className="sy-teach-field">
        <label htmlFor="sy-canvas-column">Assignment column</label>
        <select
          id="sy-canvas-column"
          value={column}
          onChange={(e) => {
            const header = e.currentTarget.value;
            setColumn(header);
            setPoints(
              String(
                canvas?.data.assignments.find((a) => a.header === header)?.pointsPossible ?? 100,
              ),
            );
          }}
        >
          <option value={NEW_COLUMN}>A new assignment “{assignment.title}”</option>
          {canvas?.data.assignments.map((a) => (
            <option key={a.header} value={a.header}>
              {a.header}
            </option>
          ))}
        </select>
      </p>
      <p className="sy-teach-field">
        <label htmlFor="sy-canvas-points">Points possible</label>
        <input
          id="sy-canvas-points"
          inputMode="decimal"
          value={points}
          onChange={(e) => setPoints(e.currentTarget.value)}
          size={8}
        />
      </p>
      <div className="sy-teach-buttons">
        <button type="button" className="sy-primary" onClick={canvasFile}>
          Download the Canvas CSV
        </button>
      </div>
      {error ? (
        <p className="sy-teach-alert" role="alert">
          {error}
        </p>
      ) : null}
      <p className="sy-teach-status" role="status">
        {message}
      </p>
      {skipped ? (
        <div className="sy-teach-warning">
          <p>Left out of the {skipped.which} file:</p>
          <ul>
            {skipped.list.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
