// Unpark (recreate, wait, route back, clear), finishing an interrupted unpark, abandoning a park, staying parked.

import { DEFAULT_ROUTE, defaultRouteTarget, type NatGateway, type RouteTable } from '../model';
import { PARK_TAGS, USER_TAGS } from '../tag-keys';
import { chooseConsolidationTarget, usableTarget } from './park-consolidate';
import { type ParkRecord, replacementTags, unparkToken } from './park-record';
import {
  clearRecordSteps,
  consolidateSteps,
  hasFailoverTags,
  holderIds,
  markState,
} from './park-record-steps';
import type { CreateGatewayRequest, GatewayRef, ScheduleStep } from './park-steps';
import type { ParkUnit } from './park-units';
import type { SchedulePlan, UnitContext } from './schedule-plan';

function routeIds(unit: ParkUnit): string[] {
  return unit.recordedTables.map((t) => t.routeTableId);
}

/** Destinations of a recorded table to point back: routes left on the parked gateway, and a default route consolidate moved. */
function destinationsToRestore(
  table: RouteTable,
  parkedId: string,
  to: GatewayRef,
): { destinations: string[]; note?: string } {
  const toId = 'natGatewayId' in to ? to.natGatewayId : undefined;
  const destinations = table.routes.filter((r) => r.natGatewayId === parkedId).map((r) => r.destination);
  if (table.tags[PARK_TAGS.parkedVia] === undefined) return { destinations };
  const byDefault = table.routes.find((r) => r.destination === DEFAULT_ROUTE);
  if (!byDefault) return { destinations: [...destinations, DEFAULT_ROUTE] };
  if (byDefault.natGatewayId === undefined) {
    const target = byDefault.gatewayId ?? byDefault.otherTarget ?? byDefault.vpcEndpointId;
    return {
      destinations,
      note: `${table.routeTableId}: default route now targets ${target}, left as it is`,
    };
  }
  const moved = byDefault.natGatewayId !== parkedId && byDefault.natGatewayId !== toId;
  return { destinations: moved ? [...destinations, DEFAULT_ROUTE] : destinations };
}

/**
 * Points every recorded table back at `to`. On a table failover has taken since, only the routes still on the
 * parked gateway come back (failover never routes to a deleted gateway); its default route is left to failover.
 */
function restoreRoutes(unit: ParkUnit, to: GatewayRef): { steps: ScheduleStep[]; notes: string[] } {
  const steps: ScheduleStep[] = [];
  const notes: string[] = [];
  for (const table of unit.recordedTables) {
    if (hasFailoverTags(table)) {
      notes.push(`${table.routeTableId} carries failover tags: its default route is left to failover`);
      for (const route of table.routes.filter((r) => r.natGatewayId === unit.natGatewayId))
        steps.push({
          kind: 'point-route',
          routeTableId: table.routeTableId,
          destination: route.destination,
          to,
        });
      continue;
    }
    const { destinations, note } = destinationsToRestore(table, unit.natGatewayId, to);
    if (note) notes.push(note);
    for (const destination of destinations)
      steps.push({ kind: 'point-route', routeTableId: table.routeTableId, destination, to });
  }
  return { steps, notes };
}

function withNotes(reason: string, notes: string[]): string {
  return notes.length > 0 ? `${reason}; ${notes.join('; ')}` : reason;
}

/** The window reopened (or the park cannot go on) before the gateway was deleted: undo the park's first steps. */
export function planAbortPark(ctx: UnitContext): SchedulePlan {
  const { unit, desired } = ctx;
  const gateway = unit.gateway;
  if (!gateway) throw new RangeError(`planAbortPark: ${unit.natGatewayId} has no gateway`);
  const to = { natGatewayId: gateway.natGatewayId };
  const wait: ScheduleStep[] = gateway.state === 'available' ? [] : [{ kind: 'wait-available', gateway: to }];
  const moved = unit.recordedTables.filter(
    (t) =>
      !hasFailoverTags(t) &&
      t.tags[PARK_TAGS.parkedVia] !== undefined &&
      defaultRouteTarget(t) !== gateway.natGatewayId,
  );
  const back: ScheduleStep[] = moved.map((t) => ({
    kind: 'point-route',
    routeTableId: t.routeTableId,
    destination: DEFAULT_ROUTE,
    to,
  }));
  const why = desired.up
    ? desired.reason
    : 'the park cannot go on (no consolidation target, or failover holds the gateway)';
  return {
    natGatewayId: unit.natGatewayId,
    action: 'unpark',
    reason: `${why}; park abandoned before ${gateway.natGatewayId} was deleted: routes stay on it, record cleared`,
    routeTableIds: routeIds(unit),
    steps: [...wait, ...back, ...clearRecordSteps(unit)],
  };
}

function createRequest(record: ParkRecord, unit: ParkUnit, attempt: number): CreateGatewayRequest {
  const withAttempt = { ...record, unparkAttempt: attempt };
  const isPublic = record.connectivityType === 'public';
  return {
    subnetId: record.subnetId,
    connectivityType: record.connectivityType,
    ...(isPublic && unit.holder?.kind === 'elastic-ip' ? { allocationId: unit.holder.allocationId } : {}),
    secondaryAllocationIds: isPublic ? record.secondary : [],
    ...(!isPublic && record.privateIp ? { privateIp: record.privateIp } : {}),
    secondaryPrivateIps: isPublic ? [] : record.secondary,
    tags: replacementTags(record),
    clientToken: unparkToken(withAttempt),
    ...(record.regional
      ? { regional: { vpcId: record.regional.vpcId, availabilityZoneAddresses: record.regional.zones } }
      : {}),
  };
}

function notLive(gateway: NatGateway): boolean {
  return gateway.state !== 'pending' && gateway.state !== 'available';
}

export function planUnpark(ctx: UnitContext): SchedulePlan {
  const { unit, desired, input } = ctx;
  const record = unit.record;
  if (!record) throw new RangeError(`planUnpark: ${unit.natGatewayId} has no park record`);
  const plan = { natGatewayId: unit.natGatewayId, action: 'unpark' as const, routeTableIds: routeIds(unit) };
  const failed = unit.replacements.filter((g) => g.state === 'failed');
  const spent = unit.replacements.filter(notLive).length;
  const attempt = Math.max(record.unparkAttempt, spent);
  if (failed.length > 0) {
    const codes = failed.map((g) => `${g.natGatewayId} (${g.failureCode ?? 'no failure code'})`).join(', ');
    const cleanup: ScheduleStep[] = failed
      .filter((g) => g.tags[USER_TAGS.schedule] !== undefined)
      .map((g) => ({ kind: 'delete-gateway', natGatewayId: g.natGatewayId }));
    // The failed attempt's token is spent for good (the same token returns the same failed gateway): the next
    // attempt is counted from the record, not from the replacements AWS still lists (failed ones vanish in an hour).
    const next = Math.max(record.unparkAttempt + 1, spent);
    return {
      ...plan,
      reason: `${desired.reason}; the recreated gateway failed: ${codes}; cleaned up, retried on the next run`,
      steps: [
        {
          kind: 'tag',
          resourceIds: holderIds(unit),
          tags: { [PARK_TAGS.unparkAttempt]: String(next) },
          why: 'next recreate attempt',
        },
        ...cleanup,
      ],
      resultWhenDone: 'failed',
    };
  }
  const deleting = [unit.gateway, ...unit.replacements].filter(
    (g): g is NatGateway => g?.state === 'deleting',
  );
  const allocationIds = record.regional
    ? record.regional.zones.flatMap((z) => z.allocationIds)
    : unit.holder?.kind === 'elastic-ip'
      ? [unit.holder.allocationId]
      : [];
  const eip = input.inventory.elasticIps.find(
    (e) => allocationIds.includes(e.allocationId) && e.associationId,
  );
  if (eip?.associationId && deleting.length === 0) {
    return {
      ...plan,
      reason: `${desired.reason}; not unparked: Elastic IP ${eip.allocationId} is associated with something else (${eip.networkInterfaceId ?? eip.associationId})`,
      steps: [],
      resultWhenDone: 'failed',
    };
  }
  const replacement = { replacement: true } as const;
  const { steps: routes, notes } = restoreRoutes(unit, replacement);
  const steps: ScheduleStep[] = [
    ...(attempt !== record.unparkAttempt
      ? [
          {
            kind: 'tag' as const,
            resourceIds: holderIds(unit),
            tags: { [PARK_TAGS.unparkAttempt]: String(attempt) },
            why: 'next recreate attempt',
          },
        ]
      : []),
    ...(deleting.length > 0
      ? [{ kind: 'wait-deleted' as const, natGatewayIds: deleting.map((g) => g.natGatewayId) }]
      : []),
    { kind: 'create-gateway', request: createRequest(record, unit, attempt) },
    markState(unit, 'unparking'),
    { kind: 'wait-available', gateway: replacement },
    ...routes,
    ...clearRecordSteps(unit),
  ];
  return {
    ...plan,
    reason: withNotes(
      record.regional
        ? `${desired.reason}; recreated as a regional gateway in ${record.regional.vpcId} with the same Elastic IPs in ${record.regional.zones.map((z) => z.availabilityZone).join(', ')} and its tags`
        : `${desired.reason}; recreated in ${record.subnetId} with its Elastic IP and tags`,
      notes,
    ),
    steps,
    event: 'unparked',
  };
}

/** A replacement exists (a previous run created it): wait for it, then routes back and record cleared. */
export function planFinishUnpark(ctx: UnitContext, replacement: NatGateway): SchedulePlan {
  const { unit, desired } = ctx;
  const to = { natGatewayId: replacement.natGatewayId };
  const wait: ScheduleStep[] =
    replacement.state === 'available' ? [] : [{ kind: 'wait-available', gateway: to }];
  const { steps: routes, notes } = restoreRoutes(unit, to);
  return {
    natGatewayId: unit.natGatewayId,
    action: 'unpark',
    reason: withNotes(
      `${desired.reason}; finishing the unpark a previous run began: ${replacement.natGatewayId} replaces it`,
      notes,
    ),
    routeTableIds: routeIds(unit),
    steps: [...wait, ...routes, ...clearRecordSteps(unit)],
    newNatGatewayId: replacement.natGatewayId,
    event: 'unparked',
  };
}

/** Parked and meant to stay so: finish marking it, and in consolidate mode keep its tables on a usable gateway. */
export function planStayParked(ctx: UnitContext): SchedulePlan {
  const { unit, desired, targets } = ctx;
  const record = unit.record;
  if (!record) throw new RangeError(`planStayParked: ${unit.natGatewayId} has no park record`);
  const steps: ScheduleStep[] = [];
  const gateway = unit.gateway;
  if (gateway?.state === 'deleting')
    steps.push({ kind: 'wait-deleted', natGatewayIds: [gateway.natGatewayId] });
  if (record.state !== 'parked') steps.push(markState(unit, 'parked'));
  const subnetAz =
    ctx.input.inventory.subnets.find((s) => s.subnetId === record.subnetId)?.availabilityZone ?? '';
  const vpcId = ctx.input.inventory.subnets.find((s) => s.subnetId === record.subnetId)?.vpcId ?? '';
  let moved = '';
  if (ctx.gatewaySchedule.mode === 'consolidate') {
    // Tables whose default route is this gateway's: still on it (blackholed), or moved to one no longer usable.
    const stranded = unit.recordedTables.filter((t) => {
      if (hasFailoverTags(t)) return false;
      if (defaultRouteTarget(t) === unit.natGatewayId) return true;
      if (t.tags[PARK_TAGS.parkedVia] === undefined) return false;
      const current = ctx.input.inventory.natGateways.find((g) => g.natGatewayId === defaultRouteTarget(t));
      return !current || !usableTarget(current, vpcId, subnetAz, targets);
    });
    const target =
      stranded.length > 0
        ? chooseConsolidationTarget(vpcId, subnetAz, record.connectivityType, targets)
        : undefined;
    if (target) {
      steps.push(...consolidateSteps(stranded, target.natGatewayId));
      moved = `; route tables ${stranded.map((t) => t.routeTableId).join(', ')} moved to ${target.natGatewayId}`;
    } else if (stranded.length > 0)
      moved = `; no gateway that stays up in another AZ to take ${stranded.map((t) => t.routeTableId).join(', ')}`;
  }
  return {
    natGatewayId: unit.natGatewayId,
    action: steps.length > 0 ? (ctx.gatewaySchedule.mode === 'consolidate' ? 'consolidate' : 'park') : 'none',
    reason: `${desired.reason}; parked since ${record.parkedAt.toISOString()}${moved}`,
    routeTableIds: routeIds(unit),
    steps,
    ...(steps.length > 0 ? {} : { resultWhenDone: 'skipped' as const }),
  };
}
