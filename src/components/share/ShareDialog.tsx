/** A modal with the link (to select and copy) and, for "QR code", the link as a QR code. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { qrCodeFor } from '@lib/share/qr-code.ts';

interface Props {
  kind: 'link' | 'qr';
  url: string;
  onClose: () => void;
}

/** Quiet zone around the code, in modules (the QR standard asks for four). */
const QUIET = 4;

export default function ShareDialog({ kind, url, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [copied, setCopied] = useState('');
  const qr = useMemo(() => (kind === 'qr' ? qrCodeFor(url) : null), [kind, url]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    if (kind === 'link') inputRef.current?.select();
  }, [kind]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      inputRef.current?.select();
      setCopied(
        'The browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).',
      );
    }
  };

  const size = qr?.ok ? qr.value.size + QUIET * 2 : 0;
  return (
    <dialog ref={ref} className="sbx-share-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>
        {kind === 'qr' ? 'QR code of this exact state' : 'Link to this exact state'}
      </h2>
      <p className="sbx-muted">
        Opening it rebuilds this sandbox as it is now: same scenario, same actions, same sim time.
        The state travels in the part of the address after “#”, which browsers never send to a
        server.
      </p>
      {qr?.ok ? (
        <svg
          className="sbx-qr"
          role="img"
          aria-label={`QR code of the link (${url.length} characters)`}
          viewBox={`${-QUIET} ${-QUIET} ${size} ${size}`}
          shapeRendering="crispEdges"
        >
          <rect x={-QUIET} y={-QUIET} width={size} height={size} fill="#fff" />
          <path d={qr.value.path} fill="#000" />
        </svg>
      ) : qr ? (
        <p role="alert">{qr.error}</p>
      ) : null}
      <label className="sbx-share-field">
        <span>Link ({url.length.toLocaleString('en')} characters)</span>
        <input
          ref={inputRef}
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <p role="status" className="sbx-share-status">
        {copied}
      </p>
      <div className="sbx-share-actions">
        <button type="button" className="sbx-btn sbx-btn-primary" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" className="sbx-btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
