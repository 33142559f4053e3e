import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonFields } from '../../src/lib/lesson-schema.ts';

const VALID = {
  id: 'ecs',
  order: 2,
  summary: 'Run a service on Amazon ECS with EC2 capacity.',
  objectives: ['Launch container instances.'],
  minutes: 30,
};

describe('lesson frontmatter schema', () => {
  it('accepts a complete lesson and defaults prerequisites and speaker notes to none', () => {
    expect(lessonFields.parse(VALID)).toEqual({ ...VALID, prerequisites: [], speakerNotes: [] });
  });

  it('accepts speaker notes and names the part of a wrong one', () => {
    const notes = [
      { title: 'Opening (5 min)', sandbox: 'ecs-first-service', points: ['Ask the room.'] },
    ];
    expect(lessonFields.parse({ ...VALID, speakerNotes: notes }).speakerNotes).toEqual(notes);
    const wrong = lessonFields.safeParse({
      ...VALID,
      speakerNotes: [
        { title: 'Opening', points: [] },
        { title: 'Close', points: ['Bye now.'], slide: 3 },
      ],
    });
    expect(wrong.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'speakerNotes.0.points',
      'speakerNotes.1',
    ]);
  });

  it.each([
    ['id', { ...VALID, id: 'kubernetes' }],
    ['order', { ...VALID, order: 0 }],
    ['summary', { ...VALID, summary: 'short' }],
    ['objectives', { ...VALID, objectives: [] }],
    ['minutes', { ...VALID, minutes: '30' }],
    ['prerequisites', { ...VALID, prerequisites: ['nope'] }],
    [
      'speakerNotes',
      { ...VALID, speakerNotes: [{ title: 'Opening', points: ['<script>'.repeat(100)] }] },
    ],
  ])('names the field "%s" when it is wrong', (field, data) => {
    const result = lessonFields.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });

  it('describes every field for authors', () => {
    for (const [name, field] of Object.entries(lessonFields.shape)) {
      expect(field.description, name).toMatch(/\w{3,}/);
    }
  });
});

/**
 * Builds a copy of the site whose lessons/ folder holds the given files, and returns the build's
 * exit code and output. The copy shares node_modules; it runs on the Node that runs the tests.
 */
const workspaces: string[] = [];
function buildWithLessons(lessons: Record<string, string>): {
  status: number | null;
  output: string;
} {
  const root = mkdtempSync(join(tmpdir(), 'shipyard-lessons-'));
  workspaces.push(root);
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) {
    cpSync(resolve(name), join(root, name), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'lessons'));
  for (const [file, text] of Object.entries(lessons))
    writeFileSync(join(root, 'lessons', file), text);
  const result = spawnSync(
    process.execPath,
    [resolve('node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function lesson(fields: string): string {
  return `---\n${fields}\n---\n\nBody.\n`;
}

const GOOD_FIELDS = `title: Amazon ECS
order: 2
summary: Run a service on Amazon ECS with EC2 capacity.
objectives: [Launch container instances.]
minutes: 30`;

describe('the build refuses broken lessons', () => {
  afterAll(() => {
    for (const root of workspaces) rmSync(root, { recursive: true, force: true });
  });

  it('fails on a broken field, naming the file and the field', () => {
    const { status, output } = buildWithLessons({
      'ecs.mdx': lesson(`id: ecs\n${GOOD_FIELDS.replace('minutes: 30', 'minutes: half an hour')}`),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('InvalidContentEntryDataError');
    expect(output).toMatch(/minutes.*Expected type `"number"`, received `"string"`/);
    expect(output).toContain('lessons/ecs.mdx');
  }, 120_000);

  it('fails on a duplicate id, naming both files', () => {
    const { status, output } = buildWithLessons({
      'ecs.mdx': lesson(`id: ecs\n${GOOD_FIELDS}`),
      'ecs-copy.mdx': lesson(`id: ecs\n${GOOD_FIELDS}`),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /lessons\/ecs(-copy)?\.mdx: frontmatter field "id" is "ecs", which lessons\/ecs(-copy)?\.mdx already uses/,
    );
  }, 120_000);
});
