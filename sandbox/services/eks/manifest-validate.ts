/**
 * The API server's validation of the kinds the sandbox runs, in its own words (field paths,
 * `Required value`, `Invalid value: <Go value>: <detail>`, `Unsupported value`), and kubectl's
 * way of printing them: `The Deployment "web" is invalid: <one error>` or, for several, one
 * `* <error>` line each.
 */
import type {
  ContainerSpec,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  IntOrPercent,
  KubeObject,
  LabelSelector,
  Labels,
  PodSpec,
  PodTemplate,
  Service,
} from './types.ts';
import { matchesSelector } from './labels.ts';

export interface FieldError {
  path: string;
  text: string;
}

const required = (path: string): FieldError => ({ path, text: 'Required value' });
const invalid = (path: string, value: string, detail: string): FieldError => ({
  path,
  text: `Invalid value: ${value}: ${detail}`,
});
const unsupported = (path: string, value: string, supported: string[]): FieldError => ({
  path,
  text: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}`,
});

/** Go's `%#v` of a `map[string]string` (keys sorted). */
export function goMap(m: Labels): string {
  const keys = Object.keys(m).sort();
  if (keys.length === 0) return 'map[string]string(nil)';
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(', ')}}`;
}

/** Go's `%#v` of an `intstr.IntOrString`. */
export function goIntOrString(v: IntOrPercent): string {
  return typeof v === 'number'
    ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`
    : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
}

function regexError(msg: string, format: string, examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';

export type NameRule = 'subdomain' | 'label' | 'dns1035';

/** k8s.io/apimachinery name validation messages. */
export function nameErrors(name: string, rule: NameRule): string[] {
  const out: string[] = [];
  const max = rule === 'subdomain' ? 253 : 63;
  if (name.length > max) out.push(`must be no more than ${max} characters`);
  if (rule === 'subdomain' && !new RegExp(`^${DNS1123_SUBDOMAIN}$`).test(name))
    out.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN,
        ['example.com'],
      ),
    );
  if (rule === 'label' && !new RegExp(`^${DNS1123_LABEL}$`).test(name))
    out.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL,
        ['my-name', '123-abc'],
      ),
    );
  if (rule === 'dns1035' && !new RegExp(`^${DNS1035_LABEL}$`).test(name))
    out.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL,
        ['my-name', 'abc-123'],
      ),
    );
  return out;
}

const PERCENT = /^[0-9]+%$/;

function intOrPercent(path: string, v: IntOrPercent, errs: FieldError[]): number | null {
  if (typeof v === 'number') {
    if (v < 0) errs.push(invalid(path, String(v), 'must be greater than or equal to 0'));
    return v;
  }
  if (!PERCENT.test(v)) {
    errs.push(
      invalid(
        path,
        JSON.stringify(v),
        regexError(
          "a valid percent string must be a numeric string followed by an ending '%'",
          '[0-9]+%',
          ['1%', '93%'],
        ),
      ),
    );
    return null;
  }
  return Number(v.slice(0, -1));
}

function containers(list: ContainerSpec[], path: string, errs: FieldError[]): void {
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) errs.push(required(`${p}.name`));
    else {
      for (const e of nameErrors(c.name, 'label'))
        errs.push(invalid(`${p}.name`, JSON.stringify(c.name), e));
      if (names.has(c.name))
        errs.push({ path: `${p}.name`, text: `Duplicate value: ${JSON.stringify(c.name)}` });
      names.add(c.name);
    }
    if (!c.image) errs.push(required(`${p}.image`));
    c.ports.forEach((port, j) => {
      if (port.containerPort < 1 || port.containerPort > 65535)
        errs.push(
          invalid(
            `${p}.ports[${j}].containerPort`,
            String(port.containerPort),
            'must be between 1 and 65535, inclusive',
          ),
        );
    });
  });
}

function podSpec(spec: PodSpec, path: string, errs: FieldError[], onlyAlways: boolean): void {
  if (spec.containers.length === 0) errs.push(required(`${path}.containers`));
  containers(spec.containers, `${path}.containers`, errs);
  containers(spec.initContainers, `${path}.initContainers`, errs);
  const policies = onlyAlways ? ['Always'] : ['Always', 'OnFailure', 'Never'];
  if (!policies.includes(spec.restartPolicy))
    errs.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, policies));
  spec.tolerations.forEach((t, i) => {
    const p = `${path}.tolerations[${i}]`;
    if (t.operator !== 'Equal' && t.operator !== 'Exists')
      errs.push(unsupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    if (t.effect !== null && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect))
      errs.push(
        unsupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
      );
  });
  spec.topologySpreadConstraints.forEach((c, i) => {
    const p = `${path}.topologySpreadConstraints[${i}]`;
    if (c.maxSkew <= 0)
      errs.push(invalid(`${p}.maxSkew`, String(c.maxSkew), 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(`${p}.topologyKey`));
    if (c.whenUnsatisfiable !== 'DoNotSchedule' && c.whenUnsatisfiable !== 'ScheduleAnyway')
      errs.push(
        unsupported(`${p}.whenUnsatisfiable`, c.whenUnsatisfiable, [
          'DoNotSchedule',
          'ScheduleAnyway',
        ]),
      );
  });
}

function selectorAndTemplate(
  selector: LabelSelector,
  hasSelector: boolean,
  template: PodTemplate,
  errs: FieldError[],
  kindIsPodController: boolean,
): void {
  if (!hasSelector) errs.push(required('spec.selector'));
  else if (!matchesSelector(selector, template.labels))
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        goMap(template.labels),
        '`selector` does not match template `labels`',
      ),
    );
  podSpec(template.spec, 'spec.template.spec', errs, kindIsPodController);
}

function rollingUpdate(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  path: string,
  errs: FieldError[],
): void {
  const surge = intOrPercent(`${path}.maxSurge`, maxSurge, errs);
  const unavailable = intOrPercent(`${path}.maxUnavailable`, maxUnavailable, errs);
  if (typeof maxUnavailable === 'string' && unavailable !== null && unavailable > 100)
    errs.push(
      invalid(
        `${path}.maxUnavailable`,
        JSON.stringify(maxUnavailable),
        'must not be greater than 100%',
      ),
    );
  if (surge === 0 && unavailable === 0)
    errs.push(
      invalid(
        `${path}.maxUnavailable`,
        goIntOrString(maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
}

/**
 * Field errors for one decoded object. `present` says which optional structures the
 * manifest spelled out (defaults cannot tell a missing selector from an empty one).
 */
export function validateObject(
  object: KubeObject,
  present: { selector: boolean; rollingUpdate: boolean },
): FieldError[] {
  const errs: FieldError[] = [];
  const name = object.metadata.name;
  const rule: NameRule =
    object.kind === 'Service' ? 'dns1035' : object.kind === 'Namespace' ? 'label' : 'subdomain';
  for (const e of nameErrors(name, rule))
    errs.push(invalid('metadata.name', JSON.stringify(name), e));
  if (object.kind !== 'Namespace' && object.metadata.namespace)
    for (const e of nameErrors(object.metadata.namespace, 'label'))
      errs.push(invalid('metadata.namespace', JSON.stringify(object.metadata.namespace), e));

  switch (object.kind) {
    case 'Deployment':
      deploymentErrors(object, present, errs);
      break;
    case 'DaemonSet':
      daemonSetErrors(object, present, errs);
      break;
    case 'Pod':
      podSpec(object.spec, 'spec', errs, false);
      break;
    case 'Service':
      serviceErrors(object, errs);
      break;
    case 'HorizontalPodAutoscaler':
      hpaErrors(object, errs);
      break;
    case 'PodDisruptionBudget':
    case 'Namespace':
    case 'ConfigMap':
      break;
  }
  return errs;
}

function deploymentErrors(
  d: Deployment,
  present: { selector: boolean; rollingUpdate: boolean },
  errs: FieldError[],
): void {
  if (d.spec.replicas < 0)
    errs.push(
      invalid('spec.replicas', String(d.spec.replicas), 'must be greater than or equal to 0'),
    );
  selectorAndTemplate(d.spec.selector, present.selector, d.spec.template, errs, true);
  const st = d.spec.strategy;
  if (st.type === 'RollingUpdate')
    rollingUpdate(st.maxSurge, st.maxUnavailable, 'spec.strategy.rollingUpdate', errs);
  else if (present.rollingUpdate)
    errs.push({
      path: 'spec.strategy.rollingUpdate',
      text: "Forbidden: may not be specified when strategy `type` is 'Recreate'",
    });
  if (d.spec.revisionHistoryLimit < 0)
    errs.push(
      invalid(
        'spec.revisionHistoryLimit',
        String(d.spec.revisionHistoryLimit),
        'must be greater than or equal to 0',
      ),
    );
}

function daemonSetErrors(
  d: DaemonSet,
  present: { selector: boolean; rollingUpdate: boolean },
  errs: FieldError[],
): void {
  selectorAndTemplate(d.spec.selector, present.selector, d.spec.template, errs, true);
  const st = d.spec.updateStrategy;
  if (st.type === 'RollingUpdate')
    rollingUpdate(st.maxSurge, st.maxUnavailable, 'spec.updateStrategy.rollingUpdate', errs);
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function serviceErrors(svc: Service, errs: FieldError[]): void {
  if (!SERVICE_TYPES.includes(svc.spec.type))
    errs.push(unsupported('spec.type', svc.spec.type, SERVICE_TYPES));
  if (svc.spec.type !== 'ExternalName' && svc.spec.ports.length === 0)
    errs.push(required('spec.ports'));
  svc.spec.ports.forEach((p, i) => {
    if (p.port < 1 || p.port > 65535)
      errs.push(
        invalid(`spec.ports[${i}].port`, String(p.port), 'must be between 1 and 65535, inclusive'),
      );
    if (svc.spec.ports.length > 1 && !p.name) errs.push(required(`spec.ports[${i}].name`));
  });
}

function hpaErrors(h: HorizontalPodAutoscaler, errs: FieldError[]): void {
  const ref = h.spec.scaleTargetRef;
  if (!ref.kind) errs.push(required('spec.scaleTargetRef.kind'));
  if (!ref.name) errs.push(required('spec.scaleTargetRef.name'));
  if (h.spec.minReplicas < 1)
    errs.push(
      invalid('spec.minReplicas', String(h.spec.minReplicas), 'must be greater than or equal to 1'),
    );
  if (h.spec.maxReplicas < 1)
    errs.push(invalid('spec.maxReplicas', String(h.spec.maxReplicas), 'must be greater than 0'));
  else if (h.spec.maxReplicas < h.spec.minReplicas)
    errs.push(
      invalid(
        'spec.maxReplicas',
        String(h.spec.maxReplicas),
        'must be greater than or equal to `minReplicas`',
      ),
    );
}

/** kubectl's rendering of an Invalid status. */
export function formatInvalid(kind: string, name: string, errs: FieldError[]): string {
  const head = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  const lines = errs.map((e) => `${e.path}: ${e.text}`);
  return lines.length === 1 ? head + lines[0] : `${head}\n${lines.map((l) => `* ${l}`).join('\n')}`;
}
