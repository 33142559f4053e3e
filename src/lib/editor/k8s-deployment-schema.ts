/**
 * A small Kubernetes Deployment (apps/v1) subset: enough to prove YAML validation, hover and
 * completion through monaco-yaml until the EKS lessons bring the full manifests.
 */
import type { JSONSchema } from './json-schema.ts';

export const K8S_DEPLOYMENT_SCHEMA_URI = 'https://shipyard.local/schemas/k8s-deployment.json';

export const K8S_DEPLOYMENT_SCHEMA: JSONSchema = {
  title: 'Kubernetes Deployment (apps/v1, subset)',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'apps/v1', description: 'Deployments are in the apps/v1 API group.' },
    kind: { const: 'Deployment', description: 'The object kind.' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
          description: 'A DNS-1123 name: lower-case letters, digits and -.',
        },
        namespace: { type: 'string', description: 'Default: default.' },
        labels: { type: 'object', description: 'Key/value labels.' },
      },
    },
    spec: {
      type: 'object',
      required: ['selector', 'template'],
      additionalProperties: false,
      properties: {
        replicas: {
          type: 'integer',
          minimum: 0,
          description: 'How many pods to keep running (default 1).',
          markdownDescription: 'How many pods the ReplicaSet keeps running (default **1**).',
        },
        selector: {
          type: 'object',
          description: 'Which pods belong to the Deployment (matchLabels).',
        },
        template: {
          type: 'object',
          description: 'The pod template.',
          properties: {
            metadata: { type: 'object' },
            spec: {
              type: 'object',
              required: ['containers'],
              properties: {
                containers: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['name', 'image'],
                    properties: {
                      name: { type: 'string', description: 'The container name.' },
                      image: {
                        type: 'string',
                        description:
                          'The image, e.g. 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.4.',
                      },
                      resources: {
                        type: 'object',
                        description:
                          'requests (what the scheduler reserves) and limits (the ceiling).',
                        properties: { requests: { type: 'object' }, limits: { type: 'object' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
