/**
 * ECR runs in an orchestrated world whose scenario has an `initial.ecr` part. Imports no engine, so the view can ask it too (sandbox/view.ts: serviceActiveFor).
 */
import type { ServiceModule } from '../../engine/module.ts';

export const ecrActiveFor: ServiceModule['activeFor'] = (orchestrator, scenario) =>
  orchestrator !== 'none' && !!scenario?.initial?.ecr;
