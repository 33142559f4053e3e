/** The ECS control plane (free) with its services, and the load balancers with their healthy targets. */
import { memo } from 'react';
import type { Service, World } from '@sandbox';
import { shortId } from '@lib/sandbox-view/format.ts';
import { EksPlane } from './EksPlane.tsx';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';

interface Props {
  onOpenService: (service: Service, anchor: HTMLElement) => void;
}

interface LbView {
  name: string;
  service: string;
  targets: { id: string; where: string }[];
}

function loadBalancers(world: World): LbView[] {
  return Object.values(world.elb.loadBalancers).map((lb) => ({
    name: lb.name,
    service: lb.service,
    targets: Object.values(world.ecs.tasks)
      .filter((t) => t.service === lb.service && t.lastStatus === 'RUNNING' && t.healthy)
      .map((t) => ({
        id: t.id,
        where: t.instanceId ?? (t.launchType === 'FARGATE' ? 'Fargate' : '—'),
      })),
  }));
}

const sameLbs = (a: LbView[], b: LbView[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return (
      y &&
      x.name === y.name &&
      x.targets.map((t) => t.id).join() === y.targets.map((t) => t.id).join()
    );
  });

const sameServices = (a: Service[], b: Service[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return (
      y &&
      x.name === y.name &&
      x.status === y.status &&
      x.desiredCount === y.desiredCount &&
      x.runningCount === y.runningCount &&
      x.pendingCount === y.pendingCount &&
      x.launchType === y.launchType
    );
  });

const MAX_TARGETS_SHOWN = 12;

export const ControlPlane = memo(function ControlPlane({ onOpenService }: Props) {
  const { store, scenario } = useSandboxUi();
  const cluster = useWorldSlice(store, (w) => w.ecs.cluster);
  const services = useWorldSlice(store, (w) => Object.values(w.ecs.services), sameServices);
  const lbs = useWorldSlice(store, loadBalancers, sameLbs);

  if (scenario.orchestrator === 'eks') return <EksPlane />;
  if (scenario.orchestrator === 'none') {
    return (
      <div className="sbx-plane sbx-plane-none">
        <h4>No orchestrator</h4>
        <p>You are the scheduler: every placement, restart and removal is a manual action.</p>
      </div>
    );
  }
  return (
    <div className="sbx-plane-row">
      <div className="sbx-plane">
        <h4>
          ECS cluster {cluster?.name ?? '—'}{' '}
          <span className="sbx-badge sbx-tone-neutral">control plane · no charge</span>
        </h4>
        {services.length === 0 ? (
          <p className="sbx-empty">No services yet.</p>
        ) : (
          <ul className="sbx-services">
            {services.map((s) => (
              <li key={s.name}>
                <button
                  type="button"
                  className="sbx-service"
                  aria-haspopup="menu"
                  onClick={(event) => onOpenService(s, event.currentTarget)}
                >
                  <span className="sbx-visually-hidden">Service </span>
                  <span className="sbx-service-name">{s.name}</span>{' '}
                  <span className="sbx-mono">
                    {s.runningCount}/{s.desiredCount} running
                    {s.pendingCount ? `, ${s.pendingCount} pending` : ''}
                  </span>{' '}
                  <span className="sbx-badge sbx-tone-neutral">{s.launchType}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {lbs.map((lb) => (
        <div className="sbx-plane sbx-lb" key={lb.name}>
          <h4>
            Load balancer {lb.name} <span className="sbx-muted">→ {lb.service}</span>
          </h4>
          <p>
            {lb.targets.length} healthy target{lb.targets.length === 1 ? '' : 's'}
          </p>
          {lb.targets.length > 0 ? (
            <ul className="sbx-targets">
              {lb.targets.slice(0, MAX_TARGETS_SHOWN).map((t) => (
                <li key={t.id} className="sbx-mono">
                  <span aria-hidden="true">✓ </span>
                  {shortId(t.id)} <span className="sbx-muted">on {t.where}</span>
                </li>
              ))}
              {lb.targets.length > MAX_TARGETS_SHOWN ? (
                <li className="sbx-muted">and {lb.targets.length - MAX_TARGETS_SHOWN} more</li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ))}
    </div>
  );
});
