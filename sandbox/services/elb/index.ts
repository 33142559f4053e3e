/**
 * The ELB module (light part, always loaded): load balancers in front of services and the
 * traffic model; present in every world. Its behaviour (elb-behaviour.ts) loads on demand, a
 * chunk of its own in the browser.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import { elbActiveFor } from './active.ts';

export const elb: ServiceModule<'elb'> = {
  name: 'elb',
  activeFor: elbActiveFor,
  initial: () => ({ loadBalancers: {}, traffic: {}, load: {} }),
  handles: ['fault.traffic'],
  controllers: [{ name: 'load-balancer', after: ['auto-scaling-groups'] }],
  checkSnapshot: (slice) => recordsProblem(slice, ['loadBalancers', 'traffic', 'load']),
  eventSources: ['elb', 'cloudwatch'],
  load: () => import('./elb-behaviour.ts').then((m) => m.elbBehaviour),
};
