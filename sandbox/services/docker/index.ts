/**
 * The Docker module (light part, always loaded): containers placed, started, stopped and
 * removed by hand on Docker hosts (orchestrator none). Its behaviour (docker-behaviour.ts)
 * loads on demand, a chunk of its own in the browser.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import { dockerActiveFor } from './active.ts';

export const docker: ServiceModule<'docker'> = {
  name: 'docker',
  activeFor: dockerActiveFor,
  initial: () => ({ containers: {}, hosts: {}, toil: 0 }),
  handles: [
    'docker.container.place',
    'docker.container.start',
    'docker.container.stop',
    'docker.container.remove',
  ],
  controllers: [],
  checkSnapshot: (slice) => recordsProblem(slice, ['containers', 'hosts']),
  eventSources: ['docker'],
  load: () => import('./docker-behaviour.ts').then((m) => m.dockerBehaviour),
};
