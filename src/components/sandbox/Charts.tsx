/** CloudWatch-style charts from the engine's metric samples: running vs desired, CPU, cost. */
import { useMemo } from 'react';
import { costChart, cpuChart, runningChart } from '@lib/sandbox-view/chart-scale.ts';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';
import { LineChart } from './LineChart.tsx';

export function Charts() {
  const { store } = useSandboxUi();
  const metrics = useWorldSlice(store, (w) => w.metrics);
  const hasServices = useWorldSlice(store, (w) => Object.keys(w.ecs.services).length > 0);
  const charts = useMemo(
    () => [runningChart(metrics, hasServices), cpuChart(metrics), costChart(metrics)],
    [metrics, hasServices],
  );
  return (
    <div className="sbx-charts">
      <p className="sbx-muted">CloudWatch metrics, one sample every 10 simulated seconds.</p>
      {charts.map((chart) => (
        <LineChart key={chart.title} chart={chart} />
      ))}
    </div>
  );
}
