/**
 * The registry view: the account's private registry in the sandbox's Region — each repository
 * with its URI and settings, its images (tags, manifest digest, size, push time, scan), the
 * workstation's Docker login, and the IAM roles the registry refuses to serve. Read-only: the
 * learner changes the registry from the terminal. An extra panel, loaded on first open (see
 * ../panels/registry.ts).
 */
import { useSelector } from '@xstate/react';
import { useId } from 'react';
import type { SandboxPanelProps } from '../panels/registry.ts';
import { registryRows, type RepositoryRow } from './registry-view.ts';
import { adoptStyles } from '@lib/adopted-styles.ts';
import { REGISTRY_CSS } from './registry-css.ts';

adoptStyles(REGISTRY_CSS);

function Repository({ repo }: { repo: RepositoryRow }) {
  const id = useId();
  return (
    <section className="shipyard-registry__repo" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`}>Repository {repo.name}</h4>
      <dl className="shipyard-registry__facts">
        <dt>URI</dt>
        <dd>
          <code>{repo.uri}</code>
        </dd>
        <dt>Tags</dt>
        <dd>{repo.mutability}</dd>
        <dt>Scan on push</dt>
        <dd>{repo.scanOnPush ? 'on' : 'off'}</dd>
        <dt>Lifecycle policy</dt>
        <dd>{repo.lifecycle}</dd>
      </dl>
      {repo.images.length === 0 ? (
        <p className="sbx-muted">No images yet.</p>
      ) : (
        <div
          className="shipyard-registry__scroll"
          role="region"
          aria-label={`Images in ${repo.name}`}
          tabIndex={0}
        >
          <table className="sbx-table">
            <caption className="sbx-visually-hidden">
              Images in {repo.name}, newest push first
            </caption>
            <thead>
              <tr>
                <th scope="col">Tags</th>
                <th scope="col">Digest</th>
                <th scope="col">Pushed</th>
                <th scope="col">Size</th>
                <th scope="col">Scan</th>
              </tr>
            </thead>
            <tbody>
              {repo.images.map((image) => (
                <tr key={image.digest}>
                  <td>
                    {image.tags.length === 0 ? (
                      <span className="sbx-muted">untagged</span>
                    ) : (
                      image.tags.join(', ')
                    )}
                  </td>
                  <td>
                    <code title={image.digest}>{image.shortDigest}</code>
                  </td>
                  <td>{image.pushed}</td>
                  <td>{image.size}</td>
                  <td>{image.scan}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {repo.expired.length > 0 ? (
        <p>
          Expired by its lifecycle policy:{' '}
          {repo.expired.map((e) => (e.tags.length > 0 ? e.tags.join(', ') : e.short)).join('; ')}
        </p>
      ) : null}
    </section>
  );
}

export default function RegistryPanel({ actor }: SandboxPanelProps) {
  const world = useSelector(actor, (s) => s.context.world);
  const id = useId();
  const view = registryRows(world);
  if (view === null) return <p className="sbx-muted">This sandbox has no container registry.</p>;
  return (
    <div className="shipyard-registry" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>
        Private registry <code>{view.host}</code>
      </h3>
      <p>{view.login}</p>
      {view.repositories.length === 0 ? (
        <p className="sbx-muted">
          No repositories yet. Create one before the first push: aws ecr create-repository
          --repository-name &lt;name&gt;
        </p>
      ) : (
        view.repositories.map((repo) => <Repository key={repo.name} repo={repo} />)
      )}
      <h4>Pull permission</h4>
      {view.denied.length === 0 ? (
        <p>Every IAM role in the sandbox may pull from this registry.</p>
      ) : (
        <ul aria-label="Roles the registry refuses">
          {view.denied.map((role) => (
            <li key={role}>
              <span aria-hidden="true">⊘ </span>
              <code>{role}</code>: pulls refused (403 Forbidden) — ECR read policy detached
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
