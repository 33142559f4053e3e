/**
 * Build time only: every link the guide shows must reach a page of the course, and a section
 * anchor must name a heading of that lesson. A lesson not published yet (its MDX file is not in
 * the build) is reported so the guide shows its name without a dead link; a missing heading
 * fails the build, naming the link.
 */
import { getEntry, render } from 'astro:content';

const SITE_PAGES = new Set(['/compare/']);

export async function unpublishedLinks(hrefs: readonly string[]): Promise<string[]> {
  const unpublished: string[] = [];
  for (const href of hrefs) {
    if (SITE_PAGES.has(href)) continue;
    const m = /^\/(lessons\/[a-z0-9-]+)\/(?:#([a-z0-9-]+))?$/.exec(href);
    if (!m) throw new Error(`Decision guide: the link ${href} is not a lesson or a known page.`);
    const entry = await getEntry('docs', m[1]!);
    if (!entry) {
      unpublished.push(href);
      continue;
    }
    const anchor = m[2];
    if (anchor === undefined) continue;
    const { headings } = await render(entry);
    if (!headings.some((h) => h.slug === anchor))
      throw new Error(
        `Decision guide: the link ${href} names the section #${anchor}, which ${m[1]} does not have (its sections: ${headings.map((h) => h.slug).join(', ')}).`,
      );
  }
  return unpublished;
}
