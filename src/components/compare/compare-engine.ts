/**
 * The engine functions the comparison needs, behind one dynamic-import boundary: the engine
 * core and the services the five worlds run load when the learner starts the run, not with
 * the page.
 */
export { advance, applyAction, createWorld, loadServicesFor } from '@sandbox';
