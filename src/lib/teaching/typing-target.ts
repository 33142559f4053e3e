/** Keys typed into a field, a menu or a dialog belong to them, not to page shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    target.closest('dialog, [role="menu"], [role="dialog"], .monaco-editor') !== null
  );
}
