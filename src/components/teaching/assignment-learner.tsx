/**
 * The learner's side of an assignment link: what to do, each challenge in its lesson's
 * sandbox (with the assignment's seed and faults), each quiz, and handing in a result file or
 * a result code. Work is kept in this browser until it is handed in.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { Scenario } from '@sandbox';
import type { Answer } from '@lib/quiz/grade.ts';
import type { Question, Quiz } from '@lib/quiz/schema.ts';
import { assignedScenario } from '@lib/assignments/assigned-scenario.ts';
import { has, lessonOf, quizTitle, type Catalog } from '@lib/assignments/catalog.ts';
import type { Assignment } from '@lib/assignments/payload.ts';
import { problemsToText } from '@lib/assignments/problems.ts';
import { resultCode, resultFileName, resultFileText } from '@lib/assignments/result-file.ts';
import { keyId } from '@lib/assignments/signing.ts';
import { readToken } from '@lib/assignments/token.ts';
import { loadWork, saveWork, type Work } from '@lib/assignments/work-store.ts';
import { copyText, download } from './assignment-files.ts';
import { describeFault } from './assignment-options.ts';

const AssignmentChallenge = lazy(() =>
  import('./assignment-challenge.tsx').then((m) => ({ default: m.AssignmentChallenge })),
);

type Opened =
  | { state: 'reading' }
  | { state: 'refused'; message: string }
  | {
      state: 'ready';
      assignment: Assignment;
      token: string;
      keyName: string;
      scenarios: Record<string, Scenario>;
    };

interface QuizProps {
  quiz: Quiz;
  scenarios?: Record<string, unknown>;
  restore?: boolean;
  onChecked?: (q: Question, a: Answer) => void;
}

const QuizIsland = lazy(
  () => import('@components/quiz/QuizIsland.tsx'),
) as unknown as ComponentType<QuizProps>;

function formatDue(due: string): string {
  const date = new Date(`${due}T12:00:00Z`);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

async function open(hash: string, catalog: Catalog): Promise<Opened> {
  if (!hash || hash === '#')
    return {
      state: 'refused',
      message:
        'This page opens an assignment from the link your instructor gave you, and this address has none. Open the whole link again (everything after the # is needed).',
    };
  const read = await readToken(hash);
  if (!read.ok) {
    // "This link is damaged: …" reads on; a field's problem needs an introduction.
    const whole = ['link', 'signature', 'v'].includes(read.problems[0]?.path ?? '');
    return {
      state: 'refused',
      message: `This link ${whole ? '' : 'has a problem: '}${problemsToText(read.problems)}. Ask your instructor for the link again.`,
    };
  }
  const { assignment, token } = read.value;
  const missing = [
    ...assignment.challenges
      .filter((c) => !has(catalog.scenarios, c.scenario))
      .map((c) => `the challenge "${c.scenario}"`),
    ...assignment.quizzes.filter((q) => !has(catalog.quizzes, q)).map((q) => `the quiz "${q}"`),
  ];
  if (missing.length > 0)
    return {
      state: 'refused',
      message: `This assignment asks for ${missing.join(' and ')}, which this copy of the course does not have. Ask your instructor which site the assignment was made for.`,
    };
  const scenarios: Record<string, Scenario> = {};
  for (const [i, c] of assignment.challenges.entries()) {
    const assigned = assignedScenario(
      catalog.scenarios[c.scenario]!,
      c,
      assignment.seed,
      `challenges[${i}]`,
    );
    if (!assigned.ok)
      return {
        state: 'refused',
        message: `This assignment schedules a fault the sandbox cannot run: ${problemsToText(assigned.problems)}.`,
      };
    // An assignment is graded work: its sandboxes offer hints but not the solution.
    scenarios[c.scenario] = { ...assigned.value, solution: [] };
  }
  return { state: 'ready', assignment, token, keyName: await keyId(assignment.key), scenarios };
}

export default function AssignmentLearner({ catalog }: { catalog: Catalog }) {
  const [opened, setOpened] = useState<Opened>({ state: 'reading' });
  useEffect(() => {
    const read = () => void open(window.location.hash, catalog).then(setOpened);
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [catalog]);
  if (opened.state === 'reading') return <p>Reading the assignment link…</p>;
  if (opened.state === 'refused')
    return (
      <div className="sy-teach-alert" role="alert">
        <p>
          <strong>The assignment could not be opened.</strong> {opened.message}
        </p>
      </div>
    );
  return <AssignmentWork key={opened.assignment.id} opened={opened} catalog={catalog} />;
}

function AssignmentWork({
  opened,
  catalog,
}: {
  opened: Extract<Opened, { state: 'ready' }>;
  catalog: Catalog;
}) {
  const { assignment, token, scenarios } = opened;
  const loaded = useMemo(() => loadWork(assignment.id), [assignment.id]);
  const [work, setWork] = useState<Work>(loaded.work);
  const [saveFailed, setSaveFailed] = useState(false);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const [handIn, setHandIn] = useState<{ error?: string; message?: string; code?: string }>({});
  const nameInput = useRef<HTMLInputElement>(null);
  const codeBox = useRef<HTMLTextAreaElement>(null);

  const update = (fn: (w: Work) => Work) =>
    setWork((w) => {
      const next = fn(w);
      setSaveFailed(!saveWork(assignment.id, next));
      return next;
    });
  const toggle = (key: string) =>
    setOpenItems((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key]));

  const predictScenarios = (quiz: Quiz) =>
    Object.fromEntries(
      quiz.questions
        .filter((q) => q.type === 'predict')
        .map((q) => [q.id, catalog.scenarios[q.scenario]]),
    );

  const makeResultNow = async (kind: 'file' | 'code') => {
    if (!work.learner.name.trim()) {
      setHandIn({ error: 'Enter your name first: your instructor needs it to grade your work.' });
      nameInput.current?.focus();
      return;
    }
    setHandIn({ message: 'Preparing your result…' });
    const { loadAssignmentServices, makeResult } = await import('@lib/assignments/make-result.ts');
    await loadAssignmentServices(assignment, catalog);
    const result = makeResult(assignment, token, work, catalog, new Date().toISOString());
    if (kind === 'file') {
      download(
        resultFileName(work.learner.name, assignment.title),
        'application/json',
        resultFileText(result),
      );
      setHandIn({
        message:
          'Your result file was downloaded. Hand it in the way your instructor asked (an LMS upload, an email…).',
      });
    } else {
      const code = resultCode(result);
      const copied = await copyText(code);
      setHandIn({
        code,
        message: copied
          ? 'Your result code was copied. Paste it where your instructor asked.'
          : 'Select the result code below and copy it.',
      });
      requestAnimationFrame(() => codeBox.current?.select());
    }
  };

  const challengeCount = assignment.challenges.length;
  return (
    <div className="sy-teach">
      <section className="sy-teach-panel" aria-labelledby="sy-as-title">
        <h2 id="sy-as-title">{assignment.title}</h2>
        <p>
          {assignment.due ? (
            <>
              Due <strong>{formatDue(assignment.due)}</strong>.{' '}
            </>
          ) : null}
          {challengeCount} challenge{challengeCount === 1 ? '' : 's'} and{' '}
          {assignment.quizzes.length} quiz
          {assignment.quizzes.length === 1 ? '' : 'zes'}. Signed by your instructor’s key{' '}
          <code>{opened.keyName}</code>.
        </p>
        <ol>
          <li>Enter your name below.</li>
          <li>
            Work through each challenge and quiz. Your work is saved in this browser as you go.
          </li>
          <li>Download your result file (or copy a result code) and hand it in.</li>
        </ol>
        {loaded.notice ? <p className="sy-teach-warning">{loaded.notice}</p> : null}
        {saveFailed ? (
          <p className="sy-teach-warning" role="alert">
            This browser is not saving your work (private mode or full storage): hand in before you
            close the tab.
          </p>
        ) : null}
        <fieldset className="sy-teach-group">
          <legend>You</legend>
          <p className="sy-teach-field">
            <label htmlFor="sy-l-name">Your name</label>
            <input
              id="sy-l-name"
              ref={nameInput}
              autoComplete="name"
              maxLength={200}
              value={work.learner.name}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((w) => ({ ...w, learner: { ...w.learner, name: v } }));
              }}
            />
          </p>
          <p className="sy-teach-field">
            <label htmlFor="sy-l-email">Email address</label>
            <input
              id="sy-l-email"
              type="email"
              autoComplete="email"
              maxLength={320}
              value={work.learner.email}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((w) => ({ ...w, learner: { ...w.learner, email: v } }));
              }}
            />
          </p>
          <p className="sy-teach-field">
            <label htmlFor="sy-l-login">School login (if your instructor asks for it)</label>
            <input
              id="sy-l-login"
              autoComplete="username"
              maxLength={200}
              value={work.learner.sisLogin}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((w) => ({ ...w, learner: { ...w.learner, sisLogin: v } }));
              }}
            />
          </p>
        </fieldset>
      </section>

      {assignment.challenges.map((c) => {
        const scenario = scenarios[c.scenario]!;
        const lesson = lessonOf(catalog, scenario.lesson);
        const key = `challenge:${c.scenario}`;
        const saved = has(work.challenges, c.scenario);
        const learnerActions = saved?.log.filter((e) => e.by === 'learner').length ?? 0;
        return (
          <section key={key} className="sy-teach-panel" aria-labelledby={`sy-c-${c.scenario}`}>
            <h2 id={`sy-c-${c.scenario}`}>Challenge: {scenario.title}</h2>
            {lesson ? (
              <p>
                From the lesson <a href={lesson.href}>{lesson.title}</a>.
              </p>
            ) : null}
            <p>{scenario.summary}</p>
            {c.faults.length > 0 ? (
              <>
                <p>Your instructor scheduled these faults:</p>
                <ul>
                  {c.faults.map((f, i) => (
                    <li key={i}>{describeFault(f.action, f.at)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="sy-teach-help">
              {assignment.seed !== null
                ? `Seed ${assignment.seed} (the same world for everyone). `
                : ''}
              {saved
                ? `Saved: ${learnerActions} action${learnerActions === 1 ? '' : 's'}, sim time ${Math.floor(saved.time / 60)} min ${saved.time % 60} s.`
                : 'Not started.'}
            </p>
            <div className="sy-teach-buttons">
              <button
                type="button"
                aria-expanded={openItems.includes(key)}
                onClick={() => toggle(key)}
              >
                {openItems.includes(key) ? 'Close the sandbox' : 'Open the sandbox'}
              </button>
            </div>
            {openItems.includes(key) ? (
              <Suspense fallback={<p>Loading the sandbox…</p>}>
                <AssignmentChallenge
                  scenario={scenario}
                  saved={saved}
                  onWork={(w) =>
                    update((all) => ({
                      ...all,
                      challenges: { ...all.challenges, [c.scenario]: w },
                    }))
                  }
                />
              </Suspense>
            ) : null}
          </section>
        );
      })}

      {assignment.quizzes.map((quizId) => {
        const quiz = catalog.quizzes[quizId]!;
        const key = `quiz:${quizId}`;
        const answered = Object.keys(has(work.quizzes, quizId) ?? {}).length;
        return (
          <section key={key} className="sy-teach-panel" aria-labelledby={`sy-q-${quizId}`}>
            <h2 id={`sy-q-${quizId}`}>Quiz: {quizTitle(catalog, quizId)}</h2>
            <p>
              Your <strong>first</strong> answer to each question counts for the assignment; you can
              still retry to learn.{' '}
              <span className="sy-teach-help">
                Answered for the assignment: {answered} of {quiz.questions.length}.
              </span>
            </p>
            <div className="sy-teach-buttons">
              <button
                type="button"
                aria-expanded={openItems.includes(key)}
                onClick={() => toggle(key)}
              >
                {openItems.includes(key) ? 'Close the quiz' : 'Open the quiz'}
              </button>
            </div>
            {openItems.includes(key) ? (
              <Suspense fallback={<p>Loading the quiz…</p>}>
                <div className="not-content sy-quiz-wrap">
                  <QuizIsland
                    quiz={quiz}
                    scenarios={predictScenarios(quiz)}
                    restore={false}
                    onChecked={(q, answer) =>
                      update((w) => {
                        const answers = has(w.quizzes, quizId) ?? {};
                        if (Object.hasOwn(answers, q.id)) return w;
                        return {
                          ...w,
                          quizzes: {
                            ...w.quizzes,
                            [quizId]: {
                              ...answers,
                              [q.id]: answer as unknown as Record<string, unknown>,
                            },
                          },
                        };
                      })
                    }
                  />
                </div>
              </Suspense>
            ) : null}
          </section>
        );
      })}

      <section className="sy-teach-panel" aria-labelledby="sy-hand-in">
        <h2 id="sy-hand-in">Hand in</h2>
        <p>
          The result file holds your action logs and answers, not scores: your instructor’s
          gradebook replays every challenge to grade it. Nothing is uploaded by this page.
        </p>
        <div className="sy-teach-buttons">
          <button type="button" className="sy-primary" onClick={() => void makeResultNow('file')}>
            Download my result file
          </button>
          <button type="button" onClick={() => void makeResultNow('code')}>
            Copy a result code
          </button>
        </div>
        {handIn.error ? (
          <p className="sy-teach-alert" role="alert">
            {handIn.error}
          </p>
        ) : null}
        <p className="sy-teach-status" role="status">
          {handIn.message ?? ''}
        </p>
        {handIn.code ? (
          <p className="sy-teach-field">
            <label htmlFor="sy-l-code">Your result code</label>
            <textarea id="sy-l-code" ref={codeBox} readOnly rows={4} value={handIn.code} />
          </p>
        ) : null}
      </section>
    </div>
  );
}
