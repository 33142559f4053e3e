/** The lesson's speaker notes; the part for the sandbox on screen comes first, marked. */
import { forwardRef } from 'react';
import type { SpeakerNoteSection } from '@lib/lesson-schema.ts';

interface Props {
  notes: SpeakerNoteSection[];
  /** The scenario id on the projector, if any. */
  current: string | null;
}

export const SpeakerNotes = forwardRef<HTMLHeadingElement, Props>(function SpeakerNotes(
  { notes, current },
  ref,
) {
  const onScreen = notes.filter((section) => current !== null && section.sandbox === current);
  const rest = notes.filter((section) => !onScreen.includes(section));
  return (
    <section className="pc-card pc-notes" aria-labelledby="pc-notes-title">
      <h2 id="pc-notes-title" ref={ref} tabIndex={-1}>
        Speaker notes <kbd>N</kbd>
      </h2>
      {notes.length === 0 ? (
        <p className="pc-muted">This lesson has no speaker notes yet.</p>
      ) : null}
      {[...onScreen, ...rest].map((section) => (
        <article
          key={section.title}
          className={onScreen.includes(section) ? 'pc-note pc-note-now' : 'pc-note'}
        >
          <h3>
            {section.title}
            {onScreen.includes(section) ? <span className="pc-tag"> on screen now</span> : null}
          </h3>
          <ul>
            {section.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
});
