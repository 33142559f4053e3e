/**
 * The DOM events between a lesson page's presenter mode and its sandbox islands (no codec,
 * no React: both sides import this file).
 */

/** Bubbles from an island's root when its "Present" button is pressed. */
export const PRESENT_TOGGLE = 'shipyard:present-toggle';

/** Sent to a `.sbx-block` when presenter mode starts or stops projecting it: `detail.on`. */
export const PRESENTING = 'shipyard:presenting';

/** The attribute presenter mode sets on the projected `.sbx-block`. */
export const PRESENTED_ATTR = 'data-presented';

/** The BroadcastChannel the projected window and the instructor window share. */
export const PRESENTER_CHANNEL = 'shipyard-presenter';
