/**
 * `docker build` on the workstation: each FROM resolves a public base image into its layers,
 * each RUN, COPY, ADD and WORKDIR adds a layer, and the build cache reuses a layer when its
 * parent, its instruction and (for COPY/ADD) the content it copies are unchanged — so a rebuild
 * with an unchanged base and dependencies makes new layers only from the first change on.
 *
 * Digests are content addresses: a base layer's digest comes from its image reference, a COPY
 * layer's from the bytes it copies, the config's and the manifest's from their JSON. A RUN layer
 * that is not cached gets a salt from the world's PRNG (a real build's output is not
 * reproducible byte for byte: timestamps, downloaded files).
 */
import { normalizeImage, PUBLIC_IMAGES } from '../../model/images.ts';
import { commandArgv, envEntries, parseDockerfile, type Instruction } from './dockerfile.ts';
import { digestOf, sha256Hex } from '../../engine/sha256.ts';
import type { LocalImage, LocalLayer, Workstation } from './world.ts';

/**
 * Compressed layer sizes (bytes) of the public base images, approx: of the order the registries
 * show for these tags; not the images' real bytes.
 */
const BASE_LAYERS: Record<string, number[]> = {
  'docker.io/library/node:20-alpine': [3_624_000, 42_180_000, 1_260_000, 446],
  'docker.io/library/node:22-alpine': [3_640_000, 50_310_000, 1_262_000, 448],
  'docker.io/library/python:3.12-slim': [29_130_000, 3_510_000, 12_870_000, 250],
  'docker.io/library/golang:1.22': [49_550_000, 24_050_000, 64_390_000, 92_330_000, 126, 32],
  'docker.io/library/alpine:3.20': [3_620_000],
  'docker.io/library/alpine:latest': [3_640_000],
  'docker.io/library/nginx:1.27': [28_230_000, 43_960_000, 628, 956, 403, 1_210, 1_400],
  'docker.io/library/nginx:alpine': [3_640_000, 1_790_000, 628, 955, 402, 1_210, 1_400, 14_640_000],
};

/** A base image's layers, or null when the public catalogue does not have that reference. */
export function baseLayers(ref: string): LocalLayer[] | null {
  const full = normalizeImage(ref);
  if (!PUBLIC_IMAGES.some((p) => normalizeImage(p) === full)) return null;
  const sizes =
    BASE_LAYERS[full] ??
    // Other catalogue images: three layers sized from their name (approx, stable).
    [0, 1, 2].map(
      (i) => 1_000_000 + (parseInt(sha256Hex(`${full}#${i}`).slice(0, 6), 16) % 30_000_000),
    );
  return sizes.map((size, i) => ({
    digest: digestOf(`${full}#layer${i}`),
    size,
    createdBy: `FROM ${ref}`,
  }));
}

/** Bytes a RUN step adds, by what it runs (approx). */
function runSizeRange(args: string): [number, number] {
  if (
    /\b(npm (ci|install)|yarn( install)?|pnpm install|pip install|go (build|mod download))\b/.test(
      args,
    )
  )
    return [8_000_000, 60_000_000];
  if (/\b(apk add|apt-get install|yum install|dnf install)\b/.test(args))
    return [2_000_000, 25_000_000];
  return [1_000, 400_000];
}

export interface BuildStep {
  /** `[2/5] COPY . .` as BuildKit numbers it (per stage). */
  label: string;
  cached: boolean;
}

export type BuildOutcome =
  | { ok: true; image: LocalImage; steps: BuildStep[]; cacheAdded: Record<string, LocalLayer> }
  | { ok: false; error: string };

/** Files a COPY/ADD source matches: `.` is the whole context, `*` and `?` glob one name. */
function matchSources(source: string, files: Readonly<Record<string, string>>): string[] {
  const names = Object.keys(files).sort();
  const s = source.replace(/^\.\//, '');
  if (s === '.' || s === '' || s === '*') return names;
  if (!/[*?]/.test(s))
    return names.filter((n) => n === s || n.startsWith(`${s.replace(/\/$/, '')}/`));
  const re = new RegExp(
    `^${s
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return names.filter((n) => re.test(n));
}

interface Stage {
  name: string | null;
  layers: LocalLayer[];
  env: string[];
  workdir: string;
  cmd: string[] | null;
  exposed: string[];
}

/**
 * Builds an image from a Dockerfile and a build context (file name → text). `salt()` draws
 * from the world's PRNG, only for RUN steps the cache does not have. Pure otherwise: the
 * workstation is read, never changed (the caller stores the image and `cacheAdded`).
 */
export function buildImage(
  ws: Workstation,
  dockerfile: string,
  files: Readonly<Record<string, string>>,
  salt: () => number,
  now: number,
): BuildOutcome {
  const parsed = parseDockerfile(dockerfile);
  if (!parsed.ok) return parsed;
  const stages: Stage[] = [];
  const steps: BuildStep[] = [];
  const cacheAdded: Record<string, LocalLayer> = {};
  const lookup = (key: string) =>
    cacheAdded[key] ?? (Object.hasOwn(ws.cache, key) ? ws.cache[key] : undefined);
  const byStage: Instruction[][] = [];
  for (const ins of parsed.instructions) {
    if (ins.keyword === 'FROM') byStage.push([ins]);
    else if (byStage.length > 0) byStage[byStage.length - 1]!.push(ins);
  }
  for (const group of byStage) {
    const from = group[0]!;
    const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(from.args);
    if (!m)
      return {
        ok: false,
        error: `ERROR: failed to solve: dockerfile parse error on line ${from.line}: FROM requires either one or three arguments`,
      };
    const baseRef = m[1]!;
    const earlier = stages.find((s) => s.name !== null && s.name === baseRef);
    const base = earlier ? earlier.layers : baseLayers(baseRef);
    if (!base) {
      const full = normalizeImage(baseRef);
      return {
        ok: false,
        error: `ERROR: failed to solve: ${baseRef}: failed to resolve source metadata for ${full}: ${full}: not found`,
      };
    }
    const layered = group.filter((x) =>
      ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(x.keyword),
    ).length;
    const total = layered + 1;
    let n = 1;
    const fullBase = earlier ? baseRef : normalizeImage(baseRef);
    steps.push({ label: `[${n}/${total}] FROM ${fullBase}`, cached: false });
    const stage: Stage = {
      name: m[2] ?? null,
      layers: [...base],
      env: earlier
        ? [...earlier.env]
        : ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      workdir: earlier?.workdir ?? '/',
      cmd: earlier?.cmd ?? null,
      exposed: earlier ? [...earlier.exposed] : [],
    };
    for (const ins of group.slice(1)) {
      switch (ins.keyword) {
        case 'ENV':
          for (const e of envEntries(ins.args)) {
            const k = e.slice(0, e.indexOf('='));
            stage.env = [...stage.env.filter((x) => !x.startsWith(`${k}=`)), e];
          }
          continue;
        case 'EXPOSE':
          for (const p of ins.args.split(/\s+/))
            stage.exposed.push(p.includes('/') ? p : `${p}/tcp`);
          continue;
        case 'CMD':
        case 'ENTRYPOINT':
          stage.cmd = commandArgv(ins.args);
          continue;
        case 'RUN':
        case 'COPY':
        case 'ADD':
        case 'WORKDIR':
          break;
        default:
          continue;
      }
      n += 1;
      const parent = stage.layers[stage.layers.length - 1]?.digest ?? 'scratch';
      let content = '';
      let size = 0;
      if (ins.keyword === 'WORKDIR') {
        const dir = ins.args.startsWith('/')
          ? ins.args
          : `${stage.workdir.replace(/\/$/, '')}/${ins.args}`;
        stage.workdir = dir;
        size = 93;
      } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const words = ins.args
          .split(/\s+/)
          .filter((w) => !w.startsWith('--chown') && !w.startsWith('--chmod'));
        const fromFlag = words.find((w) => w.startsWith('--from='));
        const rest = words.filter((w) => !w.startsWith('--'));
        if (rest.length < 2)
          return {
            ok: false,
            error: `ERROR: failed to solve: dockerfile parse error on line ${ins.line}: ${ins.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`,
          };
        if (fromFlag) {
          const other = stages.find((s) => s.name === fromFlag.slice('--from='.length));
          if (!other)
            return {
              ok: false,
              error: `ERROR: failed to solve: ${fromFlag.slice('--from='.length)}: failed to resolve source metadata for docker.io/library/${fromFlag.slice('--from='.length)}:latest: not found`,
            };
          content = `${other.layers[other.layers.length - 1]?.digest ?? ''}:${rest.slice(0, -1).join(' ')}`;
          size = 4_000_000 + (parseInt(sha256Hex(content).slice(0, 6), 16) % 20_000_000);
        } else {
          const parts: string[] = [];
          for (const src of rest.slice(0, -1)) {
            const matched = matchSources(src, files);
            if (matched.length === 0)
              return {
                ok: false,
                error: `ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref: "/${src.replace(/^\.\//, '')}": not found`,
              };
            for (const f of matched) {
              parts.push(`${f}\u0000${files[f]!}`);
              // A tar entry: 512 bytes of header and the content padded to 512 (before compression).
              size += 512 + Math.ceil(files[f]!.length / 512) * 512;
            }
          }
          content = sha256Hex(parts.join('\u0001'));
        }
      }
      const key = `${parent}|${ins.text}|${content}`;
      const hit = lookup(key);
      const label = `[${n}/${total}] ${ins.text}`;
      if (hit) {
        stage.layers.push(hit);
        steps.push({ label, cached: true });
        continue;
      }
      let digest: string;
      if (ins.keyword === 'RUN') {
        const [min, max] = runSizeRange(ins.args);
        const draw = salt();
        size = min + (draw % (max - min + 1));
        digest = digestOf(`${key}|${draw}`);
      } else digest = digestOf(key);
      const layer: LocalLayer = { digest, size, createdBy: ins.text };
      cacheAdded[key] = layer;
      stage.layers.push(layer);
      steps.push({ label, cached: false });
    }
    stages.push(stage);
  }
  const last = stages[stages.length - 1]!;
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: {
      Env: last.env,
      Cmd: last.cmd,
      WorkingDir: last.workdir === '/' ? '' : last.workdir,
      ExposedPorts: Object.fromEntries(last.exposed.map((p) => [p, {}])),
    },
    rootfs: { type: 'layers', diff_ids: last.layers.map((l) => l.digest) },
  });
  const image: LocalImage = {
    id: digestOf(config),
    config,
    layers: last.layers,
    createdAt: now,
    env: last.env,
    workdir: last.workdir,
    cmd: last.cmd,
    exposed: last.exposed,
  };
  return { ok: true, image, steps, cacheAdded };
}

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/** The image's Docker V2 Schema 2 manifest, as pushed (pretty-printed with three spaces, as docker does). */
export function manifestOf(image: LocalImage): string {
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MANIFEST_V2,
      config: { mediaType: CONFIG_V1, size: image.config.length, digest: image.id },
      layers: image.layers.map((l) => ({ mediaType: LAYER_GZIP, size: l.size, digest: l.digest })),
    },
    null,
    3,
  );
}

/** The image's size on the workstation, as `docker images` shows it (uncompressed: about 2.4× compressed, approx). */
export function localSize(image: LocalImage): number {
  return Math.round(image.layers.reduce((a, l) => a + l.size, 0) * 2.4);
}
