/**
 * The workflow parser: GitHub Actions syntax, the subset the sandbox runs (see catalog.ts).
 * Pure. Hostile files are refused before the YAML library builds anything large: size, line
 * count, nesting and anchors/aliases are checked first; then every key is checked against
 * the subset. Errors read as GitHub's do:
 *
 *   Invalid workflow file: .github/workflows/deploy.yml#L12
 *   The workflow is not valid. .github/workflows/deploy.yml (Line: 12, Col: 9): Unexpected value 'foo'
 *
 * Where the sandbox refuses something GitHub would accept (a key outside the subset, a limit),
 * the message says so in the sandbox's own words.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { KNOWN_UNSUPPORTED, PERMISSION_SCOPES, WORKFLOW_KEYS, catalogAction } from './catalog.ts';
import { evaluate, expressionsIn } from './expressions.ts';

export const WORKFLOW_LIMITS = {
  /** Bytes in one workflow file (sandbox limit). */
  maxBytes: 100_000,
  /** Lines in one workflow file (sandbox limit). */
  maxLines: 1000,
  /** Nesting of mappings and sequences (a workflow needs about 6). */
  maxDepth: 16,
  /** Columns of indentation on one line. */
  maxIndent: 120,
  jobs: 20,
  stepsPerJob: 50,
} as const;

export type PermissionLevel = 'read' | 'write' | 'none';
/** `null` = not set (the repository's default token permissions; id-token not granted). */
export type Permissions = Partial<Record<string, PermissionLevel>> | null;

export interface WorkflowStep {
  /** 0-based position in the job. */
  index: number;
  name: string | null;
  id: string | null;
  run: string | null;
  uses: string | null;
  with: Record<string, string>;
  env: Record<string, string>;
  if: string | null;
  line: number;
}

export interface WorkflowJob {
  id: string;
  name: string | null;
  runsOn: string;
  needs: string[];
  outputs: Record<string, string>;
  env: Record<string, string>;
  permissions: Permissions;
  if: string | null;
  steps: WorkflowStep[];
  line: number;
}

export interface Workflow {
  name: string | null;
  /** Branches a push starts the workflow on; null = every branch; [] = not on push. */
  pushBranches: string[] | null;
  permissions: Permissions;
  env: Record<string, string>;
  jobs: WorkflowJob[];
}

export interface WorkflowError {
  line: number;
  column: number;
  message: string;
}

export type WorkflowResult =
  { ok: true; workflow: Workflow } | { ok: false; errors: WorkflowError[]; text: string };

/** GitHub's two lines for an invalid workflow file (several errors are joined on the second). */
export function workflowErrorText(path: string, errors: readonly WorkflowError[]): string {
  const first = errors[0];
  const head = `Invalid workflow file: ${path}#L${first ? first.line : 1}`;
  const body = errors
    .map((e) => `${path} (Line: ${e.line}, Col: ${e.column}): ${e.message}`)
    .join(' ');
  return `${head}\nThe workflow is not valid. ${body}`;
}

/** Errors listed for one file (the rest are counted). */
export const MAX_ERRORS = 20;

const SANDBOX_SUBSET =
  "(the sandbox's own note: this key is valid on GitHub but outside the workflow subset the sandbox runs)";

/** Refusals of hostile input, before parsing (sandbox limits, sandbox wording). */
function precheck(text: string): WorkflowError | null {
  if (text.length > WORKFLOW_LIMITS.maxBytes)
    return {
      line: 1,
      column: 1,
      message: `the file is ${text.length} characters; the sandbox reads workflow files of at most ${WORKFLOW_LIMITS.maxBytes} (sandbox limit)`,
    };
  let line = 1;
  let lineStart = 0;
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let comment = false;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === undefined) {
      // Indentation of the line that just ended.
      let indent = 0;
      while (text[lineStart + indent] === ' ' || text[lineStart + indent] === '-') indent++;
      if (indent > WORKFLOW_LIMITS.maxIndent)
        return {
          line,
          column: 1,
          message: `the line is indented ${indent} columns; the sandbox allows at most ${WORKFLOW_LIMITS.maxIndent} (sandbox limit)`,
        };
      if (c === undefined) break;
      line++;
      lineStart = i + 1;
      comment = false;
      if (flow === 0) quote = null;
      if (line > WORKFLOW_LIMITS.maxLines)
        return {
          line,
          column: 1,
          message: `the file has more than ${WORKFLOW_LIMITS.maxLines} lines (sandbox limit)`,
        };
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === lineStart || text[i - 1] === ' ')) comment = true;
    else if (c === '"' || c === "'") {
      const prev = text[i - 1];
      if (prev === undefined || /[\s:[{,-]/.test(prev)) quote = c;
    } else if (c === '[' || c === '{') {
      if (++flow > WORKFLOW_LIMITS.maxDepth)
        return {
          line,
          column: i - lineStart + 1,
          message: `the value nests deeper than ${WORKFLOW_LIMITS.maxDepth} levels (sandbox limit)`,
        };
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return null;
}

export function parseWorkflow(text: string, path = '.github/workflows/deploy.yml'): WorkflowResult {
  const fail = (errors: WorkflowError[]): WorkflowResult => ({
    ok: false,
    errors,
    text: workflowErrorText(path, errors),
  });
  const pre = precheck(text);
  if (pre) return fail([pre]);
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  } catch {
    return fail([{ line: 1, column: 1, message: 'the file could not be read as YAML' }]);
  }
  const pos = (node: Node | null | undefined): { line: number; column: number } => {
    const offset = node?.range?.[0] ?? 0;
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errors: WorkflowError[] = [];
  const at = (node: Node | null | undefined, message: string) =>
    errors.push({ ...pos(node), message });

  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    return fail([{ line: p.line, column: p.col, message: e.message.split('\n')[0]! }]);
  }
  // Anchors and aliases: refused outright (no alias bombs; the subset has no use for them).
  let anchor: Node | null = null;
  visit(doc, (_key, node) => {
    if (isAlias(node) || ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor)) {
      anchor = node as Node;
      return visit.BREAK;
    }
    return undefined;
  });
  if (anchor)
    return fail([
      {
        ...pos(anchor),
        message:
          "YAML anchors and aliases are refused (the sandbox's own rule: its workflow subset has no use for them, and an alias bomb cannot hang it)",
      },
    ]);
  // Depth of block nesting.
  let tooDeep: Node | null = null;
  const depthOf = (node: unknown, depth: number): void => {
    if (tooDeep) return;
    if (depth > WORKFLOW_LIMITS.maxDepth) {
      tooDeep = node as Node;
      return;
    }
    if (isMap(node)) for (const p of node.items) depthOf(p.value, depth + 1);
    else if (isSeq(node)) for (const v of node.items) depthOf(v, depth + 1);
  };
  depthOf(doc.contents, 0);
  if (tooDeep)
    return fail([
      {
        ...pos(tooDeep),
        message: `the value nests deeper than ${WORKFLOW_LIMITS.maxDepth} levels (sandbox limit)`,
      },
    ]);

  // Duplicate keys, per mapping (a Set: linear, where the YAML library's own check is quadratic).
  let duplicate: { node: Node; key: string } | null = null;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const p of map.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if (seen.has(k)) {
          duplicate = { node: p.key as Node, key: k };
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  if (duplicate) {
    const d = duplicate as { node: Node; key: string };
    return fail([{ ...pos(d.node), message: `'${d.key}' is already defined` }]);
  }

  const root = doc.contents;
  if (!isMap(root)) {
    return fail([
      { line: 1, column: 1, message: 'Unexpected value: the workflow must be a mapping of keys' },
    ]);
  }

  const keyName = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : '');
  const keyNode = (p: Pair): Node => p.key as Node;

  const scalarText = (node: unknown, what: string, owner: Node | null): string | null => {
    if (
      isScalar(node) &&
      (typeof node.value === 'string' ||
        typeof node.value === 'number' ||
        typeof node.value === 'boolean')
    )
      return String(node.value);
    at(
      (node as Node | null) ?? owner,
      `Unexpected value${what ? ` '${what}'` : ''}: a string was expected`,
    );
    return null;
  };

  const stringMap = (node: unknown, owner: Node): Record<string, string> => {
    const out: Record<string, string> = {};
    if (node === null || (isScalar(node) && node.value === null)) return out;
    if (!isMap(node)) {
      at((node as Node) ?? owner, 'A mapping was expected');
      return out;
    }
    for (const p of node.items) {
      const k = keyName(p);
      if (k === '' || k === '__proto__') {
        at(keyNode(p), `Unexpected value '${k}'`);
        continue;
      }
      const v = scalarText(p.value, k, keyNode(p));
      if (v !== null) out[k] = v;
    }
    return out;
  };

  const unexpected = (p: Pair, note: boolean) =>
    at(keyNode(p), `Unexpected value '${keyName(p)}'${note ? ` ${SANDBOX_SUBSET}` : ''}`);

  const checkExpressions = (value: string, node: Node) => {
    for (const e of expressionsIn(value)) {
      // A parse with every context present finds syntax errors and unknown named-values.
      const r = evaluate(e, { contexts: ANY_CONTEXTS });
      if (!r.ok) at(node, r.error);
    }
  };

  const permissions = (node: unknown, owner: Node): Permissions => {
    if (isScalar(node)) {
      const v = String(node.value);
      if (v === 'read-all' || v === 'write-all') {
        const level: PermissionLevel = v === 'read-all' ? 'read' : 'write';
        return Object.fromEntries(PERMISSION_SCOPES.map((s) => [s, level]));
      }
      if (node.value === null || v === '{}') return {};
      at(node as Node, `Unexpected value '${v}'`);
      return {};
    }
    if (!isMap(node)) {
      at((node as Node) ?? owner, 'A mapping was expected');
      return {};
    }
    const out: Record<string, PermissionLevel> = {};
    for (const p of node.items) {
      const k = keyName(p);
      if (!(PERMISSION_SCOPES as readonly string[]).includes(k)) {
        unexpected(p, false);
        continue;
      }
      const v = isScalar(p.value) ? String(p.value.value) : '';
      if (v !== 'read' && v !== 'write' && v !== 'none') {
        at((p.value as Node) ?? keyNode(p), `Unexpected value '${v}'`);
        continue;
      }
      if (k === 'id-token' && v === 'read') {
        at(p.value as Node, `Unexpected value '${v}'`);
        continue;
      }
      out[k] = v;
    }
    return out;
  };

  const workflow: Workflow = { name: null, pushBranches: [], permissions: null, env: {}, jobs: [] };
  let jobsNode: YAMLMap | null = null;
  let onSeen = false;
  let jobsSeen = false;
  for (const p of root.items) {
    const k = keyName(p);
    switch (k) {
      case 'name':
        workflow.name = scalarText(p.value, k, keyNode(p));
        break;
      case 'on':
        onSeen = true;
        workflow.pushBranches = parseOn(p.value, keyNode(p));
        break;
      case 'permissions':
        workflow.permissions = permissions(p.value, keyNode(p));
        break;
      case 'env':
        workflow.env = stringMap(p.value, keyNode(p));
        for (const v of Object.values(workflow.env)) checkExpressions(v, p.value as Node);
        break;
      case 'jobs':
        jobsSeen = true;
        if (isMap(p.value)) jobsNode = p.value;
        else at((p.value as Node) ?? keyNode(p), 'A mapping was expected');
        break;
      default:
        unexpected(p, (KNOWN_UNSUPPORTED.top as readonly string[]).includes(k));
    }
  }
  if (!onSeen) at(root, 'Required property is missing: on');
  if (!jobsSeen) at(root, 'Required property is missing: jobs');

  function parseOn(node: unknown, owner: Node): string[] | null {
    const event = (name: string, n: Node | null): boolean => {
      if (name === 'push') return true;
      at(
        n ?? owner,
        `Unexpected value '${name}'${(KNOWN_UNSUPPORTED.on as readonly string[]).includes(name) ? ` ${SANDBOX_SUBSET}` : ''}`,
      );
      return false;
    };
    if (isScalar(node)) return event(String(node.value), node as Node) ? null : [];
    if (isSeq(node)) {
      let push = false;
      for (const item of node.items)
        if (isScalar(item) && event(String(item.value), item as Node)) push = true;
      return push ? null : [];
    }
    if (!isMap(node)) {
      at((node as Node) ?? owner, 'A mapping was expected');
      return [];
    }
    let branches: string[] | null = [];
    for (const p of node.items) {
      const k = keyName(p);
      if (!event(k, keyNode(p))) continue;
      branches = null;
      const v = p.value;
      if (v === null || (isScalar(v) && v.value === null)) continue;
      if (!isMap(v)) {
        at((v as Node) ?? keyNode(p), 'A mapping was expected');
        continue;
      }
      for (const q of v.items) {
        if (keyName(q) !== 'branches') {
          unexpected(
            q,
            ['tags', 'paths', 'branches-ignore', 'paths-ignore', 'tags-ignore'].includes(
              keyName(q),
            ),
          );
          continue;
        }
        branches = [];
        const list = q.value;
        if (isScalar(list)) branches.push(String(list.value));
        else if (isSeq(list)) {
          for (const b of list.items) {
            const t = scalarText(b, '', keyNode(q));
            if (t !== null) branches.push(t);
          }
        } else at((list as Node) ?? keyNode(q), 'A sequence was expected');
      }
    }
    return branches;
  }

  /** Each job's `needs` entries and where they stand: GitHub reports a bad one there. */
  const needsAt = new Map<string, Need[]>();
  if (jobsNode) {
    const jobs = (jobsNode as YAMLMap).items;
    if (jobs.length === 0) at(jobsNode, 'No jobs were defined.');
    if (jobs.length > WORKFLOW_LIMITS.jobs)
      at(jobsNode, `more than ${WORKFLOW_LIMITS.jobs} jobs (sandbox limit)`);
    for (const jp of jobs.slice(0, WORKFLOW_LIMITS.jobs)) {
      const id = keyName(jp);
      if (!/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/.test(id)) {
        at(
          keyNode(jp),
          `The identifier '${id}' is invalid. IDs may only contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_' and and must be less than 100 characters.`,
        );
        continue;
      }
      const job = parseJob(id, jp);
      if (job) workflow.jobs.push(job);
    }
    if (workflow.jobs.length > 0)
      errors.push(...needsErrors(workflow.jobs, needsAt, pos(jobsNode)));
  }

  function parseJob(id: string, jp: Pair): WorkflowJob | null {
    const node = jp.value;
    if (!isMap(node)) {
      at((node as Node) ?? keyNode(jp), 'A mapping was expected');
      return null;
    }
    const job: WorkflowJob = {
      id,
      name: null,
      runsOn: '',
      needs: [],
      outputs: {},
      env: {},
      permissions: null,
      if: null,
      steps: [],
      line: pos(keyNode(jp)).line,
    };
    let runsOn = false;
    let steps = false;
    for (const p of node.items) {
      const k = keyName(p);
      switch (k) {
        case 'name':
          job.name = scalarText(p.value, k, keyNode(p));
          break;
        case 'runs-on': {
          const v = scalarText(p.value, k, keyNode(p));
          if (v !== null) {
            job.runsOn = v;
            runsOn = true;
          }
          break;
        }
        case 'needs': {
          const entries = isScalar(p.value)
            ? [p.value]
            : isSeq(p.value)
              ? p.value.items.filter((n) => isScalar(n))
              : null;
          if (entries === null) {
            at((p.value as Node) ?? keyNode(p), 'A sequence was expected');
            break;
          }
          const needs = entries.map((n) => ({ job: String(n.value), ...pos(n as Node) }));
          job.needs = needs.map((n) => n.job);
          needsAt.set(id, needs);
          break;
        }
        case 'outputs':
          job.outputs = stringMap(p.value, keyNode(p));
          for (const v of Object.values(job.outputs)) checkExpressions(v, p.value as Node);
          break;
        case 'env':
          job.env = stringMap(p.value, keyNode(p));
          for (const v of Object.values(job.env)) checkExpressions(v, p.value as Node);
          break;
        case 'permissions':
          job.permissions = permissions(p.value, keyNode(p));
          break;
        case 'if':
          job.if = scalarText(p.value, k, keyNode(p));
          if (job.if !== null) checkCondition(job.if, p.value as Node);
          break;
        case 'steps':
          steps = true;
          if (!isSeq(p.value)) {
            at((p.value as Node) ?? keyNode(p), 'A sequence was expected');
            break;
          }
          if (p.value.items.length > WORKFLOW_LIMITS.stepsPerJob)
            at(p.value as Node, `more than ${WORKFLOW_LIMITS.stepsPerJob} steps (sandbox limit)`);
          p.value.items.slice(0, WORKFLOW_LIMITS.stepsPerJob).forEach((s, index) => {
            const step = parseStep(s, index);
            if (step) job.steps.push(step);
          });
          break;
        default:
          unexpected(p, (KNOWN_UNSUPPORTED.job as readonly string[]).includes(k));
      }
    }
    if (!runsOn) at(node, 'Required property is missing: runs-on');
    if (!steps) at(node, 'Required property is missing: steps');
    const stepIds = new Set<string>();
    for (const s of job.steps)
      if (s.id !== null) {
        if (stepIds.has(s.id))
          errors.push({
            line: s.line,
            column: 9,
            message: `The identifier '${s.id}' may not be used more than once within the same scope.`,
          });
        stepIds.add(s.id);
      }
    return job;
  }

  function checkCondition(raw: string, node: Node) {
    const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(raw);
    const r = evaluate((m ? m[1]! : raw).trim(), { contexts: ANY_CONTEXTS });
    if (!r.ok) at(node, r.error);
  }

  function parseStep(node: unknown, index: number): WorkflowStep | null {
    if (!isMap(node)) {
      at(node as Node, 'A mapping was expected');
      return null;
    }
    const step: WorkflowStep = {
      index,
      name: null,
      id: null,
      run: null,
      uses: null,
      with: {},
      env: {},
      if: null,
      line: pos(node).line,
    };
    for (const p of node.items) {
      const k = keyName(p);
      switch (k) {
        case 'name':
          step.name = scalarText(p.value, k, keyNode(p));
          if (step.name !== null) checkExpressions(step.name, p.value as Node);
          break;
        case 'id': {
          const v = scalarText(p.value, k, keyNode(p));
          if (v !== null && !/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/.test(v))
            at(
              p.value as Node,
              `The identifier '${v}' is invalid. IDs may only contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_' and and must be less than 100 characters.`,
            );
          else step.id = v;
          break;
        }
        case 'run':
          step.run = scalarText(p.value, k, keyNode(p));
          if (step.run !== null) checkExpressions(step.run, p.value as Node);
          break;
        case 'uses': {
          const v = scalarText(p.value, k, keyNode(p));
          if (v !== null) {
            if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[A-Za-z0-9_.-]+$/.test(v))
              at(p.value as Node, `Expected format {org}/{repo}[/path]@ref. Actual '${v}'`);
            else step.uses = v;
          }
          break;
        }
        case 'with':
          step.with = stringMap(p.value, keyNode(p));
          for (const v of Object.values(step.with)) checkExpressions(v, p.value as Node);
          break;
        case 'env':
          step.env = stringMap(p.value, keyNode(p));
          for (const v of Object.values(step.env)) checkExpressions(v, p.value as Node);
          break;
        case 'if':
          step.if = scalarText(p.value, k, keyNode(p));
          if (step.if !== null) checkCondition(step.if, p.value as Node);
          break;
        default:
          unexpected(p, (KNOWN_UNSUPPORTED.step as readonly string[]).includes(k));
      }
    }
    const hasRun = node.items.some((p) => keyName(p) === 'run');
    const hasUses = node.items.some((p) => keyName(p) === 'uses');
    if (hasRun && hasUses) {
      const p = node.items.find((q) => keyName(q) === 'run')!;
      at(keyNode(p), "Unexpected value 'run'");
    } else if (!hasRun && !hasUses) {
      at(node, 'Required property is missing: run');
    }
    return step;
  }

  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    const shown = errors.slice(0, MAX_ERRORS);
    shown.push({
      ...errors[MAX_ERRORS]!,
      message: `… and ${more} more errors (the sandbox shows the first ${MAX_ERRORS})`,
    });
    return fail(shown);
  }
  if (errors.length > 0) return fail(errors);
  return { ok: true, workflow };
}

/** A `needs` entry: the job it names and where it stands in the file. */
interface Need {
  job: string;
  line: number;
  column: number;
}

/**
 * GitHub's check of `needs`, in its order and words (actions/languageservices, workflow-parser
 * `convertJobs`): starting from the jobs without needs, each finished job releases the jobs that
 * wait on it; an entry still waiting at the end names an unknown job or one in a cycle, and is
 * reported where it stands. A job that only waits on a cycle is reported as part of it, as on
 * GitHub. With no job free of needs, nothing can start: one error, at the jobs mapping.
 */
function needsErrors(
  jobs: readonly WorkflowJob[],
  needsAt: ReadonlyMap<string, readonly Need[]>,
  jobsAt: { line: number; column: number },
): WorkflowError[] {
  const ready: string[] = [];
  const waiting: { id: string; needs: Need[] }[] = [];
  for (const job of jobs) {
    const needs = [...(needsAt.get(job.id) ?? [])];
    if (needs.length === 0) ready.push(job.id);
    else waiting.push({ id: job.id, needs });
  }
  if (ready.length === 0)
    return [
      { ...jobsAt, message: 'The workflow must contain at least one job with no dependencies.' },
    ];
  // At most 20 jobs (WORKFLOW_LIMITS.jobs): the quadratic release is small.
  for (let done = ready.shift(); done !== undefined; done = ready.shift()) {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i]!;
      w.needs = w.needs.filter((n) => n.job !== done);
      if (w.needs.length === 0) {
        ready.push(w.id);
        waiting.splice(i, 1);
      }
    }
  }
  const ids = new Set(jobs.map((j) => j.id));
  return waiting.flatMap((w) =>
    w.needs.map((n) => ({
      line: n.line,
      column: n.column,
      message: ids.has(n.job)
        ? `Job '${w.id}' depends on job '${n.job}' which creates a cycle in the dependency graph.`
        : `Job '${w.id}' depends on unknown job '${n.job}'.`,
    })),
  );
}

/** Every context present (for static checks of expressions). */
const ANY_CONTEXTS = {
  env: {},
  secrets: {},
  steps: {},
  github: {},
  needs: {},
  job: {},
  runner: {},
  vars: {},
  inputs: {},
  matrix: {},
  strategy: {},
};

/** Unknown actions and versions, as the runner's "Set up job" reports them. */
export function resolveAction(uses: string): { ok: true } | { ok: false; error: string } {
  const [name, ref] = uses.split('@') as [string, string];
  const known = catalogAction(name);
  if (!known)
    return {
      ok: false,
      error: `Error: The sandbox does not offer the action \`${uses}\`: it runs actions/checkout, aws-actions/configure-aws-credentials and aws-actions/amazon-ecr-login. (The sandbox's own message.)`,
    };
  if (!known.versions.includes(ref))
    return {
      ok: false,
      error: `Error: Unable to resolve action \`${uses}\`, unable to find version \`${ref}\``,
    };
  return { ok: true };
}

export { WORKFLOW_KEYS };
