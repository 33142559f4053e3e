/** ARNs in the real formats. */
import type { World } from '../model/types.ts';

export const clusterArn = (w: World, cluster: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:cluster/${cluster}`;
export const taskArn = (w: World, cluster: string, id: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:task/${cluster}/${id}`;
export const serviceArn = (w: World, cluster: string, name: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:service/${cluster}/${name}`;
export const taskDefinitionArn = (w: World, family: string, revision: number) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:task-definition/${family}:${revision}`;
export const containerInstanceArn = (w: World, cluster: string, id: string) =>
  `arn:aws:ecs:${w.region}:${w.accountId}:container-instance/${cluster}/${id}`;
export const targetGroupArn = (w: World, name: string, id: string) =>
  `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:targetgroup/${name}/${id}`;
export const loadBalancerArn = (w: World, name: string, id: string) =>
  `arn:aws:elasticloadbalancing:${w.region}:${w.accountId}:loadbalancer/app/${name}/${id}`;
