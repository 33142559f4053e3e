import type { GuideLink } from '@lib/decide/index.ts';

interface Props {
  links: readonly GuideLink[];
  /** Hrefs of lessons not published yet: shown as text, not as a dead link. */
  unpublished: readonly string[];
}

/** "See it in the course": links to the lessons and sandboxes behind a reason. */
export function GuideLinks({ links, unpublished }: Props) {
  if (links.length === 0) return null;
  return (
    <ul className="dg-links">
      {links.map((l) =>
        unpublished.includes(l.href) ? (
          <li key={l.href}>
            {l.text} <span className="dg-soon">(coming soon)</span>
          </li>
        ) : (
          <li key={l.href}>
            <a href={l.href}>{l.text}</a>
          </li>
        ),
      )}
    </ul>
  );
}
