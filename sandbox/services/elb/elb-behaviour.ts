/**
 * The ELB module: load balancers in front of services and the traffic model (requests per
 * second spread over healthy targets; what they cannot serve fails). Present in every world.
 *
 * The behaviour half of the module (loaded by index.ts's `load()`).
 */
import type { ServiceBehaviour } from '../../engine/module.ts';
import { own } from '../../model/record.ts';
import { loadBalancerArn, targetGroupArn } from '../../engine/arns.ts';
import { randomHex } from '../../engine/rng.ts';
import { loadBalancerController } from './load-balancer.ts';

export const elbBehaviour: ServiceBehaviour<'elb'> = {
  name: 'elb',
  build(ctx, scenario) {
    for (const [service, rps] of Object.entries(scenario.initial.traffic))
      ctx.world.elb.traffic[service] = rps;
  },
  actions: {
    'fault.traffic': {
      handle: (ctx, action) => {
        const world = ctx.world;
        const known =
          own(world.ecs.services, action.service) !== undefined ||
          own(world.elb.traffic, action.service) !== undefined;
        if (!known) return { ok: false, field: 'service', error: `No service ${action.service}.` };
        const from = own(world.elb.traffic, action.service) ?? 0;
        world.elb.traffic[action.service] = action.rps;
        ctx.emit(
          'elb',
          'info',
          `Traffic to ${action.service}: ${from} → ${action.rps} requests per second.`,
          { subject: action.service },
        );
        return {
          ok: true,
          message: `${action.service} now receives ${action.rps} requests per second.`,
          command: '',
        };
      },
      command: (a) => `# traffic: ${a.service} receives ${a.rps} requests per second`,
    },
  },
  on(ctx, event) {
    if (event.type !== 'service.created') return;
    const world = ctx.world;
    if (event.loadBalancer && !own(world.elb.loadBalancers, event.loadBalancer)) {
      const suffix = randomHex(world, 16);
      world.elb.loadBalancers[event.loadBalancer] = {
        name: event.loadBalancer,
        arn: loadBalancerArn(world, event.loadBalancer, suffix),
        targetGroupArn: targetGroupArn(world, `${event.service}-tg`, randomHex(world, 16)),
        service: event.service,
      };
    }
    if (own(world.elb.traffic, event.service) === undefined) world.elb.traffic[event.service] = 0;
  },
  run: {
    'load-balancer': (ctx) => loadBalancerController(ctx.world),
  },
};
