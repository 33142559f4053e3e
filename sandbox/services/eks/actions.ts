/**
 * The zod schemas of every Amazon EKS (`eks.*`) and Kubernetes (`k8s.*`) action: the shape
 * check each one goes through, whether it comes from the terminal (kubectl, eksctl,
 * `aws eks`, helm), the view's forms, a scenario script, a solution or an actions file.
 * Semantic checks (does the cluster exist, is it ACTIVE, does the deployment exist) happen in
 * the handlers, with AWS's and Kubernetes' own wording.
 *
 * `via` says which tool the learner used where several real commands do the same thing
 * (`aws eks create-nodegroup` or `eksctl create nodegroup`), so the recorded command is the
 * one typed and parses back to the same action. Omitted = `aws` (or `kubectl`).
 *
 * Shapes here are a contract with the terminal: add fields and actions, never rename.
 */
import { z } from 'zod';

const MAX_NAME = 100;
/** EKS cluster, node group and Fargate profile names (the API's pattern, 1–100 characters). */
const eksName = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_NAME, `must be at most ${MAX_NAME} characters`)
  .regex(
    /^[0-9A-Za-z][A-Za-z0-9\-_]*$/,
    'must start with a letter or digit and contain only letters, digits, hyphens and underscores',
  )
  .refine((v) => v !== '__proto__', 'is reserved in the sandbox');

/** A Kubernetes object name as typed (validated against the DNS rules by the handler). */
const k8sName = z
  .string()
  .min(1, 'must not be empty')
  .max(253, 'must be no more than 253 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** A namespace (RFC 1123 label). */
const namespaceName = z
  .string()
  .min(1, 'must not be empty')
  .max(63, 'must be no more than 63 characters')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  );

const refSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

const arnSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(2048, 'must be at most 2048 characters')
  .regex(/^[\w+=,.@:/-]+$/, 'must be an IAM ARN');

const imageSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/, 'is not a valid image reference');

const azSchema = z
  .string()
  .regex(/^[a-z]{2}-[a-z]+-\d[a-z]$/, 'must be an Availability Zone name such as eu-west-3a');

/** Kubernetes minor versions the sandbox knows (EKS standard and extended support). */
export const KUBERNETES_VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33'] as const;
export const DEFAULT_KUBERNETES_VERSION = '1.31';
const versionSchema = z.enum(KUBERNETES_VERSIONS);

const labelKey = z
  .string()
  .min(1, 'must not be empty')
  .max(317, 'must be no more than 317 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const labelValue = z
  .string()
  .max(63, 'must be no more than 63 characters')
  .regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces');
const labelMap = z.record(labelKey, labelValue).refine((m) => Object.keys(m).length <= 64, {
  message: 'at most 64 labels',
});

const count = (max: number, what: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max} (${what})`);

/** Node group sizes: the EKS quota is 450 nodes per managed node group. */
export const MAX_NODEGROUP_SIZE = 450;
const groupSize = count(MAX_NODEGROUP_SIZE, 'nodes per managed node group quota');

/** A node group taint as the EKS API spells it. */
const nodegroupTaint = z.strictObject({
  key: labelKey,
  value: labelValue.optional(),
  effect: z.enum(['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE']),
});

/** A Kubernetes taint as kubectl spells it. */
const kubeTaint = z.strictObject({
  key: labelKey,
  value: labelValue.optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

const via = (tools: readonly [string, ...string[]]) => z.enum(tools).optional();

/** One JSON value of a manifest document, as the YAML parser produced it (checked by the handler). */
const manifestDocument = z.record(z.string(), z.unknown());

/** Which objects a `kubectl delete` / `label` names. */
export const K8S_KINDS = [
  'deployment',
  'replicaset',
  'pod',
  'service',
  'hpa',
  'pdb',
  'namespace',
  'configmap',
  'daemonset',
  'node',
] as const;
const kind = z.enum(K8S_KINDS);

/** Amazon EKS: clusters, access, node groups, Fargate profiles, self-managed nodes. */
export const eksActionSchemas = [
  z.strictObject({
    type: z.literal('eks.cluster.create'),
    name: eksName,
    version: versionSchema.optional(),
    /** EKS upgrade policy: STANDARD ($0.10/h) or EXTENDED ($0.60/h once out of standard support). */
    supportType: z.enum(['STANDARD', 'EXTENDED']).optional(),
    roleArn: arnSchema.optional(),
    /** The AZs of the cluster's subnets (default: every AZ of the region). */
    azs: z.array(azSchema).min(2, 'EKS needs subnets in at least two AZs').max(6).optional(),
    authenticationMode: z.enum(['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP']).optional(),
    /** `eksctl create cluster --without-nodegroup` is the only eksctl form this action records. */
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    type: z.literal('eks.cluster.delete'),
    name: refSchema,
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    type: z.literal('eks.kubeconfig.update'),
    cluster: refSchema,
    alias: z.string().min(1).max(255).optional(),
  }),
  z.strictObject({
    /** `kubectl config use-context <name>`. */
    type: z.literal('eks.kubeconfig.use-context'),
    context: z.string().min(1).max(2048),
  }),
  z.strictObject({
    type: z.literal('eks.access-entry.create'),
    cluster: refSchema,
    principalArn: arnSchema,
    /** The API spells them STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, HYBRID_LINUX. */
    accessEntryType: z
      .enum(['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX'])
      .optional(),
    kubernetesGroups: z.array(z.string().min(1).max(255)).max(100).optional(),
    username: z.string().min(1).max(255).optional(),
  }),
  z.strictObject({
    type: z.literal('eks.access-policy.associate'),
    cluster: refSchema,
    principalArn: arnSchema,
    policyArn: arnSchema,
    scope: z.enum(['cluster', 'namespace']),
    namespaces: z.array(namespaceName).max(100).optional(),
  }),
  z.strictObject({
    type: z.literal('eks.nodegroup.create'),
    cluster: refSchema,
    name: eksName,
    instanceTypes: z
      .array(z.string().min(1).max(32))
      .min(1, 'needs at least one instance type')
      .max(20, 'at most 20 instance types'),
    min: groupSize,
    desired: groupSize,
    max: groupSize,
    capacityType: z.enum(['ON_DEMAND', 'SPOT']).optional(),
    amiType: z
      .enum([
        'AL2023_x86_64_STANDARD',
        'AL2023_ARM_64_STANDARD',
        'AL2_x86_64',
        'AL2_ARM_64',
        'BOTTLEROCKET_x86_64',
        'BOTTLEROCKET_ARM_64',
      ])
      .optional(),
    labels: labelMap.optional(),
    taints: z.array(nodegroupTaint).max(50, 'at most 50 taints per node group').optional(),
    /** The AZs of the node group's subnets (default: the cluster's). */
    azs: z.array(azSchema).min(1).max(6).optional(),
    nodeRole: arnSchema.optional(),
    maxUnavailable: z.number().int().min(1).max(100).optional(),
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    type: z.literal('eks.nodegroup.update-config'),
    cluster: refSchema,
    name: refSchema,
    min: groupSize.optional(),
    desired: groupSize.optional(),
    max: groupSize.optional(),
    addLabels: labelMap.optional(),
    removeLabels: z.array(labelKey).max(64).optional(),
    maxUnavailable: z.number().int().min(1).max(100).optional(),
    /** `eksctl scale nodegroup` records only sizes. */
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    /** An update that rolls the nodes (new AMI release or Kubernetes version): surge, drain, terminate. */
    type: z.literal('eks.nodegroup.update-version'),
    cluster: refSchema,
    name: refSchema,
    version: versionSchema.optional(),
    releaseVersion: z.string().min(1).max(64).optional(),
    force: z.boolean().optional(),
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    type: z.literal('eks.nodegroup.delete'),
    cluster: refSchema,
    name: refSchema,
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    type: z.literal('eks.fargate-profile.create'),
    cluster: refSchema,
    name: eksName,
    podExecutionRoleArn: arnSchema.optional(),
    selectors: z
      .array(
        z.strictObject({
          namespace: z.string().min(1).max(63),
          labels: labelMap.optional(),
        }),
      )
      .min(1, 'a Fargate profile needs at least one selector')
      .max(5, 'a Fargate profile has at most 5 selectors'),
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    type: z.literal('eks.fargate-profile.delete'),
    cluster: refSchema,
    name: refSchema,
    via: via(['aws', 'eksctl']),
  }),
  z.strictObject({
    /** `aws eks create-addon`: metrics-server is what an HPA needs to read CPU. */
    type: z.literal('eks.addon.create'),
    cluster: refSchema,
    addonName: z.enum([
      'metrics-server',
      'vpc-cni',
      'kube-proxy',
      'coredns',
      'eks-pod-identity-agent',
    ]),
  }),
  z.strictObject({
    /** Installs the Cluster Autoscaler (the Helm chart) with node group auto-discovery. */
    type: z.literal('eks.cluster-autoscaler.enable'),
    cluster: refSchema,
    expander: z.enum(['random', 'most-pods', 'least-waste']).optional(),
    scaleDownUtilizationThreshold: z.number().min(0).max(1).optional(),
    scaleDownUnneededSeconds: z.number().int().min(0).max(86400).optional(),
  }),
  z.strictObject({
    /** Self-managed node: launch EC2 instances from the EKS-optimized AMI (they join only after bootstrap). */
    type: z.literal('eks.node.launch'),
    instanceType: z.string().min(1).max(32),
    az: azSchema,
    count: z
      .number()
      .int()
      .min(1)
      .max(100, 'must be at most 100 per call (sandbox limit)')
      .optional(),
    name: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, hyphens and underscores')
      .optional(),
    version: versionSchema.optional(),
    /** The instance profile's role (must have an EC2_LINUX access entry to register). */
    nodeRole: arnSchema.optional(),
    /** Start nodeadm with a NodeConfig for this cluster in the user data (joins at boot). */
    cluster: refSchema.optional(),
  }),
  z.strictObject({
    /** Self-managed node: run nodeadm with a NodeConfig for the cluster on a launched instance. */
    type: z.literal('eks.node.bootstrap'),
    instanceId: refSchema,
    cluster: refSchema,
  }),
  z.strictObject({
    /** The kubeadm single-master control plane on one EC2 instance (self-managed contrast). */
    type: z.literal('eks.kubeadm.init'),
    name: eksName,
    instanceId: refSchema,
  }),
] as const;

/** Kubernetes through kubectl (and the view's forms). */
export const k8sActionSchemas = [
  z.strictObject({
    type: z.literal('k8s.apply'),
    /** The manifest's documents as plain JSON (multi-document YAML already split and parsed). */
    documents: z
      .array(manifestDocument)
      .min(1, 'no objects passed to apply')
      .max(500, 'at most 500 documents in one apply (sandbox limit)'),
    /** The file name kubectl was given (shown in messages); `-` for stdin. */
    fileName: z.string().min(1).max(255).optional(),
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.delete'),
    kind,
    name: k8sName,
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.deployment.create'),
    name: k8sName,
    image: imageSchema,
    replicas: count(10000, 'sandbox limit').optional(),
    port: z.number().int().min(1).max(65535).optional(),
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.deployment.scale'),
    name: k8sName,
    replicas: count(10000, 'sandbox limit'),
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.deployment.set-image'),
    name: k8sName,
    container: k8sName,
    image: imageSchema,
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.rollout.undo'),
    name: k8sName,
    toRevision: z.number().int().min(0).max(1_000_000).optional(),
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.rollout.restart'),
    name: k8sName,
    namespace: namespaceName.optional(),
  }),
  z.strictObject({ type: z.literal('k8s.node.cordon'), node: k8sName }),
  z.strictObject({ type: z.literal('k8s.node.uncordon'), node: k8sName }),
  z.strictObject({
    type: z.literal('k8s.node.drain'),
    node: k8sName,
    ignoreDaemonsets: z.boolean().optional(),
    deleteEmptydirData: z.boolean().optional(),
    force: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.hpa.create'),
    /** `kubectl autoscale deployment <name>`. */
    name: k8sName,
    min: z.number().int().min(1, 'must be at least 1').max(10000).optional(),
    max: z.number().int().min(1, 'must be at least 1').max(10000),
    cpuPercent: z.number().int().min(1).max(1000).optional(),
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.label'),
    kind,
    name: k8sName,
    /** `null` removes the label (`key-`). */
    labels: z.record(labelKey, labelValue.nullable()),
    overwrite: z.boolean().optional(),
    namespace: namespaceName.optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.taint'),
    node: k8sName,
    taint: kubeTaint,
    /** `key:Effect-` removes it. */
    remove: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('k8s.namespace.create'),
    name: namespaceName,
  }),
  z.strictObject({
    /** Requests per second offered to a Kubernetes Service (a traffic fault, like fault.traffic for ECS). */
    type: z.literal('fault.k8s-traffic'),
    service: k8sName,
    rps: z.number().min(0, 'must not be negative').max(1_000_000),
    namespace: namespaceName.optional(),
    /** The cluster (default: the first cluster by name). */
    cluster: refSchema.optional(),
  }),
  z.strictObject({
    /** A container that crashes (exit code) or is OOM-killed from now on, until the image changes. */
    type: z.literal('fault.k8s-crash'),
    deployment: k8sName,
    exitCode: z.number().int().min(0).max(255).optional(),
    oom: z.boolean().optional(),
    namespace: namespaceName.optional(),
    cluster: refSchema.optional(),
  }),
  z.strictObject({
    /** An image tag disappears from the registry (pulls fail with `not found`). */
    type: z.literal('fault.image-missing'),
    image: imageSchema,
  }),
] as const;
