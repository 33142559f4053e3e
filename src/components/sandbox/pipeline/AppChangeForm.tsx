/**
 * The application form of the run view: change the version, break or fix the test, break or fix
 * the container's start command, then commit and push — the pipeline's own actions
 * (pipeline.app.edit, git commit -am, git push), each recorded in the log. Shown only where the
 * scenario allows editing the application.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import type { Action, ActionResult } from '@sandbox';
import { appState, nothingToCommit, sendInOrder, type AppState } from './pipeline-ui.ts';

interface Props {
  files: Readonly<Record<string, string>>;
  branch: string;
  act: (action: Action) => ActionResult | null;
}

export function AppChangeForm({ files, branch, act }: Props) {
  const id = useId();
  const now: AppState = appState(files);
  const [version, setVersion] = useState(now.version ?? '1.0.0');
  const [test, setTest] = useState<'pass' | 'fail'>(now.test ?? 'pass');
  const [start, setStart] = useState<'ok' | 'broken'>(now.start ?? 'ok');
  const [message, setMessage] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const edit: Extract<Action, { type: 'pipeline.app.edit' }> = { type: 'pipeline.app.edit' };
    if (version.trim() !== now.version) edit.version = version.trim();
    if (test !== now.test) edit.test = test;
    if (start !== now.start) edit.start = start;
    const changes = Object.keys(edit).length > 1;
    const text =
      message.trim() ||
      (edit.version !== undefined ? `Release ${edit.version}` : 'Change the application');
    const actions: Action[] = [
      ...(changes ? [edit] : []),
      { type: 'pipeline.commit', message: text },
      { type: 'pipeline.push' },
    ];
    const results = sendInOrder(act, actions);
    const last = results[results.length - 1];
    if (!last) return;
    setSaid(
      last.ok
        ? { ok: true, text: results.map((r) => (r.ok ? r.message : '')).join(' · ') }
        : {
            ok: false,
            text: nothingToCommit(last)
              ? `Nothing changed: ${last.error.replace(/\n/g, ' ')}`
              : last.error,
          },
    );
  };

  return (
    <form className="sbx-form sbx-pipe-app" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Change the application and push</h4>
      <p className="sbx-field-hint">
        Now: version {now.version ?? 'unknown'}, the test{' '}
        {now.test === 'fail' ? 'fails' : now.test === 'pass' ? 'passes' : 'is changed by hand'}, the
        start command {now.start === 'broken' ? 'is broken (src/sever.js)' : 'runs src/server.js'}.
      </p>
      <div className="sbx-pipe-fields">
        <div className="sbx-field">
          <label htmlFor={`${id}-version`}>Version</label>
          <input
            id={`${id}-version`}
            type="text"
            value={version}
            maxLength={32}
            onChange={(e) => setVersion(e.target.value)}
          />
        </div>
        <div className="sbx-field">
          <label htmlFor={`${id}-test`}>The test</label>
          <select
            id={`${id}-test`}
            value={test}
            onChange={(e) => setTest(e.target.value === 'fail' ? 'fail' : 'pass')}
          >
            <option value="pass">passes</option>
            <option value="fail">fails (expects 201)</option>
          </select>
        </div>
        <div className="sbx-field">
          <label htmlFor={`${id}-start`}>Start command</label>
          <select
            id={`${id}-start`}
            value={start}
            onChange={(e) => setStart(e.target.value === 'broken' ? 'broken' : 'ok')}
          >
            <option value="ok">node src/server.js</option>
            <option value="broken">node src/sever.js (a typo)</option>
          </select>
        </div>
        <div className="sbx-field">
          <label htmlFor={`${id}-msg`}>Commit message</label>
          <input
            id={`${id}-msg`}
            type="text"
            value={message}
            maxLength={200}
            placeholder={version !== now.version ? `Release ${version}` : 'Change the application'}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="sbx-btn sbx-btn-primary">
        Commit and push to {branch}
      </button>
      {said ? (
        <p className="sbx-pipe-said" data-ok={said.ok}>
          <span aria-hidden="true">{said.ok ? '✓' : '✗'}</span> {said.ok ? 'Done: ' : 'Refused: '}
          <span className="sbx-pipe-pre">{said.text}</span>
        </p>
      ) : null}
    </form>
  );
}
