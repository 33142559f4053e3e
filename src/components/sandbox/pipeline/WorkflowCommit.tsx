/**
 * Under the workflow in the editor: commit it and push (`git commit -am "…"`, `git push`), as
 * the terminal does; an unsaved edit is saved first (pipeline.file.write). Each step is one
 * learner action, recorded in the log; the first refusal stops the rest. A push to the branch
 * starts a run (the Workflow runs tab shows it).
 */
import { useSelector } from '@xstate/react';
import { useId, useState, type SyntheticEvent } from 'react';
import type { Action, ActionResult } from '@sandbox';
import { documentStoreFor } from '@lib/editor/document-store.ts';
import type { SandboxPanelProps } from '../panels/registry.ts';
import { allows, sendInOrder } from './pipeline-ui.ts';

export default function WorkflowCommit({
  actor,
  scenario,
  act,
  path,
}: SandboxPanelProps & { path: string }) {
  const id = useId();
  const [message, setMessage] = useState('Update the workflow');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const allowed = useSelector(actor, (s) => s.context.world.allowedActions);
  const branch = useSelector(actor, (s) => s.context.world.pipeline?.repo?.branch ?? 'main');
  if (!allows(allowed, 'pipeline.commit') || !allows(allowed, 'pipeline.push')) {
    return (
      <p className="sbx-muted">
        This scenario does not let you commit: the workflow is read-only here.
      </p>
    );
  }
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const store = documentStoreFor(actor, scenario);
    const text = store.get(path)?.text;
    const saved = actor.getSnapshot().context.world.pipeline?.repo?.files[path];
    const actions: Action[] = [];
    if (text !== undefined && text !== saved)
      actions.push({ type: 'pipeline.file.write', path, content: text });
    actions.push({ type: 'pipeline.commit', message: message.trim() }, { type: 'pipeline.push' });
    const results = sendInOrder(act, actions);
    const last: ActionResult | undefined = results[results.length - 1];
    if (!last) return;
    setSaid(
      last.ok
        ? { ok: true, text: results.map((r) => (r.ok ? r.message : '')).join(' · ') }
        : { ok: false, text: last.error },
    );
  };
  return (
    <form className="sbx-form sbx-pipe-commit" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Commit and push</h4>
      <div className="sbx-field">
        <label htmlFor={`${id}-msg`}>Commit message</label>
        <input
          id={`${id}-msg`}
          type="text"
          value={message}
          maxLength={200}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <button type="submit" className="sbx-btn sbx-btn-primary">
        Commit and push to {branch}
      </button>
      <p className="sbx-field-hint">
        Runs <code>git commit -am "…"</code> then <code>git push</code>; a push to {branch} starts a
        run (see the Workflow runs tab).
      </p>
      {said ? (
        <p className="sbx-pipe-said" data-ok={said.ok}>
          <span aria-hidden="true">{said.ok ? '✓' : '✗'}</span> {said.ok ? 'Done: ' : 'Refused: '}
          <span className="sbx-pipe-pre">{said.text}</span>
        </p>
      ) : null}
    </form>
  );
}
