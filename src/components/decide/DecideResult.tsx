import {
  COMBOS,
  comboLabel,
  questionText,
  RULES,
  TRADE_OFFS,
  type Recommendation,
  type Score,
} from '@lib/decide/index.ts';
import { GuideLinks } from './GuideLinks.tsx';

interface Props {
  result: Recommendation;
  unpublished: readonly string[];
}

function statusOf(score: Score, result: Recommendation): { icon: string; text: string } {
  const o = result.outcome;
  if (score.excludedBy.length > 0) {
    const why = score.excludedBy.map((id) => RULES.find((r) => r.id === id)!.title);
    return { icon: '✕', text: `Ruled out: ${why.join('; ')}` };
  }
  if (o.kind === 'pick' && o.combo === score.combo) return { icon: '★', text: 'Recommended' };
  if (o.kind === 'tie' && o.combos.includes(score.combo)) return { icon: '⚖', text: 'Tied first' };
  return { icon: '·', text: 'In the running' };
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** The recommendation, why, and every combination's points. */
export function DecideResult({ result, unpublished }: Props) {
  const o = result.outcome;
  const leaders = o.kind === 'pick' ? [o.combo] : o.kind === 'tie' ? o.combos : [];
  const icon = o.kind === 'pick' ? '★' : o.kind === 'tie' ? '⚖' : 'ℹ';
  return (
    <section className="dg-result" aria-labelledby="dg-result-title">
      <h3 id="dg-result-title">Your recommendation</h3>
      <p className="dg-headline" data-outcome={o.kind}>
        <span aria-hidden="true" className="dg-icon">
          {icon}
        </span>{' '}
        <span role="status">{result.headline}</span>
      </p>
      <p className="dg-count">
        {result.answered} of {result.questions} questions answered (the needs may stay empty); each
        answer moves points between the four combinations, as listed below.
      </p>
      {result.tieBreak && <p className="dg-tiebreak">{result.tieBreak}</p>}

      <div className="dg-scroll" role="region" aria-labelledby="dg-points-caption" tabIndex={0}>
        <table className="dg-points">
          <caption id="dg-points-caption">Points per combination</caption>
          <thead>
            <tr>
              <th scope="col">Combination</th>
              <th scope="col">Points</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {result.ranking.map((s) => {
              const st = statusOf(s, result);
              return (
                <tr key={s.combo} data-combo={s.combo}>
                  <th scope="row">
                    <a href={`#combo-${s.combo}`}>{comboLabel(s.combo)}</a>
                  </th>
                  <td>{signed(s.points)}</td>
                  <td>
                    <span aria-hidden="true">{st.icon}</span> {st.text}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {result.reasons.length > 0 && (
        <>
          <h4 id="dg-why">Why: what each answer did</h4>
          <ol className="dg-reasons" aria-labelledby="dg-why">
            {result.reasons.map((r) => (
              <li key={r.rule.id} data-rule={r.rule.id}>
                <p className="dg-reason-head">
                  <span className="dg-q">{questionText(r.question)}</span>{' '}
                  <strong>{r.answer}</strong>
                </p>
                <p className="dg-reason-effect">
                  <strong>{r.rule.title}</strong>: {r.effect}.
                </p>
                <p>{r.rule.because}</p>
                <GuideLinks links={r.rule.links} unpublished={unpublished} />
              </li>
            ))}
          </ol>
        </>
      )}

      {leaders.map((id) => {
        const t = TRADE_OFFS[id];
        return (
          <div key={id} className="dg-tradeoff" data-combo={id}>
            <h4>What {comboLabel(id)} asks of you</h4>
            <dl>
              <dt>You run</dt>
              <dd>{t.you}</dd>
              <dt>You give up</dt>
              <dd>{t.gives}</dd>
              <dt>The bill</dt>
              <dd>{t.bill}</dd>
            </dl>
          </div>
        );
      })}
      {leaders.length > 0 && (
        <p className="dg-view">
          <strong>A view, not a rule.</strong> The course’s source calls EKS generally the better
          choice, for Kubernetes’ portability and ecosystem. The guide weighs that against your
          answers instead: the trade-off is a control-plane fee per cluster and a larger system to
          run.
        </p>
      )}
      <p className="dg-count">
        {COMBOS.length} combinations, {RULES.length} rules: the whole list is under “How the guide
        scores”.
      </p>
    </section>
  );
}
