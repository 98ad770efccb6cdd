// Park (or consolidate) a live gateway: record first, then move routes, then delete, then mark parked.

import { MAX_TAGS_PER_RESOURCE } from '../aws-limits';
import type { NatGateway, RouteTable, Tags } from '../model';
import { defaultRouteTarget, isRegional } from '../model';
import { billedZones } from '../pricing/cost-model';
import { PARK_POSTPONED_TAG, PARK_TAGS } from '../tag-keys';
import { chooseConsolidationTarget, crossAzCostText } from './park-consolidate';
import { guardVerdict } from './park-guard';
import { type ParkRecord, recordOf, recordTags } from './park-record';
import { consolidateSteps, failoverHolds, holderIds, markState, tablesRoutingTo } from './park-record-steps';
import { isParkRecordKey } from './park-state';
import type { ScheduleStep } from './park-steps';
import { TagCodecError } from './park-tag-codec';
import type { ParkUnit } from './park-units';
import { hoursUntilUp, offPeriodStart } from './schedule-decision';
import type { SchedulePlan, UnitContext } from './schedule-plan';

class ParkRefusal extends Error {
  override name = 'ParkRefusal';
}

function base(
  ctx: UnitContext,
  gateway: NatGateway,
  tables: RouteTable[],
): Omit<SchedulePlan, 'reason' | 'steps'> {
  return {
    natGatewayId: gateway.natGatewayId,
    action: ctx.gatewaySchedule.mode === 'consolidate' ? 'consolidate' : 'park',
    routeTableIds: tables.map((t) => t.routeTableId),
  };
}

function ownTagCount(tags: Tags): number {
  return Object.keys(tags).filter((key) => !isParkRecordKey(key)).length;
}

function checkBudget(what: string, tags: Tags, adding: number): void {
  if (ownTagCount(tags) + adding > MAX_TAGS_PER_RESOURCE) {
    throw new ParkRefusal(
      `${what} has ${ownTagCount(tags)} tags; the park record needs ${adding} more (limit ${MAX_TAGS_PER_RESOURCE})`,
    );
  }
}

/** Where the record goes, checked against AWS's limits. Throws ParkRefusal with the reason when it cannot. */
function placeRecord(
  ctx: UnitContext,
  gateway: NatGateway,
  tables: RouteTable[],
  record: ParkRecord,
): ParkUnit['holder'] {
  const { inventory } = ctx.input;
  let tags: Tags;
  try {
    tags = recordTags(record);
  } catch (error) {
    if (error instanceof TagCodecError) throw new ParkRefusal(error.message);
    throw error;
  }
  if (Object.keys(record.tags).length + 2 > MAX_TAGS_PER_RESOURCE) {
    throw new ParkRefusal(
      `its ${Object.keys(record.tags).length} tags leave no room for the 2 the replacement needs`,
    );
  }
  if (gateway.connectivityType === 'private') {
    if (tables.length === 0)
      throw new ParkRefusal(
        'a private gateway with no route table pointing at it has nowhere to keep its park record',
      );
    for (const table of tables)
      checkBudget(`route table ${table.routeTableId}`, table.tags, Object.keys(tags).length);
    return { kind: 'route-tables', routeTableIds: tables.map((t) => t.routeTableId) };
  }
  const eip = inventory.elasticIps.find((e) => e.allocationId === gateway.allocationId);
  if (!gateway.allocationId || !eip)
    throw new ParkRefusal('its Elastic IP is not visible: nowhere to keep its park record');
  checkBudget(`Elastic IP ${eip.allocationId}`, eip.tags, Object.keys(tags).length);
  for (const table of tables) checkBudget(`route table ${table.routeTableId}`, table.tags, 1);
  return { kind: 'elastic-ip', allocationId: eip.allocationId };
}

/** Consolidate moves, delete, mark: the part of a park that follows a written record. */
function parkTail(
  unit: ParkUnit,
  gateway: NatGateway,
  tables: RouteTable[],
  target: NatGateway | undefined,
): ScheduleStep[] {
  const moving = tables.filter((t) => defaultRouteTarget(t) === gateway.natGatewayId);
  const moves = target ? consolidateSteps(moving, target.natGatewayId) : [];
  return [
    ...moves,
    { kind: 'delete-gateway', natGatewayId: gateway.natGatewayId },
    markState(unit, 'deleting'),
    { kind: 'wait-deleted', natGatewayIds: [gateway.natGatewayId] },
    markState(unit, 'parked'),
  ];
}

function consolidationTarget(ctx: UnitContext, gateway: NatGateway): NatGateway | undefined {
  if (ctx.gatewaySchedule.mode !== 'consolidate') return undefined;
  if (isRegional(gateway)) {
    throw new ParkRefusal(
      'consolidate: a regional gateway serves several AZs and no other gateway takes them all (nat-optimizer:off-hours=park parks it without egress)',
    );
  }
  const target = chooseConsolidationTarget(
    gateway.vpcId,
    gateway.availabilityZone,
    gateway.connectivityType,
    ctx.targets,
  );
  if (!target) {
    throw new ParkRefusal(
      `consolidate: no available gateway that stays up in another AZ of ${gateway.vpcId} (nat-optimizer:off-hours=park parks without egress)`,
    );
  }
  return target;
}

function parkReason(
  ctx: UnitContext,
  gateway: NatGateway,
  target: NatGateway | undefined,
  hours: number,
): string {
  const { recentBytes, settings } = ctx.input;
  const via = target
    ? `; routes move to ${target.natGatewayId}: ${crossAzCostText(target, recentBytes.get(gateway.natGatewayId), settings.guard.minutes, hours)}`
    : '; its routes are left as blackholes (no egress) until it is back';
  const zones = billedZones(gateway);
  const perZone =
    zones > 1 ? ` (${(hours * zones).toFixed(1)} AZ-hours: it is billed in each of its ${zones} AZs)` : '';
  return `${ctx.desired.reason}${via}; ≈ ${hours.toFixed(1)} gateway-hours saved${perZone}`;
}

/**
 * A route table holds one park at a time (its parked-gateway tag): a gateway with a route in a table another park
 * holds (or takes in this run) waits, else that route would not be restored when it comes back.
 */
function heldByOtherParks(ctx: UnitContext, gateway: NatGateway): string[] {
  return ctx.input.inventory.routeTables.flatMap((t) => {
    if (!t.routes.some((r) => r.natGatewayId === gateway.natGatewayId)) return [];
    const owner = t.tags[PARK_TAGS.parkedGateway] ?? ctx.claims.get(t.routeTableId);
    return owner && owner !== gateway.natGatewayId
      ? [`route table ${t.routeTableId} is held by the park of ${owner}`]
      : [];
  });
}

export function planGoingOff(ctx: UnitContext): SchedulePlan {
  const { unit, input } = ctx;
  const gateway = unit.gateway;
  if (!gateway) throw new RangeError(`planGoingOff: ${unit.natGatewayId} has no gateway`);
  const tables = tablesRoutingTo(input.inventory, gateway.natGatewayId);
  const plan = base(ctx, gateway, tables);
  try {
    const held = failoverHolds(input.inventory, gateway.natGatewayId);
    if (held.length > 0) {
      throw new ParkRefusal(
        `failover holds it (route tables ${held.map((t) => t.routeTableId).join(', ')} carry failover tags)`,
      );
    }
    const owners = heldByOtherParks(ctx, gateway);
    if (owners.length > 0) {
      throw new ParkRefusal(`${owners.join(', ')}: it parks once that gateway is back`);
    }
    const { record, unrestorable } = recordOf(gateway, input.now);
    const holder = placeRecord(ctx, gateway, tables, record);
    const placed: ParkUnit = { ...unit, ...(holder ? { holder } : {}), recordedTables: tables };
    const target = consolidationTarget(ctx, gateway);
    const schedule = ctx.gatewaySchedule.schedule;
    const postponed = unit.holderTags[0]?.[PARK_POSTPONED_TAG] ?? tables[0]?.tags[PARK_POSTPONED_TAG];
    const verdict = guardVerdict(
      input.recentBytes.get(gateway.natGatewayId),
      postponed,
      offPeriodStart(schedule, input.now),
      input.settings.guard,
    );
    if (verdict.postpone) {
      const steps: ScheduleStep[] = [
        { kind: 'tag', resourceIds: holderIds(placed), tags: verdict.tags, why: 'park postponed' },
      ];
      return { ...plan, reason: verdict.reason, steps, resultWhenDone: 'skipped' };
    }
    const hours = Math.max(hoursUntilUp(schedule, input.now) - input.settings.unparkLeadMinutes / 60, 0);
    const notes = [
      ...(verdict.note ? [verdict.note] : []),
      ...(unrestorable.length > 0
        ? [`tags AWS reserves cannot be restored: ${unrestorable.join(', ')}`]
        : []),
    ];
    const recordStep: ScheduleStep = {
      kind: 'tag',
      resourceIds: holderIds(placed),
      tags: recordTags(record),
      why: 'park record',
    };
    const tableStep: ScheduleStep[] =
      holder?.kind === 'elastic-ip' && tables.length > 0
        ? [
            {
              kind: 'tag',
              resourceIds: tables.map((t) => t.routeTableId),
              tags: { [PARK_TAGS.parkedGateway]: gateway.natGatewayId },
              why: 'route tables of the parked gateway',
            },
          ]
        : [];
    for (const table of tables) ctx.claims.set(table.routeTableId, gateway.natGatewayId);
    return {
      ...plan,
      reason: [parkReason(ctx, gateway, target, hours), ...notes].join('; '),
      steps: [recordStep, ...tableStep, ...parkTail(placed, gateway, tables, target)],
      estimatedHoursSaved: hours,
      event: 'parked',
    };
  } catch (error) {
    if (!(error instanceof ParkRefusal)) throw error;
    return {
      ...plan,
      reason: `${ctx.desired.reason}; not parked: ${error.message}`,
      steps: [],
      resultWhenDone: 'skipped',
    };
  }
}

/** A park a crash interrupted (record written, gateway still there): finish it from where it stopped. */
export function planContinuePark(ctx: UnitContext): SchedulePlan | undefined {
  const { unit, input } = ctx;
  const gateway = unit.gateway;
  const record = unit.record;
  if (!gateway || !record)
    throw new RangeError(`planContinuePark: ${unit.natGatewayId} has no gateway or record`);
  if (failoverHolds(input.inventory, gateway.natGatewayId).length > 0) return undefined;
  let target: NatGateway | undefined;
  try {
    target = consolidationTarget(ctx, gateway);
  } catch (error) {
    if (error instanceof ParkRefusal) return undefined;
    throw error;
  }
  const tables = tablesRoutingTo(input.inventory, gateway.natGatewayId);
  const untagged = tables.filter((t) => t.tags[PARK_TAGS.parkedGateway] !== gateway.natGatewayId);
  const tagging: ScheduleStep[] =
    untagged.length === 0
      ? []
      : [
          {
            kind: 'tag',
            resourceIds: untagged.map((t) => t.routeTableId),
            tags:
              unit.holder?.kind === 'route-tables'
                ? recordTags(record)
                : { [PARK_TAGS.parkedGateway]: gateway.natGatewayId },
            why: 'route tables of the parked gateway',
          },
        ];
  const recorded = [...new Map([...unit.recordedTables, ...tables].map((t) => [t.routeTableId, t])).values()];
  const hours = Math.max(
    hoursUntilUp(ctx.gatewaySchedule.schedule, input.now) - input.settings.unparkLeadMinutes / 60,
    0,
  );
  return {
    ...base(ctx, gateway, recorded),
    reason: `${parkReason(ctx, gateway, target, hours)}; continuing the park a previous run began (${record.state})`,
    steps: [...tagging, ...parkTail(unit, gateway, recorded, target)],
    estimatedHoursSaved: hours,
    event: 'parked',
  };
}
