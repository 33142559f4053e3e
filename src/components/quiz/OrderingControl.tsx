import { useRef, useState } from 'react';
import type { OrderingQuestion } from '@lib/quiz/schema.ts';
import { Inline } from './Inline.tsx';

interface Props {
  question: OrderingQuestion;
  order: readonly string[];
  onChange: (order: string[]) => void;
}

/** Reordering with Move up / Move down buttons: no dragging needed; each move is announced. */
export function OrderingControl({ question, order, onChange }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const byId = new Map(question.items.map((item) => [item.id, item]));

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
    const item = byId.get(order[index]!)!;
    setAnnouncement(`“${item.text}” moved to position ${target + 1} of ${order.length}.`);
    // The pressed button may now be disabled (top or bottom): keep focus on the item's other one.
    const edge = target === 0 ? 'down' : target === order.length - 1 ? 'up' : null;
    if (edge) requestAnimationFrame(() => buttons.current.get(`${item.id}-${edge}`)?.focus());
  };

  return (
    <>
      <ol className="sy-quiz-ordering">
        {order.map((itemId, index) => {
          const item = byId.get(itemId)!;
          return (
            <li key={itemId}>
              <span className="sy-quiz-ordering-number" aria-hidden="true">
                {index + 1}.
              </span>
              <span className="sy-quiz-ordering-text">
                <Inline text={item.text} />
              </span>
              <span className="sy-quiz-ordering-buttons">
                <button
                  type="button"
                  ref={(el) => void buttons.current.set(`${itemId}-up`, el)}
                  disabled={index === 0}
                  aria-label={`Move up: ${item.text}`}
                  onClick={() => move(index, -1)}
                >
                  <span aria-hidden="true">↑</span> Up
                </button>
                <button
                  type="button"
                  ref={(el) => void buttons.current.set(`${itemId}-down`, el)}
                  disabled={index === order.length - 1}
                  aria-label={`Move down: ${item.text}`}
                  onClick={() => move(index, 1)}
                >
                  <span aria-hidden="true">↓</span> Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="sy-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
