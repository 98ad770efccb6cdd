// Failback on OK: exactly the route tables failed over from the recovered gateway move back, once it is
// available and the minimum hold has passed; a table someone re-pointed by hand is left alone.

import type { NatGateway } from '../model';
import { defaultRouteTarget } from '../model';
import { ROUTE_TABLE_TAGS } from '../tag-keys';
import type { AlarmStateValue } from './failover-event';
import { holdStatus } from './failover-hold';
import { basePlan, type FailoverPlan, type PlanContext } from './failover-plan-types';

export function planFailback(
  recovered: NatGateway | undefined,
  natGatewayId: string,
  alarmState: AlarmStateValue | 'none',
  ctx: PlanContext,
): FailoverPlan {
  const plan = basePlan(natGatewayId, alarmState, recovered?.vpcId);
  const tables = ctx.inventory.routeTables.filter(
    (t) => t.tags[ROUTE_TABLE_TAGS.failoverFrom] === natGatewayId,
  );
  if (tables.length === 0) {
    plan.reason = `no route table is failed over from ${natGatewayId}: nothing to move back`;
    return plan;
  }
  if (recovered?.state !== 'available') {
    plan.reason = `${natGatewayId} is ${recovered?.state ?? 'gone'}, not available: ${tables.length} route table(s) stay failed over`;
    plan.skipped = tables.map((t) => ({
      routeTableId: t.routeTableId,
      from: defaultRouteTarget(t),
      reason: plan.reason,
    }));
    return plan;
  }
  for (const table of tables) {
    const current = defaultRouteTarget(table);
    const recorded = table.tags[ROUTE_TABLE_TAGS.failoverTo];
    const via = table.tags[ROUTE_TABLE_TAGS.failoverVia];
    const hold = holdStatus(table.tags, ctx.now, ctx.settings.minHoldMinutes);
    if (current !== natGatewayId && current !== recorded && (via === undefined || current !== via)) {
      plan.skipped.push({
        routeTableId: table.routeTableId,
        from: current,
        to: natGatewayId,
        reason: `its default route was changed outside the optimizer (now ${current ?? 'none'}, expected ${recorded ?? 'unknown'}): left as it is`,
      });
    } else if (!hold.passed) {
      plan.skipped.push({
        routeTableId: table.routeTableId,
        from: current,
        to: natGatewayId,
        reason: `minimum hold of ${ctx.settings.minHoldMinutes} min: moves back after ${hold.until.toISOString()} (5-minute recheck)`,
      });
    } else {
      plan.moves.push({
        routeTableId: table.routeTableId,
        from: current,
        to: natGatewayId,
        origin: natGatewayId,
      });
    }
  }
  plan.kind = plan.moves.length > 0 ? 'failback' : 'none';
  const held = plan.skipped.length;
  plan.reason =
    plan.moves.length > 0
      ? `${natGatewayId} is ${alarmState === 'none' ? 'no longer watched by an alarm' : 'OK'} and available: ${plan.moves.length} route table(s) move back${held ? `, ${held} wait` : ''}`
      : `${natGatewayId} is OK but no route table can move back yet: ${plan.skipped[0]?.reason ?? ''}`;
  return plan;
}
