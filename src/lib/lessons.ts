import { getCollection, type CollectionEntry } from 'astro:content';

export type Lesson = CollectionEntry<'docs'>;

/** The published lessons in course order. */
export async function getLessons(): Promise<Lesson[]> {
  const entries = await getCollection('docs');
  return entries.sort((a, b) => a.data.order - b.data.order);
}

/** The URL of a lesson page. */
export function lessonHref(lesson: Lesson): string {
  return `/${lesson.id}/`;
}
