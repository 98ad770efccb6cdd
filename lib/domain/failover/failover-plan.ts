// What to do about one gateway given its alarm's current state: fail its route tables over, back, or nothing.

import type { NatGateway, RouteTable } from '../model';
import { applianceReason, defaultRouteTarget, isRegional } from '../model';
import { FAILOVER_TAGS, ROUTE_TABLE_TAGS, USER_TAGS } from '../tag-keys';
import { emergencyOptedIn, planEmergency } from './failover-emergency';
import type { AlarmStateValue } from './failover-event';
import { planFailback } from './failover-failback';
import { failoverOptIn, isOn } from './failover-opt-in';
import { basePlan, type FailoverPlan, type PlanContext, type TableSkip } from './failover-plan-types';
import { chooseFailoverTarget, isParked } from './failover-target';

export type {
  FailoverPlan,
  FailoverTarget,
  PlanContext,
  PlanKind,
  TableMove,
  TableSkip,
} from './failover-plan-types';
export { planFailback };

function healthy(natGatewayId: string | undefined, ctx: PlanContext): boolean {
  const gateway = ctx.inventory.natGateways.find((g) => g.natGatewayId === natGatewayId);
  return (
    gateway !== undefined &&
    gateway.state === 'available' &&
    ctx.alarms.get(gateway.natGatewayId) !== 'ALARM' &&
    !isParked(gateway.natGatewayId, ctx.inventory)
  );
}

/** Tables on the failing gateway, and tables failed over from it whose current target is no longer healthy. */
function tablesToFailOver(
  failing: NatGateway,
  ctx: PlanContext,
): { move: RouteTable[]; skipped: TableSkip[] } {
  const move: RouteTable[] = [];
  const skipped: TableSkip[] = [];
  for (const table of ctx.inventory.routeTables) {
    if (table.vpcId !== failing.vpcId) continue;
    const current = defaultRouteTarget(table);
    const onFailing = current === failing.natGatewayId;
    const stranded =
      table.tags[ROUTE_TABLE_TAGS.failoverFrom] === failing.natGatewayId && !healthy(current, ctx);
    if (!onFailing && !stranded) continue;
    const parkedGateway = table.tags[ROUTE_TABLE_TAGS.parkedGateway];
    if (isOn(table.tags, FAILOVER_TAGS.egressProbe)) {
      skipped.push({
        routeTableId: table.routeTableId,
        from: current,
        reason: 'egress-probe table: never moved',
      });
    } else if (parkedGateway !== undefined) {
      skipped.push({
        routeTableId: table.routeTableId,
        from: current,
        reason: `held by the scheduler (parked gateway ${parkedGateway}): never moved by failover`,
      });
    } else {
      move.push(table);
    }
  }
  return { move, skipped };
}

export function planFailover(failing: NatGateway, ctx: PlanContext): FailoverPlan {
  const plan = basePlan(failing.natGatewayId, 'ALARM', failing.vpcId);
  const optIn = failoverOptIn(failing);
  if (optIn.kind !== 'on') {
    plan.reason =
      optIn.kind === 'malformed'
        ? `${failing.natGatewayId}: tag ${USER_TAGS.failover}="${optIn.value}" is neither "on" nor "off": nothing moved`
        : `${failing.natGatewayId} is not tagged ${USER_TAGS.failover}=on: its routes are never moved`;
    return plan;
  }
  const untouched = isRegional(failing)
    ? 'is a regional NAT gateway: multi-AZ by itself, so failover never moves its route tables'
    : applianceReason(failing);
  if (untouched) {
    plan.reason = `${failing.natGatewayId} is in ALARM, but it ${untouched.replace(/^it /, '')}: routes left as they are`;
    return plan;
  }
  const { move, skipped } = tablesToFailOver(failing, ctx);
  plan.skipped = skipped;
  if (move.length === 0) {
    plan.reason = `no route table's default route uses ${failing.natGatewayId}: nothing to move`;
    return plan;
  }
  const choice = chooseFailoverTarget(failing, ctx.inventory, ctx.alarms);
  plan.rejectedTargets = choice.rejected;
  const toMove = (to: string | undefined) =>
    move.map((table) => ({
      routeTableId: table.routeTableId,
      from: defaultRouteTarget(table),
      origin: table.tags[ROUTE_TABLE_TAGS.failoverFrom] ?? failing.natGatewayId,
      ...(to ? { to } : {}),
    }));
  plan.kind = 'failover';
  if (choice.target) {
    plan.target = { kind: 'gateway', natGatewayId: choice.target.natGatewayId };
    plan.moves = toMove(choice.target.natGatewayId);
    plan.reason = `${failing.natGatewayId} is in ALARM: ${move.length} route table(s) move to ${choice.target.natGatewayId} (${choice.target.availabilityZone})`;
    return plan;
  }
  const noHealthy = `no healthy NAT gateway in another AZ of ${failing.vpcId}`;
  if (emergencyOptedIn(failing.vpcId, ctx.inventory, ctx.settings)) {
    const emergency = planEmergency(failing, ctx.inventory, ctx.alarmAt);
    if ('plan' in emergency) {
      plan.target = { kind: 'emergency', plan: emergency.plan };
      plan.moves = toMove(emergency.plan.existingGatewayId);
      plan.reason = `${failing.natGatewayId} is in ALARM and ${noHealthy}: an emergency gateway in ${emergency.plan.subnetId} (${emergency.plan.availabilityZone}) takes ${move.length} route table(s)`;
      return plan;
    }
    plan.reason = `${failing.natGatewayId} is in ALARM, ${noHealthy}, and no emergency gateway is possible: ${emergency.reason}`;
  } else {
    plan.reason = `${failing.natGatewayId} is in ALARM and ${noHealthy}; the VPC is not opted into an emergency gateway (${FAILOVER_TAGS.emergencyGateway}=on): routes left unchanged`;
  }
  plan.kind = 'none';
  plan.noTarget = true;
  plan.skipped.push(
    ...toMove(undefined).map(({ routeTableId, from }) => ({
      routeTableId,
      from,
      reason: 'no healthy target',
    })),
  );
  return plan;
}

/** The gateway's current alarm state decides; INSUFFICIENT_DATA is neither failing nor recovered. */
export function planForGateway(
  natGatewayId: string,
  alarmState: AlarmStateValue | 'none',
  ctx: PlanContext,
): FailoverPlan {
  const gateway = ctx.inventory.natGateways.find((g) => g.natGatewayId === natGatewayId);
  if (alarmState === 'ALARM') {
    if (gateway) return planFailover(gateway, ctx);
    const plan = basePlan(natGatewayId, alarmState);
    plan.reason = `${natGatewayId} does not exist in this account and region`;
    return plan;
  }
  if (alarmState === 'INSUFFICIENT_DATA') {
    const plan = basePlan(natGatewayId, alarmState, gateway?.vpcId);
    plan.reason = `${natGatewayId}'s alarm has insufficient data: neither failing nor recovered, routes left as they are`;
    return plan;
  }
  return planFailback(gateway, natGatewayId, alarmState, ctx);
}
