/**
 * EKS worlds for the terminal tests, built the way a learner builds them: by typing commands
 * (each one must succeed), letting simulated time pass in between.
 */
import { advance, emptyWorld, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';

export const WEB_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
        resources:
          requests: {cpu: 250m, memory: 256Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

export const SUBNETS = 'subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071,subnet-0c1b2c3d4e5f6071';

/** Runs `steps` (`advance N` lets time pass); throws on the first command that fails. */
export function build(steps: string[], start: World = emptyWorld({ orchestrator: 'eks' })): World {
  let world = start;
  let session: CliSession = { dockerContext: null };
  for (const step of steps) {
    const adv = /^advance (\d+)$/.exec(step);
    if (adv) {
      world = advance(world, Number(adv[1]));
      continue;
    }
    const r = runCommandLine(step, { world, files: { 'web.yaml': WEB_YAML }, session });
    if (r.output.exitCode !== 0) throw new Error(`${step}\n${r.output.stderr}`);
    world = r.world;
    session = r.session;
  }
  return world;
}

/** An ACTIVE cluster `demo` in the kubeconfig, nothing in it yet. */
export const CLUSTER_STEPS = [
  `aws eks create-cluster --name demo --role-arn arn:aws:iam::123456789012:role/eksClusterRole --resources-vpc-config subnetIds=${SUBNETS}`,
  'advance 600',
  'aws eks update-kubeconfig --region eu-west-3 --name demo',
];

/** Plus a node group of two t3.medium nodes, the web Deployment and Service, a namespace. */
export const WORKLOAD_STEPS = [
  ...CLUSTER_STEPS,
  'aws eks create-nodegroup --cluster-name demo --nodegroup-name ng-1 --scaling-config minSize=1,maxSize=4,desiredSize=2 --instance-types t3.medium --node-role arn:aws:iam::123456789012:role/eks-nodegroup-role --subnets subnet-0a1b2c3d4e5f6071 subnet-0b1b2c3d4e5f6071',
  'advance 300',
  'kubectl create namespace shop',
  'kubectl apply -f web.yaml',
  'kubectl create deployment api --image=nginx:1.26 --replicas=2 -n shop',
  'advance 120',
];

export const eksCluster = (): World => build(CLUSTER_STEPS);
export const eksWorkloads = (): World => build(WORKLOAD_STEPS);
