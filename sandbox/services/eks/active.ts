/**
 * EKS runs in an EKS world. Imports no engine, so the view can ask it too (sandbox/view.ts: serviceActiveFor).
 */
import type { ServiceModule } from '../../engine/module.ts';

export const eksActiveFor: ServiceModule['activeFor'] = (orchestrator) => orchestrator === 'eks';
