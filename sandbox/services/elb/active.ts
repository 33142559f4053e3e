/**
 * Elastic Load Balancing runs in every world. Imports no engine, so the view can ask it too (sandbox/view.ts: serviceActiveFor).
 */
import type { ServiceModule } from '../../engine/module.ts';

export const elbActiveFor: ServiceModule['activeFor'] = () => true;
