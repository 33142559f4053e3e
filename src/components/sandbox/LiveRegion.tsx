/**
 * Two visually hidden live regions: polite (results, placement steps, throttled events)
 * and assertive (refusals). Messages are re-set so that repeating one is announced again.
 */
export interface LiveMessages {
  polite: { text: string; n: number };
  assertive: { text: string; n: number };
}

export function LiveRegion({ messages }: { messages: LiveMessages }) {
  return (
    <>
      <div className="sbx-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        <span key={messages.polite.n}>{messages.polite.text}</span>
      </div>
      <div className="sbx-visually-hidden" role="alert" aria-live="assertive" aria-atomic="true">
        <span key={messages.assertive.n}>{messages.assertive.text}</span>
      </div>
    </>
  );
}
