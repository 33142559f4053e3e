/**
 * Reading a scenario file: YAML → zod schema → goal params → can the world be built?
 * Every problem comes back as a ScenarioError naming the field and, where the file has it,
 * the line and column. Never throws, never hangs (size and alias limits).
 */
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { Result } from '../model/types.ts';
import { buildWorld } from '../composition.ts';
import { validateGoalParams } from '../goals/check.ts';
import { scenarioSchema, type Scenario, type ScenarioError } from './schema.ts';

const MAX_BYTES = 1_000_000;

export function parseScenario(
  yamlText: string,
  fileName?: string,
): Result<Scenario, ScenarioError[]> {
  if (typeof yamlText !== 'string')
    return { ok: false, error: [{ path: '', message: 'scenario must be text' }] };
  if (yamlText.length > MAX_BYTES)
    return {
      ok: false,
      error: [{ path: '', message: `scenario file is larger than ${MAX_BYTES} bytes` }],
    };
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return {
      ok: false,
      error: [{ path: '', message: `cannot read YAML: ${(error as Error).message}` }],
    };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      error: doc.errors.slice(0, 20).map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          ...(fileName !== undefined ? { file: fileName } : {}),
          path: '',
          line: pos.line,
          column: pos.col,
          message: `YAML: ${firstLine(e.message)}`,
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return {
      ok: false,
      error: [{ path: '', message: `cannot read YAML: ${(error as Error).message}` }],
    };
  }
  const where = (path: (string | number)[]) => locate(doc, lineCounter, path);
  const result = validateScenarioData(data, where);
  if (!result.ok && fileName !== undefined) for (const e of result.error) e.file = fileName;
  return result;
}

/** Validates already-parsed data (e.g. JSON); `where` maps a path to a file position. */
export function validateScenarioData(
  data: unknown,
  where: (path: (string | number)[]) => { line?: number; column?: number } = () => ({}),
): Result<Scenario, ScenarioError[]> {
  const parsed = scenarioSchema().safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.slice(0, 50).map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        let message = issue.message;
        let at = path;
        if (issue.code === 'unrecognized_keys') {
          const keys = issue.keys;
          message = `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k.slice(0, 64)}'`).join(', ')}`;
          at = [...path, keys[0] ?? ''];
        }
        return { path: formatPath(at), ...where(at), message };
      }),
    };
  }
  const scenario = parsed.data;
  const errors: ScenarioError[] = [];
  if (scenario.goals.length === 0 && !scenario.id.endsWith('-playground'))
    errors.push({
      path: 'goals',
      ...where(['goals']),
      message:
        'a scenario needs at least one goal (only a free-play *-playground scenario has none)',
    });
  scenario.goals.forEach((goal, i) => {
    for (const problem of validateGoalParams(goal)) {
      const rel = problem.path.split('.');
      const at = ['goals', i, ...rel];
      errors.push({ path: formatPath(at), ...where(at), message: problem.message });
    }
  });
  const ids = new Set<string>();
  scenario.goals.forEach((goal, i) => {
    if (ids.has(goal.id))
      errors.push({
        path: `goals[${i}].id`,
        ...where(['goals', i, 'id']),
        message: `goal id '${goal.id}' is used twice`,
      });
    ids.add(goal.id);
  });
  if (errors.length > 0) return { ok: false, error: errors };
  const built = buildWorld(scenario);
  if (!built.ok) {
    return {
      ok: false,
      error: built.error.map((e) => ({ ...e, ...where(pathFromString(e.path)) })),
    };
  }
  return { ok: true, value: scenario };
}

export function scenarioErrorsToText(errors: ScenarioError[], fileName = 'scenario'): string {
  return errors
    .map(
      (e) =>
        `${fileName}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''}: ${e.path ? `${e.path}: ` : ''}${e.message}`,
    )
    .join('\n');
}

function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

function pathFromString(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) continue;
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Line and column of the deepest YAML node on the path; for a field, its key (so unknown and wrong fields point at their name). */
function locate(
  doc: Document,
  lc: LineCounter,
  path: (string | number)[],
): { line?: number; column?: number } {
  for (let n = path.length; n >= 1; n--) {
    const key = path[n - 1];
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (typeof key === 'string' && isMap(parent)) {
      const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return position(lc, pair.key.range[0]);
    }
    const node =
      n === 1
        ? typeof key === 'number'
          ? doc.getIn([key], true)
          : null
        : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return position(lc, range[0]);
  }
  const range = (doc.contents as { range?: [number, number, number] } | null)?.range;
  return range ? position(lc, range[0]) : {};
}

function position(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
