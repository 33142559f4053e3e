/**
 * A native `<dialog>` shown with showModal() as soon as it mounts: focus moves into it, Tab stays
 * inside, Escape closes it. When it closes, `onClose` runs and focus returns to `opener` (the
 * chip or button that opened it) if that is still on the page.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useModalDialog(
  opener: HTMLElement,
  onClose: () => void,
): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const closed = () => {
      onClose();
      if (opener.isConnected) opener.focus();
    };
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, [onClose, opener]);
  return ref;
}
