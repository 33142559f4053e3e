/**
 * The editor: Monaco, loaded when this panel first opens (never before). ECS task definitions
 * are JSON with the ECS schema; *Apply* registers them and the engine answers like AWS. In a
 * Kubernetes scenario the documents are manifests: YAML through monaco-yaml with the Kubernetes
 * schema (a separate chunk, loaded only then), and *Apply* is `kubectl apply -f`, answered
 * object by object. Either way the engine's errors become markers at the field they name.
 * Leave the editor by keyboard: Escape then Tab, or Ctrl+M (toggles whether Tab moves focus),
 * as the hint under the editor says.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { loadWorkflowTools } from '@sandbox';
import type { SandboxPanelProps } from '@components/sandbox/panels/registry.ts';
import { documentStoreFor } from '@lib/editor/document-store.ts';
import type { MonacoApi } from '@lib/editor/load-monaco.ts';
import { applyDocument, type Problem } from '@lib/editor/apply-document.ts';
import type * as K8sEditorModule from '@lib/k8s-editor/k8s-editor.ts';
import type { ManifestLine } from '@lib/k8s-editor/k8s-editor.ts';
import { adoptStyles } from '@lib/adopted-styles.ts';
import { EDITOR_CSS } from './editor-css.ts';

adoptStyles(EDITOR_CSS);

/** A workflow's commit form: its own chunk, loaded only when a workflow document is shown. */
const WorkflowCommit = lazy(() => import('@components/sandbox/pipeline/WorkflowCommit.tsx'));

type K8sEditor = K8sEditorModule.KubernetesEditor;
type Editor = ReturnType<MonacoApi['editor']['create']>;
type Model = NonNullable<ReturnType<Editor['getModel']>>;

let instanceCounter = 0;

const LINE_ICON = { applied: '✓', refused: '✗', note: 'ℹ' } as const;
const LINE_LABEL = { applied: 'Applied: ', refused: 'Refused: ', note: 'Note: ' } as const;

/**
 * The model's file name, which picks its schema: `*.taskdef.json`, `*.k8s.yaml` or
 * `*.workflow.yaml`; a build-context file keeps its own name (no schema, under `context/`).
 */
function modelName(d: { name: string; language: string; workflow?: true; build?: true }): string {
  if (d.build) return `context/${d.name}`;
  if (d.workflow) return d.name.replace(/\.ya?ml$/, '.workflow.yaml');
  return d.language === 'json'
    ? d.name.replace(/\.json$/, '.taskdef.json')
    : d.name.replace(/\.yaml$/, '.k8s.yaml');
}

export default function EditorPanel({ actor, scenario, act }: SandboxPanelProps) {
  const store = documentStoreFor(actor, scenario);
  // Re-read the documents when they change from outside the editor (undo, reset, a pending version).
  useSyncExternalStore(store.subscribe, store.version);
  const docs = store.documents();
  // The shown document lives in the store, so a tab switch (which unmounts this panel) keeps it.
  const [docName, setShown] = useState(store.shown);
  const setDocName = (name: string) => {
    store.show(name);
    setShown(name);
  };
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  /** kubectl's answer to the last manifest apply, one line per object. */
  const [output, setOutput] = useState<ManifestLine[]>([]);
  const k8sRef = useRef<K8sEditor | null>(null);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const hostRef = useRef<HTMLDivElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const pickerRef = useRef<HTMLSelectElement>(null);
  const monacoRef = useRef<MonacoApi | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const modelsRef = useRef<Map<string, Model>>(new Map());
  const id = `editor-${scenario.id}`;
  const doc = docs.find((d) => d.name === docName) ?? docs[0];

  const refreshProblems = useCallback(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    const markers = monaco.editor
      .getModelMarkers({ resource: model.uri })
      .filter((m) => m.severity >= monaco.MarkerSeverity.Warning)
      .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn);
    setProblems(
      markers.map((m) => ({
        line: m.startLineNumber,
        column: m.startColumn,
        message: m.message,
        source: m.owner === 'shipyard-apply' ? 'sandbox' : 'schema',
      })),
    );
  }, []);

  // Load Monaco and create the editor once.
  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    const models = modelsRef.current;
    instanceCounter += 1;
    const prefix = `sandbox-${instanceCounter}`;
    (async () => {
      const [{ loadMonaco }, themes] = await Promise.all([
        import('@lib/editor/load-monaco.ts'),
        import('@lib/editor/themes.ts'),
      ]);
      const monaco = await loadMonaco();
      if (store.documents().some((d) => d.language === 'yaml')) {
        const { configureKubernetesYaml } = await import('@lib/k8s-editor/k8s-editor.ts');
        // A pipeline's workflow schema joins the manifest schema (matched by file name).
        const schemas = store.documents().some((d) => d.workflow)
          ? [await (await import('@lib/workflow-editor/workflow-editor.ts')).workflowSchemaEntry()]
          : [];
        k8sRef.current = await configureKubernetesYaml(monaco, schemas);
      }
      if (disposed || !hostRef.current) return;
      monacoRef.current = monaco;
      for (const d of store.documents()) {
        const uri = monaco.Uri.parse(`file:///${prefix}/${modelName(d)}`);
        const model = monaco.editor.createModel(d.text, d.language, uri);
        models.set(d.name, model);
        const sub = model.onDidChangeContent(() => {
          store.set(d.name, model.getValue());
          monaco.editor.setModelMarkers(model, 'shipyard-apply', []);
        });
        cleanups.push(
          () => sub.dispose(),
          () => model.dispose(),
        );
      }
      const editor = monaco.editor.create(hostRef.current, {
        model: models.get(docName) ?? null,
        theme: themes.siteTheme(),
        accessibilitySupport: 'on',
        ariaLabel: `Editor: ${docName}. Press Escape then Tab to leave, or Ctrl+M to make Tab move focus.`,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        scrollBeyondLastLine: false,
        wordWrap: 'on',
        fixedOverflowWidgets: true,
        // The context menu in the page, not a shadow root: Monaco's menu rules and theme colours
        // reach it there (in a shadow root it showed without background or border).
        useShadowDOM: false,
        renderValidationDecorations: 'on',
        lineNumbersMinChars: 3,
      });
      editorRef.current = editor;
      cleanups.push(() => editor.dispose());
      cleanups.push(themes.onSiteThemeChange((theme) => monaco.editor.setTheme(theme)));
      // Escape, then Tab / Shift+Tab: leave the editor (Tab otherwise indents).
      let escaped = false;
      const keys = editor.onKeyDown((e) => {
        if (e.keyCode === monaco.KeyCode.Escape) {
          escaped = true;
          return;
        }
        if (e.keyCode === monaco.KeyCode.Tab && escaped) {
          e.preventDefault();
          e.stopPropagation();
          (e.shiftKey ? pickerRef.current : applyRef.current)?.focus();
        }
        escaped = false;
      });
      const markers = monaco.editor.onDidChangeMarkers(() => refreshProblems());
      cleanups.push(
        () => keys.dispose(),
        () => markers.dispose(),
      );
      setLoadState('ready');
      refreshProblems();
    })().catch((e: unknown) => {
      if (!disposed) {
        setLoadState('failed');
        setStatus({ ok: false, text: `The editor could not load: ${(e as Error).message}` });
      }
    });
    return () => {
      disposed = true;
      for (const c of cleanups.reverse()) c();
      models.clear();
      editorRef.current = null;
    };
    // The editor is created once per mount; document switches are handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Switch documents.
  useEffect(() => {
    const editor = editorRef.current;
    const model = modelsRef.current.get(docName);
    if (editor && model && editor.getModel() !== model) {
      editor.setModel(model);
      editor.updateOptions({
        ariaLabel: `Editor: ${docName}. Press Escape then Tab to leave, or Ctrl+M to make Tab move focus.`,
      });
      refreshProblems();
    }
  }, [docName, loadState, refreshProblems]);

  // Undo / reset of the sandbox change the documents from outside.
  useEffect(
    () =>
      store.subscribe(() => {
        for (const d of store.documents()) {
          const model = modelsRef.current.get(d.name);
          if (model && model.getValue() !== d.text) model.setValue(d.text);
        }
        setStatus(null);
        setOutput([]);
      }),
    [store],
  );

  /** Saves a workflow file into the repository (pipeline.file.write) after GitHub's own check. */
  const saveWorkflow = async () => {
    const monaco = monacoRef.current;
    const model = modelsRef.current.get(docName);
    if (!monaco || !model) return;
    setOutput([]);
    const text = model.getValue();
    const { parseWorkflow } = await loadWorkflowTools();
    const parsed = parseWorkflow(text, docName);
    monaco.editor.setModelMarkers(
      model,
      'shipyard-apply',
      parsed.ok
        ? []
        : parsed.errors.map((e) => ({
            startLineNumber: e.line,
            startColumn: e.column,
            endLineNumber: e.line,
            endColumn: e.column + 1,
            message: e.message,
            severity: monaco.MarkerSeverity.Error,
            source: 'GitHub Actions (sandbox)',
          })),
    );
    const result = act({ type: 'pipeline.file.write', path: docName, content: text });
    if (!result) return;
    setStatus(
      !result.ok
        ? { ok: false, text: result.error }
        : parsed.ok
          ? { ok: true, text: result.message }
          : {
              // Saved (git takes any file); the run it starts will fail with GitHub's text.
              ok: true,
              text: `${result.message}, but GitHub will refuse to run it: ${parsed.text}`,
            },
    );
    refreshProblems();
  };

  const applyManifest = () => {
    const monaco = monacoRef.current;
    const k8s = k8sRef.current;
    const model = modelsRef.current.get(docName);
    if (!monaco || !k8s || !model) return;
    const outcome = k8s.apply(model.getValue(), docName, act);
    monaco.editor.setModelMarkers(
      model,
      'shipyard-apply',
      outcome.markers.map((m) => ({
        ...m,
        severity: monaco.MarkerSeverity.Error,
        source: 'Kubernetes (sandbox)',
      })),
    );
    const said = outcome.lines
      .filter((l) => l.status !== 'note')
      .map((l) => l.text)
      .join('; ');
    setOutput(outcome.lines);
    setStatus({
      ok: outcome.ok,
      text: `kubectl apply -f ${docName}: ${said.length > 400 ? `${said.slice(0, 400)}…` : said}`,
    });
    refreshProblems();
  };

  const apply = () => {
    if (doc?.build) return;
    if (doc?.workflow) return void saveWorkflow();
    if (doc?.language === 'yaml') return applyManifest();
    const monaco = monacoRef.current;
    const model = modelsRef.current.get(docName);
    if (!monaco || !model || doc?.language !== 'json') return;
    setOutput([]);
    const outcome = applyDocument(model.getValue(), act);
    monaco.editor.setModelMarkers(
      model,
      'shipyard-apply',
      outcome.markers.map((m) => ({
        ...m,
        severity: monaco.MarkerSeverity.Error,
        source: 'Amazon ECS (sandbox)',
      })),
    );
    setStatus({ ok: outcome.ok, text: outcome.message });
    refreshProblems();
  };

  const repoVersion = doc?.workflow ? store.pending(docName) : null;
  const loadRepoVersion = () => {
    store.loadPending(docName);
    setStatus({ ok: true, text: `${docName} is now the repository's version.` });
  };

  const reset = () => {
    store.reset(docName);
    setOutput([]);
    setStatus({ ok: true, text: `${docName} is back to the scenario's template.` });
  };

  const goTo = (p: Problem) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.setPosition({ lineNumber: p.line, column: p.column });
    editor.revealPositionInCenter({ lineNumber: p.line, column: p.column });
    editor.focus();
  };

  return (
    <section className="shipyard-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="shipyard-editor__title">
        Editor
      </h3>
      <div className="shipyard-editor__bar">
        <label htmlFor={`${id}-doc`}>Document</label>
        <select
          ref={pickerRef}
          id={`${id}-doc`}
          value={docName}
          onChange={(e) => setDocName(e.target.value)}
        >
          {docs.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name} — {d.label}
            </option>
          ))}
        </select>
      </div>
      <div
        ref={hostRef}
        className="shipyard-editor__host"
        data-state={loadState}
        aria-busy={loadState === 'loading'}
      >
        {loadState === 'loading' ? (
          <p className="shipyard-editor__muted">Loading the editor…</p>
        ) : null}
      </div>
      <p id={`${id}-keys`} className="shipyard-editor__muted">
        Leave the editor with the keyboard: press <kbd>Esc</kbd> then <kbd>Tab</kbd> (or{' '}
        <kbd>Ctrl</kbd>+<kbd>M</kbd> to make Tab move focus). Completion: <kbd>Ctrl</kbd>+
        <kbd>Space</kbd>; hover a field for its documentation.
      </p>
      {doc?.build ? (
        <p className="shipyard-editor__muted">
          {docName} is a file of the build context: <code>docker build .</code> in the Terminal
          reads it as it is here, edits included.
        </p>
      ) : null}
      <div className="shipyard-editor__actions">
        {doc?.build ? null : (
          <button
            ref={applyRef}
            type="button"
            className="shipyard-editor__apply"
            onClick={apply}
            disabled={loadState !== 'ready'}
          >
            {doc?.workflow
              ? `Save ${docName}`
              : doc?.language === 'yaml'
                ? `Apply (kubectl apply -f ${docName})`
                : 'Apply (register task definition)'}
          </button>
        )}
        <button
          ref={doc?.build ? applyRef : undefined}
          type="button"
          onClick={reset}
          disabled={loadState !== 'ready'}
        >
          Reset to template
        </button>
      </div>
      {repoVersion !== null ? (
        <div className="shipyard-editor__pending" role="group" aria-labelledby={`${id}-pending`}>
          <p id={`${id}-pending`}>
            The repository’s {docName} changed (an undo, or a change from the terminal) while you
            had an unsaved edit of it. Your edit is kept.
          </p>
          <button type="button" onClick={loadRepoVersion}>
            Load the repository’s version
          </button>
        </div>
      ) : null}
      {doc?.workflow ? (
        <Suspense fallback={null}>
          <WorkflowCommit actor={actor} scenario={scenario} act={act} path={docName} />
        </Suspense>
      ) : null}
      <p className="shipyard-editor__status" role="status" data-ok={status?.ok ?? 'none'}>
        {status ? (
          <>
            <span className="shipyard-editor__badge">{status.ok ? '✓ Done:' : '✗ Refused:'}</span>{' '}
            {status.text}
          </>
        ) : null}
      </p>
      {output.length > 0 ? (
        <ul className="shipyard-editor__output" aria-label="kubectl apply output">
          {output.map((line, i) => (
            <li key={`${i}:${line.text}`} data-status={line.status}>
              <span className="shipyard-editor__badge" aria-hidden="true">
                {LINE_ICON[line.status]}
              </span>{' '}
              <span className="shipyard-editor__sr">{LINE_LABEL[line.status]}</span>
              <code>{line.text}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="shipyard-editor__problems">
        <h4 id={`${id}-problems`}>
          Problems <span className="shipyard-editor__count">({problems.length})</span>
        </h4>
        {loadState !== 'ready' ? null : problems.length === 0 ? (
          <p className="shipyard-editor__muted">No problems found in {docName}.</p>
        ) : (
          <ul aria-labelledby={`${id}-problems`}>
            {problems.map((p, i) => (
              <li key={`${p.line}:${p.column}:${i}`}>
                <button type="button" className="shipyard-editor__problem" onClick={() => goTo(p)}>
                  <span className="shipyard-editor__where">
                    Line {p.line}, column {p.column}
                  </span>{' '}
                  <span>{p.message}</span>{' '}
                  <span className="shipyard-editor__muted">({p.source})</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
