import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { quizFile, type Question, type Quiz } from './schema.ts';

/** A problem in a quiz file, located as precisely as the file allows. */
export interface QuizError {
  /** e.g. `questions[2].options[1].explain` */
  path: string;
  /** e.g. `question 3 "count-containers"`, when the problem is inside a question */
  question?: string;
  line?: number;
  column?: number;
  message: string;
}

export type ParseResult = { ok: true; value: Quiz } | { ok: false; errors: QuizError[] };

type PathSegment = string | number;

function pathToString(path: readonly PathSegment[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/**
 * Parses and validates a quiz file. Never throws: every problem comes back as a `QuizError`
 * naming the question, the field and (for YAML) the line and column.
 */
export function parseQuiz(source: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const pos = error.linePos?.[0];
        return {
          path: '',
          message: `invalid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}${yamlHint(error.message)}`,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        };
      }),
    };
  }
  const data: unknown = doc.toJS();
  const locate = (path: readonly PathSegment[]): { line?: number; column?: number } => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] };
      if (node && typeof node === 'object' && Array.isArray(node.range)) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  };
  return validateQuiz(data, locate);
}

/** Validates already-parsed quiz data (e.g. from a `.ts` file); `locate` maps paths to lines. */
export function validateQuiz(
  data: unknown,
  locate: (path: readonly PathSegment[]) => { line?: number; column?: number } = () => ({}),
): ParseResult {
  const parsed = quizFile.safeParse(data);
  const raw = data as { questions?: Array<{ id?: unknown }> } | null;
  const name = (path: readonly PathSegment[]): string | undefined => {
    if (path[0] !== 'questions' || typeof path[1] !== 'number') return undefined;
    const qid = raw?.questions?.[path[1]]?.id;
    return `question ${path[1] + 1}${typeof qid === 'string' ? ` "${qid}"` : ''}`;
  };
  const error = (path: readonly PathSegment[], message: string): QuizError => {
    const question = name(path);
    return {
      path: pathToString(path),
      message,
      ...(question ? { question } : {}),
      ...locate(path),
    };
  };
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue: z.core.$ZodIssue) =>
        error(issue.path as PathSegment[], issue.message),
      ),
    };
  }
  const quiz = parsed.data;
  const errors: QuizError[] = [];
  const seen = new Set<string>();
  quiz.questions.forEach((q, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['questions', i, ...rest];
    if (seen.has(q.id)) errors.push(error(at('id'), `the id "${q.id}" is used twice`));
    seen.add(q.id);
    for (const problem of checkQuestion(q))
      errors.push(error(at(...problem.path), problem.message));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: quiz };
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Rules the schema cannot express: one right answer, unique ids, non-overlapping ranges… */
function checkQuestion(q: Question): Array<{ path: PathSegment[]; message: string }> {
  const problems: Array<{ path: PathSegment[]; message: string }> = [];
  const unique = (field: string, ids: string[]) => {
    for (const dup of new Set(duplicates(ids)))
      problems.push({ path: [field], message: `the id "${dup}" is used twice in ${field}` });
  };
  switch (q.type) {
    case 'single': {
      unique(
        'options',
        q.options.map((o) => o.id),
      );
      const right = q.options.filter((o) => o.correct).length;
      if (right !== 1)
        problems.push({
          path: ['options'],
          message: `a single-choice question needs exactly one correct option, found ${right}`,
        });
      break;
    }
    case 'multiple': {
      unique(
        'options',
        q.options.map((o) => o.id),
      );
      const right = q.options.filter((o) => o.correct).length;
      if (right < 1 || right === q.options.length)
        problems.push({
          path: ['options'],
          message: `a multiple-choice question needs at least one correct and one wrong option, found ${right} correct of ${q.options.length}`,
        });
      break;
    }
    case 'numeric':
      q.mistakes.forEach((m, j) => {
        if (Math.abs(m.value - q.answer) <= q.tolerance)
          problems.push({
            path: ['mistakes', j, 'value'],
            message: `${m.value} is within the tolerance of the answer ${q.answer}, so it would be graded right`,
          });
      });
      break;
    case 'ordering':
      unique(
        'items',
        q.items.map((item) => item.id),
      );
      break;
    case 'matching': {
      unique(
        'pairs',
        q.pairs.map((p) => p.id),
      );
      for (const dup of new Set(duplicates(q.pairs.map((p) => p.right))))
        problems.push({ path: ['pairs'], message: `two pairs have the same right side "${dup}"` });
      break;
    }
    case 'predict': {
      unique(
        'options',
        q.options.map((o) => o.id),
      );
      q.options.forEach((o, j) => {
        if (o.min === undefined && o.max === undefined)
          problems.push({ path: ['options', j], message: 'a prediction needs min, max or both' });
        if (o.min !== undefined && o.max !== undefined && o.min > o.max)
          problems.push({ path: ['options', j], message: `min ${o.min} is above max ${o.max}` });
      });
      const lo = (o: { min?: number | undefined }) => o.min ?? -Infinity;
      const hi = (o: { max?: number | undefined }) => o.max ?? Infinity;
      q.options.forEach((a, j) =>
        q.options.slice(j + 1).forEach((b, k) => {
          if (lo(a) <= hi(b) && lo(b) <= hi(a))
            problems.push({
              path: ['options', j + 1 + k],
              message: `its range overlaps option "${a.id}": every outcome must match exactly one option`,
            });
        }),
      );
      break;
    }
  }
  return problems;
}

/** Authors mostly trip over one YAML rule; say how to fix it. */
function yamlHint(message: string): string {
  return /compact mappings|Implicit map keys/.test(message)
    ? ' (a text that contains ": " must be put in quotes, or written on the next lines after ">-")'
    : '';
}

/** One line per error, for build output: `file:line:column question …: path: message`. */
export function formatQuizErrors(fileName: string, errors: readonly QuizError[]): string {
  return errors
    .map((e) => {
      const where = e.line !== undefined ? `${fileName}:${e.line}:${e.column ?? 1}` : fileName;
      const what = [e.question, e.path].filter(Boolean).join(', ');
      return `${where} ${what ? `(${what}) ` : ''}${e.message}`;
    })
    .join('\n');
}
