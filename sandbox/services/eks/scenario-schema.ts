/**
 * The `initial.eks` part of a scenario: what already exists at time 0 (clusters ACTIVE,
 * node groups with their nodes Ready, self-managed nodes joined or not, Fargate profiles,
 * manifests applied with their pods Running, traffic). Every field says what it is for.
 */
import { z } from 'zod';
import { KUBERNETES_VERSIONS } from './actions.ts';

const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[0-9A-Za-z][A-Za-z0-9\-_]*$/, 'use letters, digits, hyphens and underscores');
const az = z.string().max(32);
const labels = z.record(z.string().max(317), z.string().max(63));

export const eksInitialSchema = z.strictObject({
  clusters: z
    .array(
      z.strictObject({
        name,
        kind: z
          .enum(['eks', 'kubeadm'])
          .default('eks')
          .describe('eks = managed control plane; kubeadm = a single master on one EC2 instance'),
        version: z.enum(KUBERNETES_VERSIONS).optional(),
        az: az.optional().describe('kubeadm: the AZ of the master instance'),
        masterInstanceType: z
          .string()
          .max(32)
          .optional()
          .describe('kubeadm: the master instance type (default t3.medium)'),
        supportType: z.enum(['STANDARD', 'EXTENDED']).optional(),
        kubeconfig: z
          .boolean()
          .default(true)
          .describe('update-kubeconfig already done (kubectl talks to it)'),
        addons: z
          .array(z.enum(['metrics-server']))
          .max(5)
          .default([]),
        clusterAutoscaler: z.boolean().default(false),
        creating: z.boolean().default(false).describe('the cluster is still CREATING at time 0'),
      }),
    )
    .max(5)
    .default([]),
  nodegroups: z
    .array(
      z.strictObject({
        cluster: name,
        name,
        instanceType: z.string().max(32),
        min: z.number().int().min(0).max(450),
        desired: z.number().int().min(0).max(450),
        max: z.number().int().min(1).max(450),
        labels: labels.optional(),
        taints: z
          .array(
            z.strictObject({
              key: z.string().max(317),
              value: z.string().max(63).optional(),
              effect: z.enum(['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE']),
            }),
          )
          .max(50)
          .optional(),
        azs: z.array(az).min(1).max(6).optional(),
        capacityType: z.enum(['ON_DEMAND', 'SPOT']).optional(),
      }),
    )
    .max(20)
    .default([]),
  selfManagedNodes: z
    .array(
      z.strictObject({
        cluster: name.describe('the cluster a joined node belongs to'),
        instanceType: z.string().max(32),
        az,
        count: z.number().int().min(1).max(100).default(1),
        name: z
          .string()
          .max(255)
          .regex(/^[A-Za-z0-9_-]+$/)
          .optional(),
        joined: z
          .boolean()
          .default(true)
          .describe('false = launched from the EKS AMI but never bootstrapped'),
      }),
    )
    .max(20)
    .default([]),
  fargateProfiles: z
    .array(
      z.strictObject({
        cluster: name,
        name,
        selectors: z
          .array(z.strictObject({ namespace: z.string().max(63), labels: labels.optional() }))
          .min(1)
          .max(5),
      }),
    )
    .max(10)
    .default([]),
  manifests: z
    .array(
      z.strictObject({
        cluster: name,
        yaml: z.string().max(200_000).describe('multi-document YAML applied at time 0'),
      }),
    )
    .max(20)
    .default([]),
  traffic: z
    .array(
      z.strictObject({
        cluster: name.optional(),
        service: z.string().max(253),
        namespace: z.string().max(63).optional(),
        rps: z.number().min(0).max(1_000_000),
      }),
    )
    .max(50)
    .default([]),
});

export type EksInitial = z.infer<typeof eksInitialSchema>;
