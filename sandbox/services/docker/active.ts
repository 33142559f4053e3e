/**
 * Docker by hand runs where there is no orchestrator. Imports no engine, so the view can ask it too (sandbox/view.ts: serviceActiveFor).
 */
import type { ServiceModule } from '../../engine/module.ts';

export const dockerActiveFor: ServiceModule['activeFor'] = (orchestrator) =>
  orchestrator === 'none';
