/**
 * `docker build | images | login | pull | push | rmi | tag` on the workstation, against the
 * account's ECR registry (worlds whose scenario runs the registry). Output as the docker CLI
 * prints it: BuildKit's step list with CACHED, push lines per layer (`Pushed`, `Layer already
 * exists`) ending `<tag>: digest: sha256:… size: N`.
 */
import type { Action } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import { buildImage, localSize, manifestOf } from '../../services/ecr/build.ts';
import { ecrHost, parseImageRef, repositoryOf } from '../../services/ecr/names.ts';
import { imageByTag, localKey, ownRegistry } from '../../services/ecr/state.ts';
import { digestOf } from '../../engine/sha256.ts';
import type { LocalImage } from '../../services/ecr/world.ts';
import { readToken } from '../aws/ecr/login.ts';
import { columns, humanDuration } from '../format.ts';
import { applyAll, output } from '../outcome.ts';
import type { CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';
import type { DockerCommand } from './command.ts';
import { noHost } from './command.ts';

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

function workstation(world: World) {
  return world.ecr?.workstation ?? null;
}

function localImageOf(world: World, key: string): LocalImage | null {
  const ws = workstation(world);
  const id = ws ? own(ws.tags, key) : undefined;
  return id && ws ? (ws.images[id] ?? null) : null;
}

/** The docker daemon's error, printed as `docker` does (exit 1). */
const daemon = (text: string): CommandOutput => fail(text, 1);

/** The image a build stored: under its first tag, else the one image that is new. */
function builtId(before: World, after: World, tags: string[]): string | null {
  const ws = after.ecr!.workstation;
  const first = tags[0] !== undefined ? parseImageRef(tags[0]) : null;
  if (first) return own(ws.tags, localKey(first)) ?? null;
  return Object.keys(ws.images).find((id) => !own(before.ecr!.workstation.images, id)) ?? null;
}

export const build: DockerCommand = {
  name: 'build',
  usage: 'docker build [OPTIONS] PATH | URL | -',
  summary: 'Build an image from a Dockerfile',
  flags: [
    {
      long: 'tag',
      short: 't',
      value: true,
      multiple: true,
      help: 'Name and optionally a tag (format: "name:tag")',
    },
    {
      long: 'file',
      short: 'f',
      value: true,
      help: 'Name of the Dockerfile (default: "PATH/Dockerfile")',
    },
  ],
  minArgs: 1,
  run(flags, positionals, env) {
    const w = env.world;
    const ws = workstation(w);
    if (!ws || !w.ecr) return output(noHost());
    if (positionals[0] !== '.')
      return output(
        fail(
          `ERROR: the sandbox builds from the current directory only: docker build ... . (the sandbox's own limit)`,
          1,
        ),
      );
    const tags = typeof flags['tag'] === 'string' ? flags['tag'].split('\n') : [];
    const file = typeof flags['file'] === 'string' ? flags['file'] : undefined;
    // The editor's documents (the learner's edits of the Dockerfile and sources) go with the
    // action, so a replay builds what was built; a file as the workstation has it need not.
    const edited = Object.entries(env.files).filter(
      ([name, text]) => own(w.ecr!.files, name) !== text,
    );
    const context = edited.length > 0 ? Object.fromEntries(edited) : undefined;
    const action: Action = {
      type: 'docker.image.build',
      tags,
      ...(file !== undefined ? { file } : {}),
      ...(context ? { context } : {}),
    };
    return applyAll(
      w,
      [action],
      (e) => fail(e, 1),
      (_results, before, after) => {
        const files = { ...before.ecr!.files, ...(context ?? {}) };
        const text = own(files, file ?? 'Dockerfile') ?? '';
        // Re-plan against the workstation as it was: which steps the cache had (the salt does not matter).
        const plan = buildImage(before.ecr!.workstation, text, files, () => 0, before.time);
        if (!plan.ok) return fail(plan.error, 1);
        const steps = plan.steps;
        const lines = [
          `[+] Building ${steps.length + 2}/${steps.length + 2} FINISHED`,
          ` => [internal] load build definition from ${file ?? 'Dockerfile'}`,
          ...[
            ...new Set(
              steps
                .filter((s) => / FROM /.test(s.label) && !/ FROM [a-z0-9_-]+$/.test(s.label))
                .map((s) => s.label.slice(s.label.indexOf('FROM ') + 5)),
            ),
          ].map((ref) => ` => [internal] load metadata for ${ref}`),
          ' => [internal] load build context',
          ...steps.map((s) => ` => ${s.cached ? 'CACHED ' : ''}${s.label}`),
          ' => exporting to image',
          ' => => exporting layers',
          ` => => writing image ${builtId(before, after, tags) ?? plan.image.id}`,
          ...tags.map((t) => {
            const ref = parseImageRef(t)!;
            return ` => => naming to ${ref.registry ? '' : 'docker.io/'}${ref.registry === null && !ref.repository.includes('/') ? 'library/' : ''}${localKey(ref)}`;
          }),
        ];
        return ok(lines.join('\n'));
      },
    );
  },
};

export const images: DockerCommand = {
  name: 'images',
  usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
  summary: 'List images',
  flags: [{ long: 'quiet', short: 'q', value: false, help: 'Only show image IDs' }],
  minArgs: 0,
  run(flags, positionals, env) {
    const w = env.world;
    const ws = workstation(w);
    if (!ws) return output(noHost());
    const filter = positionals[0];
    const rows: string[][] = [];
    const tagged = new Set<string>();
    for (const key of Object.keys(ws.tags).reverse()) {
      const id = ws.tags[key]!;
      const img = ws.images[id];
      if (!img) continue;
      const colon = key.lastIndexOf(':');
      const repo = key.slice(0, colon);
      if (filter && filter !== repo && filter !== key) continue;
      tagged.add(id);
      rows.push([
        repo,
        key.slice(colon + 1),
        short(id),
        `${humanDuration(w.time - img.createdAt)} ago`,
        `${Math.round(localSize(img) / 1e6)}MB`,
      ]);
    }
    if (!filter)
      for (const id of Object.keys(ws.images))
        if (!tagged.has(id)) {
          const img = ws.images[id]!;
          rows.push([
            '<none>',
            '<none>',
            short(id),
            `${humanDuration(w.time - img.createdAt)} ago`,
            `${Math.round(localSize(img) / 1e6)}MB`,
          ]);
        }
    if (flags['quiet'] === true) return output(ok(rows.map((r) => r[2]).join('\n')));
    return output(ok(columns(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], rows)));
  },
};

export const login: DockerCommand = {
  name: 'login',
  usage: 'docker login [OPTIONS] [SERVER]',
  summary: 'Authenticate to a registry',
  flags: [
    { long: 'username', short: 'u', value: true, help: 'Username' },
    { long: 'password', short: 'p', value: true, help: 'Password' },
    { long: 'password-stdin', value: false, help: 'Take the password from stdin' },
  ],
  minArgs: 0,
  run(flags, positionals, env) {
    const w = env.world;
    if (!w.ecr) return output(noHost());
    const server = positionals[0];
    if (!server)
      return output(
        fail(
          `Error response from daemon: Get "https://registry-1.docker.io/v2/": the sandbox reaches no Docker Hub account; log in to ${ownRegistry(w)} (the sandbox's own message)`,
          1,
        ),
      );
    let password: string | undefined;
    if (flags['password-stdin'] === true) {
      if (typeof flags['password'] === 'string')
        return output(fail('--password and --password-stdin are mutually exclusive', 1));
      password = (env.stdin ?? '').replace(/\r?\n$/, '');
      if (password === '') return output(fail('Error: Password Required', 1));
    } else if (typeof flags['password'] === 'string') password = flags['password'];
    else return output(fail('Error: Cannot perform an interactive login from a non TTY device', 1));
    const host = server.replace(/^https?:\/\//, '').replace(/\/$/, '');
    const token = readToken(password);
    const target = ecrHost(host);
    const badRequest = daemon(
      `Error response from daemon: login attempt to https://${host}/v2/ failed with status: 400 Bad Request`,
    );
    if (!target || !token || token.region !== target.region || token.expiration <= w.time)
      return output(badRequest);
    if (flags['username'] !== 'AWS')
      return output(
        daemon(
          `Error response from daemon: login attempt to https://${host}/v2/ failed with status: 400 Bad Request`,
        ),
      );
    const warning =
      flags['password-stdin'] === true
        ? ''
        : 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n';
    return applyAll(
      w,
      [{ type: 'docker.login', registry: host }],
      (e) => daemon(e),
      () => ({
        stdout: 'Login Succeeded',
        stderr: warning.trimEnd(),
        exitCode: 0,
      }),
    );
  },
};

export const tag: DockerCommand = {
  name: 'tag',
  usage: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  flags: [],
  minArgs: 2,
  run(_flags, positionals, env) {
    if (!env.world.ecr) return output(noHost());
    return applyAll(
      env.world,
      [{ type: 'docker.image.tag', source: positionals[0]!, target: positionals[1]! }],
      (e) => daemon(e),
      () => ok(''),
    );
  },
};

/** The lines `docker push` prints before the registry answers: one per layer, newest first. */
function preparing(image: LocalImage): string[] {
  return [...image.layers].reverse().map((l) => `${short(l.digest)}: Preparing`);
}

export const push: DockerCommand = {
  name: 'push',
  usage: 'docker push [OPTIONS] NAME[:TAG]',
  summary: 'Upload an image to a registry',
  flags: [],
  minArgs: 1,
  run(_flags, positionals, env) {
    const w = env.world;
    if (!w.ecr) return output(noHost());
    const text = positionals[0]!;
    const ref = parseImageRef(text);
    if (!ref || ref.digest) return output(daemon('invalid reference format'));
    const key = localKey(ref);
    const local = localImageOf(w, key);
    const header = `The push refers to repository [${repositoryOf(ref)}]`;
    return applyAll(
      w,
      [{ type: 'docker.image.push', image: text }],
      (e) =>
        local
          ? { stdout: [header, ...preparing(local)].join('\n'), stderr: e, exitCode: 1 }
          : daemon(e),
      (_results, before, after) => {
        const repo = before.ecr!.repositories[ref.repository]!;
        const lines = [header];
        for (const l of [...local!.layers].reverse())
          lines.push(
            `${short(l.digest)}: ${Object.hasOwn(repo.blobs, l.digest) ? 'Layer already exists' : 'Pushed'}`,
          );
        const manifest = manifestOf(local!);
        const img = imageByTag(after.ecr!.repositories[ref.repository]!, ref.tag ?? 'latest')!;
        lines.push(
          `${ref.tag ?? 'latest'}: digest: ${digestOf(manifest)} size: ${img.manifestSize}`,
        );
        return ok(lines.join('\n'));
      },
    );
  },
};

export const pull: DockerCommand = {
  name: 'pull',
  usage: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
  summary: 'Download an image from a registry',
  flags: [],
  minArgs: 1,
  run(_flags, positionals, env) {
    const w = env.world;
    if (!w.ecr) return output(noHost());
    const text = positionals[0]!;
    const ref = parseImageRef(text);
    if (!ref || ref.digest) return output(daemon('invalid reference format'));
    // As the docker CLI reference for docker image pull shows it: "Using default tag: latest"
    // without a tag; no layer lines when the image is there already (moby's pull skips them).
    const defaultTag = ref.tag === null ? ['Using default tag: latest'] : [];
    return applyAll(
      w,
      [{ type: 'docker.image.pull', image: text }],
      (e) => ({ stdout: defaultTag.join(''), stderr: e, exitCode: 1 }),
      (_r, before, after) => {
        const repo = after.ecr!.repositories[ref.repository]!;
        const img = imageByTag(repo, ref.tag ?? 'latest')!;
        const had = new Set(
          Object.values(before.ecr!.workstation.images).flatMap((i) =>
            i.layers.map((l) => l.digest),
          ),
        );
        const fresh = !own(before.ecr!.workstation.images, img.config);
        return ok(
          [
            ...defaultTag,
            `${ref.tag ?? 'latest'}: Pulling from ${ref.repository}`,
            ...(fresh
              ? img.layers.map(
                  (l) => `${short(l)}: ${had.has(l) ? 'Already exists' : 'Pull complete'}`,
                )
              : []),
            `Digest: ${img.digest}`,
            fresh
              ? `Status: Downloaded newer image for ${localKey(ref)}`
              : `Status: Image is up to date for ${localKey(ref)}`,
            localKey(ref),
          ].join('\n'),
        );
      },
    );
  },
};

export const rmi: DockerCommand = {
  name: 'rmi',
  usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
  summary: 'Remove one or more images',
  flags: [{ long: 'force', short: 'f', value: false, help: 'Force removal of the image' }],
  minArgs: 1,
  run(flags, positionals, env) {
    const ws = workstation(env.world);
    if (!ws || !env.world.ecr) return output(noHost());
    // -f by image ID removes every tag of the image: one removal per tag, the last deleting it.
    const tagsOf = (text: string): string[] => {
      const id = /^[0-9a-f]{4,64}$/.test(text)
        ? Object.keys(ws.images).find((i) => i.slice('sha256:'.length).startsWith(text))
        : undefined;
      const tags = id ? Object.keys(ws.tags).filter((k) => ws.tags[k] === id) : [];
      return flags['force'] === true && tags.length > 1 ? tags : [text];
    };
    const actions: Action[] = positionals
      .flatMap(tagsOf)
      .map((image) => ({ type: 'docker.image.remove', image }));
    return applyAll(
      env.world,
      actions,
      (e) => daemon(e),
      (results) => ok(results.map((r) => (r.ok ? r.message : '')).join('\n')),
    );
  },
};
