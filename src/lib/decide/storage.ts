/**
 * The answers saved in localStorage (`{ "v": 1, "answers": … }`), validated on every read. A
 * corrupt or foreign value is reported, not used and not overwritten; only the learner's next
 * answer replaces it.
 */
import * as z from 'zod/mini';
import { answersSchema, canonical, type Answers } from './answers.ts';

export const STORAGE_KEY = 'shipyard.decide';
const MAX_STORED_LENGTH = 2_000;

const storedSchema = z.strictObject({ v: z.literal(1), answers: answersSchema });

export type StoreRead =
  { kind: 'none' } | { kind: 'ok'; answers: Answers } | { kind: 'error'; message: string };

const fail = (what: string): StoreRead => ({
  kind: 'error',
  message: `Your saved answers were not used: ${what}. They were left as they are; your next answer replaces them.`,
});

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function loadAnswers(storage: Pick<Storage, 'getItem'> | null): StoreRead {
  if (storage === null) return { kind: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (error) {
    return {
      kind: 'error',
      message: `Saved answers cannot be read in this browser (${reasonOf(error)}); a link to your answers still works.`,
    };
  }
  if (text === null) return { kind: 'none' };
  if (text.length > MAX_STORED_LENGTH)
    return fail(
      `they are ${text.length.toLocaleString('en-US')} characters long, more than the ${MAX_STORED_LENGTH.toLocaleString('en-US')} the guide ever saves`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`they are not valid JSON (${reasonOf(error)})`);
  }
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the top level';
    return fail(`at ${where}: ${issue.message}`);
  }
  return { kind: 'ok', answers: parsed.data.answers };
}

export function saveAnswers(
  storage: Pick<Storage, 'setItem'> | null,
  answers: Answers,
): { ok: true } | { ok: false; message: string } {
  if (storage === null) return { ok: false, message: 'Your answers cannot be saved here.' };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, answers: canonical(answers) }));
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `Your answers could not be saved in this browser (${reasonOf(error)}); the link below still keeps them.`,
    };
  }
}
