/**
 * The EC2 module (light part, always loaded): instances (with their bootstrap: Docker, or
 * Docker + the ECS agent), Auto Scaling groups and the infrastructure faults; present in every
 * world. Its behaviour (ec2-behaviour.ts) loads on demand, a chunk of its own in the browser.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import { ec2ActiveFor } from './active.ts';

export const ec2: ServiceModule<'ec2'> = {
  name: 'ec2',
  activeFor: ec2ActiveFor,
  initial: () => ({ instances: {}, autoScalingGroups: {} }),
  handles: [
    'ec2.instance.launch',
    'ec2.instance.terminate',
    'ec2.asg.update',
    'fault.terminate-instance',
    'fault.az-outage',
    'fault.az-recover',
  ],
  controllers: [
    { name: 'ec2-instances' },
    { name: 'auto-scaling-groups', after: ['ec2-instances'] },
  ],
  checkSnapshot: (slice) =>
    recordsProblem(slice, ['instances', 'autoScalingGroups'], ['billedSeconds']),
  eventSources: ['ec2', 'autoscaling'],
  load: () => import('./ec2-behaviour.ts').then((m) => m.ec2Behaviour),
};
