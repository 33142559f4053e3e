/**
 * The terminal against the registry: the login pipe, docker build/push/pull/images/rmi output,
 * `aws ecr` JSON, and every recorded command typed back giving the same action (round trip).
 * The Dockerfile is a real one: the Node.js sample in docker/getting-started-app
 * (github.com/docker/getting-started-app, Dockerfile: FROM node:18-alpine … CMD ["node",
 * "src/index.js"]), kept with its instructions and base changed to node:20-alpine, which
 * the sandbox's public catalogue holds.
 */
import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAction,
  commandFor,
  emptyWorld,
  type Action,
  type World,
} from '../../sandbox/index.ts';
import { interpret, runCommandLine, type CliEnv } from '../../sandbox/cli/index.ts';
import { localSize } from '../../sandbox/services/ecr/build.ts';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';
const DOCKERFILE = `# syntax=docker/dockerfile:1

FROM node:20-alpine
WORKDIR /app
COPY . .
RUN yarn install --production
CMD ["node", "src/index.js"]
EXPOSE 3000
`;
const FILES = {
  Dockerfile: DOCKERFILE,
  'package.json': '{"name":"getting-started"}\n',
  'src/index.js': 'require("express")\n',
};

function start(): World {
  const w = emptyWorld({ orchestrator: 'eks', seed: 3, initial: { ecr: {} } });
  w.ecr!.files = { ...FILES };
  return w;
}

function session() {
  let world = start();
  let s: CliEnv['session'] = { dockerContext: null };
  const run = (line: string, files: Record<string, string> = {}) => {
    const out = runCommandLine(line, { world, files, session: s });
    world = out.world;
    s = out.session;
    return out.output;
  };
  const later = (seconds: number) => {
    world = advance(world, seconds);
  };
  return { run, world: () => world, advance: later };
}

describe('login and push in the terminal', () => {
  it('refuses a push without a login, logs in through the pipe, and prints docker push output', () => {
    const t = session();
    const built = t.run(`docker build -t ${REGISTRY}/web:1.0 .`);
    expect(built.exitCode).toBe(0);
    expect(built.stdout.split('\n')).toEqual([
      '[+] Building 6/6 FINISHED',
      ' => [internal] load build definition from Dockerfile',
      ' => [internal] load metadata for docker.io/library/node:20-alpine',
      ' => [internal] load build context',
      ' => [1/4] FROM docker.io/library/node:20-alpine',
      ' => [2/4] WORKDIR /app',
      ' => [3/4] COPY . .',
      ' => [4/4] RUN yarn install --production',
      ' => exporting to image',
      ' => => exporting layers',
      ` => => writing image ${Object.keys(t.world().ecr!.workstation.images)[0]}`,
      ` => => naming to ${REGISTRY}/web:1.0`,
    ]);
    const noLogin = t.run(`docker push ${REGISTRY}/web:1.0`);
    expect(noLogin.exitCode).toBe(1);
    expect(noLogin.stderr).toBe('no basic auth credentials');
    expect(noLogin.stdout.split('\n')[0]).toBe(`The push refers to repository [${REGISTRY}/web]`);
    expect(noLogin.stdout.split('\n').slice(1)).toHaveLength(7);
    const login = t.run(
      `aws ecr get-login-password --region eu-west-3 | docker login --username AWS --password-stdin ${REGISTRY}`,
    );
    expect(login).toEqual({ stdout: 'Login Succeeded', stderr: '', exitCode: 0 });
    const noRepo = t.run(`docker push ${REGISTRY}/web:1.0`);
    expect(noRepo.stderr).toBe(
      "name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'",
    );
    const created = t.run('aws ecr create-repository --repository-name web');
    expect(JSON.parse(created.stdout)).toEqual({
      repository: {
        repositoryArn: 'arn:aws:ecr:eu-west-3:123456789012:repository/web',
        registryId: '123456789012',
        repositoryName: 'web',
        repositoryUri: `${REGISTRY}/web`,
        createdAt: '2026-01-05T09:00:00+00:00',
        imageTagMutability: 'MUTABLE',
        imageScanningConfiguration: { scanOnPush: false },
        encryptionConfiguration: { encryptionType: 'AES256' },
      },
    });
    const pushed = t.run(`docker push ${REGISTRY}/web:1.0`);
    const img = Object.values(t.world().ecr!.repositories['web']!.images)[0]!;
    const layers = [...img.layers].reverse().map((d) => `${d.slice(7, 19)}: Pushed`);
    expect(pushed.stdout.split('\n')).toEqual([
      `The push refers to repository [${REGISTRY}/web]`,
      ...layers,
      `1.0: digest: ${img.digest} size: ${img.manifestSize}`,
    ]);
    // A rebuild after a source change: only the COPY and the RUN after it are new.
    const rebuilt = t.run(`docker build -t ${REGISTRY}/web:1.1 .`, {
      ...FILES,
      'src/index.js': 'require("express") // v1.1\n',
    });
    expect(rebuilt.stdout).toContain(' => CACHED [2/4] WORKDIR /app');
    expect(rebuilt.stdout).toContain(' => [3/4] COPY . .');
    const second = t.run(`docker push ${REGISTRY}/web:1.1`).stdout.split('\n');
    expect(second.slice(1, -1).map((l) => l.slice(14))).toEqual([
      'Pushed',
      'Pushed',
      'Layer already exists',
      'Layer already exists',
      'Layer already exists',
      'Layer already exists',
      'Layer already exists',
    ]);
    const ws = t.world().ecr!.workstation;
    const row = (tag: string) => {
      const id = ws.tags[`${REGISTRY}/web:${tag}`]!;
      return `${REGISTRY}/web   ${tag}   ${id.slice(7, 19)}   Less than a second ago   ${Math.round(localSize(ws.images[id]!) / 1e6)}MB`;
    };
    expect(t.run('docker images').stdout.split('\n')).toEqual([
      `${'REPOSITORY'.padEnd(`${REGISTRY}/web`.length + 3)}TAG   IMAGE ID       CREATED                  SIZE`,
      row('1.1'),
      row('1.0'),
    ]);
  });

  it('answers a wrong token and an interactive login as docker does', () => {
    const t = session();
    expect(t.run(`echo x | docker login --username AWS --password-stdin ${REGISTRY}`)).toEqual({
      stdout: '',
      stderr: `Error response from daemon: login attempt to https://${REGISTRY}/v2/ failed with status: 400 Bad Request`,
      exitCode: 1,
    });
    expect(t.run(`docker login --username AWS --password-stdin ${REGISTRY}`)).toEqual({
      stdout: '',
      stderr: 'Error: Password Required',
      exitCode: 1,
    });
    expect(t.run(`docker login --username AWS ${REGISTRY}`)).toEqual({
      stdout: '',
      stderr: 'Error: Cannot perform an interactive login from a non TTY device',
      exitCode: 1,
    });
    // The first command's error shows, and docker login then reads an empty stdin.
    expect(
      t.run(
        `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${REGISTRY}`,
      ),
    ).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: the sandbox runs in eu-west-3 only (got --region us-east-1).\nError: Password Required',
      exitCode: 1,
    });
  });
});

/** A world where web:1.0 is built, pushed (no scan on push) and 60 seconds old. */
function pushedSession() {
  const t = session();
  t.run(`docker build -t ${REGISTRY}/web:1.0 .`);
  t.run(
    `aws ecr get-login-password --region eu-west-3 | docker login --username AWS --password-stdin ${REGISTRY}`,
  );
  t.run('aws ecr create-repository --repository-name web');
  expect(t.run(`docker push ${REGISTRY}/web:1.0`).exitCode).toBe(0);
  const image = Object.values(t.world().ecr!.repositories['web']!.images)[0]!;
  const localId = t.world().ecr!.workstation.tags[`${REGISTRY}/web:1.0`]!;
  return { ...t, digest: image.digest, localId };
}

const json = (out: { stdout: string; stderr: string; exitCode: number }) => {
  expect([out.stderr, out.exitCode]).toEqual(['', 0]);
  return JSON.parse(out.stdout) as unknown;
};

describe('aws ecr output after a push', () => {
  it('list-images and describe-repositories', () => {
    const t = pushedSession();
    expect(json(t.run('aws ecr list-images --repository-name web'))).toEqual({
      imageIds: [{ imageDigest: t.digest, imageTag: '1.0' }],
    });
    expect(json(t.run('aws ecr describe-repositories'))).toEqual({
      repositories: [
        {
          repositoryArn: 'arn:aws:ecr:eu-west-3:123456789012:repository/web',
          registryId: '123456789012',
          repositoryName: 'web',
          repositoryUri: `${REGISTRY}/web`,
          createdAt: '2026-01-05T09:00:00+00:00',
          imageTagMutability: 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: false },
          encryptionConfiguration: { encryptionType: 'AES256' },
        },
      ],
    });
  });

  it('start-image-scan, then describe-image-scan-findings in progress and complete', () => {
    const t = pushedSession();
    const imageId = { imageDigest: t.digest, imageTag: '1.0' };
    const findings =
      'aws ecr describe-image-scan-findings --repository-name web --image-id imageTag=1.0';
    expect(t.run(findings)).toEqual({
      stdout: '',
      stderr: `\nAn error occurred (ScanNotFoundException) when calling the DescribeImageScanFindings operation: Image scan does not exist for the image with '{imageDigest:'${t.digest}', imageTag:'1.0'}' in the repository with name 'web' in the registry with id '123456789012'`,
      exitCode: 254,
    });
    expect(
      json(t.run('aws ecr start-image-scan --repository-name web --image-id imageTag=1.0')),
    ).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      imageId,
      imageScanStatus: { status: 'IN_PROGRESS' },
    });
    expect(json(t.run(findings))).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      imageId,
      imageScanStatus: { status: 'IN_PROGRESS' },
    });
    t.advance(30);
    const openssl = [
      { key: 'package_version', value: '3.3.1-r0' },
      { key: 'package_name', value: 'openssl' },
    ];
    expect(json(t.run(findings))).toEqual({
      imageScanFindings: {
        findings: [
          {
            name: 'CVE-2024-6119',
            uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6119',
            severity: 'HIGH',
            attributes: openssl,
          },
          {
            name: 'CVE-2024-5535',
            uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-5535',
            severity: 'LOW',
            attributes: openssl,
          },
        ],
        imageScanCompletedAt: '2026-01-05T09:00:30+00:00',
        vulnerabilitySourceUpdatedAt: '2026-01-05T09:00:30+00:00',
        findingSeverityCounts: { HIGH: 1, LOW: 1 },
      },
      registryId: '123456789012',
      repositoryName: 'web',
      imageId,
      imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
    });
  });

  it('put-image-tag-mutability, and batch-delete-image with a failure for a missing tag', () => {
    const t = pushedSession();
    expect(
      json(
        t.run(
          'aws ecr put-image-tag-mutability --repository-name web --image-tag-mutability IMMUTABLE',
        ),
      ),
    ).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      imageTagMutability: 'IMMUTABLE',
    });
    expect(
      json(
        t.run(
          'aws ecr batch-delete-image --repository-name web --image-ids imageTag=1.0 imageTag=9.9',
        ),
      ),
    ).toEqual({
      imageIds: [{ imageDigest: t.digest, imageTag: '1.0' }],
      failures: [
        {
          imageId: { imageTag: '9.9' },
          failureCode: 'ImageNotFound',
          failureReason: 'Requested image not found',
        },
      ],
    });
    expect(json(t.run('aws ecr list-images --repository-name web'))).toEqual({ imageIds: [] });
  });
});

describe('docker rmi and docker pull', () => {
  it('print the daemon’s Untagged and Deleted lines, and pull’s layer, Digest and Status lines', () => {
    const t = pushedSession();
    const image = t.world().ecr!.workstation.images[t.localId]!;
    const deleted = [
      `Deleted: ${t.localId}`,
      ...[...image.layers].reverse().map((l) => `Deleted: ${l.digest}`),
    ];
    t.run(`docker tag ${REGISTRY}/web:1.0 web:dev`);
    // The image keeps a tag: only the registry tag and its digest reference go.
    expect(t.run(`docker rmi ${REGISTRY}/web:1.0`)).toEqual({
      stdout: [`Untagged: ${REGISTRY}/web:1.0`, `Untagged: ${REGISTRY}/web@${t.digest}`].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(t.run('docker rmi web:dev')).toEqual({
      stdout: ['Untagged: web:dev', ...deleted].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    const layers = image.layers.map((l) => l.digest.slice(7, 19));
    expect(t.run(`docker pull ${REGISTRY}/web:1.0`)).toEqual({
      stdout: [
        '1.0: Pulling from web',
        ...layers.map((l) => `${l}: Pull complete`),
        `Digest: ${t.digest}`,
        `Status: Downloaded newer image for ${REGISTRY}/web:1.0`,
        `${REGISTRY}/web:1.0`,
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(t.run(`docker pull ${REGISTRY}/web:1.0`)).toEqual({
      stdout: [
        '1.0: Pulling from web',
        `Digest: ${t.digest}`,
        `Status: Image is up to date for ${REGISTRY}/web:1.0`,
        `${REGISTRY}/web:1.0`,
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(t.run(`docker pull ${REGISTRY}/web`)).toEqual({
      stdout: 'Using default tag: latest',
      stderr: `Error response from daemon: manifest for ${REGISTRY}/web:latest not found: manifest unknown: Requested image not found`,
      exitCode: 1,
    });
    // By image ID, an image with two tags needs -f, which removes both.
    t.run(`docker tag ${REGISTRY}/web:1.0 web:dev`);
    const id = t.localId.slice(7, 19);
    expect(t.run(`docker rmi ${id}`)).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories`,
      exitCode: 1,
    });
    expect(t.run(`docker rmi -f ${id}`).stdout.split('\n')).toEqual([
      `Untagged: ${REGISTRY}/web:1.0`,
      `Untagged: ${REGISTRY}/web@${t.digest}`,
      'Untagged: web:dev',
      ...deleted,
    ]);
    expect(t.world().ecr!.workstation.images).toEqual({});
  });
});

describe('recorded commands type back to the same action', () => {
  it('for every ECR and docker image action', () => {
    let w = start();
    const actions: Action[] = [
      {
        type: 'ecr.repository.create',
        name: 'team-a/web',
        imageTagMutability: 'IMMUTABLE',
        scanOnPush: false,
      },
      { type: 'docker.login', registry: REGISTRY },
      { type: 'docker.image.build', tags: [`${REGISTRY}/team-a/web:1.0`, 'web:dev'] },
      { type: 'docker.image.tag', source: 'web:dev', target: `${REGISTRY}/team-a/web:2.0` },
      { type: 'docker.image.push', image: `${REGISTRY}/team-a/web:1.0` },
      { type: 'docker.image.push', image: `${REGISTRY}/team-a/web:2.0` },
      {
        type: 'ecr.image-tag-mutability.put',
        repository: 'team-a/web',
        imageTagMutability: 'MUTABLE',
      },
      {
        type: 'ecr.lifecycle-policy.put',
        repository: 'team-a/web',
        policy:
          '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}',
      },
      { type: 'ecr.lifecycle-policy-preview.start', repository: 'team-a/web' },
      { type: 'ecr.image-scan.start', repository: 'team-a/web', imageTag: '1.0' },
      { type: 'docker.image.remove', image: 'web:dev' },
      { type: 'docker.image.pull', image: `${REGISTRY}/team-a/web:2.0` },
      { type: 'ecr.image.batch-delete', repository: 'team-a/web', imageIds: [{ imageTag: '1.0' }] },
      {
        type: 'iam.role-policy.attach',
        role: 'arn:aws:iam::123456789012:role/eks-nodegroup-role',
        policyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
      },
      {
        type: 'ecr.lifecycle-policy-preview.start',
        repository: 'team-a/web',
        policy:
          '{"rules":[{"rulePriority":1,"description":"Keep one","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}',
      },
    ];
    for (const action of actions) {
      // A preview completes after PREVIEW_SECONDS; the next one may start then.
      w = advance(w, 10);
      const command = commandFor(action, w);
      const outcome = interpret(command, { world: w, files: {}, session: { dockerContext: null } });
      expect(outcome.kind, command).toBe('actions');
      if (outcome.kind !== 'actions') continue;
      expect(outcome.actions, command).toEqual([action]);
      const next = applyAction(w, action);
      expect(next.result.ok, command).toBe(true);
      w = next.world;
    }
  });
});
