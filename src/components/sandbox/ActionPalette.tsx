/**
 * The actions the scenario allows, as forms, and the faults anyone may fire. Context menus on
 * the view offer the same actions.
 */
import { anyAllowed, isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { useSandboxUi } from './sandbox-context.ts';
import { ContainersForm } from './forms/ContainersForm.tsx';
import { FaultsForm } from './forms/FaultsForm.tsx';
import { HostsForm } from './forms/HostsForm.tsx';
import { LaunchInstanceForm } from './forms/LaunchInstanceForm.tsx';
import { ServiceForm } from './forms/ServiceForm.tsx';
import { TaskDefinitionForm } from './forms/TaskDefinitionForm.tsx';

export function ActionPalette() {
  const { scenario } = useSandboxUi();
  const can = (types: Parameters<typeof anyAllowed>[1]) => anyAllowed(scenario, types);
  const forms = [
    can([
      'docker.container.place',
      'docker.container.start',
      'docker.container.stop',
      'docker.container.remove',
    ]) ? (
      <ContainersForm key="containers" />
    ) : null,
    can(['ecs.service.create', 'ecs.service.update']) ? <ServiceForm key="service" /> : null,
    isAllowed(scenario, 'ecs.taskdef.register') ? <TaskDefinitionForm key="taskdef" /> : null,
    isAllowed(scenario, 'ec2.instance.launch') ? <LaunchInstanceForm key="launch" /> : null,
    isAllowed(scenario, 'ec2.instance.terminate') ? <HostsForm key="hosts" /> : null,
    <FaultsForm key="faults" />,
  ].filter(Boolean);
  if (forms.length === 0)
    return <p className="sbx-empty">This scenario has no actions for you: watch it run.</p>;
  return <div className="sbx-palette">{forms}</div>;
}
