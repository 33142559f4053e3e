/**
 * Answers in the URL fragment, so a link shares them: `#v=1&kubernetes=none&team=solo&needs=gpu,spot`.
 * Reading is strict: a fragment with any unknown question, unknown answer, repeated key, wrong
 * version or absurd length is refused as a whole, with a message naming what was wrong. A
 * fragment without `=` is a section anchor (`#outcome`), not answers.
 */
import { answersSchema, normaliseNeeds, type Answers } from './answers.ts';
import { NEEDS, QUESTION_IDS, QUESTIONS, type Need, type QuestionId } from './questions.ts';

export const HASH_VERSION = '1';
/** Far more than the longest fragment the guide writes (about 110 characters). */
export const MAX_HASH_LENGTH = 300;

export type HashRead =
  { kind: 'none' } | { kind: 'ok'; answers: Answers } | { kind: 'error'; message: string };

export function answersToHash(answers: Answers): string {
  const parts = [`v=${HASH_VERSION}`];
  for (const q of QUESTION_IDS) {
    if (q === 'needs') {
      if (answers.needs.length > 0) parts.push(`needs=${normaliseNeeds(answers.needs).join(',')}`);
    } else if (answers[q] !== undefined) parts.push(`${q}=${answers[q]}`);
  }
  return `#${parts.join('&')}`;
}

/** A piece of untrusted text, short and quoted, for a message. */
function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `“${shown}”`;
}

const fail = (what: string): HashRead => ({
  kind: 'error',
  message: `The link’s answers were not used: ${what}. Nothing was changed.`,
});

const values = (q: QuestionId): string[] => QUESTIONS[q].options.map((o) => o.value);

export function readHash(hash: string): HashRead {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '' || !body.includes('=')) return { kind: 'none' };
  if (body.length > MAX_HASH_LENGTH)
    return fail(
      `it is ${body.length.toLocaleString('en-US')} characters long, and a link from this page is at most ${MAX_HASH_LENGTH}`,
    );
  const fields = new Map<string, string>();
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 1) return fail(`${quote(part)} is not a question=answer pair`);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(part.slice(0, eq));
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return fail(`${quote(part)} is not valid percent-encoding`);
    }
    if (fields.has(key)) return fail(`${quote(key)} appears twice`);
    fields.set(key, value);
  }
  const version = fields.get('v');
  if (version === undefined) return fail('it has no version (v=1 first)');
  if (version !== HASH_VERSION)
    return fail(`its version is ${quote(version)}, and this page reads version ${HASH_VERSION}`);
  fields.delete('v');

  const raw: Record<string, unknown> = { needs: [] };
  for (const [key, value] of fields) {
    if (!(QUESTION_IDS as string[]).includes(key))
      return fail(
        `${quote(key)} is not one of the guide’s questions (${['v', ...QUESTION_IDS].join(', ')})`,
      );
    const q = key as QuestionId;
    if (q === 'needs') {
      const needs = value === '' ? [] : value.split(',');
      for (const n of needs)
        if (!(NEEDS as readonly string[]).includes(n))
          return fail(`needs lists ${quote(n)}, which is not one of ${NEEDS.join(', ')}`);
      if (new Set(needs).size !== needs.length) return fail('needs lists an answer twice');
      raw['needs'] = normaliseNeeds(needs as Need[]);
    } else {
      if (!values(q).includes(value))
        return fail(`${q} is ${quote(value)}, which is not one of ${values(q).join(', ')}`);
      raw[q] = value;
    }
  }
  const parsed = answersSchema.safeParse(raw);
  if (!parsed.success) return fail('its answers do not fit the guide’s questions');
  return { kind: 'ok', answers: parsed.data };
}
