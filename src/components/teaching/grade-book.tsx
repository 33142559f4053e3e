/**
 * The gradebook: result files in (drop, pick, or paste result codes), every challenge replayed
 * and every answer graded in this browser, grades and class figures out, CSV for the LMS.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { Catalog } from '@lib/assignments/catalog.ts';
import { MAX_RESULT_BYTES, RESULT_CODE_PREFIX } from '@lib/assignments/result-file.ts';
import type { FileInput, Graded } from '@lib/gradebook/grade-files.ts';
import { gradeInParallel } from './grade-parallel.ts';
import { gradeItems } from '@lib/gradebook/regrade.ts';
import { readText } from './assignment-files.ts';
import { useSigningKey } from './assignment-key-panel.tsx';
import { GradeExport } from './grade-export.tsx';
import { GradeStats } from './grade-stats.tsx';
import { GradeTable } from './grade-table.tsx';

const MAX_FILES = 500;

export default function GradeBook({ catalog }: { catalog: Catalog }) {
  const [key] = useSigningKey();
  const [graded, setGraded] = useState<Graded | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [codes, setCodes] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const grade = async (inputs: FileInput[], refusedEarly: FileInput[] = []) => {
    if (key.status === 'loading') return;
    setBusy(true);
    setStatus(`Grading ${inputs.length} result${inputs.length === 1 ? '' : 's'}…`);
    const started = performance.now();
    const result = await gradeInParallel(
      inputs,
      catalog,
      key.status === 'ready' ? key.key.publicJwk : null,
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const outcomes = [
      ...refusedEarly.map((f) => ({ name: f.name, ok: false as const, message: f.text })),
      ...result.outcomes,
    ];
    setGraded({ outcomes, groups: result.groups });
    setGroupId(result.groups[0]?.assignment.id ?? null);
    const ok = result.outcomes.filter((o) => o.ok).length;
    const refusedCount = outcomes.length - ok;
    setStatus(
      [
        `Graded ${ok} of ${outcomes.length} result${outcomes.length === 1 ? '' : 's'} in ${seconds} s.`,
        refusedCount ? `${refusedCount} refused (listed below).` : '',
        result.workers === 0
          ? 'This browser could not grade in the background, so the page was busy meanwhile.'
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    setBusy(false);
  };

  const takeFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = [...list].slice(0, MAX_FILES);
    const inputs: FileInput[] = [];
    const refused: FileInput[] = [];
    for (const file of files) {
      const read = await readText(file, MAX_RESULT_BYTES);
      if (read.ok) inputs.push({ name: file.name, text: read.text });
      else refused.push({ name: file.name, text: read.message });
    }
    if (list.length > MAX_FILES)
      refused.push({
        name: `${list.length - MAX_FILES} more files`,
        text: `were not read: at most ${MAX_FILES} files at once`,
      });
    await grade(inputs, refused);
    if (fileInput.current) fileInput.current.value = '';
  };

  const takeCodes = () => {
    const lines = codes
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) return setStatus('Paste at least one result code first.');
    void grade(
      lines.slice(0, MAX_FILES).map((text, i) => ({
        name: `pasted code ${i + 1}${text.startsWith(RESULT_CODE_PREFIX) ? '' : ' (not a result code)'}`,
        text,
      })),
    );
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void takeFiles(e.dataTransfer.files);
  };

  const group = graded?.groups.find((g) => g.assignment.id === groupId) ?? null;
  const refused = graded?.outcomes.filter((o) => !o.ok) ?? [];

  return (
    <div className="sy-teach">
      <section className="sy-teach-panel" aria-labelledby="sy-gb-in">
        <h2 id="sy-gb-in">Result files</h2>
        {key.status === 'none' ? (
          <p className="sy-teach-warning">
            There is no signing key in this browser, so no result can be checked. Import your key on
            the <a href="/instructors/assignment/">assignment page</a> first.
          </p>
        ) : null}
        {key.status === 'ready' ? (
          <p className="sy-teach-help">
            Results are checked against the signing key <code>{key.id.slice(0, 16)}</code> in this
            browser. Nothing is uploaded.
          </p>
        ) : null}
        <div
          className={`sy-teach-drop${over ? ' sy-teach-drop-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>
            <strong>Drop result files here</strong>, or choose them:
          </p>
          <label htmlFor="sy-gb-files">Result files (.json)</label>
          <input
            id="sy-gb-files"
            ref={fileInput}
            type="file"
            multiple
            accept=".json,application/json"
            disabled={busy || key.status === 'loading'}
            onChange={(e) => void takeFiles(e.currentTarget.files)}
          />
        </div>
        <p className="sy-teach-field">
          <label htmlFor="sy-gb-codes">
            Or paste result codes (one or more, separated by spaces or new lines)
          </label>
          <textarea
            id="sy-gb-codes"
            rows={3}
            value={codes}
            onChange={(e) => setCodes(e.currentTarget.value)}
          />
        </p>
        <div className="sy-teach-buttons">
          <button type="button" onClick={takeCodes} disabled={busy || key.status === 'loading'}>
            Grade the pasted codes
          </button>
        </div>
        <p className="sy-teach-status" role="status" aria-live="polite">
          {status}
        </p>
        {refused.length > 0 ? (
          <div className="sy-teach-alert" role="alert">
            <p>
              <strong>
                {refused.length} file{refused.length === 1 ? ' was' : 's were'} not graded:
              </strong>
            </p>
            <ul>
              {refused.map((o) => (
                <li key={o.name}>
                  <code>{o.name}</code>: {o.ok ? '' : o.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {graded && graded.groups.length > 1 ? (
          <p className="sy-teach-field">
            <label htmlFor="sy-gb-group">Assignment</label>
            <select
              id="sy-gb-group"
              value={groupId ?? ''}
              onChange={(e) => setGroupId(e.currentTarget.value)}
            >
              {graded.groups.map((g) => (
                <option key={g.assignment.id} value={g.assignment.id}>
                  {g.assignment.title} ({g.rows.length} learners)
                </option>
              ))}
            </select>
          </p>
        ) : null}
      </section>
      {group ? (
        <>
          <GradeTable
            title={group.assignment.title}
            items={gradeItems(group.assignment, catalog)}
            rows={group.rows}
          />
          <GradeStats
            assignment={group.assignment}
            catalog={catalog}
            grades={group.rows.map((r) => r.grade)}
          />
          <GradeExport
            assignment={group.assignment}
            items={gradeItems(group.assignment, catalog)}
            grades={group.rows.map((r) => r.grade)}
          />
        </>
      ) : null}
    </div>
  );
}
