/** Class figures: per challenge the pass count and medians, per question who missed it and how. */
import { quizTitle, type Catalog } from '@lib/assignments/catalog.ts';
import type { Assignment } from '@lib/assignments/payload.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { challengeStats, questionStats } from '@lib/gradebook/stats.ts';
import type { LearnerGrade } from '@lib/gradebook/regrade.ts';

const short = (s: string) => (s.length > 110 ? `${s.slice(0, 110).replace(/\s+\S*$/, '')}…` : s);

export function GradeStats({
  assignment,
  catalog,
  grades,
}: {
  assignment: Assignment;
  catalog: Catalog;
  grades: LearnerGrade[];
}) {
  return (
    <section className="sy-teach-panel" aria-labelledby="sy-stats-title">
      <h2 id="sy-stats-title">What the class found hard</h2>
      {assignment.challenges.length > 0 ? (
        <div
          className="sy-data-table-wrap"
          tabIndex={0}
          role="region"
          aria-label="Challenges (scrolls sideways)"
        >
          <table className="sy-data-table sy-teach-table">
            <caption>Challenges: medians over the learners who passed</caption>
            <thead>
              <tr>
                <th scope="col">Challenge</th>
                <th scope="col">Passed</th>
                <th scope="col">Median sim time of the last action</th>
                <th scope="col">Median actions</th>
              </tr>
            </thead>
            <tbody>
              {assignment.challenges.map((c) => {
                const s = challengeStats(c.scenario, grades);
                return (
                  <tr key={c.scenario}>
                    <th scope="row">{catalog.scenarios[c.scenario]?.title ?? c.scenario}</th>
                    <td>
                      {s.passed} of {s.learners}
                    </td>
                    <td>{s.medianSeconds === null ? '—' : formatClock(s.medianSeconds)}</td>
                    <td>{s.medianActions === null ? '—' : s.medianActions}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {assignment.quizzes.map((quizId) => {
        const quiz = catalog.quizzes[quizId]!;
        const stats = questionStats(quiz, grades);
        return (
          <div
            key={quizId}
            className="sy-data-table-wrap"
            tabIndex={0}
            role="region"
            aria-label={`Quiz ${quizTitle(catalog, quizId)} (scrolls sideways)`}
          >
            <table className="sy-data-table sy-teach-table">
              <caption>Quiz: {quizTitle(catalog, quizId)}</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Missed it</th>
                  <th scope="col">Most chosen wrong answer</th>
                </tr>
              </thead>
              <tbody>
                {stats.map((s, i) => (
                  <tr key={s.questionId}>
                    <th scope="row">
                      {i + 1}. {short(s.prompt)}
                    </th>
                    <td>
                      {s.missed} of {s.learners}
                    </td>
                    <td>
                      {s.commonWrong ? `${s.commonWrong.text} (${s.commonWrong.count})` : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
