/** Presenter mode's keys: the instructor window and the instructors' page both list these. */

/** On a lesson page (the projected window). */
export const PROJECTOR_SHORTCUTS: readonly [key: string, what: string][] = [
  ['P', 'Present the sandbox on screen, or stop presenting'],
  ['S', 'Open the instructor window (while presenting)'],
  ['Esc', 'Stop presenting'],
];

/** In the instructor window. */
export const INSTRUCTOR_SHORTCUTS: readonly [key: string, what: string][] = [
  ['K', 'Play or pause the projected sandbox'],
  ['.', 'Step 10 simulated seconds'],
  ['1 2 3 4', 'Speed 1×, 4×, 16×, 64×'],
  ['E', 'Run to the end of the scenario'],
  ['U', 'Undo the last learner action'],
  ['R', 'Rewind: reset the sandbox to its start'],
  ['F', 'Go to the fault panel'],
  ['N', 'Go to the speaker notes'],
  ['T', 'Pause or resume the timer'],
];
