/** ARNs in the real formats. */
import type { CoreWorld } from '../model/types.ts';

export const clusterArn = (w: CoreWorld, cluster: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:cluster/${cluster}`;
export const taskArn = (w: CoreWorld, cluster: string, id: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:task/${cluster}/${id}`;
export const serviceArn = (w: CoreWorld, cluster: string, name: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:service/${cluster}/${name}`;
export const taskDefinitionArn = (w: CoreWorld, family: string, revision: number) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:task-definition/${family}:${revision}`;
export const containerInstanceArn = (w: CoreWorld, cluster: string, id: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:container-instance/${cluster}/${id}`;
export const targetGroupArn = (w: CoreWorld, name: string, id: string) =>
  `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:targetgroup/${name}/${id}`;
export const loadBalancerArn = (w: CoreWorld, name: string, id: string) =>
  `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:loadbalancer/app/${name}/${id}`;
