/**
 * The Dockerfile reader and the build: instructions and continuations, BuildKit's parse errors,
 * a multi-stage build.
 */
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../sandbox/services/ecr/dockerfile.ts';
import { buildImage } from '../../sandbox/services/ecr/build.ts';
import { emptyEcrSlice } from '../../sandbox/services/ecr/world.ts';

describe('Dockerfiles', () => {
  it('joins continuations, skips comments and refuses unknown instructions with BuildKit’s message', () => {
    const parsed = parseDockerfile(
      '# comment\nFROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    jq\nCMD ["sh"]\n',
    );
    expect(parsed.ok && parsed.instructions.map((i) => [i.line, i.text])).toEqual([
      [2, 'FROM alpine:3.20'],
      [3, 'RUN apk add --no-cache curl jq'],
      [6, 'CMD ["sh"]'],
    ]);
    expect(parseDockerfile('FROM alpine:3.20\nCOPIES . .\n')).toEqual({
      ok: false,
      error:
        'ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: COPIES',
    });
    expect(parseDockerfile('RUN echo hi\n')).toEqual({
      ok: false,
      error:
        'ERROR: failed to solve: failed to parse stage name: no build stage in current context',
    });
  });

  it('builds a multi-stage image whose final stage holds only what it copies', () => {
    const ws = emptyEcrSlice().workstation;
    const out = buildImage(
      ws,
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY main.go .\nRUN go build -o /app main.go\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      { 'main.go': 'package main\nfunc main() {}\n' },
      () => 42,
      0,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.image.layers.map((l) => l.createdBy)).toEqual([
      'FROM alpine:3.20',
      'COPY --from=build /app /app',
    ]);
    expect(out.image.cmd).toEqual(['/app']);
    expect(out.steps.map((s) => s.label)).toEqual([
      '[1/4] FROM docker.io/library/golang:1.22',
      '[2/4] WORKDIR /src',
      '[3/4] COPY main.go .',
      '[4/4] RUN go build -o /app main.go',
      '[1/2] FROM docker.io/library/alpine:3.20',
      '[2/2] COPY --from=build /app /app',
    ]);
  });

  it('refuses a base the public catalogue does not have, and a COPY of a missing file', () => {
    const ws = emptyEcrSlice().workstation;
    expect(buildImage(ws, 'FROM nginx:0.1\n', {}, () => 0, 0)).toEqual({
      ok: false,
      error:
        'ERROR: failed to solve: nginx:0.1: failed to resolve source metadata for docker.io/library/nginx:0.1: docker.io/library/nginx:0.1: not found',
    });
    expect(buildImage(ws, 'FROM alpine:3.20\nCOPY app.py .\n', {}, () => 0, 0)).toEqual({
      ok: false,
      error:
        'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref: "/app.py": not found',
    });
  });
});
