import { useSyncExternalStore } from 'react';
import { lessonStatus, progressStore, type ProgressState } from '@lib/progress/index.ts';
import { emptyProgress } from '@lib/progress/schema.ts';
import { STATUS_TEXT, challengeSummary, quizSummary } from './status-text.ts';
import { TransferPanel } from './TransferPanel.tsx';

export interface LessonInfo {
  id: string;
  title: string;
  order: number;
  href: string;
  quiz: null | {
    id: string;
    passPercent: number;
    maxPoints: number;
    questions: Array<{ id: string; label: string }>;
  };
}

interface Props {
  lessons: LessonInfo[];
  /** every lesson id of the course, including lessons not written yet (for imports) */
  courseLessonIds: string[];
}

const SERVER_STATE: ProgressState = { progress: emptyProgress(), persistent: true, notices: [] };
const subscribe = (listener: () => void) => progressStore().subscribe(listener);
const getSnapshot = () => progressStore().getSnapshot();
const getServerSnapshot = () => SERVER_STATE;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const day = (iso: string) => iso.slice(0, 10);

/** The "My progress" page: every lesson's status, quiz and challenge results, export/import, reset. */
export default function ProgressDashboard({ lessons, courseLessonIds }: Props) {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const { progress } = state;
  const requirements = (id: string) => {
    const info = lessons.find((l) => l.id === id);
    return { hasQuiz: info ? info.quiz !== null : false };
  };
  const done = lessons.filter(
    (l) => lessonStatus(progress, l.id, requirements(l.id)) === 'done',
  ).length;

  return (
    <div className="sy-progress">
      {state.notices.map((n, i) => (
        <div className="sy-progress-notice" key={i}>
          <p>
            <strong>Progress not saved normally.</strong> {n.message}
          </p>
          <button type="button" onClick={() => progressStore().dismissNotice(n)}>
            Dismiss
          </button>
        </div>
      ))}
      <p className="sy-progress-summary">
        <strong>
          {done} of {lessons.length} lessons done.
        </strong>{' '}
        A lesson is done when you have opened it, passed its quiz, and passed every sandbox
        challenge you tried in it. Progress is saved in this browser only.
      </p>

      <h2 id="lessons">Lessons</h2>
      <div className="sy-data-table-wrap">
        <table className="sy-data-table">
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Status</th>
              <th scope="col">Quiz</th>
              <th scope="col">Challenges</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((l) => {
              const record = Object.hasOwn(progress.lessons, l.id)
                ? progress.lessons[l.id]
                : undefined;
              const status = STATUS_TEXT[lessonStatus(progress, l.id, requirements(l.id))];
              return (
                <tr key={l.id}>
                  <th scope="row">
                    <a href={l.href}>
                      {l.order}. {l.title}
                    </a>
                  </th>
                  <td className={`sy-status-${status.label.toLowerCase().replace(' ', '-')}`}>
                    <span aria-hidden="true">{status.icon} </span>
                    {status.label}
                  </td>
                  <td>
                    {quizSummary(record)?.replace(/^Quiz: /, '') ??
                      (l.quiz ? 'Not taken' : 'No quiz')}
                  </td>
                  <td>{challengeSummary(record)?.replace(/^Challenges: /, '') ?? 'None tried'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {lessons.map((l) => {
        const record = Object.hasOwn(progress.lessons, l.id) ? progress.lessons[l.id] : undefined;
        const quiz = record?.quiz;
        const challenges = Object.entries(record?.challenges ?? {});
        if (!quiz && challenges.length === 0) return null;
        return (
          <section key={l.id} aria-labelledby={`lesson-${l.id}`} className="sy-progress-lesson">
            <h3 id={`lesson-${l.id}`}>
              {l.order}. {l.title}
            </h3>
            {quiz && (
              <div className="sy-data-table-wrap">
                <table className="sy-data-table">
                  <caption>
                    Quiz: {fmt(quiz.points)} of {fmt(quiz.maxPoints)} points, pass mark{' '}
                    {quiz.passPercent} %
                    {quiz.passedAt ? `, passed on ${day(quiz.passedAt)}` : ', not passed yet'}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Question</th>
                      <th scope="col">Attempts</th>
                      <th scope="col">Points</th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(l.quiz?.questions ?? []).map((q, i) => {
                      const r = Object.hasOwn(quiz.questions, q.id)
                        ? quiz.questions[q.id]
                        : undefined;
                      return (
                        <tr key={q.id}>
                          <th scope="row">
                            {i + 1}. {q.label}
                          </th>
                          <td>{r ? r.attempts : 0}</td>
                          <td>{r ? `${fmt(r.points)} / ${fmt(r.maxPoints)}` : '–'}</td>
                          <td>
                            {r ? (r.correct ? '✓ Right' : '✗ Not right yet') : 'Not answered'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {challenges.length > 0 && (
              <div className="sy-data-table-wrap">
                <table className="sy-data-table">
                  <caption>Sandbox challenges</caption>
                  <thead>
                    <tr>
                      <th scope="col">Scenario</th>
                      <th scope="col">Attempts</th>
                      <th scope="col">Result</th>
                      <th scope="col">Goals at the last check</th>
                    </tr>
                  </thead>
                  <tbody>
                    {challenges.map(([id, c]) => (
                      <tr key={id}>
                        <th scope="row">{id}</th>
                        <td>{c.attempts}</td>
                        <td>
                          {c.passed
                            ? `✓ Passed${c.passedAt ? ` on ${day(c.passedAt)}` : ''}`
                            : '✗ Not passed yet'}
                        </td>
                        <td>
                          {c.goals.filter((g) => g.status === 'pass').length} of {c.goals.length}{' '}
                          met
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      <TransferPanel
        state={state}
        courseLessonIds={courseLessonIds}
        requirements={requirements}
        titles={Object.fromEntries(lessons.map((l) => [l.id, l.title]))}
      />
    </div>
  );
}
