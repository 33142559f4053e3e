/**
 * "A new version is ready": a polite status message with a button that reloads into the new
 * version, and one that puts it off. It takes no focus (the learner may be mid-challenge); the
 * buttons are in the tab order, at the end of the page.
 */
const NOTICE_ID = 'sy-update-notice';

export function showUpdateNotice(reload: () => void): void {
  if (document.getElementById(NOTICE_ID)) return;
  const region = document.createElement('div');
  region.id = NOTICE_ID;
  region.className = 'sy-update-notice';
  region.setAttribute('role', 'status');
  document.body.append(region);

  const message = document.createElement('p');
  message.textContent =
    'A new version of the course is ready. Your progress is kept when you reload.';
  const actions = document.createElement('div');
  actions.className = 'sy-update-notice__actions';
  const reloadButton = document.createElement('button');
  reloadButton.type = 'button';
  reloadButton.className = 'sy-update-notice__reload';
  reloadButton.textContent = 'Reload to update';
  reloadButton.addEventListener('click', () => {
    reloadButton.disabled = true;
    reloadButton.textContent = 'Updating…';
    reload();
  });
  const laterButton = document.createElement('button');
  laterButton.type = 'button';
  laterButton.className = 'sy-update-notice__later';
  laterButton.textContent = 'Later';
  laterButton.addEventListener('click', () => region.remove());
  actions.append(reloadButton, laterButton);
  // Filled after the empty live region is in the page, so screen readers announce it.
  requestAnimationFrame(() => region.append(message, actions));
}
