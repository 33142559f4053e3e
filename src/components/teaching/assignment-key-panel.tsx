/**
 * The instructor's signing key: create one, back it up (only right after creating it: the
 * stored copy is non-extractable), import a backup on another device, or remove it.
 */
import { useEffect, useRef, useState } from 'react';
import { keyFileText, readKeyFile } from '@lib/assignments/key-file.ts';
import {
  deleteKey,
  loadKey,
  nonExtractable,
  saveKey,
  type StoredKey,
} from '@lib/assignments/key-store.ts';
import { problemsToText } from '@lib/assignments/problems.ts';
import { generateSigningKey, keyId } from '@lib/assignments/signing.ts';
import { download, readText } from './assignment-files.ts';

export type KeyState =
  | { status: 'loading' }
  | { status: 'none'; error?: string }
  | { status: 'ready'; key: StoredKey; id: string };

export function useSigningKey(): [KeyState, (key: StoredKey | null) => Promise<void>] {
  const [state, setState] = useState<KeyState>({ status: 'loading' });
  useEffect(() => {
    loadKey()
      .then(async (key) =>
        setState(
          key ? { status: 'ready', key, id: await keyId(key.publicJwk) } : { status: 'none' },
        ),
      )
      .catch(() =>
        setState({
          status: 'none',
          error:
            'This browser does not let the site keep a key (IndexedDB is blocked, for example in a private window).',
        }),
      );
  }, []);
  const set = async (key: StoredKey | null) => {
    if (key) {
      await saveKey(key);
      setState({ status: 'ready', key, id: await keyId(key.publicJwk) });
    } else {
      await deleteKey();
      setState({ status: 'none' });
    }
  };
  return [state, set];
}

interface Props {
  state: KeyState;
  onChange: (key: StoredKey | null) => Promise<void>;
}

export function AssignmentKeyPanel({ state, onChange }: Props) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [backup, setBackup] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const create = async () => {
    setError('');
    try {
      const fresh = await generateSigningKey(true);
      const createdAt = new Date().toISOString();
      // Held in memory for this page only, so the instructor can save a backup now.
      setBackup(await keyFileText(fresh.privateKey, fresh.publicJwk, createdAt));
      await onChange({
        privateKey: await nonExtractable(fresh.privateKey),
        publicJwk: fresh.publicJwk,
        createdAt,
      });
      setMessage(
        'A new signing key was created and saved in this browser. Download a backup now if you will grade on another device.',
      );
    } catch (e) {
      setError(
        `The key could not be created or saved: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    setMessage('');
    const read = await readText(file, 10_000);
    if (!read.ok) return setError(`${file.name} ${read.message}.`);
    const key = await readKeyFile(read.text);
    if (!key.ok)
      return setError(
        `${file.name} was not imported: it ${problemsToText(key.problems)}. Nothing was changed.`,
      );
    try {
      await onChange(key.value);
      setBackup(null);
      setMessage(`The key from ${file.name} is now this browser's signing key.`);
    } catch (e) {
      setError(`The key could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section className="sy-teach-panel" aria-labelledby="sy-key-title">
      <h2 id="sy-key-title">Your signing key</h2>
      {state.status === 'loading' ? <p>Looking for a key in this browser…</p> : null}
      {state.status === 'none' ? (
        <>
          <p>
            Assignments are signed with a key kept in this browser, so the gradebook can tell an
            assignment you made from one a learner edited. There is no key in this browser yet.
          </p>
          {state.error ? (
            <p className="sy-teach-alert" role="alert">
              {state.error}
            </p>
          ) : null}
          <div className="sy-teach-buttons">
            <button type="button" className="sy-primary" onClick={() => void create()}>
              Create a signing key
            </button>
          </div>
        </>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p>
            Key <code>{state.id}</code>, created {state.key.createdAt.slice(0, 10)}. It stays in
            this browser: the site can sign with it but cannot read it back.
          </p>
          <div className="sy-teach-buttons">
            {backup ? (
              <button
                type="button"
                className="sy-primary"
                onClick={() =>
                  download(`shipyard-signing-key-${state.id}.json`, 'application/json', backup)
                }
              >
                Download a backup of the key
              </button>
            ) : null}
            {confirmRemove ? (
              <>
                <button
                  type="button"
                  className="sy-danger"
                  onClick={() => {
                    setConfirmRemove(false);
                    setBackup(null);
                    void onChange(null).then(() =>
                      setMessage('The key was removed from this browser.'),
                    );
                  }}
                >
                  Yes, remove the key
                </button>
                <button type="button" onClick={() => setConfirmRemove(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmRemove(true)}>
                Remove the key from this browser
              </button>
            )}
          </div>
          {confirmRemove ? (
            <p className="sy-teach-warning">
              Without this key (or a backup of it), the gradebook cannot check the assignments it
              signed.
            </p>
          ) : null}
          {backup ? (
            <p className="sy-teach-help">
              The backup is offered only now, right after the key was made. Keep it private: whoever
              has it can sign assignments in your name.
            </p>
          ) : null}
        </>
      ) : null}
      {state.status !== 'loading' ? (
        <p>
          <label htmlFor="sy-key-file">
            {state.status === 'ready'
              ? 'Replace it with a key file'
              : 'Or import a key file from another device'}
          </label>
          <br />
          <input
            id="sy-key-file"
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void importFile(e.currentTarget.files?.[0])}
          />
        </p>
      ) : null}
      {error ? (
        <p className="sy-teach-alert" role="alert">
          {error}
        </p>
      ) : null}
      <p className="sy-teach-status" role="status">
        {message}
      </p>
    </section>
  );
}
