/**
 * *Apply*: the editor's JSON → a ecs.taskdef.register action. Parameter errors (the AWS CLI's) and
 * the engine's refusals (AWS's validation) come back as markers at the field they name.
 */
import type { Action, ActionResult } from '@sandbox';
import { readTaskDefinitionInput } from '@sandbox/cli/index.ts';
import { locateJsonPath, type TextRange } from './json-locate.ts';

export interface Problem {
  line: number;
  column: number;
  message: string;
  source: 'schema' | 'sandbox';
}

export interface ApplyOutcome {
  ok: boolean;
  message: string;
  markers: (TextRange & { message: string })[];
}

/** `Unexpected token } in JSON at position 42` or `(line 3 column 5)` → a range. */
function jsonErrorRange(text: string, message: string): TextRange {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const line = Number(lc[1]);
    const column = Number(lc[2]);
    return {
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: column + 1,
    };
  }
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + 1 };
}

export function applyDocument(
  text: string,
  act: (action: Action) => ActionResult | null,
): ApplyOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const message = `Invalid JSON: ${(e as Error).message}`;
    return {
      ok: false,
      message,
      markers: [{ ...jsonErrorRange(text, (e as Error).message), message }],
    };
  }
  const read = readTaskDefinitionInput(parsed);
  if (!read.ok && read.limits) {
    return { ok: false, message: `ClientException: ${read.limits.join(' ')}`, markers: [] };
  }
  if (!read.ok) {
    return {
      ok: false,
      message: `Parameter validation failed: ${read.errors.map((e) => e.message).join('; ')}`,
      markers: read.errors.map((e) => ({ ...locateJsonPath(text, e.path), message: e.message })),
    };
  }
  const result = act({
    type: 'ecs.taskdef.register',
    taskDefinition: read.value,
    ...(read.ignored.length > 0 ? { notModelled: read.ignored } : {}),
  });
  if (!result) return { ok: false, message: 'The sandbox did not answer.', markers: [] };
  if (result.ok) return { ok: true, message: result.message, markers: [] };
  return {
    ok: false,
    message: result.error,
    markers: [{ ...locateJsonPath(text, documentPath(result.field)), message: result.error }],
  };
}

/** The engine names fields from the action (`taskDefinition.containerDefinitions.0.memory`). */
export function documentPath(field: string | undefined): string {
  if (!field || field === 'type') return '';
  return field.replace(/^taskDefinition\.?/, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
