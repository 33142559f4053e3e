/**
 * The comparison table: a real table (caption, column and row headers), one column per
 * compute model, each cell a text with its unit; the best cell of a finished row says so in
 * words. Wrapped in a labelled, focusable scroll region for narrow screens.
 */
import { useId } from 'react';
import { MODELS, winners, type Row } from '@lib/compare/index.ts';

/** One line per AZ; the text (and so what a screen reader reads) is unchanged. */
function PlacementLines({ text }: { text: string }) {
  const parts = text.split('; ');
  return parts.map((part, i) => (
    <span className="cmp-line" key={part}>
      {part}
      {i < parts.length - 1 ? '; ' : ''}
    </span>
  ));
}

export function CompareTable({
  rows,
  caption,
  final,
}: {
  rows: Row[];
  caption: string;
  final: boolean;
}) {
  const id = useId();
  return (
    <div className="cmp-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="cmp-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {MODELS.map((m) => (
              <th scope="col" key={m.id}>
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const best = final ? winners(row) : [];
            return (
              <tr key={row.id} data-row={row.id}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.model}
                    data-model={cell.model}
                    className={best.includes(cell.model) ? 'cmp-best' : undefined}
                  >
                    {row.id === 'placements' ? <PlacementLines text={cell.text} /> : cell.text}
                    {best.includes(cell.model) ? (
                      <span className="cmp-best-mark">
                        {' '}
                        <span aria-hidden="true">★</span> {best.length > 1 ? 'joint best' : 'best'}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
