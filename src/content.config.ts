import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import {
  courseFrontmatter,
  lessonIdFromEntry,
  requireLessonFields,
  type LessonFields,
} from './lib/lesson-schema.ts';

const starlightSchema = docsSchema({ extend: courseFrontmatter });

/**
 * Lessons live in the top-level `lessons/` folder, one MDX file each. Starlight requires
 * the collection to be called `docs`; every entry is published under `/lessons/<id>/`,
 * and the sidebar orders lessons by their `order` field.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './lessons', generateId: lessonIdFromEntry }),
    schema: (context) =>
      starlightSchema(context)
        .superRefine(requireLessonFields)
        .transform((entry) => ({
          ...(entry as typeof entry & LessonFields),
          sidebar: { ...entry.sidebar, order: entry.order },
        })),
  }),
};
