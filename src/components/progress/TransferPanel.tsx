import { useEffect, useRef, useState, type RefObject } from 'react';
import { progressStore, type ProgressState } from '@lib/progress/index.ts';
import type { LessonRequirements } from '@lib/progress/record.ts';
import { emptyProgress, type DataProblem, type Progress } from '@lib/progress/schema.ts';
import {
  exportCsv,
  exportJson,
  MAX_IMPORT_BYTES,
  previewImport,
  readImport,
  type ImportMode,
} from '@lib/progress/transfer.ts';

interface Props {
  state: ProgressState;
  courseLessonIds: string[];
  requirements: (lessonId: string) => LessonRequirements;
  titles: Record<string, string>;
}

type ImportStage =
  | { stage: 'idle' }
  | { stage: 'refused'; fileName: string; problems: DataProblem[] }
  | { stage: 'preview'; fileName: string; incoming: Progress; mode: ImportMode };

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export (JSON, CSV), import with validation and a preview, and reset with confirmation. */
export function TransferPanel({ state, courseLessonIds, requirements, titles }: Props) {
  const [imp, setImp] = useState<ImportStage>({ stage: 'idle' });
  const [confirmReset, setConfirmReset] = useState(false);
  const [message, setMessage] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const resetHeading = useRef<HTMLHeadingElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  // The button that was pressed disappears: keep keyboard focus on the outcome. The target is
  // focused after the render that shows it (a frame later is not enough on a busy device).
  const pendingFocus = useRef<RefObject<HTMLElement | null> | null>(null);
  useEffect(() => {
    const target = pendingFocus.current?.current;
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });
  const tell = (text: string, focus: 'status' | 'reset' = 'status') => {
    setMessage(text);
    pendingFocus.current = focus === 'reset' ? resetButton : status;
  };
  const stamp = () => new Date().toISOString();
  const title = (id: string) => titles[id] ?? id;

  const onFile = async (file: File | undefined) => {
    setMessage('');
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setImp({
        stage: 'refused',
        fileName: file.name,
        problems: [
          {
            path: '(file)',
            message: `the file is ${(file.size / 1_000_000).toFixed(1)} MB; a progress file is at most 1 MB`,
          },
        ],
      });
      return;
    }
    const result = readImport(await file.text(), courseLessonIds);
    if (!result.ok) setImp({ stage: 'refused', fileName: file.name, problems: result.problems });
    else {
      setImp({ stage: 'preview', fileName: file.name, incoming: result.value, mode: 'merge' });
      pendingFocus.current = previewHeading;
    }
  };

  const preview =
    imp.stage === 'preview'
      ? previewImport(state.progress, imp.incoming, imp.mode, requirements)
      : null;

  const clearFile = () => {
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <>
      <h2 id="export">Move or share your progress</h2>
      <p>
        Export your progress to keep a copy, move it to another browser, or hand it to an
        instructor. The JSON file can be imported again; the CSV file opens in a spreadsheet.
      </p>
      <div className="sy-progress-buttons">
        <button
          type="button"
          onClick={() =>
            download(
              'shipyard-progress.json',
              'application/json',
              exportJson(state.progress, stamp()),
            )
          }
        >
          Export JSON
        </button>
        <button
          type="button"
          onClick={() => download('shipyard-progress.csv', 'text/csv', exportCsv(state.progress))}
        >
          Export CSV
        </button>
      </div>

      <h3 id="import">Import progress</h3>
      <p>
        <label htmlFor="sy-import-file">
          Choose a Shipyard progress file (.json, at most 1 MB)
        </label>
        <br />
        <input
          id="sy-import-file"
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-describedby="sy-import-help"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </p>
      <p id="sy-import-help" className="sy-progress-help">
        Nothing changes until you confirm. You will see what the import would change first.
      </p>
      <div role="alert" className="sy-progress-alert">
        {imp.stage === 'refused' && (
          <>
            <p>
              <strong>“{imp.fileName}” was not imported.</strong> Nothing was changed.
            </p>
            <ul>
              {imp.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {imp.stage === 'preview' && preview && (
        <section className="sy-progress-preview" aria-labelledby="sy-preview-heading">
          <h4 id="sy-preview-heading" tabIndex={-1} ref={previewHeading}>
            Preview of importing “{imp.fileName}”
          </h4>
          <fieldset>
            <legend>How to import</legend>
            <label>
              <input
                type="radio"
                name="sy-import-mode"
                checked={imp.mode === 'merge'}
                onChange={() => setImp({ ...imp, mode: 'merge' })}
              />{' '}
              Merge: keep what is here and add what the file has (recommended)
            </label>
            <label>
              <input
                type="radio"
                name="sy-import-mode"
                checked={imp.mode === 'replace'}
                onChange={() => setImp({ ...imp, mode: 'replace' })}
              />{' '}
              Replace: drop what is here and use only the file
            </label>
          </fieldset>
          {preview.changes.length === 0 ? (
            <p>This import would change nothing: you already have all of it.</p>
          ) : (
            <div className="sy-data-table-wrap">
              <table className="sy-data-table">
                <caption>
                  What would change ({preview.changes.length}{' '}
                  {preview.changes.length === 1 ? 'lesson' : 'lessons'})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Lesson</th>
                    <th scope="col">Now</th>
                    <th scope="col">After import</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.lessonId}>
                      <th scope="row">{title(c.lessonId)}</th>
                      <td>{c.before}</td>
                      <td>{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="sy-progress-buttons">
            <button
              type="button"
              className="sy-primary"
              onClick={() => {
                progressStore().update(() => preview.result);
                tell(
                  `Imported “${imp.fileName}” (${imp.mode}): ${preview.changes.length} ${preview.changes.length === 1 ? 'lesson' : 'lessons'} changed.`,
                );
                setImp({ stage: 'idle' });
                clearFile();
              }}
            >
              {imp.mode === 'merge' ? 'Merge into my progress' : 'Replace my progress'}
            </button>
            <button
              type="button"
              onClick={() => {
                setImp({ stage: 'idle' });
                clearFile();
                tell('Import cancelled. Nothing was changed.');
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      )}

      <h2 id="reset">Start over</h2>
      {!confirmReset ? (
        <button
          type="button"
          ref={resetButton}
          onClick={() => {
            setConfirmReset(true);
            setMessage('');
            pendingFocus.current = resetHeading;
          }}
        >
          Reset all progress…
        </button>
      ) : (
        <section className="sy-progress-confirm" aria-labelledby="sy-reset-heading">
          <h3 id="sy-reset-heading" tabIndex={-1} ref={resetHeading}>
            Delete all your progress in this browser?
          </h3>
          <p>
            This removes every visit, quiz answer and challenge result for{' '}
            {Object.keys(state.progress.lessons).length} lessons. It cannot be undone; export first
            if you may want it back.
          </p>
          <div className="sy-progress-buttons">
            <button
              type="button"
              className="sy-danger"
              onClick={() => {
                progressStore().update(() => emptyProgress());
                setConfirmReset(false);
                tell('All progress in this browser was deleted.', 'reset');
              }}
            >
              Delete my progress
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirmReset(false);
                tell('Reset cancelled. Nothing was deleted.', 'reset');
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
      <p className="sy-progress-message" role="status" tabIndex={-1} ref={status}>
        {message}
      </p>
    </>
  );
}
