/** The gradebook table: one row per learner, one column per grade item, sortable and filterable. */
import { useId, useMemo, useState } from 'react';
import type { GradeItem, ItemGrade, LearnerGrade } from '@lib/gradebook/regrade.ts';

export interface Row {
  file: string;
  grade: LearnerGrade;
  superseded: string[];
}

type SortKey = 'learner' | 'total' | string;
type Show = 'all' | 'flagged' | 'incomplete';

function cellText(g: ItemGrade | undefined): { icon: string; text: string; tone: string } {
  if (!g) return { icon: '—', text: 'Not handed in', tone: 'missing' };
  if (g.kind === 'quiz')
    return g.status === 'missing'
      ? { icon: '—', text: 'Not handed in', tone: 'missing' }
      : {
          icon: g.percent === 100 ? '✓' : '•',
          text: `${g.percent}\u00a0%`,
          tone: g.percent === 100 ? 'pass' : 'partial',
        };
  switch (g.status) {
    case 'passed':
      return { icon: '✓', text: 'Passed', tone: 'pass' };
    case 'failed':
      return g.editedPass
        ? {
            icon: '⚠',
            text: `Failed (${g.goalsPassed}/${g.goalsTotal} goals); “passed” was edited in`,
            tone: 'flag',
          }
        : { icon: '✗', text: `Failed (${g.goalsPassed}/${g.goalsTotal} goals)`, tone: 'fail' };
    case 'missing':
      return { icon: '—', text: 'Not handed in', tone: 'missing' };
    case 'mismatch':
      return { icon: '⚠', text: 'Does not match the assignment', tone: 'flag' };
  }
}

const complete = (g: LearnerGrade) => Object.values(g.items).every((i) => i.percent === 100);

export function GradeTable({
  title,
  items,
  rows,
}: {
  title: string;
  items: GradeItem[];
  rows: Row[];
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'learner', dir: 1 });
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const base = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = rows.filter(
      (r) =>
        (!q ||
          r.grade.learner.name.toLowerCase().includes(q) ||
          r.grade.learner.email.toLowerCase().includes(q)) &&
        (show === 'all' || (show === 'flagged' ? r.grade.flagged : !complete(r.grade))),
    );
    const value = (r: Row): string | number =>
      sort.key === 'learner'
        ? r.grade.learner.name.toLowerCase()
        : sort.key === 'total'
          ? r.grade.percent
          : (r.grade.items[sort.key]?.percent ?? -1);
    return [...filtered].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (
        (x < y ? -1 : x > y ? 1 : 0) * sort.dir ||
        a.grade.learner.name.localeCompare(b.grade.learner.name)
      );
    });
  }, [rows, query, show, sort]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sy-teach-sort"
          onClick={() =>
            setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : key === 'learner' ? 1 : -1 })
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="sy-teach-panel" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>Grades: {title}</h2>
      <div className="sy-teach-filters">
        <p className="sy-teach-field">
          <label htmlFor={`${base}-q`}>Find a learner</label>
          <input
            id={`${base}-q`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </p>
        <p className="sy-teach-field">
          <label htmlFor={`${base}-show`}>Show</label>
          <select
            id={`${base}-show`}
            value={show}
            onChange={(e) => setShow(e.currentTarget.value as Show)}
          >
            <option value="all">Every learner</option>
            <option value="flagged">Only files marked as edited or not matching</option>
            <option value="incomplete">Only learners with an item below 100 %</option>
          </select>
        </p>
      </div>
      <p className="sy-teach-help" role="status">
        Showing {shown.length} of {rows.length} learners. Every item is graded out of 100; the total
        is their mean.
      </p>
      <div
        className="sy-data-table-wrap"
        tabIndex={0}
        role="region"
        aria-label="Grades table (scrolls sideways)"
      >
        <table className="sy-data-table sy-teach-table">
          <thead>
            <tr>
              {header('learner', 'Learner')}
              {items.map((i) => (
                <th
                  key={i.key}
                  scope="col"
                  aria-sort={
                    sort.key === i.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sy-teach-sort"
                    onClick={() =>
                      setSort({
                        key: i.key,
                        dir: sort.key === i.key ? (sort.dir === 1 ? -1 : 1) : -1,
                      })
                    }
                  >
                    {i.kind === 'quiz' ? 'Quiz: ' : ''}
                    {i.title}
                    <span aria-hidden="true">
                      {sort.key === i.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
              {header('total', 'Total')}
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const notes = [
                ...items.flatMap((i) =>
                  (r.grade.items[i.key]?.notes ?? [])
                    .filter((n) => n !== 'not handed in')
                    .map((n) => `${i.title}: ${n}`),
                ),
                ...r.superseded.map((f) => `an earlier file, ${f}, was set aside for ${r.file}`),
              ];
              return (
                <tr key={r.file} className={r.grade.flagged ? 'sy-teach-flagged' : undefined}>
                  <th scope="row">
                    {r.grade.learner.name}
                    <span className="sy-teach-sub">
                      {r.grade.learner.email || r.grade.learner.sisLogin || r.file}
                    </span>
                  </th>
                  {items.map((i) => {
                    const c = cellText(r.grade.items[i.key]);
                    return (
                      <td key={i.key} className={`sy-teach-${c.tone}`}>
                        <span aria-hidden="true">{c.icon} </span>
                        {c.text}
                      </td>
                    );
                  })}
                  <td>
                    <strong>{`${r.grade.percent}\u00a0%`}</strong>
                  </td>
                  <td>
                    {notes.length ? (
                      <details>
                        <summary>
                          {notes.length} note{notes.length === 1 ? '' : 's'}
                        </summary>
                        <ul>
                          {notes.map((n, k) => (
                            <li key={k}>{n}</li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
