// The 5-minute recheck: every gateway whose alarm is in ALARM or that has failed-over route tables is planned
// again from its alarm's current state, so a lost event, a crash or an elapsed hold time is caught up.

import type { NatGateway } from '../model';
import { ROUTE_TABLE_TAGS } from '../tag-keys';
import { idleEmergencyGateways } from './failover-emergency';
import { type FailoverPlan, type PlanContext, planForGateway } from './failover-plan';

export interface RecheckPlan {
  plans: FailoverPlan[];
  /** Emergency gateways no route uses any more and whose gateway is not failing: deleted. */
  idleEmergencyGateways: NatGateway[];
}

export function planRecheck(ctx: PlanContext): RecheckPlan {
  const ids = new Set<string>();
  for (const [natGatewayId, state] of ctx.alarms) if (state === 'ALARM') ids.add(natGatewayId);
  for (const table of ctx.inventory.routeTables) {
    const origin = table.tags[ROUTE_TABLE_TAGS.failoverFrom];
    if (origin) ids.add(origin);
  }
  const plans = [...ids]
    .sort()
    .map((natGatewayId) => planForGateway(natGatewayId, ctx.alarms.get(natGatewayId) ?? 'none', ctx))
    .filter((plan) => plan.kind !== 'none' || plan.noTarget || plan.skipped.length > 0);
  return { plans, idleEmergencyGateways: idleEmergencyGateways(ctx.inventory, ctx.alarms) };
}
