/** A labelled resource bar: the numbers are text, the bar is decoration. */
import { formatUsage, ratioPercent } from '@lib/sandbox-view/format.ts';

export function UsageBar({
  kind,
  used,
  total,
  label,
  text,
}: {
  kind: 'cpu' | 'memory';
  used: number;
  total: number;
  /** Overrides the label (`CPU requested`, `Pod slots`) and the numbers' text (`750m / 1930m`). */
  label?: string;
  text?: string;
}) {
  const percent = ratioPercent(used, total);
  const level = percent >= 90 ? 'high' : percent >= 70 ? 'mid' : 'low';
  return (
    <div className="sbx-usage">
      <span className="sbx-usage-label">{label ?? (kind === 'cpu' ? 'CPU' : 'Memory')}</span>
      <span className="sbx-usage-numbers sbx-mono">{text ?? formatUsage(kind, used, total)}</span>
      <span className={`sbx-bar sbx-bar-${level}`} aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}
