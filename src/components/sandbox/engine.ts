/**
 * The engine functions the island needs, behind one dynamic-import boundary: this module
 * (and with it XState, the engine and its validation) loads on the learner's first
 * interaction, not with the page.
 */
export { checkGoals, createSandbox, replay, serializeWorld } from '@sandbox';
