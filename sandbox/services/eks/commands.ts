/**
 * The real command behind every EKS and Kubernetes action: `aws eks …`, `eksctl …`,
 * `kubectl …`, `helm install …`, `aws ec2 run-instances` from the EKS-optimized AMI and the
 * nodeadm step through SSM. The terminal parses each back to the same action, so every
 * optional field appears exactly when it is set.
 */
import { stringify } from 'yaml';
import type { ActionOf, ActionType } from '../../model/actions.ts';
import type { World } from '../../model/types.ts';
import { subnetIdFor } from '../../model/vpc.ts';
import { findInstance } from '../../engine/world-ops.ts';
import { own } from '../../model/record.ts';
import { DEFAULT_KUBERNETES_VERSION } from './actions.ts';
import { DEFAULT_CLUSTER_ROLE, FARGATE_POD_ROLE } from './eks-actions.ts';
import { DEFAULT_NODEGROUP_ROLE, DEFAULT_SELF_MANAGED_ROLE, EKS_AMI } from './nodes.ts';

type Command<T extends ActionType> = (action: ActionOf<T>, world: World) => string;

const ns = (namespace: string | undefined) => (namespace !== undefined ? ` -n ${namespace}` : '');
const labelList = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
const subnets = (_world: World, azs: readonly string[]) => azs.map(subnetIdFor);
const clusterAzs = (world: World, cluster: string) =>
  own(world.eks?.clusters ?? {}, cluster)?.azs ?? world.azs;
const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export const COMMANDS: { [T in ActionType]?: Command<T> } = {
  'eks.cluster.create': (a, world) => {
    if (a.via === 'eksctl')
      return `eksctl create cluster --name ${a.name} --region ${world.region}${a.version ? ` --version ${a.version}` : ''} --without-nodegroup`;
    const parts = [
      `aws eks create-cluster --name ${a.name}`,
      a.version ? `--kubernetes-version ${a.version}` : '',
      `--role-arn ${a.roleArn ?? DEFAULT_CLUSTER_ROLE}`,
      `--resources-vpc-config subnetIds=${subnets(world, a.azs ?? world.azs).join(',')}`,
      a.authenticationMode ? `--access-config authenticationMode=${a.authenticationMode}` : '',
      a.supportType ? `--upgrade-policy supportType=${a.supportType}` : '',
    ];
    return parts.filter(Boolean).join(' ');
  },
  'eks.cluster.delete': (a, world) =>
    a.via === 'eksctl'
      ? `eksctl delete cluster --name ${a.name} --region ${world.region}`
      : `aws eks delete-cluster --name ${a.name}`,
  'eks.kubeconfig.update': (a, world) =>
    `aws eks update-kubeconfig --region ${world.region} --name ${a.cluster}${a.alias ? ` --alias ${a.alias}` : ''}`,
  'eks.kubeconfig.use-context': (a) => `kubectl config use-context ${a.context}`,
  'eks.access-entry.create': (a) =>
    [
      `aws eks create-access-entry --cluster-name ${a.cluster} --principal-arn ${a.principalArn}`,
      a.accessEntryType ? `--type ${a.accessEntryType}` : '',
      a.kubernetesGroups && a.kubernetesGroups.length > 0
        ? `--kubernetes-groups ${a.kubernetesGroups.join(' ')}`
        : '',
      a.username ? `--username ${a.username}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  'eks.access-policy.associate': (a) =>
    `aws eks associate-access-policy --cluster-name ${a.cluster} --principal-arn ${a.principalArn} --policy-arn ${a.policyArn} --access-scope type=${a.scope}${a.namespaces && a.namespaces.length > 0 ? `,namespaces=${a.namespaces.join(',')}` : ''}`,
  'eks.nodegroup.create': (a, world) => {
    if (a.via === 'eksctl')
      return [
        `eksctl create nodegroup --cluster ${a.cluster} --name ${a.name} --node-type ${a.instanceTypes.join(',')}`,
        `--nodes ${a.desired} --nodes-min ${a.min} --nodes-max ${a.max} --managed`,
        a.capacityType === 'SPOT' ? '--spot' : '',
        a.labels && Object.keys(a.labels).length > 0 ? `--node-labels ${labelList(a.labels)}` : '',
        a.azs ? `--node-zones ${a.azs.join(',')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    return [
      `aws eks create-nodegroup --cluster-name ${a.cluster} --nodegroup-name ${a.name}`,
      `--node-role ${a.nodeRole ?? DEFAULT_NODEGROUP_ROLE}`,
      `--subnets ${subnets(world, a.azs ?? clusterAzs(world, a.cluster)).join(' ')}`,
      `--instance-types ${a.instanceTypes.join(' ')}`,
      `--scaling-config minSize=${a.min},maxSize=${a.max},desiredSize=${a.desired}`,
      a.capacityType ? `--capacity-type ${a.capacityType}` : '',
      a.amiType ? `--ami-type ${a.amiType}` : '',
      a.labels && Object.keys(a.labels).length > 0 ? `--labels ${labelList(a.labels)}` : '',
      a.taints && a.taints.length > 0
        ? `--taints ${a.taints.map((t) => `key=${t.key}${t.value !== undefined ? `,value=${t.value}` : ''},effect=${t.effect}`).join(' ')}`
        : '',
      a.maxUnavailable !== undefined ? `--update-config maxUnavailable=${a.maxUnavailable}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  },
  'eks.nodegroup.update-config': (a) => {
    if (a.via === 'eksctl')
      return [
        `eksctl scale nodegroup --cluster ${a.cluster} --name ${a.name}`,
        a.desired !== undefined ? `--nodes ${a.desired}` : '',
        a.min !== undefined ? `--nodes-min ${a.min}` : '',
        a.max !== undefined ? `--nodes-max ${a.max}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    const scaling = [
      a.min !== undefined ? `minSize=${a.min}` : '',
      a.max !== undefined ? `maxSize=${a.max}` : '',
      a.desired !== undefined ? `desiredSize=${a.desired}` : '',
    ].filter(Boolean);
    const labels = [
      a.addLabels && Object.keys(a.addLabels).length > 0
        ? `addOrUpdateLabels={${labelList(a.addLabels)}}`
        : '',
      a.removeLabels && a.removeLabels.length > 0 ? `removeLabels=${a.removeLabels.join(',')}` : '',
    ].filter(Boolean);
    return [
      `aws eks update-nodegroup-config --cluster-name ${a.cluster} --nodegroup-name ${a.name}`,
      scaling.length > 0 ? `--scaling-config ${scaling.join(',')}` : '',
      labels.length > 0 ? `--labels ${labels.join(',')}` : '',
      a.maxUnavailable !== undefined ? `--update-config maxUnavailable=${a.maxUnavailable}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  },
  'eks.nodegroup.update-version': (a) =>
    a.via === 'eksctl'
      ? [
          `eksctl upgrade nodegroup --cluster ${a.cluster} --name ${a.name}`,
          a.version ? `--kubernetes-version ${a.version}` : '',
          a.releaseVersion ? `--release-version ${a.releaseVersion}` : '',
          a.force ? '--force-upgrade' : '',
        ]
          .filter(Boolean)
          .join(' ')
      : [
          `aws eks update-nodegroup-version --cluster-name ${a.cluster} --nodegroup-name ${a.name}`,
          a.version ? `--kubernetes-version ${a.version}` : '',
          a.releaseVersion ? `--release-version ${a.releaseVersion}` : '',
          a.force ? '--force' : '',
        ]
          .filter(Boolean)
          .join(' '),
  'eks.nodegroup.delete': (a) =>
    a.via === 'eksctl'
      ? `eksctl delete nodegroup --cluster ${a.cluster} --name ${a.name}`
      : `aws eks delete-nodegroup --cluster-name ${a.cluster} --nodegroup-name ${a.name}`,
  'eks.fargate-profile.create': (a, world) => {
    if (a.via === 'eksctl') {
      const s = a.selectors[0]!;
      return `eksctl create fargateprofile --cluster ${a.cluster} --name ${a.name} --namespace ${s.namespace}${s.labels && Object.keys(s.labels).length > 0 ? ` --labels ${labelList(s.labels)}` : ''}`;
    }
    const selectors = a.selectors
      .map(
        (s) =>
          `namespace=${s.namespace}${s.labels && Object.keys(s.labels).length > 0 ? `,labels={${labelList(s.labels)}}` : ''}`,
      )
      .join(' ');
    return `aws eks create-fargate-profile --cluster-name ${a.cluster} --fargate-profile-name ${a.name} --pod-execution-role-arn ${a.podExecutionRoleArn ?? FARGATE_POD_ROLE} --subnets ${subnets(world, clusterAzs(world, a.cluster)).join(' ')} --selectors ${selectors}`;
  },
  'eks.fargate-profile.delete': (a) =>
    a.via === 'eksctl'
      ? `eksctl delete fargateprofile --cluster ${a.cluster} --name ${a.name}`
      : `aws eks delete-fargate-profile --cluster-name ${a.cluster} --fargate-profile-name ${a.name}`,
  'eks.addon.create': (a) =>
    `aws eks create-addon --cluster-name ${a.cluster} --addon-name ${a.addonName}`,
  'eks.cluster-autoscaler.enable': (a, world) =>
    [
      `helm install cluster-autoscaler autoscaler/cluster-autoscaler --namespace kube-system --set autoDiscovery.clusterName=${a.cluster} --set awsRegion=${world.region}`,
      a.expander ? `--set extraArgs.expander=${a.expander}` : '',
      a.scaleDownUtilizationThreshold !== undefined
        ? `--set extraArgs.scale-down-utilization-threshold=${a.scaleDownUtilizationThreshold}`
        : '',
      a.scaleDownUnneededSeconds !== undefined
        ? `--set extraArgs.scale-down-unneeded-time=${a.scaleDownUnneededSeconds}s`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  'eks.node.launch': (a) =>
    [
      `aws ec2 run-instances --image-id ${EKS_AMI(a.version ?? DEFAULT_KUBERNETES_VERSION)} --instance-type ${a.instanceType} --count ${a.count ?? 1} --placement AvailabilityZone=${a.az}`,
      `--iam-instance-profile Name=${roleName(a.nodeRole ?? DEFAULT_SELF_MANAGED_ROLE)}`,
      a.cluster ? `--user-data file://nodeconfig-${a.cluster}.yaml` : '',
      a.name
        ? `--tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${a.name}}]'`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  'eks.node.bootstrap': (a, world) =>
    `aws ssm send-command --instance-ids ${findInstance(world, a.instanceId)?.id ?? a.instanceId} --document-name AWS-RunShellScript --parameters 'commands=["nodeadm init --config-source file:///etc/eks/nodeconfig-${a.cluster}.yaml"]'`,
  'eks.kubeadm.init': (a, world) =>
    `aws ssm send-command --instance-ids ${findInstance(world, a.instanceId)?.id ?? a.instanceId} --document-name AWS-RunShellScript --parameters 'commands=["kubeadm init --config kubeadm-${a.name}.yaml"]'`,
  'k8s.apply': (a) => {
    const file = a.fileName;
    if (file !== undefined && file !== '-' && file !== 'STDIN')
      return `kubectl apply -f ${file}${ns(a.namespace)}`;
    const yaml = a.documents.map((d) => stringify(d).trimEnd()).join('\n---\n');
    return `kubectl apply${ns(a.namespace)} -f - <<'EOF'\n${yaml}\nEOF`;
  },
  'k8s.delete': (a) => `kubectl delete ${a.kind} ${a.name}${ns(a.namespace)}`,
  'k8s.deployment.create': (a) =>
    `kubectl create deployment ${a.name} --image=${a.image}${a.replicas !== undefined ? ` --replicas=${a.replicas}` : ''}${a.port !== undefined ? ` --port=${a.port}` : ''}${ns(a.namespace)}`,
  'k8s.deployment.scale': (a) =>
    `kubectl scale deployment/${a.name} --replicas=${a.replicas}${ns(a.namespace)}`,
  'k8s.deployment.set-image': (a) =>
    `kubectl set image deployment/${a.name} ${a.container}=${a.image}${ns(a.namespace)}`,
  'k8s.rollout.undo': (a) =>
    `kubectl rollout undo deployment/${a.name}${a.toRevision !== undefined ? ` --to-revision=${a.toRevision}` : ''}${ns(a.namespace)}`,
  'k8s.rollout.restart': (a) => `kubectl rollout restart deployment/${a.name}${ns(a.namespace)}`,
  'k8s.node.cordon': (a) => `kubectl cordon ${a.node}`,
  'k8s.node.uncordon': (a) => `kubectl uncordon ${a.node}`,
  'k8s.node.drain': (a) =>
    `kubectl drain ${a.node}${a.ignoreDaemonsets ? ' --ignore-daemonsets' : ''}${a.deleteEmptydirData ? ' --delete-emptydir-data' : ''}${a.force ? ' --force' : ''}`,
  'k8s.hpa.create': (a) =>
    `kubectl autoscale deployment ${a.name}${a.cpuPercent !== undefined ? ` --cpu-percent=${a.cpuPercent}` : ''}${a.min !== undefined ? ` --min=${a.min}` : ''} --max=${a.max}${ns(a.namespace)}`,
  'k8s.label': (a) =>
    `kubectl label ${a.kind} ${a.name} ${Object.entries(a.labels)
      .map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`))
      .join(' ')}${a.overwrite ? ' --overwrite' : ''}${ns(a.namespace)}`,
  'k8s.taint': (a) =>
    `kubectl taint nodes ${a.node} ${a.taint.key}${a.taint.value !== undefined ? `=${a.taint.value}` : ''}:${a.taint.effect}${a.remove ? '-' : ''}`,
  'k8s.namespace.create': (a) => `kubectl create namespace ${a.name}`,
  'fault.k8s-traffic': (a) =>
    `# fault: ${a.rps} requests per second to service ${a.namespace ?? 'default'}/${a.service}${a.cluster ? ` in ${a.cluster}` : ''}`,
  'fault.k8s-crash': (a) =>
    `# fault: containers of deployment ${a.namespace ?? 'default'}/${a.deployment}${a.cluster ? ` in ${a.cluster}` : ''} ${a.oom ? 'run out of memory (exit 137)' : `exit with code ${a.exitCode ?? 1}`}`,
  'fault.image-missing': (a) => `# fault: image ${a.image} removed from its registry`,
};
