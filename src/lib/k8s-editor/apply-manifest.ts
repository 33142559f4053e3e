/**
 * *Apply* for a Kubernetes manifest: `kubectl apply -f <file>`. The text is split into its YAML
 * documents by the sandbox's own parser (with its size, document, depth and alias limits) and
 * handed to the sandbox as one `k8s.apply` action; kubectl's answer (`deployment.apps/web
 * created`, `service/web unchanged`, or the API server's refusal) comes back line by line. The
 * same pure parser judges each document here too, so each refusal becomes a marker on the line
 * and field it names.
 */
import type { Action, ActionResult, ManifestParser, TextRange } from '@sandbox';

export interface ManifestLine {
  text: string;
  /** `applied`: an object kubectl created, configured or left unchanged; `note`: the sandbox's. */
  status: 'applied' | 'refused' | 'note';
}

export interface ManifestApplyOutcome {
  /** Every object applied, nothing refused. */
  ok: boolean;
  /** kubectl's output, one line per object or error. */
  lines: ManifestLine[];
  markers: (TextRange & { message: string })[];
}

const APPLIED = /^\S+ (created|configured|unchanged)$/;
/** Longest line shown (an error can quote a value of any size). */
export const MAX_LINE = 600;

const clip = (text: string) =>
  text.length > MAX_LINE
    ? `${text.slice(0, MAX_LINE)}… (${(text.length - MAX_LINE).toLocaleString('en-US')} more characters)`
    : text;

type Marker = TextRange & { message: string };

/** Where a new message starts: an applied object, an error, or the sandbox's own note. */
const ENTRY =
  /^(\S+ (created|configured|unchanged)$|error: |Error from server|The \S+ ".*" is invalid: |\(sandbox: )/;
const NOTE = /^\(sandbox: /;

const lineOf = (text: string): ManifestLine => ({
  text: clip(text),
  status: APPLIED.test(text) ? 'applied' : NOTE.test(text) ? 'note' : 'refused',
});

/** kubectl's output, one entry per object or error (an error may span several lines). */
export function entries(output: string): string[] {
  const out: string[] = [];
  for (const line of output.split('\n')) {
    if (!line) continue;
    if (out.length === 0 || ENTRY.test(line)) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

/** The field paths an API error names, each with the text of its own error. */
export function errorFields(message: string): { path: string; message: string }[] {
  const unknown = [...message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]!);
  if (unknown.length > 0) {
    const head = message.slice(0, message.indexOf('strict decoding error: '));
    return unknown.map((path) => ({
      path,
      message: `${head}strict decoding error: unknown field "${path}"`,
    }));
  }
  const go = /Go struct field \w+\.(\S+) of type/.exec(message);
  if (go) return [{ path: go[1]!, message }];
  const at = message.indexOf(' is invalid: ');
  if (at >= 0) {
    const head = message.slice(0, at + ' is invalid: '.length);
    return message
      .slice(head.length)
      .split('\n')
      .map((l) => l.replace(/^\* /, ''))
      .filter((l) => l.includes(': '))
      .map((l) => ({ path: l.slice(0, l.indexOf(': ')), message: `${head}${l}` }));
  }
  return [];
}

export function applyManifest(
  parser: Pick<ManifestParser, 'parseManifests' | 'parseYamlDocuments' | 'indexYamlDocuments'>,
  text: string,
  fileName: string,
  act: (action: Action) => ActionResult | null,
): ManifestApplyOutcome {
  const yaml = parser.parseYamlDocuments(text, fileName);
  const markers: Marker[] = [];
  const lineMarker = (line: number | null, message: string): Marker => {
    const n = Math.max(1, line ?? 1);
    const lineText = text.split('\n', n)[n - 1] ?? '';
    return {
      startLineNumber: n,
      startColumn: 1,
      endLineNumber: n,
      endColumn: Math.max(2, lineText.length + 1),
      message: clip(message),
    };
  };
  if (!yaml.ok && yaml.documents.length === 0) {
    return {
      ok: false,
      lines: [lineOf(yaml.error)],
      markers: [lineMarker(yaml.line, yaml.error)],
    };
  }
  const objects = yaml.documents.filter(
    (d) => d.value !== null && typeof d.value === 'object' && !Array.isArray(d.value),
  );
  if (yaml.documents.length === 0)
    return {
      ok: false,
      lines: [lineOf('error: no objects passed to apply')],
      markers,
    };

  const lines: ManifestLine[] = [];
  if (objects.length > 0) {
    const result = act({
      type: 'k8s.apply',
      documents: objects.map((d) => d.value as Record<string, unknown>),
      fileName,
      // The eks module's action (sandbox/services/eks/actions.ts); the cast goes once it is merged.
    } as unknown as Action);
    const answer = !result
      ? 'The sandbox did not answer.'
      : result.ok
        ? result.message
        : result.error;
    for (const entry of entries(answer)) lines.push(lineOf(entry));
  }

  // Each refused document, judged by the same parser, marked where its error points.
  const where = parser.indexYamlDocuments(text);
  for (const doc of parser.parseManifests(text, fileName).documents) {
    if (doc.ok) continue;
    const fields = errorFields(doc.message);
    if (fields.length > 0)
      for (const f of fields)
        markers.push({ ...where.locate(doc.index, f.path), message: clip(f.message) });
    else if (doc.message.includes('no matches for kind'))
      markers.push({ ...where.kindLine(doc.index), message: clip(doc.message) });
    else markers.push({ ...where.start(doc.index), message: clip(doc.message) });
    // A document the action could not carry (not an object) is answered here, as kubectl would.
    const value = yaml.documents.find((d) => d.index === doc.index)?.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      lines.push(lineOf(doc.message));
  }
  if (!yaml.ok) {
    lines.push(lineOf(yaml.error));
    markers.push(lineMarker(yaml.line, yaml.error));
  }
  const said = lines.filter((l) => l.status !== 'note');
  return { ok: said.length > 0 && said.every((l) => l.status === 'applied'), lines, markers };
}
