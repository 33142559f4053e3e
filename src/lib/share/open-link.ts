/**
 * Opens a sandbox link on this page: decodes it, finds the sandbox it names, scrolls to it and
 * hands the state to its island, which rebuilds the world. A refused link leaves the page as it
 * was and says why in one notice at the top of the content.
 */
import { deliverState } from './inbox.ts';
import { refuse, type LinkResult } from './shared-state.ts';
import { decodeStateLink } from './state-link.ts';

const NOTICE_ID = 'sbx-link-notice';

export function openLink(hash: string): void {
  const decoded = decodeStateLink(hash);
  if (!decoded.ok) return showNotice(decoded.error.message);
  const state = decoded.value;
  const block = [...document.querySelectorAll<HTMLElement>('.sbx-block[data-scenario]')].find(
    (element) => element.dataset['scenario'] === state.scenarioId,
  );
  if (!block) {
    return showNotice(
      refuse(
        'unknown-scenario',
        `it opens the sandbox “${state.scenarioId}”, which is not on this page.`,
      ).error.message,
    );
  }
  clearNotice();
  block.scrollIntoView({ block: 'start' });
  deliverState(block, {
    state,
    reply: (result: LinkResult<string>) => {
      if (!result.ok) showNotice(result.error.message);
    },
  });
}

function clearNotice(): void {
  document.getElementById(NOTICE_ID)?.remove();
}

/** One notice, replaced by the next; text only (a link's strings never become markup). */
function showNotice(message: string): void {
  clearNotice();
  const notice = document.createElement('div');
  notice.id = NOTICE_ID;
  notice.className = 'sbx-link-notice not-content';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'sbx-btn';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', clearNotice);
  notice.append(text, dismiss);
  const main = document.querySelector('main') ?? document.body;
  main.prepend(notice);
  // A link pasted into an open page may find it scrolled anywhere.
  notice.scrollIntoView({ block: 'nearest' });
}
