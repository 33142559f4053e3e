import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../sandbox/engine/sha256.ts';
import { commitSha, treeSha } from '../../sandbox/services/pipeline/repo.ts';
import {
  DEPLOY_WORKFLOW,
  act,
  createWorld,
  parseScenario,
  scenario,
  scenarioYaml,
} from './worlds.ts';

const BASE = {
  files: { 'README.md': '# web\n', 'src/server.js': "const VERSION = '1.0.0';\n" },
  parent: 'a'.repeat(40),
  at: 120,
  message: 'Release 1.0.0',
};

describe('commit SHAs come from the commit, as in git', () => {
  it('are 40 lowercase hex digits, the first 40 of the SHA-256 of the commit object', () => {
    const tree = sha256Hex(
      [
        `100644 blob ${sha256Hex('# web\n')}\tREADME.md\n`,
        `100644 blob ${sha256Hex("const VERSION = '1.0.0';\n")}\tsrc/server.js\n`,
      ].join(''),
    );
    expect(treeSha(BASE.files)).toBe(tree);
    const object = `tree ${tree}\nparent ${'a'.repeat(40)}\nauthor 120 +0000\ncommitter 120 +0000\n\nRelease 1.0.0\n`;
    expect(commitSha(BASE)).toBe(sha256Hex(`commit ${object.length}\0${object}`).slice(0, 40));
    expect(commitSha(BASE)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('the same files, parent, time and message give the same SHA', () => {
    expect(commitSha({ ...BASE, files: { ...BASE.files } })).toBe(commitSha(BASE));
    // The tree is sorted by path: the order the files were written in does not count.
    const reversed = { 'src/server.js': BASE.files['src/server.js'], 'README.md': '# web\n' };
    expect(commitSha({ ...BASE, files: reversed })).toBe(commitSha(BASE));
  });

  it('a different message, file, parent or time gives a different SHA', () => {
    const base = commitSha(BASE);
    const others = [
      commitSha({ ...BASE, message: 'Release 1.0.1' }),
      commitSha({ ...BASE, files: { ...BASE.files, 'README.md': '# web!\n' } }),
      commitSha({ ...BASE, files: { ...BASE.files, LICENSE: 'MIT\n' } }),
      commitSha({ ...BASE, files: { 'README.md': '# web\n' } }),
      commitSha({ ...BASE, parent: 'b'.repeat(40) }),
      commitSha({ ...BASE, parent: null }),
      commitSha({ ...BASE, at: 121 }),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('a file renamed with the same content changes the SHA', () => {
    const moved = { 'README.txt': '# web\n', 'src/server.js': BASE.files['src/server.js'] };
    expect(commitSha({ ...BASE, files: moved })).not.toBe(commitSha(BASE));
  });
});

describe('the repository takes no draw from the world PRNG', () => {
  it('git commit leaves world.rng as it was, and the SHA is the one its content gives', () => {
    let w = createWorld(scenario(DEPLOY_WORKFLOW));
    w = act(w, { type: 'pipeline.app.edit', version: '2.0.0' });
    const before = w.rng;
    const parent = w.pipeline!.repo!.commits[0]!.sha;
    w = act(w, { type: 'pipeline.commit', message: 'Release 2.0.0' });
    expect(w.rng).toBe(before);
    const c = w.pipeline!.repo!.commits[1]!;
    expect(c.sha).toBe(
      commitSha({ files: w.pipeline!.repo!.files, parent, at: w.time, message: 'Release 2.0.0' }),
    );
  });

  it('the initial commit is a root commit at time 0 over the starting files', () => {
    const w = createWorld(scenario(DEPLOY_WORKFLOW));
    const first = w.pipeline!.repo!.commits[0]!;
    expect(first.sha).toBe(
      commitSha({ files: first.files, parent: null, at: 0, message: 'Initial commit' }),
    );
  });

  it('a scenario with a repository starts with the same PRNG state as one without', () => {
    const yaml = scenarioYaml(DEPLOY_WORKFLOW);
    const without = yaml.replace(/ {2}pipeline:\n[\s\S]*?\nscript:/, 'script:');
    expect(without).not.toContain('pipeline:');
    const a = parseScenario(yaml);
    const b = parseScenario(without);
    if (!a.ok || !b.ok) throw new Error('scenario did not parse');
    expect(createWorld(a.value).rng).toBe(createWorld(b.value).rng);
  });
});
