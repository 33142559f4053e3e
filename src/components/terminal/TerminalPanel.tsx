/**
 * The sandbox terminal: `aws` and `docker` commands, parsed and interpreted by sandbox/cli and
 * applied through the island's `act` (so typed commands and buttons are the same actions).
 * Up/Down browse history; Tab completes (Tab on an empty line moves focus on, so it never traps).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  complete,
  commonPrefix,
  echoLine,
  interpret,
  MAX_LINE_LENGTH,
  type CommandOutput,
} from '@sandbox/cli/index.ts';
import type { SandboxPanelProps } from '@components/sandbox/panels/registry.ts';
import { documentStoreFor } from '@lib/editor/document-store.ts';
import {
  MAX_ENTRIES,
  MAX_HISTORY,
  promptFor,
  terminalStateFor,
  type TerminalEntry,
} from './terminal-store.ts';
import { adoptStyles } from '@lib/adopted-styles.ts';
import { TERMINAL_CSS } from './terminal-css.ts';

adoptStyles(TERMINAL_CSS);

export default function TerminalPanel({ actor, scenario, act }: SandboxPanelProps) {
  const state = terminalStateFor(actor);
  const [entries, setEntries] = useState<TerminalEntry[]>(() => state.entries);
  const [line, setLine] = useState('');
  const [hint, setHint] = useState('');
  const [prompt, setPrompt] = useState(() => promptFor(state.session));
  const historyIndex = useRef<number | null>(null);
  const draft = useRef('');
  const outputRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `terminal-${scenario.id}`;

  useEffect(() => {
    const el = outputRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  const push = useCallback(
    (command: string, out: CommandOutput, promptText: string) => {
      const entry: TerminalEntry = {
        id: state.nextId++,
        prompt: promptText,
        command: echoLine(command),
        ...out,
      };
      state.entries = [...state.entries, entry].slice(-MAX_ENTRIES);
      setEntries(state.entries);
    },
    [state],
  );

  const run = useCallback(
    (command: string) => {
      const promptText = promptFor(state.session);
      const trimmed = command.trim();
      if (trimmed !== '' && command.length <= MAX_LINE_LENGTH) {
        if (state.history[state.history.length - 1] !== command)
          state.history = [...state.history, command].slice(-MAX_HISTORY);
      }
      historyIndex.current = null;
      if (trimmed === 'clear') {
        state.entries = [];
        setEntries([]);
        return;
      }
      if (trimmed === 'history') {
        push(
          command,
          {
            stdout: state.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}`).join('\n'),
            stderr: '',
            exitCode: 0,
          },
          promptText,
        );
        return;
      }
      const files = documentStoreFor(actor, scenario).files();
      const before = actor.getSnapshot().context.world;
      const outcome = interpret(command, { world: before, files, session: state.session });
      if (outcome.kind === 'output') {
        push(command, outcome.output, promptText);
      } else {
        const results = [];
        for (const action of outcome.actions) {
          const result = act(action);
          if (!result) break;
          results.push(result);
          if (!result.ok) break;
        }
        const after = actor.getSnapshot().context.world;
        const failed = results.find((r) => !r.ok);
        push(
          command,
          failed && !failed.ok
            ? { stdout: '', stderr: failed.error, exitCode: 1 }
            : outcome.render(results, before, after),
          promptText,
        );
      }
      if (outcome.session) {
        state.session = outcome.session;
        setPrompt(promptFor(outcome.session));
      }
    },
    [actor, scenario, act, push, state],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const command = line;
      setLine('');
      setHint('');
      run(command);
      return;
    }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const history = state.history;
      if (history.length === 0) return;
      event.preventDefault();
      if (historyIndex.current === null) draft.current = line;
      const current = historyIndex.current ?? history.length;
      const next = event.key === 'ArrowUp' ? Math.max(0, current - 1) : current + 1;
      if (next >= history.length) {
        historyIndex.current = null;
        setLine(draft.current);
      } else {
        historyIndex.current = next;
        setLine(history[next] ?? '');
      }
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && line.trim() !== '') {
      const files = documentStoreFor(actor, scenario).files();
      const { start, candidates } = complete(line, {
        world: actor.getSnapshot().context.world,
        files,
        session: state.session,
      });
      if (candidates.length === 0) return;
      event.preventDefault();
      if (candidates.length === 1) {
        setLine(`${line.slice(0, start)}${candidates[0]} `);
        setHint('');
      } else {
        const prefix = commonPrefix(candidates);
        setLine(`${line.slice(0, start)}${prefix}`);
        setHint(
          candidates.slice(0, 40).join('  ') +
            (candidates.length > 40 ? `  … (${candidates.length - 40} more)` : ''),
        );
      }
    }
  };

  return (
    <section className="shipyard-terminal" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="shipyard-terminal__title">
        Terminal{' '}
        <span className="shipyard-terminal__sub">
          aws and docker, simulated — type <kbd>help</kbd>
        </span>
      </h3>
      <div
        ref={outputRef}
        className="shipyard-terminal__output"
        role="log"
        aria-live="polite"
        aria-label="Terminal output"
        tabIndex={0}
      >
        {entries.length === 0 ? (
          <p className="shipyard-terminal__muted">
            Try <code>help</code>,{' '}
            <code>aws ecs describe-services --cluster demo --services web</code> or{' '}
            <code>docker context ls</code>.
          </p>
        ) : null}
        {entries.map((e) => (
          <div key={e.id} className="shipyard-terminal__entry">
            <pre className="shipyard-terminal__cmd">
              <span aria-hidden="true">{e.prompt} </span>
              {e.command}
            </pre>
            {e.stdout !== '' ? <pre className="shipyard-terminal__stdout">{e.stdout}</pre> : null}
            {e.stderr !== '' ? (
              <pre className="shipyard-terminal__stderr" data-exit={e.exitCode}>
                <span className="shipyard-terminal__label">
                  {e.exitCode === 0 ? 'note: ' : `error (exit ${e.exitCode}): `}
                </span>
                {e.stderr.replace(/^\n+/, '')}
              </pre>
            ) : null}
          </div>
        ))}
      </div>
      <form
        className="shipyard-terminal__form"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <label htmlFor={`${id}-input`} className="shipyard-terminal__prompt">
          <span className="sr-only">Command</span>
          <span aria-hidden="true">{prompt}</span>
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="shipyard-terminal__input"
          value={line}
          onChange={(event) => {
            setLine(event.target.value);
            historyIndex.current = null;
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={`${id}-keys`}
        />
      </form>
      <p className="shipyard-terminal__hint" aria-live="polite">
        {hint}
      </p>
      <p id={`${id}-keys`} className="shipyard-terminal__muted">
        Enter runs · Up/Down: history · Tab completes (on an empty line, Tab moves on)
      </p>
    </section>
  );
}
