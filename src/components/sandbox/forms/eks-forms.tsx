/**
 * The EKS and Kubernetes forms a scenario allows: create a cluster, connect kubectl, create or
 * scale a node group, create a Fargate profile, install the Cluster Autoscaler, cordon or drain
 * a node, apply a manifest. Each sends the same action the terminal would
 * (`aws eks create-nodegroup …`, `kubectl drain …`); bad input is refused in the form with a
 * message naming the field, and nothing is sent.
 */
import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import type { Action, ActionType } from '@sandbox';
import { loadManifestParser } from '@sandbox/view.ts';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import {
  NODE_INSTANCE_TYPES,
  createClusterAction,
  createNodegroupAction,
  fargateProfileAction,
  scaleNodegroupAction,
  type FormResult,
} from '@lib/sandbox-view/eks-forms.ts';
import type { EksClusterView } from '@lib/sandbox-view/eks-view.ts';
import { MANIFEST_TEMPLATE } from '@lib/editor/templates.ts';
import { applyManifest, type ManifestLine } from '@lib/k8s-editor/apply-manifest.ts';
import { useSandboxUi } from '../sandbox-context.ts';
import { Field, Select, pickValid } from './Field.tsx';

const VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33'];

interface FieldError {
  field: string;
  message: string;
}

/** A form with a heading and one error line that names the field (announced as an alert). */
function EksForm({
  title,
  error,
  onSubmit,
  children,
  submit,
}: {
  title: string;
  error: FieldError | null;
  onSubmit: () => void;
  children: ReactNode;
  submit: ReactNode;
}) {
  const id = useId();
  return (
    <form
      className="sbx-form"
      aria-labelledby={`${id}-h`}
      noValidate
      onSubmit={(e: SyntheticEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h5 id={`${id}-h`}>{title}</h5>
      {children}
      {error ? (
        <p className="sbx-eks-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {error.message}
        </p>
      ) : null}
      {submit}
    </form>
  );
}

function TextInput({
  id,
  value,
  onChange,
  invalid,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  invalid: boolean;
  placeholder?: string;
}) {
  return (
    <input
      id={id}
      value={value}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function useSend(): [FieldError | null, (r: FormResult) => void] {
  const { act } = useSandboxUi();
  const [error, setError] = useState<FieldError | null>(null);
  const send = (r: FormResult) => {
    if (!r.ok) {
      setError({ field: r.field, message: r.message });
      return;
    }
    setError(null);
    act(r.action);
  };
  return [error, send];
}

function CreateCluster() {
  const [name, setName] = useState('demo');
  const [version, setVersion] = useState('1.31');
  const [error, send] = useSend();
  return (
    <EksForm
      title="Create a cluster"
      error={error}
      onSubmit={() => send(createClusterAction({ name, version }))}
      submit={<button className="sbx-btn sbx-btn-primary">Create cluster</button>}
    >
      <Field label="Cluster name">
        {(id) => (
          <TextInput id={id} value={name} onChange={setName} invalid={error?.field === 'name'} />
        )}
      </Field>
      <Field label="Kubernetes version">
        {(id) => (
          <Select
            id={id}
            value={version}
            onChange={setVersion}
            options={VERSIONS.map((v) => ({ value: v, label: v }))}
          />
        )}
      </Field>
    </EksForm>
  );
}

const clusterOptions = (clusters: EksClusterView[]) =>
  clusters.map((c) => ({ value: c.name, label: `${c.name} · ${c.status}` }));

function ClusterButtonForm({
  clusters,
  title,
  button,
  action,
  hint,
}: {
  clusters: EksClusterView[];
  title: string;
  button: string;
  action: (cluster: string) => Action;
  hint?: string;
}) {
  const { act } = useSandboxUi();
  const options = clusterOptions(clusters);
  const [chosen, setChosen] = useState('');
  const cluster = pickValid(chosen, options);
  return (
    <EksForm
      title={title}
      error={null}
      onSubmit={() => {
        if (cluster) act(action(cluster));
      }}
      submit={
        <button className="sbx-btn" disabled={!cluster}>
          {button}
        </button>
      }
    >
      <Field label="Cluster" hint={hint}>
        {(id) => <Select id={id} value={cluster} onChange={setChosen} options={options} />}
      </Field>
    </EksForm>
  );
}

function CreateNodegroup({ clusters }: { clusters: EksClusterView[] }) {
  const options = clusterOptions(clusters);
  const [chosen, setChosen] = useState('');
  const cluster = pickValid(chosen, options);
  const [name, setName] = useState('general');
  const [instanceType, setInstanceType] = useState('t3.medium');
  const [min, setMin] = useState('1');
  const [desired, setDesired] = useState('2');
  const [max, setMax] = useState('3');
  const [spot, setSpot] = useState(false);
  const [labels, setLabels] = useState('');
  const [error, send] = useSend();
  const bad = (f: string) => error?.field === f;
  return (
    <EksForm
      title="Create a managed node group"
      error={error}
      onSubmit={() =>
        send(
          createNodegroupAction({
            cluster,
            name,
            instanceType,
            min,
            desired,
            max,
            capacityType: spot ? 'SPOT' : 'ON_DEMAND',
            labels,
          }),
        )
      }
      submit={<button className="sbx-btn sbx-btn-primary">Create node group</button>}
    >
      <Field label="Cluster">
        {(id) => <Select id={id} value={cluster} onChange={setChosen} options={options} />}
      </Field>
      <Field label="Node group name">
        {(id) => <TextInput id={id} value={name} onChange={setName} invalid={bad('name')} />}
      </Field>
      <Field label="Instance type">
        {(id) => (
          <Select
            id={id}
            value={instanceType}
            onChange={setInstanceType}
            options={NODE_INSTANCE_TYPES.map((t) => ({ value: t, label: t }))}
          />
        )}
      </Field>
      <div className="sbx-inline">
        <Field label="Minimum size">
          {(id) => <TextInput id={id} value={min} onChange={setMin} invalid={bad('min')} />}
        </Field>
        <Field label="Desired size">
          {(id) => (
            <TextInput id={id} value={desired} onChange={setDesired} invalid={bad('desired')} />
          )}
        </Field>
        <Field label="Maximum size">
          {(id) => <TextInput id={id} value={max} onChange={setMax} invalid={bad('max')} />}
        </Field>
      </div>
      <label className="sbx-check">
        <input type="checkbox" checked={spot} onChange={(e) => setSpot(e.target.checked)} /> Spot
        capacity
      </label>
      <Field label="Labels" hint="key=value, comma-separated (optional)">
        {(id) => (
          <TextInput
            id={id}
            value={labels}
            onChange={setLabels}
            invalid={bad('labels')}
            placeholder="workload=memory"
          />
        )}
      </Field>
    </EksForm>
  );
}

function ScaleNodegroup({ clusters }: { clusters: EksClusterView[] }) {
  const options = clusters.flatMap((c) =>
    c.nodegroups.map((g) => ({
      value: `${c.name}/${g.name}`,
      label: `${c.name} / ${g.name} · ${g.sizes}`,
    })),
  );
  const [chosen, setChosen] = useState('');
  const group = pickValid(chosen, options);
  const [min, setMin] = useState('1');
  const [desired, setDesired] = useState('2');
  const [max, setMax] = useState('3');
  const [error, send] = useSend();
  const bad = (f: string) => error?.field === f;
  const [cluster = '', name = ''] = group.split('/');
  return (
    <EksForm
      title="Scale a node group"
      error={error}
      onSubmit={() => send(scaleNodegroupAction({ cluster, name, min, desired, max }))}
      submit={
        <button className="sbx-btn" disabled={!group}>
          Update scaling
        </button>
      }
    >
      <Field label="Node group">
        {(id) => <Select id={id} value={group} onChange={setChosen} options={options} />}
      </Field>
      <div className="sbx-inline">
        <Field label="Minimum size">
          {(id) => <TextInput id={id} value={min} onChange={setMin} invalid={bad('min')} />}
        </Field>
        <Field label="Desired size">
          {(id) => (
            <TextInput id={id} value={desired} onChange={setDesired} invalid={bad('desired')} />
          )}
        </Field>
        <Field label="Maximum size">
          {(id) => <TextInput id={id} value={max} onChange={setMax} invalid={bad('max')} />}
        </Field>
      </div>
    </EksForm>
  );
}

function CreateFargateProfile({ clusters }: { clusters: EksClusterView[] }) {
  const options = clusterOptions(clusters);
  const [chosen, setChosen] = useState('');
  const cluster = pickValid(chosen, options);
  const [name, setName] = useState('apps');
  const [namespace, setNamespace] = useState('default');
  const [labels, setLabels] = useState('');
  const [error, send] = useSend();
  const bad = (f: string) => error?.field === f;
  return (
    <EksForm
      title="Create a Fargate profile"
      error={error}
      onSubmit={() => send(fargateProfileAction({ cluster, name, namespace, labels }))}
      submit={<button className="sbx-btn">Create Fargate profile</button>}
    >
      <Field label="Cluster">
        {(id) => <Select id={id} value={cluster} onChange={setChosen} options={options} />}
      </Field>
      <Field label="Profile name">
        {(id) => <TextInput id={id} value={name} onChange={setName} invalid={bad('name')} />}
      </Field>
      <Field label="Namespace">
        {(id) => (
          <TextInput id={id} value={namespace} onChange={setNamespace} invalid={bad('namespace')} />
        )}
      </Field>
      <Field label="Pod labels" hint="key=value, comma-separated (optional)">
        {(id) => <TextInput id={id} value={labels} onChange={setLabels} invalid={bad('labels')} />}
      </Field>
    </EksForm>
  );
}

function NodeActions({ clusters }: { clusters: EksClusterView[] }) {
  const { act, scenario } = useSandboxUi();
  const options = clusters.flatMap((c) =>
    c.nodes
      .filter((n) => n.origin !== 'fargate')
      .map((n) => ({ value: n.name, label: `${n.name} · ${n.status}` })),
  );
  const [chosen, setChosen] = useState('');
  const node = pickValid(chosen, options);
  const [ignoreDaemonsets, setIgnore] = useState(true);
  const can = (t: ActionType) => isAllowed(scenario, t);
  return (
    <EksForm
      title="Cordon or drain a node"
      error={null}
      onSubmit={() => undefined}
      submit={
        <div className="sbx-inline">
          {can('k8s.node.cordon') ? (
            <button
              type="button"
              className="sbx-btn"
              disabled={!node}
              onClick={() => act({ type: 'k8s.node.cordon', node })}
            >
              Cordon
            </button>
          ) : null}
          {can('k8s.node.uncordon') ? (
            <button
              type="button"
              className="sbx-btn"
              disabled={!node}
              onClick={() => act({ type: 'k8s.node.uncordon', node })}
            >
              Uncordon
            </button>
          ) : null}
          {can('k8s.node.drain') ? (
            <button
              type="button"
              className="sbx-btn sbx-btn-danger"
              disabled={!node}
              onClick={() =>
                act({
                  type: 'k8s.node.drain',
                  node,
                  ...(ignoreDaemonsets ? { ignoreDaemonsets } : {}),
                })
              }
            >
              Drain
            </button>
          ) : null}
        </div>
      }
    >
      <Field label="Node">
        {(id) => <Select id={id} value={node} onChange={setChosen} options={options} />}
      </Field>
      <label className="sbx-check">
        <input
          type="checkbox"
          checked={ignoreDaemonsets}
          onChange={(e) => setIgnore(e.target.checked)}
        />{' '}
        --ignore-daemonsets
      </label>
    </EksForm>
  );
}

const LINE_ICON = { applied: '✓', refused: '✕', note: 'ℹ' } as const;

function ApplyManifest() {
  const { act } = useSandboxUi();
  const [text, setText] = useState(MANIFEST_TEMPLATE.text);
  const [lines, setLines] = useState<ManifestLine[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    void loadManifestParser().then((parser) => {
      setBusy(false);
      setLines(applyManifest(parser, text, MANIFEST_TEMPLATE.name, act).lines);
    });
  };
  return (
    <EksForm
      title="Apply a manifest (kubectl apply -f)"
      error={null}
      onSubmit={submit}
      submit={
        <button className="sbx-btn sbx-btn-primary" disabled={busy}>
          Apply
        </button>
      }
    >
      <Field
        label={`Manifest (${MANIFEST_TEMPLATE.name})`}
        hint="The Editor tab checks a manifest against the Kubernetes schema as you type."
      >
        {(id) => (
          <textarea
            id={id}
            className="sbx-mono sbx-eks-manifest"
            rows={10}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      {lines.length > 0 ? (
        <ul className="sbx-eks-apply-output" aria-label="kubectl's answer">
          {lines.map((l, i) => (
            <li key={i} className={`sbx-eks-apply-${l.status}`}>
              <span aria-hidden="true">{LINE_ICON[l.status]} </span>
              <span className="sbx-mono sbx-break">{l.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </EksForm>
  );
}

export function EksForms({ clusters }: { clusters: EksClusterView[] }) {
  const { scenario } = useSandboxUi();
  const can = (t: ActionType) => isAllowed(scenario, t);
  const forms = [
    can('eks.cluster.create') ? <CreateCluster key="cluster" /> : null,
    can('eks.kubeconfig.update') ? (
      <ClusterButtonForm
        key="kubeconfig"
        clusters={clusters}
        title="Connect kubectl (aws eks update-kubeconfig)"
        button="Update kubeconfig"
        hint="kubectl talks to a cluster only after this."
        action={(cluster) => ({ type: 'eks.kubeconfig.update', cluster })}
      />
    ) : null,
    can('eks.nodegroup.create') ? <CreateNodegroup key="ng" clusters={clusters} /> : null,
    can('eks.nodegroup.update-config') ? <ScaleNodegroup key="scale" clusters={clusters} /> : null,
    can('eks.fargate-profile.create') ? (
      <CreateFargateProfile key="fargate" clusters={clusters} />
    ) : null,
    can('eks.cluster-autoscaler.enable') ? (
      <ClusterButtonForm
        key="ca"
        clusters={clusters}
        title="Install the Cluster Autoscaler"
        button="Enable Cluster Autoscaler"
        hint="Adds nodes for unschedulable pods and removes idle ones, within each node group's min and max."
        action={(cluster) => ({ type: 'eks.cluster-autoscaler.enable', cluster })}
      />
    ) : null,
    can('k8s.node.cordon') || can('k8s.node.drain') ? (
      <NodeActions key="nodes" clusters={clusters} />
    ) : null,
    can('k8s.apply') ? <ApplyManifest key="apply" /> : null,
  ].filter(Boolean);
  if (forms.length === 0) return null;
  return (
    <details className="sbx-plane sbx-eks-forms">
      <summary>
        <h4>EKS and Kubernetes actions</h4>
      </summary>
      <p className="sbx-muted">
        Each form sends the same action as its command in the Terminal, and the result line shows
        that command.
      </p>
      <div className="sbx-palette">{forms}</div>
    </details>
  );
}
