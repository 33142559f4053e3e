/**
 * "Copy link", "QR code" and "Present" for one sandbox. The codec, the QR encoder and the
 * presenter code load only when one of them is used.
 */
import { Suspense, useCallback, useState } from 'react';
import { LoadBoundary, retryableLazy } from '../sandbox/load-boundary.tsx';
import type { World } from '@sandbox';
import { useSandboxUi } from '../sandbox/sandbox-context.ts';

const ShareDialog = retryableLazy(() => import('./ShareDialog.tsx'));

interface Props {
  presenting: boolean;
  onPresent: () => void;
}

/** The address of this page with the sandbox's state in the fragment. */
async function linkFor(world: World): Promise<string> {
  const [{ encodeStateLink }, { stateOfWorld }] = await Promise.all([
    import('@lib/share/state-link.ts'),
    import('@lib/share/shared-state.ts'),
  ]);
  return `${location.origin}${location.pathname}${encodeStateLink(stateOfWorld(world))}`;
}

export function ShareControls({ presenting, onPresent }: Props) {
  const { store, announce } = useSandboxUi();
  const [dialog, setDialog] = useState<{ kind: 'link' | 'qr'; url: string } | null>(null);
  const [status, setStatus] = useState('');

  const copyLink = useCallback(async () => {
    const url = await linkFor(store.getSnapshot().context.world);
    try {
      await navigator.clipboard.writeText(url);
      const text = `Link copied: ${url.length.toLocaleString('en')} characters.`;
      setStatus(text);
      announce(text);
    } catch {
      // No clipboard (permission refused, insecure page): show the link to copy by hand.
      setDialog({ kind: 'link', url });
    }
  }, [store, announce]);

  const showQr = useCallback(async () => {
    setDialog({ kind: 'qr', url: await linkFor(store.getSnapshot().context.world) });
  }, [store]);

  return (
    <div className="sbx-toolbar-group sbx-share" role="group" aria-label="Share and present">
      <button type="button" className="sbx-btn" onClick={() => void copyLink()}>
        <span aria-hidden="true">#</span> Copy link
      </button>
      <button type="button" className="sbx-btn" onClick={() => void showQr()}>
        <span aria-hidden="true">▦</span> QR code
      </button>
      <button type="button" className="sbx-btn" aria-pressed={presenting} onClick={onPresent}>
        <span aria-hidden="true">▭</span> {presenting ? 'Stop presenting' : 'Present'}
      </button>
      <span className="sbx-share-status" role="status">
        {status}
      </span>
      {dialog ? (
        <LoadBoundary what="The sharing dialog">
          <Suspense fallback={null}>
            <ShareDialog kind={dialog.kind} url={dialog.url} onClose={() => setDialog(null)} />
          </Suspense>
        </LoadBoundary>
      ) : null}
    </div>
  );
}
