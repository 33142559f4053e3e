/** A lean inline-SVG line chart with a caption that states the data in words. */
import { memo } from 'react';
import {
  downsample,
  formatValue,
  linearScale,
  linePath,
  summariseChart,
  type ChartData,
} from '@lib/sandbox-view/chart-scale.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';

const W = 320;
const H = 120;
const PAD = { left: 44, right: 8, top: 8, bottom: 20 };
const MAX_POINTS = 120;

export const LineChart = memo(function LineChart({ chart }: { chart: ChartData }) {
  const points = chart.series.flatMap((s) => s.points);
  const x0 = points[0]?.x ?? 0;
  const x1 = Math.max(x0 + 60, ...points.map((p) => p.x));
  const x = linearScale([x0, x1], [PAD.left, W - PAD.right]);
  const y = linearScale([0, chart.yMax], [H - PAD.bottom, PAD.top]);
  const summary = summariseChart(chart);
  return (
    <figure className="sbx-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="sbx-axis" />
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(chart.yMax)}
          y2={y(chart.yMax)}
          className="sbx-grid"
        />
        <text x={PAD.left - 4} y={y(chart.yMax) + 4} textAnchor="end" className="sbx-tick">
          {formatValue(chart.unit, chart.yMax)}
        </text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="sbx-tick">
          {formatValue(chart.unit, 0)}
        </text>
        <text x={PAD.left} y={H - 4} className="sbx-tick">
          {formatClock(x0)}
        </text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" className="sbx-tick">
          {formatClock(x1)}
        </text>
        {chart.series.map((series, i) => (
          <path
            key={series.id}
            d={linePath(downsample(series.points, MAX_POINTS), x, y)}
            className={`sbx-line sbx-line-${i}`}
          />
        ))}
      </svg>
      <figcaption>
        <span className="sbx-chart-title">{chart.title}</span>
        {chart.series.length > 1 ? (
          <span className="sbx-legend" aria-hidden="true">
            {chart.series.map((s, i) => (
              <span key={s.id} className={`sbx-legend-${i}`}>
                {i === 0 ? '━' : '┅'} {s.label}
              </span>
            ))}
          </span>
        ) : null}
        <span className="sbx-chart-summary">{summary}</span>
      </figcaption>
    </figure>
  );
});
