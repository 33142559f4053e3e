/**
 * `kubectl apply -f <file>`: the manifest comes from the editor's documents (or a file next to
 * a command file) by name, or from stdin with `-f -` (a heredoc in a command file). The YAML
 * is split and parsed here, with the sandbox's limits; the engine's `k8s.apply` validates each
 * document and answers `created` / `configured` / `unchanged` or Kubernetes' own error.
 */
import type { Action } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import { parseYamlDocuments } from '../../services/eks/manifest-yaml.ts';
import { applyAll, output } from '../outcome.ts';
import type { CliOutcome, CommandOutput } from '../types.ts';
import { fail } from '../types.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import { kubectlError, usageError } from './command.ts';
import { list } from './flags.ts';
import { nsField } from './workloads.ts';

/** The text of `-f <name>`: an editor document or a file beside the command file. */
export function readManifest(
  run: Pick<KubectlRun, 'env'>,
  name: string,
): { ok: true; text: string; fileName: string } | { ok: false; error: string } {
  if (name === '-') {
    const stdin = run.env.stdin;
    if (stdin === undefined)
      return {
        ok: false,
        error:
          "error: no objects passed to apply\n(The sandbox's terminal has no stdin: write the manifest in the editor and run kubectl apply -f <its name>, or use `kubectl apply -f - <<EOF … EOF` in a command file.)",
      };
    return { ok: true, text: stdin, fileName: 'STDIN' };
  }
  if (/^https?:\/\//.test(name))
    return {
      ok: false,
      error: `error: unable to read URL ${JSON.stringify(name)}: the sandbox makes no network requests: paste the manifest into the editor instead. (This is the sandbox's own message.)`,
    };
  const bare = name.replace(/^\.\//, '');
  const text = own(run.env.files, bare);
  if (text === undefined)
    return { ok: false, error: `error: the path ${JSON.stringify(name)} does not exist` };
  return { ok: true, text, fileName: bare };
}

type Json = Record<string, unknown>;

const APPLIED = /^[a-z0-9.]+\/\S+ (created|configured|unchanged)$/;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The documents of a manifest text as the k8s.apply action carries them, or why not. */
export function manifestDocuments(
  text: string,
  fileName: string,
): { documents: Json[]; errors: string[] } {
  const parsed = parseYamlDocuments(text, fileName);
  const documents: Json[] = [];
  const errors: string[] = [];
  for (const doc of parsed.documents) {
    if (doc.value === null || doc.value === undefined) continue;
    if (!isObject(doc.value)) {
      const kind = Array.isArray(doc.value)
        ? 'array'
        : typeof doc.value === 'number'
          ? 'number'
          : 'string';
      errors.push(
        `error: unable to decode ${JSON.stringify(fileName)}: json: cannot unmarshal ${kind} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
      );
      continue;
    }
    documents.push(doc.value);
  }
  if (!parsed.ok) errors.push(parsed.error);
  return { documents, errors };
}

function runApply(run: KubectlRun): CliOutcome {
  const files = list(run.flags, 'filename');
  if (files.length === 0) return usageError(run.path, 'must specify one of -f and -k');
  const actions: Action[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const read = readManifest(run, f);
    if (!read.ok) return output(fail(read.error, 1));
    const { documents, errors: docErrors } = manifestDocuments(read.text, read.fileName);
    errors.push(...docErrors);
    if (documents.length > 0)
      actions.push({
        type: 'k8s.apply',
        documents,
        fileName: read.fileName,
        ...nsField(run),
      });
  }
  if (actions.length === 0)
    return output(
      fail(errors.length > 0 ? errors.join('\n') : 'error: no objects passed to apply', 1),
    );
  // The engine answers `<ref> created|configured|unchanged` lines, then each refused
  // document's error, then a note on ignored fields: kubectl prints the errors on stderr.
  const render = (results: { ok: boolean; message?: string }[]): CommandOutput => {
    const out: string[] = [];
    const err: string[] = [...errors];
    for (const r of results) {
      let inErrors = false;
      for (const line of r.ok ? (r.message ?? '').split('\n') : []) {
        if (line === '') continue;
        if (!inErrors && APPLIED.test(line)) out.push(line);
        else {
          inErrors = inErrors || !line.startsWith('(sandbox');
          err.push(line);
        }
      }
    }
    const failed = err.some((l) => /^(error|Error from server)/.test(l));
    return { stdout: out.join('\n'), stderr: err.join('\n'), exitCode: failed ? 1 : 0 };
  };
  return applyAll(
    run.env.world,
    actions,
    (error) => {
      const out = kubectlError(error);
      return errors.length > 0 ? { ...out, stderr: `${out.stderr}\n${errors.join('\n')}` } : out;
    },
    (results) => render(results),
  );
}

export const apply: KubectlCommand = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    {
      name: 'filename',
      short: 'f',
      kind: 'strings',
      help: "The files that contain the configurations to apply: an editor document's name, or - for stdin (a heredoc in a command file).",
      placeholder: '[]',
    },
    { name: 'validate', kind: 'string', help: 'Accepted: the sandbox always validates strictly.' },
    { name: 'dry-run', kind: 'string', help: 'Accepted: only "none" is modelled.' },
    { name: 'server-side', kind: 'bool', help: 'Accepted: the sandbox applies the same way.' },
  ],
  examples: [
    'kubectl apply -f web.yaml',
    'kubectl apply -f web.yaml -n shop',
    'kubectl apply -f - <<EOF   (in a command file, ending with a line EOF)',
  ],
  run: runApply,
};
