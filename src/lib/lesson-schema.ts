import { z } from 'astro/zod';

/** The stable lesson ids of the course outline: used by URLs, progress storage and quizzes. */
export const LESSON_IDS = [
  'why-orchestration',
  'ecs',
  'fargate',
  'eks',
  'node-groups',
  'ecr',
  'pipeline',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

/** One part of a lesson's speaker notes: what to say and do around one sandbox or moment. */
export const speakerNoteSection = z.strictObject({
  title: z.string().min(3).max(80).describe('A short heading, e.g. "Opening (5 min)".'),
  sandbox: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional()
    .describe(
      'The scenario id of the <Sandbox> these notes go with; the presenter window shows them first while it is projected. It must be a sandbox of this lesson.',
    ),
  points: z
    .array(z.string().min(5).max(600))
    .min(1)
    .max(12)
    .describe('What to say, ask or fire, one short paragraph each (plain text).'),
});

export type SpeakerNoteSection = z.infer<typeof speakerNoteSection>;

/** Frontmatter every lesson must carry, on top of Starlight's own fields (`title`, …). */
export const lessonFields = z.object({
  id: z
    .enum(LESSON_IDS)
    .describe(
      'Stable lesson id from the course outline; never change it once published, progress is stored under it.',
    ),
  order: z
    .number()
    .int()
    .min(1)
    .max(99)
    .describe('Position of the lesson in the course, 1 for the first lesson.'),
  summary: z
    .string()
    .min(20)
    .max(300)
    .describe('One or two sentences shown on the course home and in search results.'),
  objectives: z
    .array(z.string().min(5))
    .min(1)
    .max(8)
    .describe('What the learner will be able to do after the lesson, one sentence each.'),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(240)
    .describe('Estimated time to read the lesson and play its sandboxes, in minutes.'),
  prerequisites: z
    .array(z.enum(LESSON_IDS))
    .default([])
    .describe('Ids of the lessons to take first; empty for a starting lesson.'),
  speakerNotes: z
    .array(speakerNoteSection)
    .max(20)
    .default([])
    .describe(
      'Notes for the instructor, shown only in the presenter window (/presenter/<id>/), never on the lesson page.',
    ),
});

export type LessonFields = z.infer<typeof lessonFields>;

/**
 * The `docs` collection schema extension. Starlight also validates the frontmatter of our own
 * pages (home, instructors, progress) against the collection schema, so those pages say
 * `kind: 'page'` and skip the lesson fields; every file in `lessons/` must be a full lesson
 * (`lessonIdFromEntry` refuses `kind` there), so collection entries always carry them.
 * Starlight merges this object into its own schema; `requireLessonFields` then runs on the
 * merged result.
 */
export const courseFrontmatter = lessonFields.partial().extend({
  kind: z
    .literal('page')
    .optional()
    .describe('Only on site pages that are not lessons (home, instructors); lessons leave it out.'),
});

/** Refinement for the merged schema: a lesson must carry every lesson field, valid. */
export function requireLessonFields(
  data: { kind?: 'page' | undefined },
  context: z.RefinementCtx,
): void {
  if (data.kind === 'page') return;
  const parsed = lessonFields.safeParse(data);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
}

const seen = new Map<string, string>();

/**
 * Names each lesson entry `lessons/<id>` from its frontmatter, and fails the build when
 * two files claim the same id or when the id is missing.
 */
export function lessonIdFromEntry({
  entry,
  data,
}: {
  entry: string;
  data: Record<string, unknown>;
}): string {
  const id = data['id'];
  if (typeof id !== 'string' || id.length === 0) {
    throw new Error(
      `lessons/${entry}: frontmatter field "id" is missing. Add one of: ${LESSON_IDS.join(', ')}.`,
    );
  }
  if ('kind' in data) {
    throw new Error(
      `lessons/${entry}: frontmatter field "kind" is only for site pages; remove it from lessons.`,
    );
  }
  const owner = seen.get(id);
  if (owner !== undefined && owner !== entry) {
    throw new Error(
      `lessons/${entry}: frontmatter field "id" is "${id}", which lessons/${owner} already uses. Lesson ids must be unique.`,
    );
  }
  seen.set(id, entry);
  return `lessons/${id}`;
}
