/**
 * The registry and the workstation's docker, through the engine's actions: repository name
 * rules, login and the 12-hour token, pushes (refusals in docker's words, digests that are
 * content addresses, layers already there), tag mutability, scans, storage billing and pulls
 * resolved for the orchestrators.
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, emptyWorld, type Action, type World } from '../../sandbox/index.ts';
import { runCommandLine } from '../../sandbox/cli/index.ts';
import { resolvePull } from '../../sandbox/services/ecr/registry.ts';
import { digestOf, sha256Hex } from '../../sandbox/engine/sha256.ts';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';
const DOCKERFILE = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY package.json ./',
  'RUN npm ci --omit=dev',
  'COPY server.js .',
  'ENV PORT=8080',
  'EXPOSE 8080',
  'CMD ["node", "server.js"]',
].join('\n');
const FILES = {
  Dockerfile: DOCKERFILE,
  'package.json': '{"name":"web"}\n',
  'server.js': 'console.log("v1");\n',
};

function world(seed = 7): World {
  return emptyWorld({ orchestrator: 'eks', seed, initial: { ecr: {} } });
}

function act(w: World, action: Action): World {
  const r = applyAction(w, action);
  if (!r.result.ok) throw new Error(`${action.type}: ${r.result.error}`);
  return r.world;
}
function refusal(w: World, action: Action): string {
  const r = applyAction(w, action);
  expect(r.world).toBe(w);
  return r.result.ok ? 'accepted' : r.result.error;
}
const build = (w: World, tag: string, files: Record<string, string> = FILES) =>
  act(w, { type: 'docker.image.build', tags: [tag], context: files });

describe('sha256', () => {
  it('is SHA-256 (FIPS 180-4 test vectors)', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(digestOf('')).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('repository name lengths', () => {
  const TOO_LONG =
    "An error occurred (InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length less than or equal to 256'";

  it('accepts 2 to 256 characters and answers ECR\u2019s own message for 257 up to 1,024', () => {
    const w = world();
    expect(
      act(w, { type: 'ecr.repository.create', name: 'ab' }).ecr!.repositories['ab'],
    ).toBeDefined();
    const longest = `team/${'a'.repeat(251)}`;
    expect(longest).toHaveLength(256);
    expect(
      act(w, { type: 'ecr.repository.create', name: longest }).ecr!.repositories[longest]!.uri,
    ).toBe(`${REGISTRY}/${longest}`);
    for (const n of [257, 300, 1024])
      expect(refusal(w, { type: 'ecr.repository.create', name: 'a'.repeat(n) }), `${n}`).toBe(
        TOO_LONG,
      );
  });

  it('refuses more than 1,024 characters before the handler, and changes nothing', () => {
    const w = world();
    const r = applyAction(w, { type: 'ecr.repository.create', name: 'a'.repeat(1025) });
    expect(r.world).toBe(w);
    expect(r.result).toEqual({
      ok: false,
      field: 'name',
      error: 'name: must be at most 1024 characters (sandbox limit)',
    });
  });

  it('the terminal prints the same answers', () => {
    const w = world();
    const create = (name: string) =>
      runCommandLine(`aws ecr create-repository --repository-name ${name}`, {
        world: w,
        files: {},
        session: { dockerContext: null },
      });
    expect(create('a').output).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'",
      exitCode: 254,
    });
    expect(create('a'.repeat(257)).output).toEqual({
      stdout: '',
      stderr: `\n${TOO_LONG}`,
      exitCode: 254,
    });
    const huge = create('a'.repeat(1025));
    expect(huge.world).toBe(w);
    expect(huge.output).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (InvalidParameterException) when calling the CreateRepository operation: name: must be at most 1024 characters (sandbox limit)',
      exitCode: 254,
    });
  });
});

describe('repositories', () => {
  it('follows the name rules, with the API message', () => {
    const w = world();
    const pattern = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
    for (const bad of ['Web', 'web_', '-web', 'team-a//web', 'web app'.replace(' ', '%')])
      expect(refusal(w, { type: 'ecr.repository.create', name: bad })).toBe(
        `An error occurred (InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '${pattern}''`,
      );
    expect(refusal(w, { type: 'ecr.repository.create', name: 'a' })).toBe(
      "An error occurred (InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'",
    );
    const w2 = act(w, { type: 'ecr.repository.create', name: 'team-a/web' });
    expect(w2.ecr!.repositories['team-a/web']!.uri).toBe(`${REGISTRY}/team-a/web`);
    expect(w2.ecr!.repositories['team-a/web']!.arn).toBe(
      'arn:aws:ecr:eu-west-3:123456789012:repository/team-a/web',
    );
    expect(refusal(w2, { type: 'ecr.repository.create', name: 'team-a/web' })).toBe(
      "An error occurred (RepositoryAlreadyExistsException) when calling the CreateRepository operation: The repository with name 'team-a/web' already exists in the registry with id '123456789012'",
    );
  });
});

describe('push', () => {
  it('refuses without a login, without a repository, then pushes; the token lasts 12 hours', () => {
    let w = build(world(), `${REGISTRY}/web:1.0`);
    const push: Action = { type: 'docker.image.push', image: `${REGISTRY}/web:1.0` };
    expect(refusal(w, push)).toBe('no basic auth credentials');
    w = act(w, { type: 'docker.login', registry: REGISTRY });
    expect(refusal(w, push)).toBe(
      "name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'",
    );
    w = act(w, { type: 'ecr.repository.create', name: 'web' });
    const pushed = applyAction(w, push);
    expect(pushed.result.ok).toBe(true);
    const repo = pushed.world.ecr!.repositories['web']!;
    const img = Object.values(repo.images)[0]!;
    expect(pushed.result.ok && pushed.result.message).toBe(
      `1.0: digest: ${img.digest} size: ${img.manifestSize}`,
    );
    expect(img.digest).toBe(digestOf(img.manifest));
    expect(img.layers).toHaveLength(4 + 4);
    const event = pushed.world.events.find((e) => e.source === 'ecr')!;
    expect(JSON.parse(event.message.slice('EventBridge ECR Image Action '.length))).toEqual({
      source: 'aws.ecr',
      'detail-type': 'ECR Image Action',
      detail: {
        result: 'SUCCESS',
        'repository-name': 'web',
        'image-digest': img.digest,
        'action-type': 'PUSH',
        'image-tag': '1.0',
      },
    });
    const later = advance(pushed.world, 12 * 3600);
    expect(refusal(later, push)).toBe(
      'denied: Your authorization token has expired. Reauthenticate and try again.',
    );
    const justBefore = applyAction(advance(pushed.world, 12 * 3600 - 1), push);
    expect(justBefore.result).toEqual({
      ok: true,
      message: `1.0: digest: ${img.digest} size: ${img.manifestSize}`,
      command: `docker push ${REGISTRY}/web:1.0`,
    });
  });

  it('gives the same digests for the same content and seed, and new ones only from the first change on', () => {
    const setup = (seed: number) =>
      act(act(world(seed), { type: 'docker.login', registry: REGISTRY }), {
        type: 'ecr.repository.create',
        name: 'web',
      });
    const a = build(setup(7), `${REGISTRY}/web:1`);
    const b = build(setup(7), `${REGISTRY}/web:1`);
    const imgA = Object.values(a.ecr!.workstation.images)[0]!;
    const imgB = Object.values(b.ecr!.workstation.images)[0]!;
    expect(imgA).toEqual(imgB);
    const changed = build(a, `${REGISTRY}/web:2`, {
      ...FILES,
      'server.js': 'console.log("v2");\n',
    });
    const img2 =
      changed.ecr!.workstation.images[changed.ecr!.workstation.tags[`${REGISTRY}/web:2`]!]!;
    // Base (4 layers), WORKDIR, COPY package.json and RUN npm ci come from the cache; COPY server.js is new.
    expect(img2.layers.slice(0, 7)).toEqual(imgA.layers.slice(0, 7));
    expect(img2.layers[7]!.digest).not.toBe(imgA.layers[7]!.digest);
    expect(img2.layers[7]!.size).toBe(512 + 512);
    // Changing package.json rebuilds RUN npm ci too: a new draw, a new digest.
    const deps = build(a, `${REGISTRY}/web:3`, {
      ...FILES,
      'package.json': '{"name":"web","x":1}\n',
    });
    const img3 = deps.ecr!.workstation.images[deps.ecr!.workstation.tags[`${REGISTRY}/web:3`]!]!;
    expect(img3.layers.slice(0, 5)).toEqual(imgA.layers.slice(0, 5));
    expect(img3.layers[5]!.digest).not.toBe(imgA.layers[5]!.digest);
    expect(img3.layers[6]!.digest).not.toBe(imgA.layers[6]!.digest);
  });

  it('refuses to overwrite a tag in an immutable repository, and moves it in a mutable one', () => {
    let w = act(world(), { type: 'docker.login', registry: REGISTRY });
    w = act(w, {
      type: 'ecr.repository.create',
      name: 'team-a/web',
      imageTagMutability: 'IMMUTABLE',
    });
    w = build(w, `${REGISTRY}/team-a/web:1.4.2`);
    w = act(w, { type: 'docker.image.push', image: `${REGISTRY}/team-a/web:1.4.2` });
    const w2 = build(w, `${REGISTRY}/team-a/web:1.4.2`, { ...FILES, 'server.js': 'v2' });
    expect(refusal(w2, { type: 'docker.image.push', image: `${REGISTRY}/team-a/web:1.4.2` })).toBe(
      "tag invalid: The image tag '1.4.2' already exists in the 'team-a/web' repository and cannot be overwritten because the repository is immutable.",
    );
    const w3 = act(w2, {
      type: 'ecr.image-tag-mutability.put',
      repository: 'team-a/web',
      imageTagMutability: 'MUTABLE',
    });
    const w4 = act(w3, { type: 'docker.image.push', image: `${REGISTRY}/team-a/web:1.4.2` });
    const images = Object.values(w4.ecr!.repositories['team-a/web']!.images);
    expect(images.map((i) => i.tags)).toEqual([[], ['1.4.2']]);
  });
});

describe('scans and billing', () => {
  it('scans on push: IN_PROGRESS, then COMPLETE 30 s later with the base image findings and an ECR Image Scan event', () => {
    let w = act(world(), { type: 'docker.login', registry: REGISTRY });
    w = act(w, { type: 'ecr.repository.create', name: 'web', scanOnPush: true });
    w = act(build(w, `${REGISTRY}/web:1`), {
      type: 'docker.image.push',
      image: `${REGISTRY}/web:1`,
    });
    const img = () => Object.values(w.ecr!.repositories['web']!.images)[0]!;
    expect(img().scan?.status).toBe('IN_PROGRESS');
    w = advance(w, 29);
    expect(img().scan?.status).toBe('IN_PROGRESS');
    w = advance(w, 1);
    expect(img().scan?.status).toBe('COMPLETE');
    expect(img().scan?.findings.map((f) => `${f.name} ${f.severity}`)).toEqual([
      'CVE-2024-6119 HIGH',
      'CVE-2024-5535 LOW',
    ]);
    const scan = w.events.filter((e) => e.source === 'ecr').at(-1)!;
    expect(
      JSON.parse(scan.message.slice('EventBridge ECR Image Scan '.length)).detail[
        'finding-severity-counts'
      ],
    ).toEqual({ HIGH: 1, LOW: 1 });
  });

  it('bills storage at $0.10 per GB-month', () => {
    let w = act(world(), { type: 'docker.login', registry: REGISTRY });
    w = act(w, { type: 'ecr.repository.create', name: 'web' });
    w = act(build(w, `${REGISTRY}/web:1`), {
      type: 'docker.image.push',
      image: `${REGISTRY}/web:1`,
    });
    const repo = w.ecr!.repositories['web']!;
    const bytes = Object.values(repo.blobs).reduce((a, b) => a + b, 0);
    const before = w.cost.total;
    w = advance(w, 3600);
    expect(w.cost.total - before).toBeCloseTo(((bytes / 1024 ** 3) * 0.1) / 730, 12);
    expect(w.cost.byResource[repo.arn]).toBeCloseTo(((bytes / 1024 ** 3) * 0.1) / 730, 12);
  });
});

describe('pull resolution', () => {
  it('answers found, not-found and access-denied for its own references, null for public ones', () => {
    let w = act(world(), { type: 'docker.login', registry: REGISTRY });
    w = act(w, { type: 'ecr.repository.create', name: 'web' });
    w = act(build(w, `${REGISTRY}/web:1`), {
      type: 'docker.image.push',
      image: `${REGISTRY}/web:1`,
    });
    const role = 'arn:aws:iam::123456789012:role/eks-nodegroup-role';
    const digest = Object.keys(w.ecr!.repositories['web']!.images)[0]!;
    expect(resolvePull(w, { image: `${REGISTRY}/web:1`, role })).toEqual({
      result: 'found',
      reference: `${REGISTRY}/web:1`,
      digest,
    });
    expect(resolvePull(w, { image: `${REGISTRY}/web:2`, role })).toEqual({
      result: 'not-found',
      reference: `${REGISTRY}/web:2`,
      registry: 'ecr',
    });
    expect(resolvePull(w, { image: `${REGISTRY}/api:1`, role })).toEqual({
      result: 'not-found',
      reference: `${REGISTRY}/api:1`,
      registry: 'ecr',
    });
    expect(resolvePull(w, { image: 'nginx:1.27', role })).toBeNull();
    w = act(w, { type: 'fault.ecr-pull-denied', role });
    expect(resolvePull(w, { image: `${REGISTRY}/web:1`, role })).toEqual({
      result: 'access-denied',
      reference: `${REGISTRY}/web:1`,
      registry: 'ecr',
      principal: role,
    });
    w = act(w, {
      type: 'iam.role-policy.attach',
      role,
      policyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
    });
    expect(resolvePull(w, { image: `${REGISTRY}/web:1`, role })?.result).toBe('found');
  });
});
