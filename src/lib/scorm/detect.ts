/**
 * Loads the SCORM relay only when the course is framed by the launcher (it adds `?lms=scorm`;
 * the choice is kept for the tab's later pages). On every other page this is all that runs.
 */
const FLAG = 'shipyard.scorm';

export function framedByLauncher(): boolean {
  if (window.parent === window) return false;
  try {
    if (new URLSearchParams(window.location.search).get('lms') === 'scorm') {
      window.sessionStorage.setItem(FLAG, '1');
      return true;
    }
    return window.sessionStorage.getItem(FLAG) === '1';
  } catch {
    return false;
  }
}
