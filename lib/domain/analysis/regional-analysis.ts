// The regional parts of one gateway's analysis: its findings, and the JSON fields that show its AZs and cost split.

import type { ZoneMetrics } from '../metric-series';
import { applianceReason, gatewayZones, isAutomaticRegional, isRegional, type NatGateway } from '../model';
import type { Prices } from '../pricing/prices';
import type { Finding, GatewayAnalysis } from './analysis-result';
import type { GatewayContext } from './findings/gateway-context';
import { zonalCandidateFinding } from './findings/regional-comparison';
import { regionalIdleZoneFinding, regionalUncoveredZoneFinding } from './findings/regional-zones';
import { billedZones, zoneCosts } from './regional-costs';

/** Whether the scheduler could park it: not in automatic mode, no attached appliance (so OFF_HOURS_CANDIDATE makes sense). */
export function parkable(gateway: NatGateway): boolean {
  return !isAutomaticRegional(gateway) && applianceReason(gateway) === undefined;
}

export function regionalFindings(ctx: GatewayContext): Array<Finding | undefined> {
  if (!isRegional(ctx.gateway)) return [];
  return [regionalIdleZoneFinding(ctx), regionalUncoveredZoneFinding(ctx), zonalCandidateFinding(ctx)];
}

export function regionalAnalysis(
  gateway: NatGateway,
  input: { zoneMetrics?: ZoneMetrics; prices: Prices },
  hours: number,
): Partial<GatewayAnalysis> {
  if (!isRegional(gateway)) return {};
  return {
    availabilityMode: 'regional',
    regionalMode: isAutomaticRegional(gateway) ? 'automatic' : 'manual',
    availabilityZones: gatewayZones(gateway),
    ...(gateway.routeTableId ? { ownRouteTableId: gateway.routeTableId } : {}),
    billedZoneHours: hours * billedZones(gateway),
    perAvailabilityZone: zoneCosts(gateway, input.zoneMetrics ?? {}, hours, input.prices),
  };
}
