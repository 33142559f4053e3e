/**
 * The engine functions the island needs, behind one dynamic-import boundary: this module
 * (and with it XState, the engine core and its validation) loads on the learner's first
 * interaction, not with the page. The behaviour of each service the scenario runs loads
 * next (`loadServicesFor`, a chunk per service), so a page loads only the services its
 * scenarios use.
 */
export { checkGoals, createSandbox, loadServicesFor, replay, serializeWorld } from '@sandbox';
